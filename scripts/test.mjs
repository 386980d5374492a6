#!/usr/bin/env node
// `pnpm test`: everything that proves the tree works, in order, failing fast:
//   1. build every package (turbo, cached),
//   2. layering and declared-dependency check,
//   3. vitest: unit projects (one per package) and the integration project (real RGW, real AWS CLI),
//      with v8 coverage,
//   4. per-package coverage floor,
//   5. release rehearsal (scripts/release/rehearse.mjs): changeset version, publish to a registry on
//      loopback, install each package as users do (closure, entry points, publint, attw, sizes).
// Extra arguments go to vitest (e.g. `pnpm test --project primitives`); they skip steps 4 and 5
// because a partial run cannot judge coverage.
import { spawnSync } from 'node:child_process';
import { resolve, join } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);
const started = Date.now();

function step(title, cmd, args) {
  const t0 = Date.now();
  console.log(`\n=== ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n=== ${title}: FAILED after ${secs} s (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  console.log(`=== ${title}: ok in ${secs} s`);
}

step('build', bin('turbo'), ['run', 'build', '--output-logs=errors-only']);
step('layering', process.execPath, [join(root, 'scripts/check-layering.mjs')]);
step('vitest (unit + integration, coverage)', bin('vitest'), ['run', '--coverage', ...extra]);
if (extra.length === 0) {
  step('coverage floor', process.execPath, [join(root, 'scripts/coverage-gate.mjs')]);
  step('release rehearsal', process.execPath, [join(root, 'scripts/release/rehearse.mjs')]);
}
console.log(`\nAll test steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
