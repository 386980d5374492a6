import { nativeCrc32 } from '#platform/native-crc32';
import { makeSlicingTables32, updateCrc32Sliced } from './crc32-slicing.js';

/** Reflected IEEE polynomial of CRC32 (zlib, gzip, Ethernet). */
export const CRC32_POLY = 0xedb88320;

type NativeCrc32 = (data: Uint8Array, value?: number) => number;

// `zlib.crc32` exists from Node 20.15 / 22.2 and runs ~4 GB/s; older Nodes use the table version.
const native: NativeCrc32 | undefined = nativeCrc32;
let tables: Uint32Array | undefined;

/** CRC32 in pure JavaScript (the fallback when `zlib.crc32` is missing); same contract as {@link crc32}. */
export function crc32Js(data: Uint8Array, crc = 0): number {
  tables ??= makeSlicingTables32(CRC32_POLY);
  return updateCrc32Sliced(tables, crc, data);
}

/**
 * CRC32 (IEEE) of `data`, continuing from `crc` (a previous result, `0` to start): native
 * `zlib.crc32` when available, else {@link crc32Js}.
 * @example `crc32(new TextEncoder().encode('123456789')) // 0xcbf43926`
 */
export const crc32: (data: Uint8Array, crc?: number) => number = native
  ? (data, crc = 0) => native(data, crc)
  : crc32Js;
