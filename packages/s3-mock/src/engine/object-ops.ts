import { checkCopySourceConditions, checkReadConditions, checkWriteConditions } from './conditions.js';
import type { CopySourceConditions, ReadConditions, WriteConditions } from './conditions.js';
import { singlePartETag } from './etag.js';
import { S3MockError } from './errors.js';
import type { S3ErrorCode } from './errors.js';
import { isAnonymous } from './account.js';
import type { Owner, Requester } from './account.js';
import type { BucketState, EngineContext } from './engine-state.js';
import { currentObject, requireBucket, requireObject } from './lookups.js';
import { deleteCurrent, writeVersion } from './object-store.js';
import {
  assertKey,
  checkContentMD5,
  normalizeMetadata,
  readSegments,
  splitContentHeaders,
  storageClass,
  toSeconds,
} from './object-input.js';
import { resolveRange } from './range.js';
import type { ContentHeaders, ObjectChecksum, ObjectVersion } from './records.js';
import { validateTags } from './tags.js';
import type { Tag } from './tags.js';

/** Input of PutObject. */
export interface PutObjectInput extends ContentHeaders, WriteConditions {
  Bucket: string;
  Key: string;
  /** The whole body; copied on the way in. */
  Body: Uint8Array;
  /** User metadata (`x-amz-meta-*` without the prefix); keys are lower-cased. */
  Metadata?: Readonly<Record<string, string>>;
  /** @default 'STANDARD' */
  StorageClass?: string;
  /** Checksum the protocol layer verified or was sent (`x-amz-checksum-*`); stored verbatim. */
  Checksum?: ObjectChecksum;
  /** Tags from `x-amz-tagging`, already URL-decoded into pairs. */
  Tagging?: readonly Tag[];
  /** `Content-MD5` header (base64); checked against the body. */
  ContentMD5?: string;
}

/** Output of PutObject. */
export interface PutObjectOutput {
  ETag: string;
  Size: number;
  Checksum?: ObjectChecksum;
}

/** Input of GetObject / HeadObject. */
export interface GetObjectInput extends ReadConditions {
  Bucket: string;
  Key: string;
  /** Raw `Range` header. */
  Range?: string;
  /** `partNumber` query parameter (1-based). */
  PartNumber?: number;
}

/** Output of HeadObject: everything GetObject returns except the body. */
export interface HeadObjectOutput extends ContentHeaders {
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
}

/** Output of GetObject. */
export interface GetObjectOutput extends HeadObjectOutput {
  /** A fresh copy of the requested bytes. */
  Body: Uint8Array;
}

/** Input of DeleteObject. */
export interface DeleteObjectInput {
  Bucket: string;
  Key: string;
  /** Conditional delete: only if the current ETag matches. */
  IfMatch?: string;
}

/** Input of DeleteObjects. */
export interface DeleteObjectsInput {
  Bucket: string;
  /** 1 to 1000 keys. */
  Objects: readonly { Key: string; VersionId?: string }[];
  /** Quiet mode: only errors are reported. */
  Quiet?: boolean;
}

/** Output of DeleteObjects. */
export interface DeleteObjectsOutput {
  /** Deleted keys (empty in quiet mode). */
  Deleted: { Key: string }[];
  /** Per-key failures. */
  Errors: { Key: string; Code: S3ErrorCode; Message: string }[];
}

/** Input of CopyObject. */
export interface CopyObjectInput extends ContentHeaders, WriteConditions, CopySourceConditions {
  Bucket: string;
  Key: string;
  /** The source, already parsed and URL-decoded from `x-amz-copy-source`. */
  CopySource: { Bucket: string; Key: string };
  /** @default 'COPY' */
  MetadataDirective?: 'COPY' | 'REPLACE';
  /** @default 'COPY' */
  TaggingDirective?: 'COPY' | 'REPLACE';
  /** Used with `MetadataDirective: 'REPLACE'`. */
  Metadata?: Readonly<Record<string, string>>;
  /** @default 'STANDARD' (S3 does not carry the source's class over) */
  StorageClass?: string;
  /** Used with `TaggingDirective: 'REPLACE'`. */
  Tagging?: readonly Tag[];
}

/** Output of CopyObject (`<CopyObjectResult>`). */
export interface CopyObjectOutput {
  ETag: string;
  LastModified: Date;
  Checksum?: ObjectChecksum;
}

function conditionTarget(o: ObjectVersion | undefined): { ETag: string; LastModified: number } | undefined {
  return o && { ETag: o.ETag, LastModified: o.LastModified };
}

/** The owner of what `requester` writes into `bucket` (anonymous writes belong to the bucket owner). */
export function writerOf(bucket: BucketState, requester: Requester): Owner {
  return isAnonymous(requester) ? bucket.record.Owner : { ID: requester.ID, DisplayName: requester.DisplayName };
}

function assertSize(ctx: EngineContext, size: number): void {
  if (size > ctx.maxObjectSize) {
    throw new S3MockError('EntityTooLarge', { ProposedSize: size, MaxSizeAllowed: ctx.maxObjectSize });
  }
}

/**
 * Stores an object.
 * @throws S3MockError `NoSuchBucket`, `KeyTooLongError`, `MetadataTooLarge`, `InvalidStorageClass`, `InvalidTag`,
 * `BadRequest`, `InvalidDigest`, `BadDigest`, `EntityTooLarge`, `PreconditionFailed`, `NoSuchKey` (If-Match on a missing key), `NotImplemented`
 */
export function putObject(ctx: EngineContext, input: PutObjectInput, requester: Requester): PutObjectOutput {
  const bucket = requireBucket(ctx, input.Bucket);
  assertKey(input.Key);
  const Metadata = normalizeMetadata(input.Metadata);
  const StorageClass = storageClass(input.StorageClass);
  const Tags = validateTags(input.Tagging ?? [], 'object');
  assertSize(ctx, input.Body.length);
  checkContentMD5(input.ContentMD5, input.Body);
  checkWriteConditions(input, conditionTarget(currentObject(bucket, input.Key)), input.Key);
  const body = input.Body.slice();
  const record = writeVersion(ctx, bucket, {
    Key: input.Key,
    segments: [body],
    Size: body.length,
    ETag: singlePartETag(body),
    LastModified: toSeconds(ctx.clock.now()),
    ...splitContentHeaders(input),
    Metadata,
    StorageClass,
    Tags,
    Owner: writerOf(bucket, requester),
    ...(input.Checksum ? { Checksum: { ...input.Checksum } } : {}),
  });
  const out: PutObjectOutput = { ETag: record.ETag, Size: record.Size };
  if (record.Checksum) out.Checksum = { ...record.Checksum };
  return out;
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
  const o = requireObject(bucket, input.Key);
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
  };
  if (window) out.ContentRange = `bytes ${window.start}-${window.end}/${o.Size}`;
  if (o.Parts && input.PartNumber !== undefined) out.PartsCount = o.Parts.length;
  if (o.Tags.length > 0) out.TagCount = o.Tags.length;
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
 * Reads an object, whole, by `Range` or by `PartNumber`, after evaluating conditional headers.
 * @throws S3MockError `NoSuchBucket`, `NoSuchKey`, `PreconditionFailed`, `NotModified`, `InvalidRange`,
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

/**
 * Deletes an object; deleting a missing key succeeds (204), as S3.
 * @throws S3MockError `NoSuchBucket`, `NoSuchKey` / `PreconditionFailed` (with `IfMatch`)
 */
export function deleteObject(ctx: EngineContext, input: DeleteObjectInput, requester: Requester): void {
  const bucket = requireBucket(ctx, input.Bucket);
  assertKey(input.Key);
  if (input.IfMatch !== undefined) {
    checkWriteConditions({ IfMatch: input.IfMatch }, conditionTarget(currentObject(bucket, input.Key)), input.Key);
  }
  deleteCurrent(ctx, bucket, input.Key, writerOf(bucket, requester));
}

/**
 * Deletes up to 1000 keys, reporting per key.
 * @throws S3MockError `NoSuchBucket`, `MalformedXML` (no keys or more than 1000)
 */
export function deleteObjects(ctx: EngineContext, input: DeleteObjectsInput, requester: Requester): DeleteObjectsOutput {
  requireBucket(ctx, input.Bucket);
  if (input.Objects.length === 0 || input.Objects.length > 1000) throw new S3MockError('MalformedXML');
  const out: DeleteObjectsOutput = { Deleted: [], Errors: [] };
  for (const { Key } of input.Objects) {
    try {
      deleteObject(ctx, { Bucket: input.Bucket, Key }, requester);
      if (!input.Quiet) out.Deleted.push({ Key });
    } catch (err) {
      /* v8 ignore next -- deleteObject only throws S3MockError */
      if (!(err instanceof S3MockError)) throw err;
      out.Errors.push({ Key, Code: err.code, Message: err.message });
    }
  }
  return out;
}

/**
 * Copies an object server-side. The copy is a single-part object: its ETag is the MD5 of the bytes
 * even when the source was multipart; a COMPOSITE checksum is dropped (it described the source's parts).
 * @throws S3MockError `NoSuchBucket`, `NoSuchKey` (source), `InvalidRequest` (copy onto itself without change),
 * `PreconditionFailed`, `InvalidArgument` (bad directive), `InvalidObjectState`, plus PutObject's validation codes
 */
export function copyObject(ctx: EngineContext, input: CopyObjectInput, requester: Requester): CopyObjectOutput {
  const dest = requireBucket(ctx, input.Bucket);
  assertKey(input.Key);
  const srcBucket = requireBucket(ctx, input.CopySource.Bucket);
  assertKey(input.CopySource.Key);
  const src = requireObject(srcBucket, input.CopySource.Key);
  const metadataDirective = directive(input.MetadataDirective, 'x-amz-metadata-directive');
  const taggingDirective = directive(input.TaggingDirective, 'x-amz-tagging-directive');
  const StorageClass = storageClass(input.StorageClass);
  const self = srcBucket === dest && src.Key === input.Key;
  if (self && metadataDirective === 'COPY' && (input.StorageClass === undefined || StorageClass === src.StorageClass)) {
    throw new S3MockError(
      'InvalidRequest',
      {},
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  checkCopySourceConditions(input, src);
  if (src.StorageClass === 'GLACIER' || src.StorageClass === 'DEEP_ARCHIVE') {
    throw new S3MockError('InvalidObjectState', { StorageClass: src.StorageClass });
  }
  assertSize(ctx, src.Size);
  const replace = metadataDirective === 'REPLACE';
  const content = replace ? splitContentHeaders(input) : { ContentType: src.ContentType, headers: { ...src.headers } };
  const Metadata = replace ? normalizeMetadata(input.Metadata) : { ...src.Metadata };
  const Tags = taggingDirective === 'REPLACE' ? validateTags(input.Tagging ?? [], 'object') : src.Tags;
  checkWriteConditions(input, conditionTarget(currentObject(dest, input.Key)), input.Key);
  const body = readSegments(src.segments, 0, src.Size - 1);
  const record = writeVersion(ctx, dest, {
    Key: input.Key,
    segments: [body],
    Size: body.length,
    ETag: singlePartETag(body),
    LastModified: toSeconds(ctx.clock.now()),
    ...content,
    Metadata,
    StorageClass,
    Tags,
    Owner: writerOf(dest, requester),
    ...(src.Checksum?.type === 'FULL_OBJECT' ? { Checksum: src.Checksum } : {}),
  });
  const out: CopyObjectOutput = { ETag: record.ETag, LastModified: new Date(record.LastModified) };
  if (record.Checksum) out.Checksum = { ...record.Checksum };
  return out;
}

function directive(value: string | undefined, header: string): 'COPY' | 'REPLACE' {
  if (value === undefined) return 'COPY';
  if (value === 'COPY' || value === 'REPLACE') return value;
  throw new S3MockError('InvalidArgument', { ArgumentName: header, ArgumentValue: value }, `Unknown ${header.slice(6)}.`);
}
