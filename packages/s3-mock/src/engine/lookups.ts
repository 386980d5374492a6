import { S3MockError } from './errors.js';
import type { BucketRecord, EngineContext, ObjectRecord, UploadRecord } from './records.js';

/**
 * The bucket named `name`.
 * @throws S3MockError `NoSuchBucket`
 */
export function requireBucket(ctx: EngineContext, name: string): BucketRecord {
  const bucket = ctx.state.buckets.get(name);
  if (!bucket) throw new S3MockError('NoSuchBucket', { BucketName: name });
  return bucket;
}

/**
 * The object at `key`.
 * @throws S3MockError `NoSuchKey`
 */
export function requireObject(bucket: BucketRecord, key: string): ObjectRecord {
  const object = bucket.objects.get(key);
  if (!object) throw new S3MockError('NoSuchKey', { Key: key });
  return object;
}

/**
 * The in-flight upload `uploadId` for `key`.
 * @throws S3MockError `NoSuchUpload`
 */
export function requireUpload(bucket: BucketRecord, key: string, uploadId: string): UploadRecord {
  const upload = bucket.uploads.get(uploadId);
  if (upload?.Key !== key) throw new S3MockError('NoSuchUpload', { UploadId: uploadId });
  return upload;
}
