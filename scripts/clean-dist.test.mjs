import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');
const script = join(repo, 'scripts/clean-dist.mjs');

describe('stale dist outputs of moved sources (scripts/clean-dist.mjs)', () => {
  let dir;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('removes dist with what an earlier build left in it', () => {
    dir = mkdtempSync(join(tmpdir(), 'clean-dist-'));
    mkdirSync(join(dir, 'dist/config'), { recursive: true });
    writeFileSync(join(dir, 'dist/config.js'), 'export const stale = true;\n');
    writeFileSync(join(dir, 'dist/config/config.js'), 'export const fresh = true;\n');
    execFileSync(process.execPath, [script], { cwd: dir });
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    expect(existsSync(dir)).toBe(true);
  });

  it('succeeds where there is no dist yet (a fresh clone)', () => {
    dir = mkdtempSync(join(tmpdir(), 'clean-dist-'));
    execFileSync(process.execPath, [script], { cwd: dir });
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });
});
