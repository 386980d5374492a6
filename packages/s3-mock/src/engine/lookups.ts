import type { BucketState, EngineContext, UploadState } from './engine-state.js';
import { S3MockError } from './errors.js';
import { NULL_VERSION_ID } from './records.js';
import type { ObjectVersion } from './records.js';
import { currentOf, versionOf } from './version-stack.js';

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
 * The object version a request addresses: the current object, or version `versionId`.
 * @param method - the request's method, named in the error when `versionId` is a delete marker
 * @throws S3MockError `NoSuchKey` (no current object; when a delete marker is current, the error names it),
 *   `NoSuchVersion`, `MethodNotAllowed` (`versionId` is a delete marker)
 */
export function requireVersion(bucket: BucketState, key: string, versionId: string | undefined, method = 'GET'): ObjectVersion {
  const stack = bucket.keys.get(key);
  if (versionId === undefined) {
    const current = currentOf(stack);
    if (current) return current;
    const marker = stack?.versions[0];
    throw new S3MockError('NoSuchKey', { Key: key }, undefined, marker && { VersionId: marker.VersionId, DeleteMarker: true });
  }
  const version = versionOf(stack, versionId);
  if (!version) throw new S3MockError('NoSuchVersion', { Key: key, VersionId: versionId });
  if (version.kind === 'deleteMarker') {
    throw new S3MockError('MethodNotAllowed', { Method: method, ResourceType: 'DeleteMarker' }, undefined, { VersionId: versionId, DeleteMarker: true });
  }
  return version;
}

/** The version id S3 shows for `version` of `bucket`: none unless versioning was ever configured. */
export function shownVersionId(bucket: BucketState, version: { VersionId: string }): string | undefined {
  return bucket.record.config.Versioning === undefined ? undefined : version.VersionId;
}

/** The version id a write answers with: only a real one (a `null` version written while suspended gets none). */
export function writtenVersionId(version: { VersionId: string }): string | undefined {
  return version.VersionId === NULL_VERSION_ID ? undefined : version.VersionId;
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
