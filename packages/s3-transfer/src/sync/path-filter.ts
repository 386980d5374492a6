/**
 * The AWS CLI's `--exclude`/`--include` filters, for directory transfers and sync: every path starts
 * included, then each filter in order re-decides for the paths it matches, so the last match wins.
 * Patterns are Python `fnmatch` patterns (what the AWS CLI matches with, in
 * `awscli/customizations/s3/filters.py`), taken relative to the source root.
 */

/** One `--include`/`--exclude` filter; a list of them applies in order (the last match wins). */
export interface PathFilter {
  kind: 'include' | 'exclude';
  /**
   * An `fnmatch` pattern over the `/`-separated path below the source root: `*` matches any characters,
   * `/` included; `?` one character; `[abc]`, `[a-z]` and `[!abc]` a set. Nothing else is special.
   * A pattern starting with `/` is matched against a local file's absolute path, and never against
   * an object (the AWS CLI joins the pattern to the root, and joining an absolute path replaces it).
   */
  pattern: string;
}

/** The filters of directory transfers and sync. */
export interface PathFilterOptions {
  /** `--exclude`/`--include` filters, in command-line order. @default none: every path is included */
  filters?: readonly PathFilter[];
}

/** Where a filtered path lives: a local directory (its absolute path) or a bucket (no root). */
export interface PathFilterRoot {
  /** The absolute path of the local directory the paths are below; leave out for object keys. */
  localRoot?: string;
}

const SYNTAX = /[\\^$.*+?()[\]{}|/]/;

function escapeChar(c: string): string {
  return SYNTAX.test(c) ? `\\${c}` : c;
}

/**
 * The body of a `[...]` set, as `fnmatch.translate` (Python 3.11) builds it: ranges whose ends are out
 * of order are dropped, `-` and `\` outside a range are literal; `undefined` when nothing is left.
 */
function setBody(pattern: string, start: number, end: number): string | undefined {
  const chunks: string[] = [];
  let from = start;
  let k = pattern[start] === '!' ? start + 2 : start + 1;
  for (;;) {
    k = pattern.indexOf('-', k);
    if (k < 0 || k >= end) break;
    chunks.push(pattern.slice(from, k));
    from = k + 1;
    k += 3;
  }
  const last = pattern.slice(from, end);
  if (last !== '') chunks.push(last);
  else chunks.push(`${chunks.pop() ?? ''}-`);
  for (let c = chunks.length - 1; c > 0; c--) {
    const before = chunks[c - 1]!;
    if (before.slice(-1) > chunks[c]!.slice(0, 1)) {
      chunks[c - 1] = before.slice(0, -1) + chunks[c]!.slice(1);
      chunks.splice(c, 1);
    }
  }
  const body = chunks.map((s) => s.replace(/\\/g, '\\\\').replace(/-/g, '\\-')).join('-');
  return body === '' ? undefined : body;
}

/**
 * Compiles an `fnmatch` pattern (see {@link PathFilter.pattern}) to a RegExp anchored on the whole path.
 * @example `compileGlob('*.log').test('a/b/c.log') // true: * crosses /, as in the AWS CLI`
 */
export function compileGlob(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      // Runs of stars are one star.
      if (pattern[i - 1] !== '*') out += '.*';
    } else if (c === '?') {
      out += '.';
    } else if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '!') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j++;
      if (j >= pattern.length) {
        out += '\\[';
        continue;
      }
      const hasRange = pattern.slice(i + 1, j).includes('-');
      // A `]` first in the set is literal; JavaScript's `u` mode wants it escaped.
      const body = (hasRange ? setBody(pattern, i + 1, j) : pattern.slice(i + 1, j).replace(/\\/g, '\\\\'))?.replace(/]/g, '\\]');
      i = j;
      if (body === undefined || body === '') out += '(?!)';
      else if (body === '!') out += '.';
      else if (body.startsWith('!')) out += `[^${body.slice(1)}]`;
      else if (body.startsWith('^') || body.startsWith('[')) out += `[\\${body}]`;
      else out += `[${body}]`;
    } else {
      out += escapeChar(c);
    }
  }
  return new RegExp(`^${out}$`, 'su');
}

/**
 * A predicate over `/`-separated paths below a source root with the AWS CLI's filter rules: everything
 * is included, then each filter in order re-decides for the paths it matches (the last match wins).
 * @example
 * ```ts
 * const keep = createPathFilter([{ kind: 'exclude', pattern: '*' }, { kind: 'include', pattern: '*.jpg' }]);
 * keep('a/b.jpg'); // true
 * keep('a/b.png'); // false
 * ```
 */
export function createPathFilter(filters: readonly PathFilter[] = [], root: PathFilterRoot = {}): (path: string) => boolean {
  const compiled = filters.map((f) => ({ include: f.kind === 'include', absolute: f.pattern.startsWith('/'), re: compileGlob(f.pattern) }));
  const { localRoot } = root;
  const absolute = (path: string): string | undefined => (localRoot === undefined ? undefined : localRoot.endsWith('/') ? localRoot + path : `${localRoot}/${path}`);
  return (path) => {
    let included = true;
    for (const f of compiled) {
      const subject = f.absolute ? absolute(path) : path;
      if (subject !== undefined && f.re.test(subject)) included = f.include;
    }
    return included;
  };
}
