import { base64ToBytes, bytesToBase64, utf8Bytes } from '@s3kit/primitives';
import { S3MockError } from './errors.js';
import { listPage } from './listing.js';
import type { Owner, Requester } from './account.js';
import { sortedKeys } from './engine-state.js';
import type { BucketState, EngineContext } from './engine-state.js';
import { currentObject, requireBucket } from './lookups.js';
import type { ChecksumAlgorithm, ObjectVersion } from './records.js';

/** Input of ListObjectsV2. `EncodingType=url` is the protocol layer's job (it encodes on output). */
export interface ListObjectsV2Input {
  Bucket: string;
  Prefix?: string;
  /** An empty delimiter means none. */
  Delimiter?: string;
  /** 0 to 1000 are honoured; larger values are capped at 1000. @default 1000 */
  MaxKeys?: number;
  /** Resume after this key (ignored when `ContinuationToken` is given). */
  StartAfter?: string;
  /** Opaque token from a previous `NextContinuationToken`. */
  ContinuationToken?: string;
  /** Include `Owner` in each entry. @default false */
  FetchOwner?: boolean;
}

/** One `<Contents>` entry. */
export interface ObjectSummary {
  Key: string;
  LastModified: Date;
  ETag: string;
  Size: number;
  StorageClass: string;
  /** ListObjectsV2 only with `FetchOwner`; ListObjects (v1) always. */
  Owner?: Owner;
  /** Present when the object has a stored checksum. */
  ChecksumAlgorithm?: ChecksumAlgorithm[];
  ChecksumType?: 'FULL_OBJECT' | 'COMPOSITE';
}

/** Output of ListObjectsV2. */
export interface ListObjectsV2Output {
  Name: string;
  Prefix: string;
  Delimiter?: string;
  MaxKeys: number;
  /** Entries plus common prefixes in this page. */
  KeyCount: number;
  IsTruncated: boolean;
  Contents: ObjectSummary[];
  /** `<CommonPrefixes><Prefix>` values. */
  CommonPrefixes: string[];
  ContinuationToken?: string;
  NextContinuationToken?: string;
  StartAfter?: string;
}

/** Input of ListObjects (v1). */
export interface ListObjectsInput {
  Bucket: string;
  Prefix?: string;
  Delimiter?: string;
  /** @default 1000 */
  MaxKeys?: number;
  /** Resume after this key or common prefix. */
  Marker?: string;
}

/** Output of ListObjects (v1). */
export interface ListObjectsOutput {
  Name: string;
  Prefix: string;
  Delimiter?: string;
  Marker: string;
  /** Only when a delimiter was given and the list is truncated (as S3; clients otherwise resume after the last key). */
  NextMarker?: string;
  MaxKeys: number;
  IsTruncated: boolean;
  Contents: ObjectSummary[];
  CommonPrefixes: string[];
}

const TOKEN_TAG = 's3kit-mock:';

/** Encodes a resume point as an opaque continuation token. */
export function encodeContinuationToken(after: string): string {
  return bytesToBase64(utf8Bytes(TOKEN_TAG + after));
}

/**
 * Decodes a continuation token.
 * @throws S3MockError `InvalidArgument` when it is not one the engine issued
 */
export function decodeContinuationToken(token: string): string {
  const bytes = base64ToBytes(token);
  const text = bytes ? new TextDecoder().decode(bytes) : '';
  if (!bytes || bytesToBase64(bytes) !== token || !text.startsWith(TOKEN_TAG)) {
    throw new S3MockError(
      'InvalidArgument',
      { ArgumentName: 'continuation-token', ArgumentValue: token },
      'The continuation token provided is incorrect',
    );
  }
  return text.slice(TOKEN_TAG.length);
}

/**
 * Validates and caps a max-keys style value.
 * @throws S3MockError `InvalidArgument` (negative or not an integer)
 */
export function maxItems(value: number | undefined, name: string): number {
  if (value === undefined) return 1000;
  if (!Number.isInteger(value) || value < 0) {
    throw new S3MockError(
      'InvalidArgument',
      { ArgumentName: name, ArgumentValue: value },
      `Provided ${name} not an integer or within integer range`,
    );
  }
  return Math.min(value, 1000);
}

/** `ChecksumAlgorithm` / `ChecksumType` of a listing entry, when the object has a checksum. */
export function checksumSummary(o: ObjectVersion): { ChecksumAlgorithm?: ChecksumAlgorithm[]; ChecksumType?: 'FULL_OBJECT' | 'COMPOSITE' } {
  return o.Checksum ? { ChecksumAlgorithm: [o.Checksum.algorithm], ChecksumType: o.Checksum.type } : {};
}

/** Prefix and delimiter of a listing request, normalised (an empty delimiter means none). */
export function prefixAndDelimiter(input: { Prefix?: string; Delimiter?: string }): { Prefix: string; delimiter: string | undefined } {
  return { Prefix: input.Prefix ?? '', delimiter: input.Delimiter === '' ? undefined : input.Delimiter };
}

function summary(o: ObjectVersion, withOwner: boolean): ObjectSummary {
  const s: ObjectSummary = {
    Key: o.Key,
    LastModified: new Date(o.LastModified),
    ETag: o.ETag,
    Size: o.Size,
    StorageClass: o.StorageClass,
  };
  if (withOwner) s.Owner = { ...o.Owner };
  return { ...s, ...checksumSummary(o) };
}

/** One page of current objects (keys whose newest version is a delete marker are skipped). */
function objectPage(bucket: BucketState, prefix: string, delimiter: string | undefined, max: number, marker: string | undefined) {
  const page = listPage(sortedKeys(bucket), (k) => k, { prefix, delimiter, max, marker, include: (k) => currentObject(bucket, k) !== undefined });
  return { ...page, objects: page.entries.map((k) => currentObject(bucket, k)!) };
}

/**
 * Lists objects in UTF-8 binary key order, with prefix, delimiter roll-up and continuation tokens.
 * @throws S3MockError `NoSuchBucket`, `InvalidArgument` (bad token or max-keys)
 */
export function listObjectsV2(ctx: EngineContext, input: ListObjectsV2Input, _requester: Requester): ListObjectsV2Output {
  const bucket = requireBucket(ctx, input.Bucket);
  const MaxKeys = maxItems(input.MaxKeys, 'max-keys');
  const { Prefix, delimiter } = prefixAndDelimiter(input);
  // An empty token is no token (S3 lists from the start and echoes it).
  const marker = input.ContinuationToken ? decodeContinuationToken(input.ContinuationToken) : input.StartAfter;
  const page = objectPage(bucket, Prefix, delimiter, MaxKeys, marker);
  const out: ListObjectsV2Output = {
    Name: input.Bucket,
    Prefix,
    MaxKeys,
    KeyCount: page.entries.length + page.prefixes.length,
    IsTruncated: page.truncated,
    Contents: page.objects.map((o) => summary(o, input.FetchOwner === true)),
    CommonPrefixes: page.prefixes,
  };
  if (delimiter !== undefined) out.Delimiter = delimiter;
  if (input.ContinuationToken !== undefined) out.ContinuationToken = input.ContinuationToken;
  if (input.StartAfter !== undefined) out.StartAfter = input.StartAfter;
  if (page.truncated && page.last) out.NextContinuationToken = encodeContinuationToken(page.last.key);
  return out;
}

/**
 * Lists objects, version 1 (marker based).
 * @throws S3MockError `NoSuchBucket`, `InvalidArgument` (max-keys)
 */
export function listObjects(ctx: EngineContext, input: ListObjectsInput, _requester: Requester): ListObjectsOutput {
  const bucket = requireBucket(ctx, input.Bucket);
  const MaxKeys = maxItems(input.MaxKeys, 'max-keys');
  const { Prefix, delimiter } = prefixAndDelimiter(input);
  const marker = input.Marker === '' ? undefined : input.Marker;
  const page = objectPage(bucket, Prefix, delimiter, MaxKeys, marker);
  const out: ListObjectsOutput = {
    Name: input.Bucket,
    Prefix,
    Marker: input.Marker ?? '',
    MaxKeys,
    IsTruncated: page.truncated,
    Contents: page.objects.map((o) => summary(o, true)),
    CommonPrefixes: page.prefixes,
  };
  if (delimiter !== undefined) out.Delimiter = delimiter;
  if (page.truncated && delimiter !== undefined && page.last) out.NextMarker = page.last.key;
  return out;
}
