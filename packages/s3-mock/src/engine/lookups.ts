import type { BucketState, EngineContext, UploadState } from './engine-state.js';
import { S3MockError } from './errors.js';
import type { ObjectVersion } from './records.js';
import { currentOf } from './version-stack.js';

/**
 * The bucket named `name`.
 * @throws S3MockError `NoSuchBucket`
 */
export function requireBucket(ctx: EngineContext, name: string): BucketState {
  const bucket = ctx.state.buckets.get(name);
  if (!bucket) throw new S3MockError('NoSuchBucket', { BucketName: name });
  return bucket;
}

/** The current object at `key`, if any. */
export function currentObject(bucket: BucketState, key: string): ObjectVersion | undefined {
  return currentOf(bucket.keys.get(key));
}

/**
 * The current object at `key`.
 * @throws S3MockError `NoSuchKey`
 */
export function requireObject(bucket: BucketState, key: string): ObjectVersion {
  const object = currentObject(bucket, key);
  if (!object) throw new S3MockError('NoSuchKey', { Key: key });
  return object;
}

/**
 * The in-flight upload `uploadId` for `key`.
 * @throws S3MockError `NoSuchUpload`
 */
export function requireUpload(bucket: BucketState, key: string, uploadId: string): UploadState {
  const upload = bucket.uploads.get(uploadId);
  if (upload?.record.Key !== key) throw new S3MockError('NoSuchUpload', { UploadId: uploadId });
  return upload;
}
