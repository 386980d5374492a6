/**
 * Whether a requester may run an operation on a bucket or object: the decision the protocol
 * layer's single authorization step asks for before it runs the operation.
 */
import { isAnonymous } from './account.js';
import type { Requester } from './account.js';
import type { EngineContext } from './engine-state.js';
import { S3MockError } from './errors.js';

/** What a request wants to do. */
export interface AccessRequest {
  /** The S3 operation (`GetObject`). */
  operation: string;
  /** The bucket it addresses, if any. */
  bucket?: string;
  /** The object key it addresses, if any. */
  key?: string;
}

/**
 * Throws unless `requester` may make `request`. Requests on a bucket that does not exist are let
 * through: the operation itself then answers `NoSuchBucket`, as S3 does. So is CreateBucket, which
 * answers `BucketAlreadyExists` to another account.
 * @throws S3MockError `AccessDenied`
 */
export function authorize(ctx: EngineContext, request: AccessRequest, requester: Requester): void {
  if (request.bucket === undefined || request.operation === 'CreateBucket') return;
  const bucket = ctx.state.buckets.get(request.bucket);
  if (!bucket) return;
  if (!isAnonymous(requester) && bucket.record.Owner.ID === requester.ID) return;
  throw new S3MockError('AccessDenied');
}

/** The region of a bucket, if it exists (signature checks need it before anything else runs). */
export function bucketRegion(ctx: EngineContext, name: string): string | undefined {
  return ctx.state.buckets.get(name)?.record.Region;
}
