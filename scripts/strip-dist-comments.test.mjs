import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');
const script = join(repo, 'scripts/strip-dist-comments.mjs');

describe('per-file JavaScript without comments (scripts/strip-dist-comments.mjs)', () => {
  let dir;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('drops TSDoc and line comments from every .js, leaves strings, names and .d.ts alone', async () => {
    // esbuild keeps comments inside class bodies and object literals (3.5 kB of 545 kB in
    // primitives, sigv4 and s3-core): what it drops is the TSDoc ahead of declarations and the
    // comments in function bodies.
    dir = mkdtempSync(join(tmpdir(), 'strip-dist-'));
    mkdirSync(join(dir, 'dist/nested'), { recursive: true });
    const js = [
      '/**',
      ' * Doubles a number.',
      ' * @example double(2)',
      ' */',
      'export function double(n) {',
      '    // why: not obvious',
      '    return n * 2;',
      '}',
      "export const text = `/* kept */ // kept`;",
      'export class Named {',
      '    answer() { return 42; }',
      '}',
      '',
    ].join('\n');
    const dts = '/** Doubles a number. */\nexport declare function double(n: number): number;\n';
    writeFileSync(join(dir, 'dist/nested/double.js'), js);
    writeFileSync(join(dir, 'dist/nested/double.d.ts'), dts);
    execFileSync(process.execPath, [script], { cwd: dir });

    const out = readFileSync(join(dir, 'dist/nested/double.js'), 'utf8');
    expect(out).not.toContain('Doubles');
    expect(out).not.toContain('why: not obvious');
    // Printed, not minified: one statement a line, names as written.
    expect(out.split('\n').length).toBeGreaterThan(5);
    const m = await import(pathToFileURL(join(dir, 'dist/nested/double.js')).href);
    expect(m.double(21)).toBe(42);
    expect(m.double.name).toBe('double');
    expect(m.Named.name).toBe('Named');
    expect(new m.Named().answer()).toBe(42);
    expect(m.text).toBe('/* kept */ // kept');
    expect(readFileSync(join(dir, 'dist/nested/double.d.ts'), 'utf8')).toBe(dts);
  });
});
