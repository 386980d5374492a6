#!/usr/bin/env node
// `pnpm check:changesets` (part of `pnpm check`, so CI runs it): fails when a published package's
// source changed since the base (changeset-base.mjs) without a changeset that names the package.
// `changeset status --since <base>` runs first: it parses every pending changeset and fails when
// packages changed and no changeset was added at all; this script adds the per-package rule.
// Which files count is changesets' own `changedFilePatterns` (tests and fixtures do not).
// Runs in the repository of the current directory.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getChangedPackagesSinceRef } from '@changesets/git';
import { resolveChangesetBase } from './changeset-base.mjs';

const changesetBin = resolve(import.meta.dirname, '../node_modules/.bin/changeset');

function fail(message) {
  console.error(`Changeset check failed: ${message}`);
  process.exit(1);
}

const cwd = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
const config = JSON.parse(readFileSync(join(cwd, '.changeset/config.json'), 'utf8'));
let base;
try {
  base = resolveChangesetBase(cwd, { baseBranch: config.baseBranch });
} catch (err) {
  fail(err.message);
}
console.log(`Changeset base: ${base.sha.slice(0, 12)}, ${base.reason}`);

const changed = (await getChangedPackagesSinceRef({ cwd, ref: base.sha, changedFilePatterns: config.changedFilePatterns }))
  .filter((p) => !p.packageJson.private && !(config.ignore ?? []).includes(p.packageJson.name))
  .map((p) => p.packageJson.name)
  .sort();
console.log(`  changed since the base: ${changed.join(', ') || 'no published package'}`);
const hint = 'Run `pnpm changeset`, pick the package and the bump (see "Versioning" in the README), and commit the file with the change; a new changeset counts once git tracks it.';

/** `changeset status --since <base>`: its release plan, or what it said when it refused. */
function releasePlan() {
  const tmp = mkdtempSync(join(tmpdir(), 's3kit-changesets-'));
  try {
    execFileSync(changesetBin, ['status', `--since=${base.sha}`, `--output=${join(tmp, 'plan.json')}`], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { plan: JSON.parse(readFileSync(join(tmp, 'plan.json'), 'utf8')) };
  } catch (err) {
    return { status: err.status, said: `${err.stdout ?? ''}${err.stderr ?? ''}`.trim() };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const { plan, status, said } = releasePlan();
if (!plan) {
  // changesets stops here when packages changed and no changeset was added at all.
  const none = /no changesets were found/.test(said) ? `\n${changed.join(', ')} changed without a changeset naming ${changed.length === 1 ? 'it' : 'them'}. ${hint}` : '';
  fail(`changeset status --since=${base.sha.slice(0, 12)} exited ${status}:\n${said}${none}`);
}

const named = new Set(plan.changesets.flatMap((c) => c.releases.map((r) => r.name)));
for (const c of plan.changesets) console.log(`  .changeset/${c.id}.md: ${c.releases.map((r) => `${r.name} ${r.type}`).join(', ') || '(empty)'}`);
const missing = changed.filter((name) => !named.has(name));
if (missing.length) {
  fail(`${missing.join(', ')} changed since ${base.sha.slice(0, 12)} (${base.reason}) without a changeset naming ${missing.length === 1 ? 'it' : 'them'}.\n${hint}`);
}
console.log(`Changeset check: ok (${changed.length} changed package${changed.length === 1 ? '' : 's'}, ${plan.changesets.length} changeset${plan.changesets.length === 1 ? '' : 's'} since the base)`);
