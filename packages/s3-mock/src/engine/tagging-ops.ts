import type { Requester } from './account.js';
import { setBucketConfig } from './bucket-config.js';
import type { EngineContext } from './engine-state.js';
import { S3MockError } from './errors.js';
import { requireBucket, requireVersion, shownVersionId } from './lookups.js';
import { assertKey } from './object-input.js';
import { updateVersion } from './object-store.js';
import { validateTags } from './tags.js';
import type { Tag } from './tags.js';

/** Output of GetObjectTagging / GetBucketTagging. */
export interface TaggingOutput {
  TagSet: Tag[];
  /** The object version (GetObjectTagging, when the bucket's versioning was ever configured). */
  VersionId?: string;
}

/** Which object (or version of it) an object tagging operation addresses. */
export interface ObjectTaggingTarget {
  Bucket: string;
  Key: string;
  /** A version instead of the current object. */
  VersionId?: string;
}

/**
 * The tags of an object (an empty set when it has none).
 * @throws S3MockError `NoSuchBucket`, `NoSuchKey`
 */
export function getObjectTagging(ctx: EngineContext, input: ObjectTaggingTarget, _requester: Requester): TaggingOutput {
  assertKey(input.Key);
  const bucket = requireBucket(ctx, input.Bucket);
  const o = requireVersion(bucket, input.Key, input.VersionId);
  const VersionId = shownVersionId(bucket, o);
  // Sorted by key: S3 documents no order, and answers (and ceph/s3-tests expects) them sorted.
  const TagSet = o.Tags.map((t) => ({ ...t })).sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0));
  return { TagSet, ...(VersionId === undefined ? {} : { VersionId }) };
}

/**
 * Replaces the tags of an object. Touches nothing else: not the body, metadata, ETag nor Last-Modified.
 * @throws S3MockError `NoSuchBucket`, `NoSuchKey`, `InvalidTag`, `BadRequest` (more than 10)
 */
export function putObjectTagging(
  ctx: EngineContext,
  input: ObjectTaggingTarget & { Tagging: { TagSet: readonly Tag[] } },
  _requester: Requester,
): { VersionId?: string } {
  assertKey(input.Key);
  const bucket = requireBucket(ctx, input.Bucket);
  const o = requireVersion(bucket, input.Key, input.VersionId, 'PUT');
  updateVersion(bucket, { ...o, Tags: validateTags(input.Tagging.TagSet, 'object') });
  const VersionId = shownVersionId(bucket, o);
  return VersionId === undefined ? {} : { VersionId };
}

/**
 * Removes all tags of an object (nothing else changes).
 * @throws S3MockError `NoSuchBucket`, `NoSuchKey`
 */
export function deleteObjectTagging(ctx: EngineContext, input: ObjectTaggingTarget, _requester: Requester): { VersionId?: string } {
  assertKey(input.Key);
  const bucket = requireBucket(ctx, input.Bucket);
  const o = requireVersion(bucket, input.Key, input.VersionId, 'DELETE');
  updateVersion(bucket, { ...o, Tags: [] });
  const VersionId = shownVersionId(bucket, o);
  return VersionId === undefined ? {} : { VersionId };
}

/**
 * The tags of a bucket.
 * @throws S3MockError `NoSuchBucket`, `NoSuchTagSet` (never tagged, or tags deleted)
 */
export function getBucketTagging(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): TaggingOutput {
  const tags = requireBucket(ctx, input.Bucket).record.config.Tags;
  if (!tags) throw new S3MockError('NoSuchTagSet', { BucketName: input.Bucket });
  return { TagSet: tags.map((t) => ({ ...t })) };
}

/**
 * Replaces the tags of a bucket.
 * @throws S3MockError `NoSuchBucket`, `InvalidTag`, `BadRequest` (more than 50)
 */
export function putBucketTagging(ctx: EngineContext, input: { Bucket: string; Tagging: { TagSet: readonly Tag[] } }, _requester: Requester): void {
  const bucket = requireBucket(ctx, input.Bucket);
  const tags = validateTags(input.Tagging.TagSet, 'bucket');
  // An empty set reads back as NoSuchTagSet, like a deleted one.
  setBucketConfig(bucket, 'Tags', tags.length > 0 ? tags : undefined);
}

/**
 * Removes the tags of a bucket (succeeds when there are none).
 * @throws S3MockError `NoSuchBucket`
 */
export function deleteBucketTagging(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): void {
  setBucketConfig(requireBucket(ctx, input.Bucket), 'Tags', undefined);
}
