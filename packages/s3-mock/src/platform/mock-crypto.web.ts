/**
 * Hashes and CRC32 for the mock where `node:crypto` and `node:zlib` are missing (browsers, workerd):
 * primitives' plain-JavaScript MD5/SHA-1/SHA-256 behind the part of `createHash` the mock uses.
 */
import { crc32Table } from '../protocol/crc32-table.js';

export { createDigestHash as createHash } from '@s3kit/primitives';

/** CRC32 continuing from `value` (table version). */
export const crc32: (data: Uint8Array, value?: number) => number = crc32Table;
