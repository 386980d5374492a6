#!/usr/bin/env node
/**
 * `pnpm chaos [--seeds N] [--seed S] [--from F] [--lanes L]`: runs seeds F..F+N-1 (or seed S alone)
 * and prints the table; exits 1 when an invariant broke, printing each failing seed's replay command.
 */
import { parseArgs } from 'node:util';
import { runMatrix } from './matrix.js';
import { builtEntryPoints } from './run-seed.js';
import { allHeld, describeFailure, formatTally } from './table.js';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '50' },
    seed: { type: 'string' },
    from: { type: 'string', default: '1' },
    lanes: { type: 'string', default: '2' },
    verbose: { type: 'boolean', default: false },
  },
});

function count(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`chaos: --${name} must be an integer >= ${min}, got ${JSON.stringify(text)}\n`);
    process.exit(2);
  }
  return n;
}

builtEntryPoints();
const seeds = values.seed !== undefined ? [count('seed', values.seed, 0)] : Array.from({ length: count('seeds', values.seeds, 1) }, (_, i) => count('from', values.from, 0) + i);
const started = Date.now();
let done = 0;
const { results, tally } = await runMatrix({
  seeds,
  lanes: count('lanes', values.lanes, 1),
  onResult: (result) => {
    done++;
    if (values.verbose || seeds.length === 1) process.stderr.write(`seed ${result.seed}: ${result.outcome} ${result.violations.join(' ')} (${result.ms} ms)\n`);
    else if (done % 25 === 0) process.stderr.write(`chaos: ${done}/${seeds.length} seeds\n`);
  },
});
const failing = results.filter((r) => r.violations.length > 0);
for (const result of failing) process.stdout.write(`${describeFailure(result)}\n\n`);
process.stdout.write(`${formatTally(tally)}\n\nseeds ${seeds[0] ?? 0}..${seeds.at(-1) ?? 0} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.exitCode = allHeld(tally) ? 0 : 1;
