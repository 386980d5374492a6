/** `zlib.crc32`, which Node has from 20.15 / 22.2 (undefined before, and where a runtime lacks it). */
import * as zlib from 'node:zlib';

/** Native CRC32 (IEEE), continuing from `value`; undefined where zlib has none. */
export const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
