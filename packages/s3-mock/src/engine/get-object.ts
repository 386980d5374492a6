import type { Requester } from './account.js';
import { checkReadConditions } from './conditions.js';
import type { ReadConditions } from './conditions.js';
import type { EngineContext } from './engine-state.js';
import { S3MockError } from './errors.js';
import { requireBucket, requireVersion, shownVersionId } from './lookups.js';
import { assertKey, readSegments } from './object-input.js';
import { resolveRange } from './range.js';
import type { ContentHeaders, ObjectChecksum, ObjectVersion } from './records.js';
import { checkReadKey, encryptionOutput } from './encryption.js';
import type { EncryptionInput, EncryptionOutput } from './encryption.js';

/** Input of GetObject / HeadObject. */
export interface GetObjectInput extends ReadConditions, EncryptionInput {
  Bucket: string;
  Key: string;
  /** Raw `Range` header. */
  Range?: string;
  /** `partNumber` query parameter (1-based). */
  PartNumber?: number;
  /** Read this version instead of the current object. */
  VersionId?: string;
}

/** Output of HeadObject: everything GetObject returns except the body. */
export interface HeadObjectOutput extends ContentHeaders, EncryptionOutput {
  /** 206 for a range or part, else 200. */
  StatusCode: 200 | 206;
  ETag: string;
  LastModified: Date;
  /** Bytes in this response. */
  ContentLength: number;
  /** `bytes a-b/size` for 206 responses. */
  ContentRange?: string;
  ContentType: string;
  Metadata: Record<string, string>;
  StorageClass: string;
  /** `x-amz-mp-parts-count`: only for multipart objects read with `PartNumber`, as S3. */
  PartsCount?: number;
  /** `x-amz-tagging-count`, when the object has tags. */
  TagCount?: number;
  /** Whole-object checksum (whole-object reads) or the part's checksum (partNumber reads); never for ranges. */
  Checksum?: ObjectChecksum;
  /** The version read, when the bucket's versioning was ever configured. */
  VersionId?: string;
  /** Object lock retention mode, when the version has one. */
  ObjectLockMode?: 'GOVERNANCE' | 'COMPLIANCE';
  ObjectLockRetainUntilDate?: Date;
  /** Legal hold status, when ever set. */
  ObjectLockLegalHoldStatus?: 'ON' | 'OFF';
}

/** Output of GetObject. */
export interface GetObjectOutput extends HeadObjectOutput {
  /** A fresh copy of the requested bytes. */
  Body: Uint8Array;
}

function partWindow(o: ObjectVersion, partNumber: number): { start: number; end: number; checksum?: ObjectChecksum } {
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10000) {
    throw new S3MockError(
      'InvalidArgument',
      { ArgumentName: 'partNumber', ArgumentValue: partNumber },
      'Part number must be an integer between 1 and 10000, inclusive',
    );
  }
  const parts = o.Parts ?? [{ Size: o.Size, ETag: o.ETag }];
  const part = parts[partNumber - 1];
  if (!part) throw new S3MockError('InvalidPartNumber', { PartNumberRequested: partNumber, ActualPartCount: parts.length });
  let start = 0;
  for (let i = 0; i < partNumber - 1; i++) start += parts[i]!.Size;
  const window: { start: number; end: number; checksum?: ObjectChecksum } = { start, end: start + part.Size - 1 };
  if (part.Checksum) window.checksum = part.Checksum;
  return window;
}

function read(ctx: EngineContext, input: GetObjectInput, withBody: boolean): GetObjectOutput | HeadObjectOutput {
  const bucket = requireBucket(ctx, input.Bucket);
  assertKey(input.Key);
  const o = requireVersion(bucket, input.Key, input.VersionId, withBody ? 'GET' : 'HEAD');
  checkReadKey(o.Encryption, input);
  checkReadConditions(input, o);
  if (input.PartNumber !== undefined && input.Range !== undefined) {
    throw new S3MockError('InvalidRequest', {}, 'Cannot specify both Range header and partNumber query parameter');
  }
  if (withBody && (o.StorageClass === 'GLACIER' || o.StorageClass === 'DEEP_ARCHIVE')) {
    throw new S3MockError('InvalidObjectState', { StorageClass: o.StorageClass });
  }
  let window: { start: number; end: number; checksum?: ObjectChecksum } | undefined;
  if (input.PartNumber !== undefined) window = partWindow(o, input.PartNumber);
  else if (input.Range !== undefined) window = resolveRange(input.Range, o.Size);
  const out: GetObjectOutput | HeadObjectOutput = {
    StatusCode: window ? 206 : 200,
    ETag: o.ETag,
    LastModified: new Date(o.LastModified),
    ContentLength: window ? window.end - window.start + 1 : o.Size,
    ContentType: o.ContentType,
    ...o.headers,
    Metadata: { ...o.Metadata },
    StorageClass: o.StorageClass,
    ...encryptionOutput(o.Encryption),
  };
  if (window) out.ContentRange = `bytes ${window.start}-${window.end}/${o.Size}`;
  if (o.Parts && input.PartNumber !== undefined) out.PartsCount = o.Parts.length;
  if (o.Tags.length > 0) out.TagCount = o.Tags.length;
  const VersionId = shownVersionId(bucket, o);
  if (VersionId !== undefined) out.VersionId = VersionId;
  if (o.Retention) {
    out.ObjectLockMode = o.Retention.Mode;
    out.ObjectLockRetainUntilDate = new Date(o.Retention.RetainUntil);
  }
  if (o.LegalHold) out.ObjectLockLegalHoldStatus = o.LegalHold;
  if (input.PartNumber !== undefined) {
    const checksum = window?.checksum ?? (o.Parts ? undefined : o.Checksum);
    if (checksum) out.Checksum = { ...checksum };
  } else if (!window && o.Checksum) {
    out.Checksum = { ...o.Checksum };
  }
  if (!withBody) return out;
  return { ...out, Body: readSegments(o.segments, window?.start ?? 0, window?.end ?? o.Size - 1) };
}

/**
 * Reads an object (the current one, or `VersionId`), whole, by `Range` or by `PartNumber`, after evaluating conditional headers.
 * @throws S3MockError `NoSuchBucket`, `NoSuchKey`, `NoSuchVersion`, `MethodNotAllowed` (a delete marker's version id), `PreconditionFailed`, `NotModified`, `InvalidRange`,
 * `InvalidPartNumber`, `InvalidArgument`, `InvalidRequest` (Range with partNumber), `InvalidObjectState` (GLACIER, DEEP_ARCHIVE)
 */
export function getObject(ctx: EngineContext, input: GetObjectInput, _requester: Requester): GetObjectOutput {
  return read(ctx, input, true) as GetObjectOutput;
}

/**
 * Like {@link getObject} without the body (and without the archived-object check, as S3).
 * @throws S3MockError same codes as {@link getObject} except `InvalidObjectState`
 */
export function headObject(ctx: EngineContext, input: GetObjectInput, _requester: Requester): HeadObjectOutput {
  return read(ctx, input, false);
}
