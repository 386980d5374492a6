// The changeset check run for real (node, git, the changesets CLI) in throwaway repositories shaped
// like this one, including the clones CI may make: a full clone, a single-branch clone, a shallow one.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');
const script = join(repo, 'scripts/check-changesets.mjs');
const identity = ['-c', 'user.name=test', '-c', 'user.email=test@localhost', '-c', 'init.defaultBranch=main', '-c', 'protocol.file.allow=always'];
const git = (cwd, ...args) => execFileSync('git', [...identity, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

let dir;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function write(root, files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const manifest = (name, extra = {}) => JSON.stringify({ name, version: '0.1.0', ...extra });
const changeset = (pkgs) => `---\n${Object.entries(pkgs).map(([n, t]) => `"${n}": ${t}`).join('\n')}\n---\n\nA change.\n`;

/** A workspace with two published packages and a private one, on main, with the repo's changesets config. */
function origin() {
  dir = mkdtempSync(join(tmpdir(), 'changesets-'));
  const root = join(dir, 'origin');
  write(root, {
    'package.json': JSON.stringify({ name: 'root', private: true }),
    'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - 'tooling/*'\n",
    'packages/a/package.json': manifest('@t/a'),
    'packages/a/src/index.ts': 'export const a = 1;\n',
    'packages/b/package.json': manifest('@t/b'),
    'packages/b/src/index.ts': 'export const b = 1;\n',
    'tooling/harness/package.json': manifest('@t/harness', { private: true }),
  });
  mkdirSync(join(root, '.changeset'));
  cpSync(join(repo, '.changeset/config.json'), join(root, '.changeset/config.json'));
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'start');
  return root;
}

function commit(root, files, message = 'change') {
  write(root, files);
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', message);
}

/** Runs the check with its own TMPDIR, and asserts it left nothing there, whatever the outcome. */
function check(cwd, env = {}) {
  const tmp = mkdtempSync(join(dir, 'tmp-'));
  const r = spawnSync(process.execPath, [script], { cwd, encoding: 'utf8', env: { ...process.env, S3KIT_CHANGESET_BASE: '', TMPDIR: tmp, ...env } });
  expect(readdirSync(tmp), 'temporary files left behind').toEqual([]);
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('pnpm check:changesets', () => {
  it('on a branch: fails for each package changed since it left main without a changeset naming it', () => {
    const root = origin();
    git(root, 'checkout', '-qb', 'feature');
    commit(root, { 'packages/a/src/index.ts': 'export const a = 2;\n', 'packages/b/src/index.ts': 'export const b = 2;\n', '.changeset/a.md': changeset({ '@t/a': 'patch' }) });
    const r = check(root);
    expect(r.status, r.out).toBe(1);
    expect(r.out).toContain('where HEAD left main');
    expect(r.out).toMatch(/Changeset check failed: @t\/b changed since [0-9a-f]{12} \(where HEAD left main\) without a changeset naming it/);
    expect(r.out).not.toMatch(/failed: .*@t\/a/);

    commit(root, { '.changeset/b.md': changeset({ '@t/b': 'minor' }) });
    const ok = check(root);
    expect(ok.status, ok.out).toBe(0);
    expect(ok.out).toContain('changed since the base: @t/a, @t/b');
    expect(ok.out).toContain('Changeset check: ok (2 changed packages, 2 changesets since the base)');
  });

  it('a changeset already on main does not cover a new change on the branch', () => {
    const root = origin();
    commit(root, { 'packages/a/src/index.ts': 'export const a = 2;\n', '.changeset/old.md': changeset({ '@t/a': 'patch' }) });
    git(root, 'checkout', '-qb', 'feature');
    commit(root, { 'packages/a/src/index.ts': 'export const a = 3;\n' });
    const r = check(root);
    expect(r.status, r.out).toBe(1);
    expect(r.out).toMatch(/\n@t\/a changed without a changeset naming it/);
  });

  it('does not ask for a changeset for tests, fixtures or private packages', () => {
    const root = origin();
    git(root, 'checkout', '-qb', 'feature');
    commit(root, { 'packages/a/src/index.test.ts': 'test\n', 'packages/a/test/fixtures/x.json': '{}\n', 'packages/a/src/test-support/setup.ts': '\n', 'tooling/harness/index.ts': '\n' });
    const r = check(root);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('changed since the base: no published package');
  });

  it('refuses a changeset that does not parse, with changesets own message', () => {
    const root = origin();
    git(root, 'checkout', '-qb', 'feature');
    commit(root, { 'packages/a/src/index.ts': 'export const a = 2;\n', '.changeset/broken.md': '---\n"@t/a": sideways\n---\n\nA change.\n' });
    const r = check(root);
    expect(r.status, r.out).toBe(1);
    expect(r.out).toMatch(/changeset status --since=[0-9a-f]{12} exited 1/);
  });

  it('removes its temporary directory when changeset status refuses (process.exit skipped the finally that removed it)', () => {
    const root = origin();
    git(root, 'checkout', '-qb', 'feature');
    commit(root, { 'packages/a/src/index.ts': 'export const a = 2;\n' });
    // check() runs it with its own TMPDIR and asserts that directory is empty afterwards.
    const r = check(root);
    expect(r.status, r.out).toBe(1);
    expect(r.out).toContain('no changesets were found');
  });

  it('in a clone of the branch finds main under the remote, whatever it is called', () => {
    const root = origin();
    git(root, 'checkout', '-qb', 'feature');
    commit(root, { 'packages/a/src/index.ts': 'export const a = 2;\n' });
    git(dir, 'clone', '-q', '--origin', 'upstream', '--branch', 'feature', root, 'clone');
    const r = check(join(dir, 'clone'));
    expect(r.status, r.out).toBe(1);
    expect(r.out).toContain('where HEAD left upstream/main');
    expect(r.out).toMatch(/\n@t\/a changed without a changeset naming it/);
  });

  it('in a clone of the branch alone, or on main, checks every change since the last release', () => {
    const root = origin();
    commit(root, { 'packages/a/src/index.ts': 'export const a = 2;\n', '.changeset/a.md': changeset({ '@t/a': 'patch' }) });
    const unreleased = check(root);
    expect(unreleased.status, unreleased.out).toBe(0);
    expect(unreleased.out).toContain('HEAD is on main, and nothing released yet: the first commit');

    // `changeset version` consumed the changeset and wrote the CHANGELOG: that commit is the release.
    rmSync(join(root, '.changeset/a.md'));
    commit(root, { 'packages/a/CHANGELOG.md': '# @t/a\n\n## 0.1.1\n', 'packages/a/package.json': manifest('@t/a', { version: '0.1.1' }) }, 'Version packages');
    git(root, 'checkout', '-qb', 'feature');
    commit(root, { 'packages/b/src/index.ts': 'export const b = 2;\n' });
    git(dir, 'clone', '-q', '--single-branch', '--branch', 'feature', root, 'single');
    const r = check(join(dir, 'single'));
    expect(r.status, r.out).toBe(1);
    expect(r.out).toMatch(/no main branch in this clone: the last release \([0-9a-f]{7} wrote the CHANGELOGs\)/);
    expect(r.out).toMatch(/\n@t\/b changed without a changeset naming it/);
    expect(r.out).toContain('changed since the base: @t/b');
  });

  it('takes S3KIT_CHANGESET_BASE when CI names the commit it merges into', () => {
    const root = origin();
    const start = git(root, 'rev-parse', 'HEAD');
    commit(root, { 'packages/a/src/index.ts': 'export const a = 2;\n' });
    const r = check(root, { S3KIT_CHANGESET_BASE: start });
    expect(r.status, r.out).toBe(1);
    expect(r.out).toContain(`where HEAD left S3KIT_CHANGESET_BASE (${start})`);
    const unknown = check(root, { S3KIT_CHANGESET_BASE: 'no-such-ref' });
    expect(unknown.status).toBe(1);
    expect(unknown.out).toContain('S3KIT_CHANGESET_BASE=no-such-ref is not a commit this clone shares with HEAD');
  });

  it('says why it cannot judge a shallow clone', () => {
    const root = origin();
    commit(root, { 'packages/a/src/index.ts': 'export const a = 2;\n' });
    git(dir, 'clone', '-q', '--depth', '1', `file://${root}`, 'shallow');
    const r = check(join(dir, 'shallow'));
    expect(r.status).toBe(1);
    expect(r.out).toContain('Changeset check failed: this is a shallow clone');
  });
});
