import { S3MockError } from './errors.js';
import { requireBucket, requireObject } from './lookups.js';
import { assertKey } from './object-input.js';
import type { EngineContext } from './records.js';
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
export function getObjectTagging(ctx: EngineContext, input: { Bucket: string; Key: string }): TaggingOutput {
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
): void {
  assertKey(input.Key);
  const o = requireObject(requireBucket(ctx, input.Bucket), input.Key);
  o.Tags = validateTags(input.Tagging.TagSet, 'object');
}

/**
 * Removes all tags of an object (nothing else changes).
 * @throws S3MockError `NoSuchBucket`, `NoSuchKey`
 */
export function deleteObjectTagging(ctx: EngineContext, input: { Bucket: string; Key: string }): void {
  assertKey(input.Key);
  requireObject(requireBucket(ctx, input.Bucket), input.Key).Tags = [];
}

/**
 * The tags of a bucket.
 * @throws S3MockError `NoSuchBucket`, `NoSuchTagSet` (never tagged, or tags deleted)
 */
export function getBucketTagging(ctx: EngineContext, input: { Bucket: string }): TaggingOutput {
  const bucket = requireBucket(ctx, input.Bucket);
  if (!bucket.Tags) throw new S3MockError('NoSuchTagSet', { BucketName: input.Bucket });
  return { TagSet: bucket.Tags.map((t) => ({ ...t })) };
}

/**
 * Replaces the tags of a bucket.
 * @throws S3MockError `NoSuchBucket`, `InvalidTag`, `BadRequest` (more than 50)
 */
export function putBucketTagging(ctx: EngineContext, input: { Bucket: string; Tagging: { TagSet: readonly Tag[] } }): void {
  const bucket = requireBucket(ctx, input.Bucket);
  const tags = validateTags(input.Tagging.TagSet, 'bucket');
  // An empty set reads back as NoSuchTagSet, like a deleted one.
  bucket.Tags = tags.length > 0 ? tags : undefined;
}

/**
 * Removes the tags of a bucket (succeeds when there are none).
 * @throws S3MockError `NoSuchBucket`
 */
export function deleteBucketTagging(ctx: EngineContext, input: { Bucket: string }): void {
  requireBucket(ctx, input.Bucket).Tags = undefined;
}
