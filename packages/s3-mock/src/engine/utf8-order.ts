/**
 * Compares two strings in the order of their UTF-8 bytes, which is S3's listing order.
 *
 * UTF-8 byte order equals Unicode code point order, which differs from JavaScript's UTF-16 code unit
 * order for astral-plane characters (U+10000 and up, stored as surrogates 0xD800-0xDFFF) against BMP
 * characters from U+E000: `'\u{1F600}' < '\uFF01'` in JS, but after it in S3.
 *
 * @returns a negative number, zero or a positive number, like `Array.prototype.sort` expects.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral characters) sort after every other BMP unit from U+E000 in code point order.
    if (x >= 0xd800 && x <= 0xdfff && y >= 0xe000) return 1;
    if (y >= 0xd800 && y <= 0xdfff && x >= 0xe000) return -1;
    return x - y;
  }
  return a.length - b.length;
}

const encoder = new TextEncoder();

/** Length of `value` in UTF-8 bytes. */
export function utf8Length(value: string): number {
  return encoder.encode(value).length;
}
