import { createHash } from '#platform/hashes';
import type { Hash } from '#platform/hashes';
import { ValidationError, bytesToBase64 } from '@s3kit/primitives';
import { crc32 } from './crc32.js';
import { crc32c } from './crc32c.js';
import { crc64ToBytes, updateCrc64Nvme } from './crc64-nvme.js';
import type { Crc64 } from './crc64-nvme.js';

/** Checksum algorithms of S3's flexible checksums, named as S3 names them (`x-amz-checksum-algorithm`). */
export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256';

/** Every algorithm {@link createChecksum} computes: S3's checksum algorithms and MD5 (for `Content-MD5` and ETags). */
export type HashAlgorithm = ChecksumAlgorithm | 'MD5';

/** S3's checksum algorithms, fastest first. */
export const CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] = ['CRC64NVME', 'CRC32', 'CRC32C', 'SHA1', 'SHA256'];

/** The header that carries each algorithm's checksum (`x-amz-checksum-crc32`, ...). */
export const CHECKSUM_HEADERS: Readonly<Record<ChecksumAlgorithm, string>> = {
  CRC32: 'x-amz-checksum-crc32',
  CRC32C: 'x-amz-checksum-crc32c',
  CRC64NVME: 'x-amz-checksum-crc64nvme',
  SHA1: 'x-amz-checksum-sha1',
  SHA256: 'x-amz-checksum-sha256',
};

/** The member of S3 inputs and outputs that carries each algorithm's checksum (`ChecksumCRC32`, ...). */
export const CHECKSUM_MEMBERS: Readonly<Record<ChecksumAlgorithm, string>> = {
  CRC32: 'ChecksumCRC32',
  CRC32C: 'ChecksumCRC32C',
  CRC64NVME: 'ChecksumCRC64NVME',
  SHA1: 'ChecksumSHA1',
  SHA256: 'ChecksumSHA256',
};

/** Digest length in bytes of each algorithm. */
export const DIGEST_LENGTHS: Readonly<Record<HashAlgorithm, number>> = { CRC32: 4, CRC32C: 4, CRC64NVME: 8, SHA1: 20, SHA256: 32, MD5: 16 };

/** Whether `value` is one of S3's checksum algorithm names (case-sensitive, as S3 sends them). */
export function isChecksumAlgorithm(value: unknown): value is ChecksumAlgorithm {
  return typeof value === 'string' && Object.hasOwn(CHECKSUM_HEADERS, value);
}

/** An incremental checksum: feed bytes with `update`, then read the digest once. */
export interface Checksum {
  /** The algorithm. */
  readonly algorithm: HashAlgorithm;
  /** Adds bytes (strings are UTF-8 encoded). Returns the same checksum for chaining. */
  update(data: Uint8Array | string): Checksum;
  /** The digest: CRCs as big-endian bytes (as S3 encodes them), hashes as their raw digest. */
  digest(): Uint8Array;
  /** The digest in base64, the form of `x-amz-checksum-*` headers and `Content-MD5`. */
  digestBase64(): string;
}

const encoder = new TextEncoder();

function bytesOf(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? encoder.encode(data) : data;
}

function uint32Bytes(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value >>> 0);
  return out;
}

function toBase64(bytes: Uint8Array): string {
  return bytesToBase64(bytes);
}

function finishOnce(compute: () => Uint8Array): () => Uint8Array {
  let result: Uint8Array | undefined;
  return () => (result ??= compute());
}

function crcChecksum(algorithm: 'CRC32' | 'CRC32C', fn: (data: Uint8Array, crc: number) => number): Checksum {
  let crc = 0;
  const digest = finishOnce(() => uint32Bytes(crc));
  const self: Checksum = {
    algorithm,
    update(data) {
      crc = fn(bytesOf(data), crc);
      return self;
    },
    digest: () => digest().slice(),
    digestBase64: () => toBase64(digest()),
  };
  return self;
}

function crc64Checksum(): Checksum {
  let crc: Crc64 = { hi: 0, lo: 0 };
  const digest = finishOnce(() => crc64ToBytes(crc));
  const self: Checksum = {
    algorithm: 'CRC64NVME',
    update(data) {
      crc = updateCrc64Nvme(crc, bytesOf(data));
      return self;
    },
    digest: () => digest().slice(),
    digestBase64: () => toBase64(digest()),
  };
  return self;
}

const NODE_HASHES: Readonly<Record<'SHA1' | 'SHA256' | 'MD5', string>> = { SHA1: 'sha1', SHA256: 'sha256', MD5: 'md5' };

function hashChecksum(algorithm: 'SHA1' | 'SHA256' | 'MD5'): Checksum {
  const hash: Hash = createHash(NODE_HASHES[algorithm]);
  const digest = finishOnce(() => new Uint8Array(hash.digest()));
  const self: Checksum = {
    algorithm,
    update(data) {
      hash.update(bytesOf(data));
      return self;
    },
    digest: () => digest().slice(),
    digestBase64: () => toBase64(digest()),
  };
  return self;
}

/**
 * Starts an incremental checksum. CRC32 uses native `zlib.crc32` (when the Node has it), CRC32C
 * and CRC64NVME pure-JavaScript slicing tables, SHA1/SHA256/MD5 `node:crypto`. Updating after
 * reading the digest is not supported for hashes (node:crypto throws); CRCs keep the first digest.
 *
 * @throws {ValidationError} `ERR_VALIDATION` for an unknown algorithm name.
 * @example
 * ```ts
 * const sum = createChecksum('CRC64NVME');
 * for await (const chunk of stream) sum.update(chunk);
 * headers[CHECKSUM_HEADERS.CRC64NVME] = sum.digestBase64();
 * ```
 */
export function createChecksum(algorithm: HashAlgorithm): Checksum {
  switch (algorithm) {
    case 'CRC32':
      return crcChecksum('CRC32', crc32);
    case 'CRC32C':
      return crcChecksum('CRC32C', crc32c);
    case 'CRC64NVME':
      return crc64Checksum();
    case 'SHA1':
    case 'SHA256':
    case 'MD5':
      return hashChecksum(algorithm);
    default:
      throw new ValidationError({
        field: 'ChecksumAlgorithm',
        rule: 'must be one of CRC32, CRC32C, CRC64NVME, SHA1, SHA256 (or MD5)',
        value: algorithm,
      });
  }
}

/**
 * One-shot checksum of `data` in base64.
 * @example `checksumBase64('CRC32', 'abc') // 'NSRBwg=='`
 */
export function checksumBase64(algorithm: HashAlgorithm, data: Uint8Array | string): string {
  return createChecksum(algorithm).update(data).digestBase64();
}
