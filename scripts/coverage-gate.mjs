#!/usr/bin/env node
// Prints line and branch coverage per package from vitest's json-summary and fails when any
// package is under the floor (80% lines and 80% branches).
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const FLOOR = Number(process.env.S3KIT_COVERAGE_FLOOR ?? 80);

/** Groups a coverage-summary.json object by package directory and returns rows. */
export function coverageByPackage(summary, repoRoot = root) {
  const rows = new Map();
  for (const [file, data] of Object.entries(summary)) {
    if (file === 'total') continue;
    const parts = relative(repoRoot, file).split(sep);
    if (parts[0] !== 'packages' || !parts[1]) continue;
    const row = rows.get(parts[1]) ?? { pkg: parts[1], lines: [0, 0], branches: [0, 0], files: 0 };
    row.lines[0] += data.lines.covered;
    row.lines[1] += data.lines.total;
    row.branches[0] += data.branches.covered;
    row.branches[1] += data.branches.total;
    row.files++;
    rows.set(parts[1], row);
  }
  return [...rows.values()].sort((a, b) => a.pkg.localeCompare(b.pkg));
}

const pct = ([covered, total]) => (total === 0 ? 100 : (100 * covered) / total);

if (import.meta.url === `file://${process.argv[1]}`) {
  const summary = JSON.parse(readFileSync(resolve(root, 'coverage/coverage-summary.json'), 'utf8'));
  const rows = coverageByPackage(summary);
  const failures = [];
  console.log('\nCoverage per package (floor: %d%% lines and branches)', FLOOR);
  console.log('  package        files   lines %    branches %');
  for (const r of rows) {
    const l = pct(r.lines);
    const b = pct(r.branches);
    const ok = l >= FLOOR && b >= FLOOR;
    if (!ok) failures.push(r.pkg);
    console.log(`  ${r.pkg.padEnd(14)} ${String(r.files).padStart(5)}   ${l.toFixed(1).padStart(7)}   ${b.toFixed(1).padStart(10)}   ${ok ? 'ok' : 'BELOW FLOOR'}`);
  }
  if (failures.length) {
    console.error(`Coverage below ${FLOOR}% in: ${failures.join(', ')}`);
    process.exit(1);
  }
}
