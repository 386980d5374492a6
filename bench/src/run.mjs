#!/usr/bin/env node
// `pnpm bench [--quick] [--only id,id] [--out docs/benchmarks.md]`: runs every scenario in
// interleaved rounds and writes the Markdown report and its JSON twin.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { machineInfo } from './machine.mjs';
import { renderMarkdown, withRatios } from './report.mjs';
import { scenarios } from './scenarios/index.mjs';

/** Runs the selected scenarios; `size` is 'full', 'quick' or 'tiny' (the test suite's smoke size). */
export async function runBenchmarks({ size = 'full', only } = {}) {
  const results = [];
  for (const scenario of scenarios) {
    if (only && !only.includes(scenario.id)) continue;
    const t0 = Date.now();
    process.stderr.write(`bench: ${scenario.id} (${size})...`);
    const result = await scenario.run({ size });
    results.push(withRatios(result, scenario.targets ?? {}));
    process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  return { generatedAt: new Date().toISOString(), quick: size !== 'full', size, machine: machineInfo(), scenarios: results };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, out: { type: 'string' } },
  });
  const report = await runBenchmarks({ size: values.quick ? 'quick' : 'full', only: values.only?.split(',') });
  const out = resolve(process.cwd(), values.out ?? (values.quick ? 'docs/benchmarks-quick.md' : 'docs/benchmarks.md'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, renderMarkdown(report));
  writeFileSync(out.replace(/\.md$/, '.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(renderMarkdown(report));
  process.stderr.write(`bench: wrote ${out}\n`);
}
