/**
 * Object keys to local paths: a key is attacker-controlled text (any bucket can hold
 * `../../etc/passwd`), so a download never writes outside its target directory.
 */
import type * as NodePath from 'node:path';
import { utf8ByteLength } from '@s3kit/primitives';
import { nodePath } from '#platform/node-files';

/** Why a key has no local path. */
export type SkipReason =
  | 'empty'
  | 'directory-marker'
  | 'parent-segment'
  | 'absolute'
  | 'backslash'
  | 'nul'
  | 'control-character'
  | 'drive-letter'
  | 'reserved-name'
  | 'invalid-character'
  | 'trailing-dot-or-space'
  | 'too-long'
  | 'outside-root';

/** Result of {@link keyToLocalPath}: a path inside the root, or why the key was skipped. */
export type LocalPathResult = { ok: true; path: string; relative: string } | { ok: false; reason: SkipReason };

/** Options of {@link keyToLocalPath}. */
export interface KeyToPathOptions {
  /** Key prefix to strip first (the prefix being downloaded). @default '' */
  prefix?: string;
  /**
   * Apply Windows naming rules (reserved names like `CON`, `<>:"|?*`, trailing dots) everywhere,
   * not only on Windows, so a tree downloaded on Linux can be copied to Windows.
   * @default process.platform === 'win32'
   */
  windowsRules?: boolean;
  /** Path module (for tests of the other platform). @default node:path */
  path?: typeof NodePath.posix;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
const WINDOWS_INVALID = /[<>:"|?*]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
const CONTROL = /[\u0001-\u001f\u007f]/;
const MAX_SEGMENT_BYTES = 255;

function segmentReason(segment: string, windows: boolean): SkipReason | undefined {
  if (segment === '..') return 'parent-segment';
  if (utf8ByteLength(segment) > MAX_SEGMENT_BYTES) return 'too-long';
  if (windows) {
    if (WINDOWS_RESERVED.test(segment)) return 'reserved-name';
    if (WINDOWS_INVALID.test(segment)) return 'invalid-character';
    if (/[. ]$/.test(segment)) return 'trailing-dot-or-space';
  }
  return undefined;
}

/**
 * Maps an object key to a path under `root`, or says why it cannot be written safely. Keys are
 * split on `/`; empty and `.` segments are dropped (`a//b` and `a/./b` map to `a/b`); `..`,
 * absolute keys, backslashes, NUL and control characters, drive letters and (with Windows rules)
 * reserved names are refused rather than rewritten, so two keys never silently map to one file.
 * @example
 * ```ts
 * keyToLocalPath('/data', 'photos/2024/a.jpg', { prefix: 'photos/' }) // { ok: true, path: '/data/2024/a.jpg', ... }
 * keyToLocalPath('/data', '../etc/passwd') // { ok: false, reason: 'parent-segment' }
 * ```
 */
export function keyToLocalPath(root: string, key: string, options: KeyToPathOptions = {}): LocalPathResult {
  const path = options.path ?? nodePath;
  const windows = options.windowsRules ?? process.platform === 'win32';
  const prefix = options.prefix ?? '';
  const rest = prefix !== '' && key.startsWith(prefix) ? key.slice(prefix.length) : key;
  if (rest.includes('\0')) return { ok: false, reason: 'nul' };
  if (CONTROL.test(rest)) return { ok: false, reason: 'control-character' };
  if (rest.includes('\\')) return { ok: false, reason: 'backslash' };
  if (rest.startsWith('/')) return { ok: false, reason: 'absolute' };
  if (/^[a-zA-Z]:/.test(rest)) return { ok: false, reason: 'drive-letter' };
  if (rest === '') return { ok: false, reason: 'empty' };
  if (rest.endsWith('/')) return { ok: false, reason: 'directory-marker' };
  const segments = rest.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.length === 0) return { ok: false, reason: 'empty' };
  for (const segment of segments) {
    // On Windows a `c:` segment anywhere makes path.resolve jump to that drive's current directory.
    if (path.sep === '\\' && /^[a-zA-Z]:/.test(segment)) return { ok: false, reason: 'drive-letter' };
    const reason = segmentReason(segment, windows);
    if (reason) return { ok: false, reason };
  }
  const resolvedRoot = path.resolve(root);
  const full = path.resolve(resolvedRoot, ...segments);
  const relative = path.relative(resolvedRoot, full);
  // Belt and braces: the checks above already rule this out.
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { ok: false, reason: 'outside-root' };
  return { ok: true, path: full, relative };
}

/** The object key for a local file: `prefix` + its path relative to `root`, with `/` separators. */
export function localPathToKey(root: string, file: string, prefix = '', path: typeof NodePath.posix = nodePath): string {
  const relative = path.relative(path.resolve(root), path.resolve(file));
  return prefix + relative.split(path.sep).join('/');
}
