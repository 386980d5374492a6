import { createHash } from '#platform/hashes';
import { ValidationError, base64ToBytes, bytesToBase64, concatBytes, hexToBytes } from '@s3kit/primitives';
import type { ChecksumAlgorithm } from './checksum.js';
import { DIGEST_LENGTHS, checksumBase64 } from './checksum.js';
import { crc32Combine, crc32cCombine, crc64NvmeCombine } from './crc-combine.js';

/** A part's checksum (base64, as S3 returns it) and its size in bytes. */
export interface PartChecksum {
  /** The part's checksum in base64 (`x-amz-checksum-*` of UploadPart). */
  checksum: string;
  /** The part's size in bytes. */
  size: number;
}

/** Algorithms whose checksums combine into a FULL_OBJECT checksum. */
export type FullObjectChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME';

function decode(field: string, algorithm: ChecksumAlgorithm | 'MD5', base64: string): Uint8Array {
  const bytes = base64ToBytes(base64);
  if (bytes?.length !== DIGEST_LENGTHS[algorithm] || bytesToBase64(bytes) !== base64) {
    throw new ValidationError({ field, rule: `must be a base64 ${algorithm} digest of ${DIGEST_LENGTHS[algorithm]} bytes`, value: base64 });
  }
  return bytes;
}

/**
 * S3's COMPOSITE checksum of a multipart upload: `base64(hash(concat(raw part checksums)))-N`,
 * the form S3 returns for objects uploaded in parts with SHA1/SHA256 (and CRCs in composite mode).
 *
 * @throws {ValidationError} `ERR_VALIDATION` when there is no part or a part checksum is not a valid digest.
 * @example `compositeChecksum('SHA256', [part1Sha256, part2Sha256]) // 'X8a...=-2'`
 */
export function compositeChecksum(algorithm: ChecksumAlgorithm, partChecksums: readonly string[]): string {
  if (partChecksums.length === 0) throw new ValidationError({ field: 'parts', rule: 'must hold at least one part' });
  const raw = concatBytes(partChecksums.map((c, i) => decode(`parts[${i}].checksum`, algorithm, c)));
  return `${checksumBase64(algorithm, raw)}-${partChecksums.length}`;
}

interface RawPart {
  bytes: Uint8Array;
  size: number;
}

function combineParts(algorithm: FullObjectChecksumAlgorithm, parts: readonly RawPart[]): Uint8Array {
  const out = new Uint8Array(DIGEST_LENGTHS[algorithm]);
  const view = new DataView(out.buffer);
  const read = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (algorithm === 'CRC64NVME') {
    let crc = 0n;
    for (const part of parts) crc = crc64NvmeCombine(crc, read(part.bytes).getBigUint64(0), part.size);
    view.setBigUint64(0, crc);
  } else {
    const combine = algorithm === 'CRC32' ? crc32Combine : crc32cCombine;
    let crc = 0;
    for (const part of parts) crc = combine(crc, read(part.bytes).getUint32(0), part.size);
    view.setUint32(0, crc >>> 0);
  }
  return out;
}

/**
 * S3's FULL_OBJECT checksum of a multipart upload: the CRC of the whole object, computed from the
 * parts' CRCs and sizes with CRC combination (no data needed). S3 supports it for CRC32, CRC32C
 * and CRC64NVME; it is what S3 reports (without `-N`) and compares on CompleteMultipartUpload.
 *
 * @throws {ValidationError} `ERR_VALIDATION` for no parts, a bad checksum or a bad size.
 * @example `fullObjectChecksum('CRC64NVME', [{ checksum: c1, size: 8 * 2 ** 20 }, { checksum: c2, size: 1234 }])`
 */
export function fullObjectChecksum(algorithm: FullObjectChecksumAlgorithm, parts: readonly PartChecksum[]): string {
  if (parts.length === 0) throw new ValidationError({ field: 'parts', rule: 'must hold at least one part' });
  const raw = parts.map((p, i): RawPart => {
    if (!Number.isSafeInteger(p.size) || p.size < 0) {
      throw new ValidationError({ field: `parts[${i}].size`, rule: 'must be a non-negative integer', value: p.size });
    }
    return { bytes: decode(`parts[${i}].checksum`, algorithm, p.checksum), size: p.size };
  });
  return bytesToBase64(combineParts(algorithm, raw));
}

/**
 * The ETag S3 gives an object uploaded in parts: `"hex(md5(concat(raw part MD5s)))-N"` (quoted,
 * as S3 sends it). Takes the parts' ETags (hex MD5s, quoted or not).
 *
 * @throws {ValidationError} `ERR_VALIDATION` when a part ETag is not a 32-digit hex MD5.
 * @example `multipartEtag(['"5d41402abc4b2a76b9719d911017c592"', '"7d793037a0760186574b0282f2f435e7"']) // '"...-2"'`
 */
export function multipartEtag(partEtags: readonly string[]): string {
  if (partEtags.length === 0) throw new ValidationError({ field: 'parts', rule: 'must hold at least one part' });
  const md5 = createHash('md5');
  partEtags.forEach((etag, i) => {
    const hex = etag.replace(/^"|"$/g, '');
    if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new ValidationError({ field: `parts[${i}].ETag`, rule: 'must be a hex MD5 (32 digits)', value: etag });
    md5.update(hexToBytes(hex)!);
  });
  return `"${md5.digest('hex')}-${partEtags.length}"`;
}
