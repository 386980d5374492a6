/**
 * Resume checkpoints: a small JSON document per transfer, written atomically (temp file + rename)
 * so a crash leaves either the old or the new checkpoint, never half of one.
 */
import { isChecksumAlgorithm } from '@s3kit/s3-core';
import type { ChecksumAlgorithm } from '@s3kit/s3-core';
import { randomUUID } from '#platform/transfer-crypto';
import { nodeFileSystem } from '../files/file-system.js';
import type { TransferFileSystem } from '../files/file-system.js';
import { ERR_CHECKPOINT_INVALID, TransferError } from '../manager/transfer-error.js';
import type { TransferChecksum } from '../upload/transfer-checksum.js';

/**
 * Checkpoint format version, written by this version. Version 1 (CRC32 named in its fields: a part's
 * `ChecksumCRC32`, an upload's `checksum: boolean`) is still read; other versions are refused.
 */
export const CHECKPOINT_VERSION = 2;

/** A part S3 acknowledged. */
export interface CheckpointPart {
  /** Part number, 1 to 10,000. */
  PartNumber: number;
  /** The part's ETag (quoted, as S3 returns it). */
  ETag: string;
  /** The part's checksum, when it was sent with one. */
  checksum?: TransferChecksum;
  /** Part size in bytes. */
  Size: number;
}

/** What identifies the local source of an upload: resuming refuses a file that changed since. */
export interface SourceIdentity {
  /** Absolute or caller-given path. */
  path: string;
  /** Size in bytes. */
  size: number;
  /** Modification time in ms. */
  mtimeMs: number;
}

/** Checkpoint of a multipart upload from a file. */
export interface UploadCheckpoint {
  version: typeof CHECKPOINT_VERSION;
  kind: 'upload';
  Bucket: string;
  Key: string;
  UploadId: string;
  /** Part size the upload was planned with. */
  partSize: number;
  /** The algorithm of the parts' checksums (and of the upload's FULL_OBJECT checksum); none when parts carry none. */
  checksumAlgorithm?: ChecksumAlgorithm;
  source: SourceIdentity;
  /** Parts acknowledged by S3, in any order. */
  parts: CheckpointPart[];
}

/** A downloaded range whose bytes are on disk and were hashed. */
export interface CheckpointRange {
  /** Range number (1-based, in `partSize` steps). */
  partNumber: number;
  /** The range's checksum (base64) in the object's full-object algorithm, when it has one. */
  checksum?: string;
  /** Hex MD5 of the range, when it is needed to recompute a multipart ETag. */
  md5?: string;
}

/** Checkpoint of a ranged download into a temp file. */
export interface DownloadCheckpoint {
  version: typeof CHECKPOINT_VERSION;
  kind: 'download';
  Bucket: string;
  Key: string;
  /** ETag every ranged GET is pinned to (`If-Match`). */
  ETag: string;
  size: number;
  partSize: number;
  /** The file the data is written to until verified. */
  tempPath: string;
  /** Final destination. */
  path: string;
  /** Ranges fully written and hashed. */
  ranges: CheckpointRange[];
}

/** Any checkpoint. */
export type TransferCheckpoint = UploadCheckpoint | DownloadCheckpoint;

function invalid(rule: string, cause?: unknown): TransferError {
  return new TransferError(ERR_CHECKPOINT_INVALID, `Invalid checkpoint: ${rule}`, cause === undefined ? {} : { cause });
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function checkChecksum(c: unknown): c is TransferChecksum {
  if (typeof c !== 'object' || c === null) return false;
  const checksum = c as Record<string, unknown>;
  return isChecksumAlgorithm(checksum.algorithm) && isString(checksum.value);
}

function checkPart(p: unknown): p is CheckpointPart {
  if (typeof p !== 'object' || p === null) return false;
  const part = p as Record<string, unknown>;
  return isCount(part.PartNumber) && isString(part.ETag) && isCount(part.Size) && (part.checksum === undefined || checkChecksum(part.checksum));
}

/** A version 1 upload checkpoint in today's shape: its CRC32 fields become `{ algorithm: 'CRC32', value }`. */
function upgradeUploadV1(c: Record<string, unknown>): Record<string, unknown> {
  if (typeof c.checksum !== 'boolean') throw invalid('checksum must be a boolean');
  const { checksum, parts, ...rest } = c;
  if (!Array.isArray(parts)) throw invalid('parts must be a list of { PartNumber, ETag, Size }');
  return {
    ...rest,
    version: CHECKPOINT_VERSION,
    ...(checksum ? { checksumAlgorithm: 'CRC32' } : {}),
    parts: parts.map((p: unknown) => {
      if (typeof p !== 'object' || p === null) return p;
      const { ChecksumCRC32: crc, ...part } = p as Record<string, unknown>;
      if (crc !== undefined && !isString(crc)) throw invalid('ChecksumCRC32 of a part must be a string');
      return crc === undefined ? part : { ...part, checksum: { algorithm: 'CRC32', value: crc } };
    }),
  };
}

function checkRange(r: unknown): r is CheckpointRange {
  if (typeof r !== 'object' || r === null) return false;
  const range = r as Record<string, unknown>;
  return isCount(range.partNumber) && (range.checksum === undefined || isString(range.checksum)) && (range.md5 === undefined || isString(range.md5));
}

/**
 * Parses and checks a checkpoint document.
 * @throws {TransferError} `ERR_CHECKPOINT_INVALID` when it is not JSON, has another version, or misses a field.
 */
export function parseCheckpoint(text: string): TransferCheckpoint {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw invalid('not JSON', err);
  }
  if (typeof value !== 'object' || value === null) throw invalid('not an object');
  let c = value as Record<string, unknown>;
  if (c.version === 1) c = c.kind === 'upload' ? upgradeUploadV1(c) : { ...c, version: CHECKPOINT_VERSION };
  if (c.version !== CHECKPOINT_VERSION) throw invalid(`version must be ${CHECKPOINT_VERSION} (or 1)`);
  if (!isString(c.Bucket) || !isString(c.Key)) throw invalid('Bucket and Key must be strings');
  if (!isCount(c.partSize) || c.partSize === 0) throw invalid('partSize must be a positive integer');
  if (c.kind === 'upload') {
    const source = c.source as Record<string, unknown> | undefined;
    if (!isString(c.UploadId)) throw invalid('UploadId must be a string');
    if (c.checksumAlgorithm !== undefined && !isChecksumAlgorithm(c.checksumAlgorithm)) throw invalid('checksumAlgorithm must be an S3 checksum algorithm');
    if (!source || !isString(source.path) || !isCount(source.size) || typeof source.mtimeMs !== 'number') throw invalid('source must have path, size and mtimeMs');
    if (!Array.isArray(c.parts) || !c.parts.every(checkPart)) throw invalid('parts must be a list of { PartNumber, ETag, Size, checksum? }');
    return c as unknown as UploadCheckpoint;
  }
  if (c.kind === 'download') {
    if (!isString(c.ETag) || !isCount(c.size) || !isString(c.tempPath) || !isString(c.path)) throw invalid('ETag, size, tempPath and path are required');
    if (!Array.isArray(c.ranges) || !c.ranges.every(checkRange)) throw invalid('ranges must be a list of { partNumber, checksum?, md5? }');
    return c as unknown as DownloadCheckpoint;
  }
  throw invalid('kind must be "upload" or "download"');
}

/**
 * Writes a checkpoint atomically: to a unique temp file beside it, then renamed over it.
 * @example `await saveCheckpoint('upload.ckpt.json', checkpoint)`
 */
export async function saveCheckpoint(path: string, checkpoint: TransferCheckpoint, fs: TransferFileSystem = nodeFileSystem): Promise<void> {
  const temp = `${path}.${randomUUID()}.tmp`;
  try {
    await fs.writeFile(temp, JSON.stringify(checkpoint));
    await fs.rename(temp, path);
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/**
 * Reads a checkpoint; `undefined` when the file does not exist.
 * @throws {TransferError} `ERR_CHECKPOINT_INVALID` for a damaged or foreign file.
 */
export async function loadCheckpoint(path: string, fs: TransferFileSystem = nodeFileSystem): Promise<TransferCheckpoint | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') return undefined;
    throw err;
  }
  return parseCheckpoint(new TextDecoder().decode(bytes));
}

/** Removes a checkpoint file (missing is fine). */
export async function removeCheckpoint(path: string, fs: TransferFileSystem = nodeFileSystem): Promise<void> {
  await fs.rm(path, { force: true });
}
