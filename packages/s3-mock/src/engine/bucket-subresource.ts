/**
 * Reading and replacing one member of a bucket's configuration record: the shape every
 * Get/Put/DeleteBucket<Something> operation shares (S3 answers a `NoSuch...` error when it is absent).
 */
import { setBucketConfig } from './bucket-config.js';
import type { BucketConfig } from './bucket-config.js';
import type { EngineContext } from './engine-state.js';
import { S3MockError } from './errors.js';
import type { S3ErrorCode } from './errors.js';
import { requireBucket } from './lookups.js';

/**
 * The configured `member` of bucket `name`.
 * @throws S3MockError `NoSuchBucket`, or `missing` when it is not configured
 */
export function readSubresource<K extends keyof BucketConfig>(ctx: EngineContext, name: string, member: K, missing: S3ErrorCode): NonNullable<BucketConfig[K]> {
  const value = requireBucket(ctx, name).record.config[member];
  if (value === undefined) throw new S3MockError(missing, { BucketName: name });
  return value;
}

/**
 * Replaces (or, with `undefined`, removes) `member` of bucket `name`.
 * @throws S3MockError `NoSuchBucket`
 */
export function writeSubresource<K extends keyof BucketConfig>(ctx: EngineContext, name: string, member: K, value: BucketConfig[K] | undefined): void {
  setBucketConfig(requireBucket(ctx, name), member, value);
}
