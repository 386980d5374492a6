/** One `--include`/`--exclude` filter, in command-line order. */
export interface PathFilter {
  kind: 'include' | 'exclude';
  pattern: string;
}

function globToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) out += '\\[';
      else {
        const body = pattern.slice(i + 1, close).replace(/\\/g, '\\\\');
        out += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = close;
      }
    } else out += c.replace(/[.+^${}()|\\/]/g, (m) => `\\${m}`);
  }
  return new RegExp(`^${out}$`, 's');
}

/**
 * A predicate over relative paths with the AWS CLI's rules: everything is included, then each
 * filter in order re-decides for the paths it matches, so the last matching filter wins.
 * `*` matches any characters (including `/`), `?` one, `[abc]`/`[!abc]` a set.
 * @example
 * ```ts
 * createPathFilter([{ kind: 'exclude', pattern: '*' }, { kind: 'include', pattern: '*.jpg' }])('a/b.jpg'); // true
 * ```
 */
export function createPathFilter(filters: readonly PathFilter[]): (relative: string) => boolean {
  const compiled = filters.map((f) => ({ include: f.kind === 'include', re: globToRegExp(f.pattern) }));
  return (relative) => {
    let included = true;
    for (const f of compiled) if (f.re.test(relative)) included = f.include;
    return included;
  };
}
