/**
 * A small glob matcher for include/exclude filters, matched against `/`-separated relative paths
 * (or keys below the prefix): `*` and `?` stay within a segment, `**` spans segments (`**` + `/`
 * also matches no segment), `[abc]`/`[!a-z]` classes and `{a,b}` alternatives. Dotfiles are not
 * special. (Not `path.matchesGlob`: it is experimental in Node 20/22.)
 */
import { ValidationError } from '@s3kit/primitives';

const SPECIAL = /[.+^$()|\\]/;

/**
 * Compiles a glob to a RegExp anchored on the whole path.
 * @throws {ValidationError} `ERR_VALIDATION` for an unclosed `[` or `{`.
 * @example `compileGlob('**\/*.log').test('a/b/c.log') // true`
 */
export function compileGlob(pattern: string): RegExp {
  let out = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const atStart = i === 0 || pattern[i - 1] === '/';
        i++;
        if (atStart && pattern[i + 1] === '/') {
          i++;
          out += '(?:.*/)?';
        } else {
          out += '.*';
        }
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) throw new ValidationError({ field: 'pattern', rule: 'has an unclosed [', value: pattern });
      let body = pattern.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^/' : ''}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
      i = end;
    } else if (c === '{') {
      depth++;
      out += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      out += ')';
    } else if (c === ',' && depth > 0) {
      out += '|';
    } else if (c === '\\' && i + 1 < pattern.length) {
      i++;
      out += escapeChar(pattern[i]!);
    } else {
      out += escapeChar(c);
    }
  }
  if (depth > 0) throw new ValidationError({ field: 'pattern', rule: 'has an unclosed {', value: pattern });
  return new RegExp(`^${out}$`, 'u');
}

function escapeChar(c: string): string {
  return SPECIAL.test(c) || c === '*' || c === '?' || c === '[' || c === ']' || c === '{' || c === '}' ? `\\${c}` : c;
}

/** Include/exclude filters. */
export interface PathFilter {
  /** Only paths matching one of these. @default every path */
  include?: readonly string[];
  /** Never paths matching one of these (wins over include). @default none */
  exclude?: readonly string[];
  /**
   * A predicate of the caller's, applied on top of `include`/`exclude` (a path must pass both), for
   * other filter rules: the s3kit CLI's AWS-style ordered `--include`/`--exclude`, where the last match wins.
   * @default every path
   */
  filter?: (path: string) => boolean;
}

/**
 * A predicate over relative paths from include/exclude globs.
 * @throws {ValidationError} `ERR_VALIDATION` for a malformed pattern.
 */
export function createPathFilter(filter: PathFilter = {}): (path: string) => boolean {
  const include = (filter.include ?? []).map(compileGlob);
  const exclude = (filter.exclude ?? []).map(compileGlob);
  const custom = filter.filter ?? (() => true);
  return (path) => (include.length === 0 || include.some((r) => r.test(path))) && !exclude.some((r) => r.test(path)) && custom(path);
}
