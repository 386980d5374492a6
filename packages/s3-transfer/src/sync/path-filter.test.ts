import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob, createPathFilter } from './path-filter.js';

const m = (pattern: string, path: string): boolean => compileGlob(pattern).test(path);

// Expected answers are Python's `fnmatch.fnmatchcase` and awscli 1.45.11's `Filter` (what
// `aws s3 sync/cp --exclude/--include` runs), checked on the machine this was written on.
describe('compileGlob (Python fnmatch, as the AWS CLI matches)', () => {
  it('* and ? cross /, sets and negated sets match one character, nothing else is special', () => {
    expect(m('*.txt', 'a.txt')).toBe(true);
    expect(m('*.txt', 'd/e/a.txt')).toBe(true);
    expect(m('d/*', 'd/e/f')).toBe(true);
    expect(m('a?c', 'a/c')).toBe(true);
    expect(m('[ab].js', 'b.js')).toBe(true);
    expect(m('[!ab].js', 'b.js')).toBe(false);
    expect(m('[!ab].js', 'c.js')).toBe(true);
    expect(m('f?le[0-9].[!t]xt', 'file1.axt')).toBe(true);
    expect(m('a+(b).[c', 'a+(b).[c')).toBe(true);
    expect(m('.hidden', '.hidden')).toBe(true);
    expect(m('line?', 'line\n')).toBe(true);
    expect(m('?', '\u{1F600}')).toBe(true);
  });

  // Where the CLI's own filter (regex classes copied through) and s3-transfer's (path globs) differed.
  it('regression: the two filters of before differed from the AWS CLI on these', () => {
    // s3-transfer's globs kept * and ? within a segment and read ** and {a,b}; fnmatch does neither.
    expect(m('*.log', 'a/b.log')).toBe(true);
    expect(m('**/*.log', 'b.log')).toBe(false);
    expect(m('*.{png,jpg}', 'x.jpg')).toBe(false);
    expect(m('*.{png,jpg}', 'x.{png,jpg}')).toBe(true);
    // A backslash is a literal character, not an escape.
    expect(m('\\*', '\\x')).toBe(true);
    expect(m('\\*', '*')).toBe(false);
    // `^` first in a set is a literal, not a negation (the CLI's regex class negated it).
    expect(m('[^a]', '^')).toBe(true);
    expect(m('[^a]', 'b')).toBe(false);
    // `]` right after `[` or `[!` belongs to the set (the CLI's closed the set there).
    expect(m('[]a]', ']')).toBe(true);
    expect(m('[!]a]', 'b')).toBe(true);
    expect(m('[!]a]', ']')).toBe(false);
    // Ranges out of order are dropped, not a syntax error; an empty set matches nothing.
    expect(m('[b-a]x', 'bx')).toBe(false);
    expect(m('[!b-a]', 'q')).toBe(true);
    expect(m('[a-cz-x]', 'b')).toBe(true);
    expect(m('[a-cz-x]', 'y')).toBe(false);
    // An unclosed [ is a literal (s3-transfer's threw ERR_VALIDATION).
    expect(m('[ab', '[ab')).toBe(true);
    expect(m('{a,b', '{a,b')).toBe(true);
  });

  it('property: a pattern without *, ? or [ matches exactly itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '.', '/', '+', '(', ')', '$', '^', '\\', '{', '}', ']', '-', '!') }), fc.string(), (pattern, other) => {
        expect(m(pattern, pattern)).toBe(true);
        if (other !== pattern) expect(m(pattern, other)).toBe(false);
      }),
    );
  });
});

describe('createPathFilter (the AWS CLI --exclude/--include)', () => {
  it('includes everything without filters', () => {
    fc.assert(fc.property(fc.string(), (path) => createPathFilter([])(path) && createPathFilter()(path)));
  });

  it('lets the last matching filter win', () => {
    const keep = createPathFilter([
      { kind: 'exclude', pattern: '*' },
      { kind: 'include', pattern: '*.txt' },
      { kind: 'exclude', pattern: 'd/*' },
    ]);
    expect(keep('a.txt')).toBe(true);
    expect(keep('a.bin')).toBe(false);
    expect(keep('d/a.txt')).toBe(false);
    expect(keep('e/a.txt')).toBe(true);
  });

  it('matches a pattern starting with / against the absolute local path, and never against an object', () => {
    const filters = [{ kind: 'exclude' as const, pattern: '/tmp/root/d/*' }];
    const local = createPathFilter(filters, { localRoot: '/tmp/root' });
    expect(local('d/a.txt')).toBe(false);
    expect(local('a.txt')).toBe(true);
    expect(createPathFilter(filters, { localRoot: '/tmp/root/' })('d/a.txt')).toBe(false);
    const objects = createPathFilter(filters);
    expect(objects('d/a.txt')).toBe(true);
    // `--exclude '/*'` drops every local file and no object.
    expect(createPathFilter([{ kind: 'exclude', pattern: '/*' }], { localRoot: '/tmp/root' })('a.txt')).toBe(false);
    expect(createPathFilter([{ kind: 'exclude', pattern: '/*' }])('a.txt')).toBe(true);
  });
});
