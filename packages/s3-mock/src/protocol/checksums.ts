/**
 * Checksums S3 validates on uploads: CRC32 (zlib), CRC32C and CRC64NVME (small table
 * implementations, independent of s3-core's), SHA-1, SHA-256 and MD5. Values are base64 of the
 * big-endian digest, as S3 sends them in `x-amz-checksum-*` and `Content-MD5`.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
 */
import { base64ToBytes, bytesToBase64, concatBytes } from '@s3kit/primitives';
import { crc32 as zlibCrc32, createHash } from '#platform/mock-crypto';
import type { ChecksumAlgorithm } from '../engine/records.js';

/** Algorithms in S3's header spelling order; header names are `x-amz-checksum-<lower-case name>`. */
export const CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'];

/** Digest length in bytes per algorithm (a base64 value must decode to exactly this). */
export const CHECKSUM_BYTES: Readonly<Record<ChecksumAlgorithm, number>> = { CRC32: 4, CRC32C: 4, CRC64NVME: 8, SHA1: 20, SHA256: 32 };

/** An incremental checksum. */
export interface ChecksumHasher {
  /** Adds bytes. */
  update(bytes: Uint8Array): void;
  /** The base64 big-endian digest; call once. */
  digest(): string;
}

const CRC32C_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

// CRC64NVME: reflected polynomial 0x9A6C9329AC4BC9B5, as two 32-bit halves to avoid BigInt per byte.
const CRC64_HI = new Uint32Array(256);
const CRC64_LO = new Uint32Array(256);
(() => {
  const polyHi = 0x9a6c9329;
  const polyLo = 0xac4bc9b5;
  for (let i = 0; i < 256; i++) {
    let hi = 0;
    let lo = i;
    for (let k = 0; k < 8; k++) {
      const bit = lo & 1;
      lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
      hi = hi >>> 1;
      if (bit) {
        hi = (hi ^ polyHi) >>> 0;
        lo = (lo ^ polyLo) >>> 0;
      }
    }
    CRC64_HI[i] = hi;
    CRC64_LO[i] = lo;
  }
})();

function u32be(value: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, value >>> 0);
  return b;
}

function crc32Hasher(): ChecksumHasher {
  let crc = 0;
  return { update: (bytes) => (crc = zlibCrc32(bytes, crc)), digest: () => bytesToBase64(u32be(crc)) };
}

function crc32cHasher(): ChecksumHasher {
  let crc = 0xffffffff;
  return {
    update: (bytes) => {
      let c = crc;
      for (let i = 0; i < bytes.length; i++) c = CRC32C_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
      crc = c;
    },
    digest: () => bytesToBase64(u32be(~crc)),
  };
}

function crc64Hasher(): ChecksumHasher {
  let hi = 0xffffffff;
  let lo = 0xffffffff;
  return {
    update: (bytes) => {
      let h = hi;
      let l = lo;
      for (let i = 0; i < bytes.length; i++) {
        const idx = (l ^ bytes[i]!) & 0xff;
        l = (((l >>> 8) | (h << 24)) ^ CRC64_LO[idx]!) >>> 0;
        h = ((h >>> 8) ^ CRC64_HI[idx]!) >>> 0;
      }
      hi = h;
      lo = l;
    },
    digest: () => bytesToBase64(concatBytes([u32be(~hi), u32be(~lo)])),
  };
}

function nodeHasher(name: 'sha1' | 'sha256' | 'md5'): ChecksumHasher {
  const hash = createHash(name);
  return { update: (bytes) => hash.update(bytes), digest: () => hash.digest('base64') };
}

/** A fresh incremental hasher for `algorithm` (`MD5` is for Content-MD5). */
export function createChecksumHasher(algorithm: ChecksumAlgorithm | 'MD5'): ChecksumHasher {
  switch (algorithm) {
    case 'CRC32':
      return crc32Hasher();
    case 'CRC32C':
      return crc32cHasher();
    case 'CRC64NVME':
      return crc64Hasher();
    case 'SHA1':
      return nodeHasher('sha1');
    case 'SHA256':
      return nodeHasher('sha256');
    case 'MD5':
      return nodeHasher('md5');
  }
}

/** The base64 checksum of `bytes`. */
export function checksumOf(algorithm: ChecksumAlgorithm | 'MD5', bytes: Uint8Array): string {
  const h = createChecksumHasher(algorithm);
  h.update(bytes);
  return h.digest();
}

/** Parses an algorithm name case-insensitively (`crc32c`, `CRC64NVME`); `undefined` if unknown. */
export function parseChecksumAlgorithm(name: string): ChecksumAlgorithm | undefined {
  const upper = name.toUpperCase();
  return CHECKSUM_ALGORITHMS.find((a) => a === upper);
}

/** Whether `value` is canonical base64 of exactly `bytes` bytes. */
export function isBase64Of(value: string, bytes: number): boolean {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  const decoded = base64ToBytes(value);
  return decoded?.length === bytes && bytesToBase64(decoded) === value;
}

/**
 * S3's composite checksum of a multipart object: the checksum of the concatenated raw part
 * checksums, suffixed with `-<part count>`.
 */
export function compositeChecksum(algorithm: ChecksumAlgorithm, partValues: readonly string[]): string {
  const raw = concatBytes(partValues.map((v) => base64ToBytes(v) ?? new Uint8Array(0)));
  return `${checksumOf(algorithm, raw)}-${partValues.length}`;
}
