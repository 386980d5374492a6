import { checkCopySourceConditions, checkWriteConditions } from './conditions.js';
import type { CopySourceConditions, WriteConditions } from './conditions.js';
import { multipartETag, singlePartETag, unquote } from './etag.js';
import { S3MockError } from './errors.js';
import { listPage } from './listing.js';
import { maxItems, prefixAndDelimiter } from './list-ops.js';
import type { Owner, Requester } from './account.js';
import type { EngineContext, UploadState } from './engine-state.js';
import { randomId } from './engine-state.js';
import { deepFreeze } from './freeze.js';
import { copySource } from './copy-object.js';
import { currentObject, requireBucket, requireUpload, shownVersionId, writtenVersionId } from './lookups.js';
import {
  assertKey,
  checkContentMD5,
  normalizeMetadata,
  readSegments,
  splitContentHeaders,
  storageClass,
  toSeconds,
} from './object-input.js';
import { writerOf } from './object-write.js';
import { objectOwnership } from './ownership.js';
import type { AclInput } from './acl.js';
import { writeLock } from './object-lock.js';
import type { ObjectLockInput } from './object-lock.js';
import { checkPartKey, checkReadKey, encryptionOutput, writeEncryption } from './encryption.js';
import type { EncryptionInput, EncryptionOutput } from './encryption.js';
import { writeVersion } from './object-store.js';
import { resolveCopySourceRange } from './range.js';
import { claimStorage } from './storage.js';
import type { ChecksumAlgorithm, ContentHeaders, ObjectChecksum, PartRecord, UploadRecord } from './records.js';
import { validateTags } from './tags.js';
import type { Tag } from './tags.js';
import { compareUtf8 } from './utf8-order.js';

/** Input of CreateMultipartUpload. */
export interface CreateMultipartUploadInput extends ContentHeaders, AclInput, EncryptionInput, ObjectLockInput {
  Bucket: string;
  Key: string;
  Metadata?: Readonly<Record<string, string>>;
  /** @default 'STANDARD' */
  StorageClass?: string;
  Tagging?: readonly Tag[];
  /** `x-amz-checksum-algorithm`, stored and echoed. */
  ChecksumAlgorithm?: ChecksumAlgorithm;
  /** `x-amz-checksum-type`, stored and echoed. */
  ChecksumType?: 'FULL_OBJECT' | 'COMPOSITE';
}

/** Output of CreateMultipartUpload. */
export interface CreateMultipartUploadOutput extends EncryptionOutput {
  Bucket: string;
  Key: string;
  UploadId: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ChecksumType?: 'FULL_OBJECT' | 'COMPOSITE';
}

/** Input of UploadPart (an SSE-C upload's parts each bring its key). */
export interface UploadPartInput extends EncryptionInput {
  Bucket: string;
  Key: string;
  UploadId: string;
  /** 1 to 10000. */
  PartNumber: number;
  Body: Uint8Array;
  /** The part's checksum as received; stored verbatim. */
  Checksum?: ObjectChecksum;
  /** `Content-MD5` (base64), checked against the body. */
  ContentMD5?: string;
}

/** Output of UploadPart. */
export interface UploadPartOutput extends EncryptionOutput {
  ETag: string;
  Checksum?: ObjectChecksum;
}

/** Input of UploadPartCopy. */
export interface UploadPartCopyInput extends CopySourceConditions, EncryptionInput {
  /** The source's SSE-C key (`x-amz-copy-source-server-side-encryption-customer-*`). */
  CopySourceEncryption?: EncryptionInput;
  Bucket: string;
  Key: string;
  UploadId: string;
  PartNumber: number;
  CopySource: { Bucket: string; Key: string; VersionId?: string };
  /** `x-amz-copy-source-range`: `bytes=first-last`. */
  CopySourceRange?: string;
}

/** Output of UploadPartCopy (`<CopyPartResult>`). */
export interface UploadPartCopyOutput extends EncryptionOutput {
  ETag: string;
  LastModified: Date;
  /** The source version copied, when the source bucket's versioning was ever configured. */
  CopySourceVersionId?: string;
}

/** Input of ListParts. */
export interface ListPartsInput {
  Bucket: string;
  Key: string;
  UploadId: string;
  /** List parts after this number. @default 0 */
  PartNumberMarker?: number;
  /** @default 1000 */
  MaxParts?: number;
}

/** One `<Part>` of ListParts. */
export interface PartSummary {
  PartNumber: number;
  ETag: string;
  Size: number;
  LastModified: Date;
  Checksum?: ObjectChecksum;
}

/** Output of ListParts. */
export interface ListPartsOutput {
  Bucket: string;
  Key: string;
  UploadId: string;
  PartNumberMarker: number;
  /** Last part number in this page (resume marker). */
  NextPartNumberMarker?: number;
  MaxParts: number;
  IsTruncated: boolean;
  Parts: PartSummary[];
  Initiator: Owner;
  Owner: Owner;
  StorageClass: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ChecksumType?: 'FULL_OBJECT' | 'COMPOSITE';
}

/** Input of ListMultipartUploads. */
export interface ListMultipartUploadsInput {
  Bucket: string;
  Prefix?: string;
  Delimiter?: string;
  /** Resume after this key (with `UploadIdMarker`: after that upload of this key). */
  KeyMarker?: string;
  /** Ignored without `KeyMarker`, as S3. */
  UploadIdMarker?: string;
  /** @default 1000 */
  MaxUploads?: number;
}

/** One `<Upload>` of ListMultipartUploads. */
export interface UploadSummary {
  Key: string;
  UploadId: string;
  Initiated: Date;
  StorageClass: string;
  Owner: Owner;
  Initiator: Owner;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ChecksumType?: 'FULL_OBJECT' | 'COMPOSITE';
}

/** Output of ListMultipartUploads. */
export interface ListMultipartUploadsOutput {
  Bucket: string;
  Prefix: string;
  Delimiter?: string;
  KeyMarker: string;
  UploadIdMarker: string;
  NextKeyMarker?: string;
  NextUploadIdMarker?: string;
  MaxUploads: number;
  IsTruncated: boolean;
  /** Sorted by key (UTF-8 order), then initiation time. */
  Uploads: UploadSummary[];
  CommonPrefixes: string[];
}

/** Input of CompleteMultipartUpload. */
export interface CompleteMultipartUploadInput extends WriteConditions, EncryptionInput {
  Bucket: string;
  Key: string;
  UploadId: string;
  /** The `<Part>` list: ascending part numbers with the ETags UploadPart returned. */
  Parts: readonly { PartNumber: number; ETag: string }[];
  /** Whole-object checksum the protocol layer computed or received; stored verbatim. */
  Checksum?: ObjectChecksum;
}

/** Output of CompleteMultipartUpload. */
export interface CompleteMultipartUploadOutput extends EncryptionOutput {
  Bucket: string;
  Key: string;
  /** `"<md5 of the parts' binary md5s>-<N>"`. */
  ETag: string;
  Checksum?: ObjectChecksum;
  /** The new version's id, when the bucket's versioning was ever configured. */
  VersionId?: string;
}

/** An in-flight upload as {@link listAllMultipartUploads} reports it. */
export interface InFlightUpload {
  Bucket: string;
  Key: string;
  UploadId: string;
  Initiated: Date;
  /** Parts uploaded so far. */
  PartCount: number;
}

/** A 64-character upload id from the injected random source, unique across buckets and completed uploads. */
function newUploadId(ctx: EngineContext): string {
  return randomId(ctx, 64, (candidate) => ctx.state.completed.has(candidate) || [...ctx.state.buckets.values()].some((b) => b.uploads.has(candidate)));
}

function assertPartNumber(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 10000) {
    throw new S3MockError(
      'InvalidArgument',
      { ArgumentName: 'partNumber', ArgumentValue: n },
      'Part number must be an integer between 1 and 10000, inclusive',
    );
  }
}

/**
 * Starts a multipart upload.
 * @throws S3MockError `NoSuchBucket`, `KeyTooLongError`, `MetadataTooLarge`, `InvalidStorageClass`, `InvalidTag`, `BadRequest`
 */
export function createMultipartUpload(ctx: EngineContext, input: CreateMultipartUploadInput, requester: Requester): CreateMultipartUploadOutput {
  const bucket = requireBucket(ctx, input.Bucket);
  assertKey(input.Key);
  const ownership = objectOwnership(ctx, bucket, requester, input);
  const encryption = writeEncryption(bucket, input);
  const lock = writeLock(bucket, input, ctx.clock.now());
  const upload: UploadRecord = deepFreeze({
    UploadId: newUploadId(ctx),
    Key: input.Key,
    Initiated: ctx.clock.now(),
    seq: ctx.state.seq++,
    ...splitContentHeaders(input),
    Metadata: normalizeMetadata(input.Metadata),
    StorageClass: storageClass(input.StorageClass),
    Tags: validateTags(input.Tagging ?? [], 'object'),
    ...ownership,
    Initiator: writerOf(bucket, requester),
    ...(encryption ? { Encryption: encryption } : {}),
    ...lock,
    ...(input.ChecksumAlgorithm ? { ChecksumAlgorithm: input.ChecksumAlgorithm } : {}),
    ...(input.ChecksumType ? { ChecksumType: input.ChecksumType } : {}),
  });
  bucket.uploads.set(upload.UploadId, { record: upload, parts: new Map() });
  const out: CreateMultipartUploadOutput = { Bucket: input.Bucket, Key: upload.Key, UploadId: upload.UploadId, ...encryptionOutput(upload.Encryption) };
  if (upload.ChecksumAlgorithm) out.ChecksumAlgorithm = upload.ChecksumAlgorithm;
  if (upload.ChecksumType) out.ChecksumType = upload.ChecksumType;
  return out;
}

/**
 * Uploads (or replaces) one part.
 * @throws S3MockError `NoSuchBucket`, `NoSuchUpload`, `InvalidArgument` (part number), `EntityTooLarge`, `InvalidDigest`, `BadDigest`
 */
export function uploadPart(ctx: EngineContext, input: UploadPartInput, _requester: Requester): UploadPartOutput {
  const bucket = requireBucket(ctx, input.Bucket);
  const upload = requireUpload(bucket, input.Key, input.UploadId);
  assertPartNumber(input.PartNumber);
  if (input.Body.length > ctx.maxObjectSize) {
    throw new S3MockError('EntityTooLarge', { ProposedSize: input.Body.length, MaxSizeAllowed: ctx.maxObjectSize });
  }
  checkPartKey(upload.record.Encryption, input);
  checkContentMD5(input.ContentMD5, input.Body);
  const body = input.Body.slice();
  const part: PartRecord = deepFreeze({
    PartNumber: input.PartNumber,
    body,
    ETag: singlePartETag(body),
    LastModified: toSeconds(ctx.clock.now()),
    ...(input.Checksum ? { Checksum: { ...input.Checksum } } : {}),
  });
  claimStorage(ctx, body.byteLength - (upload.parts.get(part.PartNumber)?.body.byteLength ?? 0));
  upload.parts.set(part.PartNumber, part);
  const out: UploadPartOutput = { ETag: part.ETag, ...encryptionOutput(upload.record.Encryption) };
  if (part.Checksum) out.Checksum = { ...part.Checksum };
  return out;
}

/**
 * Uploads a part copied from an existing object, optionally a byte range of it.
 * @throws S3MockError `NoSuchBucket`, `NoSuchUpload`, `NoSuchKey` (source), `InvalidArgument` (part number, range), `PreconditionFailed`
 */
export function uploadPartCopy(ctx: EngineContext, input: UploadPartCopyInput, _requester: Requester): UploadPartCopyOutput {
  const bucket = requireBucket(ctx, input.Bucket);
  const upload = requireUpload(bucket, input.Key, input.UploadId);
  assertPartNumber(input.PartNumber);
  const srcBucket = requireBucket(ctx, input.CopySource.Bucket);
  const src = copySource(srcBucket, input.CopySource);
  checkReadKey(src.Encryption, input.CopySourceEncryption ?? {}, 'x-amz-copy-source-server-side-encryption-customer');
  checkPartKey(upload.record.Encryption, input);
  checkCopySourceConditions(input, src);
  const range =
    input.CopySourceRange === undefined
      ? { start: 0, end: src.Size - 1 }
      : resolveCopySourceRange(input.CopySourceRange, src.Size);
  const body = readSegments(src.segments, range.start, range.end);
  const part: PartRecord = deepFreeze({
    PartNumber: input.PartNumber,
    body,
    ETag: singlePartETag(body),
    LastModified: toSeconds(ctx.clock.now()),
  });
  claimStorage(ctx, body.byteLength - (upload.parts.get(part.PartNumber)?.body.byteLength ?? 0));
  upload.parts.set(part.PartNumber, part);
  const CopySourceVersionId = shownVersionId(srcBucket, src);
  return {
    ETag: part.ETag,
    LastModified: new Date(part.LastModified),
    ...encryptionOutput(upload.record.Encryption),
    ...(CopySourceVersionId === undefined ? {} : { CopySourceVersionId }),
  };
}

/**
 * Lists the parts of an in-flight upload, by part number.
 * @throws S3MockError `NoSuchBucket`, `NoSuchUpload`, `InvalidArgument` (max-parts, part-number-marker)
 */
export function listParts(ctx: EngineContext, input: ListPartsInput, _requester: Requester): ListPartsOutput {
  const bucket = requireBucket(ctx, input.Bucket);
  const { record: upload, parts } = requireUpload(bucket, input.Key, input.UploadId);
  const MaxParts = maxItems(input.MaxParts, 'max-parts');
  const marker = input.PartNumberMarker ?? 0;
  if (!Number.isInteger(marker) || marker < 0) {
    throw new S3MockError(
      'InvalidArgument',
      { ArgumentName: 'part-number-marker', ArgumentValue: marker },
      'Provided part-number-marker not an integer or within integer range',
    );
  }
  const after = [...parts.values()].filter((p) => p.PartNumber > marker).sort((a, b) => a.PartNumber - b.PartNumber);
  const page = after.slice(0, MaxParts);
  const out: ListPartsOutput = {
    Bucket: input.Bucket,
    Key: upload.Key,
    UploadId: upload.UploadId,
    PartNumberMarker: marker,
    MaxParts,
    IsTruncated: after.length > page.length && MaxParts > 0,
    Parts: page.map((p) => {
      const s: PartSummary = { PartNumber: p.PartNumber, ETag: p.ETag, Size: p.body.length, LastModified: new Date(p.LastModified) };
      if (p.Checksum) s.Checksum = { ...p.Checksum };
      return s;
    }),
    Initiator: { ...upload.Initiator },
    Owner: { ...upload.Owner },
    StorageClass: upload.StorageClass,
  };
  const last = page.at(-1);
  if (last) out.NextPartNumberMarker = last.PartNumber;
  if (upload.ChecksumAlgorithm) out.ChecksumAlgorithm = upload.ChecksumAlgorithm;
  if (upload.ChecksumType) out.ChecksumType = upload.ChecksumType;
  return out;
}

/** Uploads sorted by key (UTF-8 order), then initiation time, then creation order. */
export function compareUploads(a: UploadRecord, b: UploadRecord): number {
  return compareUtf8(a.Key, b.Key) || a.Initiated - b.Initiated || a.seq - b.seq;
}

function uploadSummary({ record: u }: UploadState): UploadSummary {
  const s: UploadSummary = {
    Key: u.Key,
    UploadId: u.UploadId,
    Initiated: new Date(u.Initiated),
    StorageClass: u.StorageClass,
    Owner: { ...u.Owner },
    Initiator: { ...u.Initiator },
  };
  if (u.ChecksumAlgorithm) s.ChecksumAlgorithm = u.ChecksumAlgorithm;
  if (u.ChecksumType) s.ChecksumType = u.ChecksumType;
  return s;
}

/**
 * Lists in-flight uploads of a bucket with prefix, delimiter and key/upload-id markers.
 * @throws S3MockError `NoSuchBucket`, `InvalidArgument` (max-uploads)
 */
export function listMultipartUploads(ctx: EngineContext, input: ListMultipartUploadsInput, _requester: Requester): ListMultipartUploadsOutput {
  const bucket = requireBucket(ctx, input.Bucket);
  const MaxUploads = maxItems(input.MaxUploads, 'max-uploads');
  const { Prefix, delimiter } = prefixAndDelimiter(input);
  const sorted = [...bucket.uploads.values()].map((u) => u.record).sort(compareUploads);
  const keyMarker = input.KeyMarker === '' ? undefined : input.KeyMarker;
  const markerUpload = keyMarker !== undefined && input.UploadIdMarker ? bucket.uploads.get(input.UploadIdMarker)?.record : undefined;
  const page = listPage(sorted, (u) => u.Key, {
    prefix: Prefix,
    delimiter,
    max: MaxUploads,
    marker: keyMarker,
    isPastMarker: (u) => {
      const c = compareUtf8(u.Key, keyMarker ?? '');
      if (c !== 0) return c > 0;
      return markerUpload?.Key === u.Key && compareUploads(u, markerUpload) > 0;
    },
  });
  const out: ListMultipartUploadsOutput = {
    Bucket: input.Bucket,
    Prefix,
    KeyMarker: input.KeyMarker ?? '',
    UploadIdMarker: input.UploadIdMarker ?? '',
    MaxUploads,
    IsTruncated: page.truncated,
    Uploads: page.entries.map((record) => uploadSummary(bucket.uploads.get(record.UploadId)!)),
    CommonPrefixes: page.prefixes,
  };
  if (delimiter !== undefined) out.Delimiter = delimiter;
  if (page.truncated && page.last) {
    out.NextKeyMarker = page.last.key;
    if (page.last.kind === 'entry') out.NextUploadIdMarker = page.last.entry.UploadId;
  }
  return out;
}

const signatureOf = (parts: CompleteMultipartUploadInput['Parts']): string =>
  parts.map((p) => `${p.PartNumber}:${unquote(p.ETag)}`).join(',');

/**
 * Completes an upload: checks the part list, then stores the object (its parts kept as body segments,
 * boundaries recorded for `PartNumber` reads). Parts not listed are discarded.
 *
 * A retry of a completion that already succeeded, with the same part list, while the object it made is
 * still in place, returns the same result (S3 answers such retries with 200); otherwise `NoSuchUpload`.
 *
 * @throws S3MockError `NoSuchBucket`, `NoSuchUpload`, `MalformedXML` (no parts), `InvalidPartOrder`, `InvalidPart`,
 * `EntityTooSmall`, `PreconditionFailed`, `NoSuchKey` (If-Match on a missing key), `NotImplemented`
 */
export function completeMultipartUpload(
  ctx: EngineContext,
  input: CompleteMultipartUploadInput,
  _requester: Requester,
): CompleteMultipartUploadOutput {
  const bucket = requireBucket(ctx, input.Bucket);
  const signature = signatureOf(input.Parts);
  if (!bucket.uploads.has(input.UploadId)) {
    const done = ctx.state.completed.get(input.UploadId);
    if (done?.Bucket === input.Bucket && done.Key === input.Key && done.signature === signature) {
      const current = currentObject(bucket, input.Key);
      if (current?.VersionId === done.VersionId && current.ETag === done.ETag) {
        const again: CompleteMultipartUploadOutput = { Bucket: done.Bucket, Key: done.Key, ETag: done.ETag, ...encryptionOutput(current.Encryption) };
        if (done.Checksum) again.Checksum = { ...done.Checksum };
        const VersionId = writtenVersionId(done);
        if (VersionId !== undefined) again.VersionId = VersionId;
        return again;
      }
    }
  }
  const { record: upload, parts } = requireUpload(bucket, input.Key, input.UploadId);
  // An SSE-C upload is completed with its key, like each of its parts.
  checkPartKey(upload.Encryption, input);
  if (input.Parts.length === 0) throw new S3MockError('MalformedXML', { UploadId: input.UploadId });
  const chosen: PartRecord[] = [];
  let previous = 0;
  for (const { PartNumber } of input.Parts) {
    if (PartNumber <= previous) throw new S3MockError('InvalidPartOrder', { UploadId: input.UploadId });
    previous = PartNumber;
  }
  for (const { PartNumber, ETag } of input.Parts) {
    const part = parts.get(PartNumber);
    if (part === undefined || unquote(part.ETag) !== unquote(ETag)) {
      throw new S3MockError('InvalidPart', { UploadId: input.UploadId, PartNumber, ETag });
    }
    chosen.push(part);
  }
  chosen.forEach((part, i) => {
    if (i < chosen.length - 1 && part.body.length < ctx.minPartSize) {
      throw new S3MockError('EntityTooSmall', {
        ProposedSize: part.body.length,
        MinSizeAllowed: ctx.minPartSize,
        PartNumber: part.PartNumber,
        ETag: part.ETag,
      });
    }
  });
  const current = currentObject(bucket, input.Key);
  checkWriteConditions(input, current && { ETag: current.ETag, LastModified: current.LastModified }, input.Key);
  // The parts' bytes (chosen or not) stop counting; the object's, a subset of them, count again.
  claimStorage(ctx, -[...parts.values()].reduce((n, p) => n + p.body.byteLength, 0));
  const record = writeVersion(ctx, bucket, {
    Key: upload.Key,
    segments: chosen.map((p) => p.body),
    Size: chosen.reduce((n, p) => n + p.body.length, 0),
    ETag: multipartETag(chosen.map((p) => p.ETag)),
    LastModified: toSeconds(ctx.clock.now()),
    ContentType: upload.ContentType,
    headers: upload.headers,
    Metadata: upload.Metadata,
    StorageClass: upload.StorageClass,
    Tags: upload.Tags,
    Parts: chosen.map((p) => (p.Checksum ? { Size: p.body.length, ETag: p.ETag, Checksum: p.Checksum } : { Size: p.body.length, ETag: p.ETag })),
    Owner: upload.Owner,
    Acl: upload.Acl,
    ...(upload.Encryption ? { Encryption: upload.Encryption } : {}),
    ...(upload.Retention ? { Retention: upload.Retention } : {}),
    ...(upload.LegalHold ? { LegalHold: upload.LegalHold } : {}),
    ...(input.Checksum ? { Checksum: { ...input.Checksum } } : {}),
  });
  bucket.uploads.delete(upload.UploadId);
  const checksum = record.Checksum ? { Checksum: record.Checksum } : {};
  ctx.state.completed.set(upload.UploadId, deepFreeze({ Bucket: input.Bucket, Key: record.Key, signature, ETag: record.ETag, VersionId: record.VersionId, ...checksum }));
  const out: CompleteMultipartUploadOutput = { Bucket: input.Bucket, Key: record.Key, ETag: record.ETag, ...encryptionOutput(record.Encryption) };
  if (record.Checksum) out.Checksum = { ...record.Checksum };
  const VersionId = writtenVersionId(record);
  if (VersionId !== undefined) out.VersionId = VersionId;
  return out;
}

/**
 * Aborts an upload and drops its parts.
 * @throws S3MockError `NoSuchBucket`, `NoSuchUpload`
 */
export function abortMultipartUpload(ctx: EngineContext, input: { Bucket: string; Key: string; UploadId: string }, _requester: Requester): void {
  const bucket = requireBucket(ctx, input.Bucket);
  const { parts } = requireUpload(bucket, input.Key, input.UploadId);
  claimStorage(ctx, -[...parts.values()].reduce((n, p) => n + p.body.byteLength, 0));
  bucket.uploads.delete(input.UploadId);
}

/** Every in-flight upload across all buckets, sorted by bucket, key, initiation. */
export function listAllMultipartUploads(ctx: EngineContext): InFlightUpload[] {
  const out: InFlightUpload[] = [];
  for (const name of [...ctx.state.buckets.keys()].sort()) {
    const bucket = ctx.state.buckets.get(name)!;
    for (const u of [...bucket.uploads.values()].sort((a, b) => compareUploads(a.record, b.record))) {
      out.push({ Bucket: name, Key: u.record.Key, UploadId: u.record.UploadId, Initiated: new Date(u.record.Initiated), PartCount: u.parts.size });
    }
  }
  return out;
}
