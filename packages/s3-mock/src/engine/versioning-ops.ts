/** Bucket versioning: its configuration and ListObjectVersions. */
import type { Owner, Requester } from './account.js';
import { setBucketConfig } from './bucket-config.js';
import type { VersioningStatus } from './bucket-config.js';
import type { EngineContext } from './engine-state.js';
import { sortedKeys } from './engine-state.js';
import { S3MockError } from './errors.js';
import { checksumSummary, maxItems, prefixAndDelimiter } from './list-ops.js';
import { listPage } from './listing.js';
import { requireBucket } from './lookups.js';
import type { ChecksumAlgorithm, KeyVersion } from './records.js';
import { compareUtf8 } from './utf8-order.js';

/** Input of PutBucketVersioning. */
export interface PutBucketVersioningInput {
  Bucket: string;
  VersioningConfiguration: { Status?: VersioningStatus; MFADelete?: 'Enabled' | 'Disabled' };
}

/** Output of GetBucketVersioning: empty for a bucket that never had versioning. */
export interface GetBucketVersioningOutput {
  Status?: VersioningStatus;
  MFADelete?: 'Enabled' | 'Disabled';
}

/** Input of ListObjectVersions. */
export interface ListObjectVersionsInput {
  Bucket: string;
  Prefix?: string;
  Delimiter?: string;
  /** Resume after this key (with `VersionIdMarker`: after that version of it). */
  KeyMarker?: string;
  VersionIdMarker?: string;
  /** @default 1000 */
  MaxKeys?: number;
}

/** One `<Version>` or `<DeleteMarker>` of ListObjectVersions. */
export type VersionSummary =
  | {
      kind: 'object';
      Key: string;
      VersionId: string;
      IsLatest: boolean;
      LastModified: Date;
      ETag: string;
      Size: number;
      StorageClass: string;
      Owner: Owner;
      ChecksumAlgorithm?: ChecksumAlgorithm[];
      ChecksumType?: 'FULL_OBJECT' | 'COMPOSITE';
    }
  | { kind: 'deleteMarker'; Key: string; VersionId: string; IsLatest: boolean; LastModified: Date; Owner: Owner };

/** Output of ListObjectVersions. */
export interface ListObjectVersionsOutput {
  Name: string;
  Prefix: string;
  Delimiter?: string;
  KeyMarker: string;
  VersionIdMarker: string;
  NextKeyMarker?: string;
  NextVersionIdMarker?: string;
  MaxKeys: number;
  IsTruncated: boolean;
  /** Versions and delete markers in listing order: keys in UTF-8 order, each key's newest first. */
  Versions: VersionSummary[];
  CommonPrefixes: string[];
}

/**
 * Enables or suspends versioning. A bucket never returns to "unversioned".
 * @throws S3MockError `NoSuchBucket`, `MalformedXML` (no status), `InvalidBucketState` (suspending a bucket with object lock)
 */
export function putBucketVersioning(ctx: EngineContext, input: PutBucketVersioningInput, _requester: Requester): void {
  const bucket = requireBucket(ctx, input.Bucket);
  const status = input.VersioningConfiguration.Status;
  if (status === undefined) throw new S3MockError('MalformedXML');
  if (status === 'Suspended' && bucket.record.config.ObjectLock) {
    throw new S3MockError('InvalidBucketState', {}, 'An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.');
  }
  setBucketConfig(bucket, 'Versioning', status);
}

/**
 * The versioning state (`{}` when never configured).
 * @throws S3MockError `NoSuchBucket`
 */
export function getBucketVersioning(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): GetBucketVersioningOutput {
  const status = requireBucket(ctx, input.Bucket).record.config.Versioning;
  return status === undefined ? {} : { Status: status };
}

interface Entry {
  version: KeyVersion;
  /** Position in its key's stack (0 = newest). */
  index: number;
}

function summary(e: Entry): VersionSummary {
  const v = e.version;
  const common = { Key: v.Key, VersionId: v.VersionId, IsLatest: e.index === 0, LastModified: new Date(v.LastModified), Owner: { ...v.Owner } };
  if (v.kind === 'deleteMarker') return { kind: 'deleteMarker', ...common };
  return { kind: 'object', ...common, ETag: v.ETag, Size: v.Size, StorageClass: v.StorageClass, ...checksumSummary(v) };
}

/**
 * Lists every version and delete marker, keys in UTF-8 order and each key's versions newest first.
 * @throws S3MockError `NoSuchBucket`, `InvalidArgument` (max-keys, a version-id-marker without a key-marker)
 */
export function listObjectVersions(ctx: EngineContext, input: ListObjectVersionsInput, _requester: Requester): ListObjectVersionsOutput {
  const bucket = requireBucket(ctx, input.Bucket);
  const MaxKeys = maxItems(input.MaxKeys, 'max-keys');
  const { Prefix, delimiter } = prefixAndDelimiter(input);
  const keyMarker = input.KeyMarker === '' ? undefined : input.KeyMarker;
  const versionMarker = input.VersionIdMarker === '' ? undefined : input.VersionIdMarker;
  if (versionMarker !== undefined && keyMarker === undefined) {
    throw new S3MockError('InvalidArgument', { ArgumentName: 'version-id-marker', ArgumentValue: versionMarker }, 'A version-id marker cannot be specified without a key marker.');
  }
  const entries: Entry[] = [];
  for (const key of sortedKeys(bucket)) {
    if (!key.startsWith(Prefix) && compareUtf8(key, Prefix) < 0) continue;
    bucket.keys.get(key)!.versions.forEach((version, index) => entries.push({ version, index }));
  }
  const markerIndex = keyMarker === undefined || versionMarker === undefined ? -1 : (bucket.keys.get(keyMarker)?.versions.findIndex((v) => v.VersionId === versionMarker) ?? -1);
  const page = listPage(entries, (e) => e.version.Key, {
    prefix: Prefix,
    delimiter,
    max: MaxKeys,
    marker: keyMarker,
    isPastMarker: (e) => {
      const c = compareUtf8(e.version.Key, keyMarker ?? '');
      if (c !== 0) return c > 0;
      return versionMarker !== undefined && e.index > markerIndex;
    },
  });
  const out: ListObjectVersionsOutput = {
    Name: input.Bucket,
    Prefix,
    KeyMarker: input.KeyMarker ?? '',
    VersionIdMarker: input.VersionIdMarker ?? '',
    MaxKeys,
    IsTruncated: page.truncated,
    Versions: page.entries.map(summary),
    CommonPrefixes: page.prefixes,
  };
  if (delimiter !== undefined) out.Delimiter = delimiter;
  if (page.truncated && page.last) {
    out.NextKeyMarker = page.last.key;
    if (page.last.kind === 'entry') out.NextVersionIdMarker = page.last.entry.version.VersionId;
  }
  return out;
}
