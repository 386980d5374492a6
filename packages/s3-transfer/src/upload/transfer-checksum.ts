/**
 * A checksum as transfers keep it: the algorithm beside the base64 value, so parts, checkpoints and
 * results say which of S3's algorithms (CRC32, CRC32C, CRC64NVME, SHA-1, SHA-256) they carry instead
 * of naming one in every field.
 */
import type { ChecksumAlgorithm } from '@s3kit/s3-core';
import type { HashPool } from '../hashing/hash-pool.js';

/** A checksum: its algorithm and its value (base64, as S3 sends it in `x-amz-checksum-*`). */
export interface TransferChecksum {
  algorithm: ChecksumAlgorithm;
  /** Base64 of the digest. */
  value: string;
}

/** The S3 input/output member that carries an algorithm's checksum (`ChecksumCRC32`, `ChecksumSHA256`...). */
export type ChecksumMember = `Checksum${ChecksumAlgorithm}`;

/** S3 members carrying at most one checksum, keyed by {@link ChecksumMember}. */
export type ChecksumMembers = Partial<Record<ChecksumMember, string>>;

/** The member of `algorithm`'s checksum. */
export function checksumMember(algorithm: ChecksumAlgorithm): ChecksumMember {
  return `Checksum${algorithm}`;
}

/** The checksum of `data` in `algorithm`, computed by `hashes` (on a worker thread for large inputs). */
export async function computeChecksum(hashes: HashPool, algorithm: ChecksumAlgorithm, data: Uint8Array, signal: AbortSignal): Promise<TransferChecksum> {
  return { algorithm, value: await hashes.checksum(algorithm, data, signal) };
}

/** A checksum as request members (`{ ChecksumCRC32: value }`); none for `undefined`. */
export function checksumInput(checksum: TransferChecksum | undefined): ChecksumMembers {
  return checksum === undefined ? {} : { [checksumMember(checksum.algorithm)]: checksum.value };
}

/** The checksum in `algorithm` that a response (or listed part) carries, when it carries one. */
export function checksumFrom(members: ChecksumMembers, algorithm: ChecksumAlgorithm | undefined): TransferChecksum | undefined {
  if (algorithm === undefined) return undefined;
  const value = members[checksumMember(algorithm)];
  return value === undefined ? undefined : { algorithm, value };
}

/** Whether two checksums agree; a missing one (the server did not say) does not disagree. */
export function checksumsAgree(a: TransferChecksum | undefined, b: TransferChecksum | undefined): boolean {
  return a === undefined || b === undefined || (a.algorithm === b.algorithm && a.value === b.value);
}
