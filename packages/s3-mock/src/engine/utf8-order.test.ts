import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareUtf8, utf8Length } from './utf8-order.js';

const sign = (n: number): number => Math.sign(n);

describe('compareUtf8', () => {
  it('orders astral-plane characters after BMP characters from U+E000 (unlike UTF-16 order)', () => {
    const astral: string = '\u{1F600}';
    const privateUse: string = '\uE000';
    const fullwidth: string = '\uFF01';
    expect([fullwidth, astral].sort()).toEqual([astral, fullwidth]); // JS order: surrogate 0xD83D < 0xFF01
    expect(compareUtf8(astral, fullwidth)).toBeGreaterThan(0);
    expect(compareUtf8(fullwidth, astral)).toBeLessThan(0);
    expect(compareUtf8(privateUse, astral)).toBeLessThan(0);
    expect(['a\u{10000}', 'a\uFFFD', 'a\uE000', 'a\uD7FF'].sort(compareUtf8)).toEqual([
      'a\uD7FF',
      'a\uE000',
      'a\uFFFD',
      'a\u{10000}',
    ]);
  });

  it('agrees with Buffer.compare of the UTF-8 bytes (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), fc.string({ unit: 'grapheme-composite' }), (a, b) => {
        expect(sign(compareUtf8(a, b))).toBe(sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(sign(compareUtf8(a, b))).toBe(sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
      { numRuns: 500 },
    );
  });

  it('puts a prefix first and equal strings at zero', () => {
    expect(compareUtf8('ab', 'abc')).toBeLessThan(0);
    expect(compareUtf8('abc', 'ab')).toBeGreaterThan(0);
    expect(compareUtf8('x', 'x')).toBe(0);
  });

  it('measures UTF-8 length', () => {
    expect(utf8Length('a')).toBe(1);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('\u{1F600}')).toBe(4);
  });
});
