import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob, createPathFilter } from './glob.js';

const m = (pattern: string, path: string): boolean => compileGlob(pattern).test(path);

describe('compileGlob', () => {
  it('matches stars, questions, globstars, classes and braces', () => {
    expect(m('*.txt', 'a.txt')).toBe(true);
    expect(m('*.txt', 'd/a.txt')).toBe(false);
    expect(m('**/*.txt', 'a.txt')).toBe(true);
    expect(m('**/*.txt', 'd/e/a.txt')).toBe(true);
    expect(m('d/**', 'd/e/f')).toBe(true);
    expect(m('d/**/f', 'd/f')).toBe(true);
    expect(m('a?c', 'abc')).toBe(true);
    expect(m('a?c', 'a/c')).toBe(false);
    expect(m('[ab].js', 'b.js')).toBe(true);
    expect(m('[!ab].js', 'b.js')).toBe(false);
    expect(m('[!ab].js', 'c.js')).toBe(true);
    expect(m('*.{png,jpg}', 'x.jpg')).toBe(true);
    expect(m('*.{png,jpg}', 'x.gif')).toBe(false);
    expect(m('a.b(c)+', 'a.b(c)+')).toBe(true);
    expect(m('\\*', '*')).toBe(true);
    expect(m('\\*', 'x')).toBe(false);
    expect(m('.hidden', '.hidden')).toBe(true);
  });

  it('rejects unclosed classes and braces', () => {
    expect(() => compileGlob('[ab')).toThrow(/unclosed \[/);
    expect(() => compileGlob('{a,b')).toThrow(/unclosed \{/);
  });

  it('property: a pattern without wildcards matches exactly itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        const literal = a.replace(/[*?[\]{}\\,]/g, '');
        expect(m(literal, literal)).toBe(true);
        if (b !== literal) expect(m(literal, b)).toBe(false);
      }),
    );
  });

  it('property: * never crosses a slash and ** + / matches at any depth', () => {
    const seg = fc.stringMatching(/^[a-z0-9._-]{1,6}$/);
    fc.assert(
      fc.property(fc.array(seg, { minLength: 1, maxLength: 4 }), seg, (dirs, name) => {
        const path = [...dirs, name].join('/');
        expect(m('*', path)).toBe(false);
        expect(m('**/*', path)).toBe(true);
        expect(m(`**/${name.replace(/[.]/g, '?')}`, path)).toBe(true);
        expect(m(`${dirs[0]}/**`, path)).toBe(true);
      }),
    );
  });
});

describe('createPathFilter', () => {
  it('includes, then excludes', () => {
    const f = createPathFilter({ include: ['**/*.log', '*.txt'], exclude: ['tmp/**'] });
    expect(f('a.txt')).toBe(true);
    expect(f('x/y.log')).toBe(true);
    expect(f('tmp/y.log')).toBe(false);
    expect(f('a.bin')).toBe(false);
    expect(createPathFilter()('anything')).toBe(true);
  });

  it('applies a caller predicate on top of include/exclude', () => {
    const f = createPathFilter({ exclude: ['tmp/**'], filter: (path) => !path.endsWith('.bak') });
    expect(f('a.txt')).toBe(true);
    expect(f('a.bak')).toBe(false);
    expect(f('tmp/a.txt')).toBe(false);
  });
});
