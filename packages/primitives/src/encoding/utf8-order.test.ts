import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareUtf8 } from './utf8-order.js';

describe('compareUtf8', () => {
  it('property: orders like UTF-8 bytes (as S3 lists), unlike UTF-16 for astral characters', () => {
    const [smile, replacement] = ['\u{1F600}', '\uFFFD'] as string[];
    expect(compareUtf8(smile!, replacement!)).toBeGreaterThan(0);
    expect(smile! < replacement!).toBe(true);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const expected = Buffer.compare(Buffer.from(a), Buffer.from(b));
        expect(Math.sign(compareUtf8(a, b))).toBe(expected);
      }),
    );
  });
});
