import type { Requester } from './account.js';
import { setBucketConfig } from './bucket-config.js';
import type { EngineContext } from './engine-state.js';
import { S3MockError } from './errors.js';
import { requireBucket, requireObject } from './lookups.js';
import { assertKey } from './object-input.js';
import { updateVersion } from './object-store.js';
import { validateTags } from './tags.js';
import type { Tag } from './tags.js';

/** Output of GetObjectTagging / GetBucketTagging. */
export interface TaggingOutput {
  TagSet: Tag[];
}

/**
 * The tags of an object (an empty set when it has none).
 * @throws S3MockError `NoSuchBucket`, `NoSuchKey`
 */
export function getObjectTagging(ctx: EngineContext, input: { Bucket: string; Key: string }, _requester: Requester): TaggingOutput {
  assertKey(input.Key);
  const o = requireObject(requireBucket(ctx, input.Bucket), input.Key);
  return { TagSet: o.Tags.map((t) => ({ ...t })) };
}

/**
 * Replaces the tags of an object. Touches nothing else: not the body, metadata, ETag nor Last-Modified.
 * @throws S3MockError `NoSuchBucket`, `NoSuchKey`, `InvalidTag`, `BadRequest` (more than 10)
 */
export function putObjectTagging(
  ctx: EngineContext,
  input: { Bucket: string; Key: string; Tagging: { TagSet: readonly Tag[] } },
  _requester: Requester,
): void {
  assertKey(input.Key);
  const bucket = requireBucket(ctx, input.Bucket);
  const o = requireObject(bucket, input.Key);
  updateVersion(bucket, { ...o, Tags: validateTags(input.Tagging.TagSet, 'object') });
}

/**
 * Removes all tags of an object (nothing else changes).
 * @throws S3MockError `NoSuchBucket`, `NoSuchKey`
 */
export function deleteObjectTagging(ctx: EngineContext, input: { Bucket: string; Key: string }, _requester: Requester): void {
  assertKey(input.Key);
  const bucket = requireBucket(ctx, input.Bucket);
  updateVersion(bucket, { ...requireObject(bucket, input.Key), Tags: [] });
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
