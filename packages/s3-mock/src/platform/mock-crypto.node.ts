/** Hashes and CRC32 for the mock's ETags, checksums and payload checks, with Node's built-ins (Node, Bun, Deno). */
import * as zlib from 'node:zlib';
import { crc32Table } from '../protocol/crc32-table.js';

export { createHash } from 'node:crypto';

/** CRC32 continuing from `value`: `zlib.crc32` (Node >= 20.15), else the table version. */
export const crc32: (data: Uint8Array, value?: number) => number = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32 ?? crc32Table;
