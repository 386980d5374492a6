import { makeSlicingTables32, updateCrc32Sliced } from './crc32-slicing.js';

/** Reflected Castagnoli polynomial of CRC32C. */
export const CRC32C_POLY = 0x82f63b78;

let tables: Uint32Array | undefined;

/**
 * CRC32C (Castagnoli) of `data`, continuing from `crc` (a previous result, `0` to start).
 * Pure JavaScript slicing-by-16; Node has no native CRC32C.
 * @example `crc32c(new TextEncoder().encode('123456789')) // 0xe3069283`
 */
export function crc32c(data: Uint8Array, crc = 0): number {
  tables ??= makeSlicingTables32(CRC32C_POLY);
  return updateCrc32Sliced(tables, crc, data);
}
