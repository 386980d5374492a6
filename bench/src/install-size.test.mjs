import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packWorkspacePackages, staleDistFiles } from './install-size.mjs';

/** A workspace with one package `packages/p`: `src` and `dist` hold the given files. */
function workspace(files) {
  const repo = mkdtempSync(join(tmpdir(), 'install-size-'));
  for (const [path, text] of Object.entries(files)) {
    const full = join(repo, 'packages/p', path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, text);
  }
  return repo;
}

describe('stale dist files (a cached build restored on top of a moved source)', () => {
  let repo;
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('lists dist modules and declarations that no source emits, not the bundled Node entry', () => {
    repo = workspace({
      'src/config/config.ts': '',
      'dist/config/config.js': '',
      'dist/config/config.d.ts': '',
      'dist/config.js': '',
      'dist/config.d.ts': '',
      'dist/index.node.js': '',
      'dist/README.md': '',
    });
    expect(staleDistFiles(join(repo, 'packages/p'))).toEqual(['config.d.ts', 'config.js']);
  });

  it('is empty for a package that was never built', () => {
    repo = workspace({ 'src/index.ts': '' });
    expect(staleDistFiles(join(repo, 'packages/p'))).toEqual([]);
  });

  it('refuses to pack (and so to measure) a package whose dist holds them', () => {
    repo = workspace({ 'src/index.ts': '', 'dist/index.js': '', 'dist/ini.js': '' });
    // A pnpm that must never run: the check comes before any packing.
    expect(() => packWorkspacePackages(repo, ['p'], { pnpm: ['false'] })).toThrow(/packages\/p\/dist holds 1 files no source emits \(ini\.js\)/);
  });
});
