import * as nodePath from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyToLocalPath, localPathToKey } from './path-safety.js';

const root = '/data/target';

function reasonOf(key: string, options: Parameters<typeof keyToLocalPath>[2] = {}): string {
  const result = keyToLocalPath(root, key, { path: nodePath.posix, ...options });
  return result.ok ? result.relative : result.reason;
}

describe('keyToLocalPath', () => {
  it('maps ordinary keys under the root, stripping the prefix', () => {
    expect(keyToLocalPath(root, 'photos/2024/a.jpg', { prefix: 'photos/', path: nodePath.posix })).toEqual({
      ok: true,
      path: '/data/target/2024/a.jpg',
      relative: '2024/a.jpg',
    });
    expect(reasonOf('a//b/./c')).toBe('a/b/c');
  });

  it('refuses every way out of the root, with a reason', () => {
    expect(reasonOf('../etc/passwd')).toBe('parent-segment');
    expect(reasonOf('a/../../b')).toBe('parent-segment');
    expect(reasonOf('/etc/passwd')).toBe('absolute');
    expect(reasonOf('a\\..\\b')).toBe('backslash');
    expect(reasonOf('C:/Windows/x')).toBe('drive-letter');
    expect(reasonOf('a\0b')).toBe('nul');
    expect(reasonOf('a\nb')).toBe('control-character');
    expect(reasonOf('')).toBe('empty');
    expect(reasonOf('./')).toBe('directory-marker');
    expect(reasonOf('.')).toBe('empty');
    expect(reasonOf('dir/')).toBe('directory-marker');
    expect(reasonOf('x'.repeat(256))).toBe('too-long');
  });

  it('applies Windows naming rules when asked', () => {
    const win = { windowsRules: true };
    expect(reasonOf('dir/CON', win)).toBe('reserved-name');
    expect(reasonOf('dir/com1.txt', win)).toBe('reserved-name');
    expect(reasonOf('ab:c', win)).toBe('invalid-character');
    expect(reasonOf('what?', win)).toBe('invalid-character');
    expect(reasonOf('name.', win)).toBe('trailing-dot-or-space');
    expect(reasonOf('dir/CON', { windowsRules: false })).toBe('dir/CON');
  });

  it('works with win32 path rules', () => {
    const result = keyToLocalPath('C:\\data', 'a/b.txt', { path: nodePath.win32, windowsRules: true });
    expect(result).toEqual({ ok: true, path: 'C:\\data\\a\\b.txt', relative: 'a\\b.txt' });
    expect(keyToLocalPath('C:\\data', 'a\\..\\..\\x', { path: nodePath.win32 })).toEqual({ ok: false, reason: 'backslash' });
  });

  it('refuses a drive-letter segment inside a key on Windows paths, whatever the rules (regression: " /c:" resolved against the drive\'s current directory, found by the property below)', () => {
    expect(keyToLocalPath('C:\\data\\target', ' /c:', { path: nodePath.win32, windowsRules: false })).toEqual({ ok: false, reason: 'drive-letter' });
    expect(keyToLocalPath('C:\\data\\target', 'a/D:/evil', { path: nodePath.win32, windowsRules: false })).toEqual({ ok: false, reason: 'drive-letter' });
    expect(keyToLocalPath('/data', 'a/c:', { path: nodePath.posix, windowsRules: false })).toMatchObject({ ok: true, relative: 'a/c:' });
  });

  it('property: any key maps inside the root or is skipped (posix and win32)', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '', 'C:', 'con', 'a\\b', '\0', '~', 'ok', '..\\..', 'é'),
      fc.string({ maxLength: 6 }),
    );
    const key = fc.oneof(fc.string({ maxLength: 40 }), fc.array(segment, { maxLength: 6 }).map((s) => s.join('/')));
    fc.assert(
      fc.property(key, fc.boolean(), fc.boolean(), (k, win, windowsRules) => {
        const path = win ? nodePath.win32 : nodePath.posix;
        const base = win ? 'C:\\data\\target' : root;
        const result = keyToLocalPath(base, k, { path, windowsRules });
        if (!result.ok) return;
        const rel = path.relative(base, result.path);
        expect(rel).not.toBe('');
        expect(rel.split(path.sep)).not.toContain('..');
        expect(path.isAbsolute(rel)).toBe(false);
        expect(result.path.startsWith(base + path.sep)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('localPathToKey', () => {
  it('joins the prefix and the relative path with slashes', () => {
    expect(localPathToKey('/data', '/data/a/b.txt', 'backup/', nodePath.posix)).toBe('backup/a/b.txt');
    expect(localPathToKey('C:\\data', 'C:\\data\\a\\b.txt', '', nodePath.win32)).toBe('a/b.txt');
  });
});
