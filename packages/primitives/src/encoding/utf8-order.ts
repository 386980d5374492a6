import { utf8Bytes } from './byte-encoding.js';

/**
 * Compares two strings in the order of their UTF-8 bytes, the order S3 lists keys in. JavaScript's
 * `<` compares UTF-16 units, which differ from it for characters above U+FFFF.
 * @returns a negative number, zero or a positive number, as `Array.prototype.sort` expects.
 * @example
 * ```ts
 * ['\uFFFD', '\u{1F600}'].sort(compareUtf8); // ['\uFFFD', '\u{1F600}'], as S3 lists them
 * ```
 */
export function compareUtf8(a: string, b: string): number {
  const x = utf8Bytes(a);
  const y = utf8Bytes(b);
  const n = Math.min(x.byteLength, y.byteLength);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return x.byteLength === y.byteLength ? 0 : x.byteLength < y.byteLength ? -1 : 1;
}
