import { describe, expect, it } from 'vitest';
import { byteArraysEqual } from './byte-equality.ts';

// Regression: vitest's element-by-element toEqual on a 300 KB Uint8Array took ~1 s, which made the
// SigV4a upload tests over the mock's HTTP server look like 1 s uploads.
describe('byte array equality (vitest setup)', () => {
  const big = Uint8Array.from({ length: 8 * 1024 * 1024 }, (_, i) => (i * 7) & 0xff);

  it('compares large byte arrays by content, one byte off at either end is unequal', () => {
    expect(big.slice()).toEqual(big);
    for (const at of [0, big.length - 1]) {
      const off = big.slice();
      off[at] ^= 1;
      expect(off).not.toEqual(big);
    }
    expect(big.subarray(1)).not.toEqual(big);
  });

  it('answers only for two byte arrays of the same class', () => {
    expect(byteArraysEqual(new Uint8Array([1]), new Uint8Array([1]))).toBe(true);
    expect(byteArraysEqual(new Uint8Array([1]), new Uint8Array([2]))).toBe(false);
    expect(byteArraysEqual(Buffer.from([1]), new Uint8Array([1]))).toBeUndefined();
    expect(byteArraysEqual(new Uint8Array([1]), [1])).toBeUndefined();
    expect(Buffer.from([1, 2])).not.toStrictEqual(new Uint8Array([1, 2]));
    // vitest's own rule, unchanged: a Buffer never equals a plain Uint8Array.
    expect(Buffer.from([1, 2])).not.toEqual(new Uint8Array([1, 2]));
  });

  it('a view compares its own bytes, not its whole buffer', () => {
    const backing = new Uint8Array([9, 1, 2, 9]);
    expect(backing.subarray(1, 3)).toEqual(new Uint8Array([1, 2]));
  });
});
