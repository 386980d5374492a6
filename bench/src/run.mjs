#!/usr/bin/env node
// `pnpm bench [--quick] [--only id,id] [--update] [--out docs/benchmarks.md]`: runs every scenario
// in interleaved rounds and writes the Markdown report and its JSON twin. With --update (and --only),
// the scenarios run replace their sections of the existing report; the others are kept as measured.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** `previous` with the scenarios of `fresh` in place of their earlier runs, in report order. */
export function updatedReport(previous, fresh) {
  const byId = new Map(fresh.scenarios.map((s) => [s.id, { ...s, measuredAt: fresh.generatedAt }]));
  const order = scenarios.map((s) => s.id);
  const kept = previous.scenarios.filter((s) => !byId.has(s.id)).map((s) => ({ measuredAt: previous.generatedAt, ...s }));
  const merged = [...kept, ...byId.values()].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return { ...previous, generatedAt: fresh.generatedAt, updated: [...byId.keys()], scenarios: merged };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, out: { type: 'string' }, update: { type: 'boolean', default: false } },
  });
  const fresh = await runBenchmarks({ size: values.quick ? 'quick' : 'full', only: values.only?.split(',') });
  const out = resolve(process.cwd(), values.out ?? (values.quick ? 'docs/benchmarks-quick.md' : 'docs/benchmarks.md'));
  const previous = out.replace(/\.md$/, '.json');
  const report = values.update && existsSync(previous) ? updatedReport(JSON.parse(readFileSync(previous, 'utf8')), fresh) : fresh;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, renderMarkdown(report));
  writeFileSync(out.replace(/\.md$/, '.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(renderMarkdown(report));
  process.stderr.write(`bench: wrote ${out}\n`);
}
