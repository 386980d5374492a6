import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPathFilter } from './filters.js';

describe('createPathFilter', () => {
  it('includes everything without filters', () => {
    fc.assert(fc.property(fc.string(), (path) => createPathFilter([])(path)));
  });

  it('lets the last matching filter win, as the AWS CLI does', () => {
    const keep = createPathFilter([
      { kind: 'exclude', pattern: '*' },
      { kind: 'include', pattern: '*.jpg' },
      { kind: 'exclude', pattern: 'tmp/*' },
    ]);
    expect(keep('a/b.jpg')).toBe(true);
    expect(keep('a/b.png')).toBe(false);
    expect(keep('tmp/b.jpg')).toBe(false);
  });

  it('supports ?, [set], [!set] and treats regex characters literally', () => {
    const keep = createPathFilter([{ kind: 'exclude', pattern: 'f?le[0-9].[!t]xt' }]);
    expect(keep('file1.axt')).toBe(false);
    expect(keep('file1.txt')).toBe(true);
    expect(keep('fileA.axt')).toBe(true);
    expect(createPathFilter([{ kind: 'exclude', pattern: 'a+(b).[c' }])('a+(b).[c')).toBe(false);
  });

  it('a pattern without wildcards matches only itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '.', '/', '+', '(', ')', '$', '^', '\\') }), fc.string(), (pattern, other) => {
        const keep = createPathFilter([{ kind: 'exclude', pattern }]);
        expect(keep(pattern)).toBe(false);
        if (other !== pattern) expect(keep(other)).toBe(true);
      }),
    );
  });
});
