/**
 * Table-driven reflected 32-bit CRCs (slicing-by-16), shared by CRC32C and the CRC32 fallback.
 * Pure JavaScript: 16 bytes per step, read as four little-endian 32-bit words when the input is
 * 4-byte aligned and the platform little-endian (nearly always), byte by byte otherwise.
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** 16 tables of 256 entries, flattened: entry `k * 256 + n`. */
export function makeSlicingTables32(poly: number): Uint32Array {
  const t = new Uint32Array(16 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let k = 1; k < 16; k++) {
      c = (c >>> 8) ^ t[c & 0xff]!;
      t[k * 256 + n] = c >>> 0;
    }
  }
  return t;
}

/**
 * Continues a reflected CRC over `data`. `crc` is the finalized value so far (0 for none), as
 * zlib's `crc32(data, value)` takes it; returns the finalized CRC as an unsigned 32-bit number.
 */
export function updateCrc32Sliced(t: Uint32Array, crc: number, data: Uint8Array): number {
  let c = ~crc;
  let i = 0;
  const len = data.length;
  // Byte steps up to 4-byte alignment, so the bulk can be read as 32-bit words.
  while (i < len && ((data.byteOffset + i) & 3) !== 0) c = (c >>> 8) ^ t[(c ^ data[i++]!) & 0xff]!;
  const end16 = i + ((len - i) & ~15);
  if (LITTLE_ENDIAN && end16 > i) {
    const words = new Uint32Array(data.buffer, data.byteOffset + i, (end16 - i) >>> 2);
    for (let w = 0; w < words.length; w += 4) {
      const a = words[w]! ^ c;
      const b = words[w + 1]!;
      const d = words[w + 2]!;
      const e = words[w + 3]!;
      c =
        t[0xf00 | (a & 0xff)]! ^
        t[0xe00 | ((a >>> 8) & 0xff)]! ^
        t[0xd00 | ((a >>> 16) & 0xff)]! ^
        t[0xc00 | (a >>> 24)]! ^
        t[0xb00 | (b & 0xff)]! ^
        t[0xa00 | ((b >>> 8) & 0xff)]! ^
        t[0x900 | ((b >>> 16) & 0xff)]! ^
        t[0x800 | (b >>> 24)]! ^
        t[0x700 | (d & 0xff)]! ^
        t[0x600 | ((d >>> 8) & 0xff)]! ^
        t[0x500 | ((d >>> 16) & 0xff)]! ^
        t[0x400 | (d >>> 24)]! ^
        t[0x300 | (e & 0xff)]! ^
        t[0x200 | ((e >>> 8) & 0xff)]! ^
        t[0x100 | ((e >>> 16) & 0xff)]! ^
        t[e >>> 24]!;
    }
    i = end16;
  }
  while (i < len) c = (c >>> 8) ^ t[(c ^ data[i++]!) & 0xff]!;
  return ~c >>> 0;
}
