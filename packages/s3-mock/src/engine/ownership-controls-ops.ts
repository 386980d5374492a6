/** Put/Get/DeleteBucketOwnershipControls. */
import type { Requester } from './account.js';
import type { ObjectOwnership } from './bucket-config.js';
import type { EngineContext } from './engine-state.js';
import { S3MockError } from './errors.js';
import { requireBucket } from './lookups.js';
import { readSubresource, writeSubresource } from './bucket-subresource.js';

/** `<OwnershipControls><Rule><ObjectOwnership/></Rule></OwnershipControls>`. */
export interface OwnershipControls {
  Rules: { ObjectOwnership: ObjectOwnership }[];
}

/**
 * Sets object ownership. Turning ACLs off (`BucketOwnerEnforced`) requires the bucket ACL to give
 * only its owner access.
 * @throws S3MockError `NoSuchBucket`, `MalformedXML` (not exactly one rule), `InvalidBucketAclWithObjectOwnership`
 */
export function putBucketOwnershipControls(ctx: EngineContext, input: { Bucket: string; OwnershipControls: OwnershipControls }, _requester: Requester): void {
  const bucket = requireBucket(ctx, input.Bucket);
  const [rule, ...rest] = input.OwnershipControls.Rules;
  if (!rule || rest.length > 0) throw new S3MockError('MalformedXML');
  const owner = bucket.record.Owner.ID;
  if (rule.ObjectOwnership === 'BucketOwnerEnforced' && bucket.record.config.Acl.Grants.some((g) => g.Grantee.Type !== 'CanonicalUser' || g.Grantee.ID !== owner)) {
    throw new S3MockError('InvalidBucketAclWithObjectOwnership');
  }
  writeSubresource(ctx, input.Bucket, 'Ownership', rule.ObjectOwnership);
}

/** @throws S3MockError `NoSuchBucket`, `OwnershipControlsNotFoundError` */
export function getBucketOwnershipControls(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): { OwnershipControls: OwnershipControls } {
  return { OwnershipControls: { Rules: [{ ObjectOwnership: readSubresource(ctx, input.Bucket, 'Ownership', 'OwnershipControlsNotFoundError') }] } };
}

/** Removes the ownership controls: ACLs apply again (`ObjectWriter`). @throws S3MockError `NoSuchBucket` */
export function deleteBucketOwnershipControls(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): void {
  writeSubresource(ctx, input.Bucket, 'Ownership', undefined);
}
