/**
 * Object ownership and ACL rules on writes: who owns what a requester writes, the ACL it gets,
 * and what `BucketOwnerEnforced` (ACLs disabled) and the public access block refuse.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
 */
import type { Owner, Requester } from './account.js';
import { aclFor, isPublicGrant } from './acl.js';
import type { AccessControlPolicy, AclInput } from './acl.js';
import type { ObjectOwnership } from './bucket-config.js';
import type { BucketState, EngineContext } from './engine-state.js';
import { S3MockError } from './errors.js';
import { writerOf } from './object-write.js';

/** The bucket's object ownership (`ObjectWriter` when none is configured). */
export function ownershipOf(bucket: BucketState): ObjectOwnership {
  return bucket.record.config.Ownership ?? 'ObjectWriter';
}

/** Whether ACLs are disabled (`BucketOwnerEnforced`): only the bucket owner and policies decide. */
export function aclsDisabled(bucket: BucketState): boolean {
  return ownershipOf(bucket) === 'BucketOwnerEnforced';
}

/**
 * Whether a write's ACL headers are what an ACL-disabled bucket accepts: none, `bucket-owner-full-control`,
 * or an equivalent ACL (one giving the bucket owner full control and nobody anything else, such as
 * `private` from the bucket owner's own account; from another account `private` names the writer, so
 * it is refused).
 */
function acceptedWithoutAcls(ctx: EngineContext, bucket: BucketState, requester: Requester, input: AclInput): boolean {
  if (input.Grants === undefined && (input.ACL === undefined || input.ACL === 'bucket-owner-full-control')) return true;
  const bucketOwner = bucket.record.Owner;
  const { Grants } = aclFor(ctx, input, writerOf(bucket, requester), bucketOwner);
  const toOwner = (g: (typeof Grants)[number]): boolean => g.Grantee.Type === 'CanonicalUser' && g.Grantee.ID === bucketOwner.ID;
  return Grants.every(toOwner) && Grants.some((g) => g.Permission === 'FULL_CONTROL');
}

/**
 * Refuses public grants under `BlockPublicAcls`.
 * @throws S3MockError `AccessDenied`
 */
export function checkPublicAcl(bucket: BucketState, acl: AccessControlPolicy): void {
  if (bucket.record.config.PublicAccessBlock?.BlockPublicAcls && acl.Grants.some(isPublicGrant)) throw new S3MockError('AccessDenied');
}

/**
 * The owner and ACL of an object `requester` writes into `bucket` with `input`'s ACL headers.
 * @throws S3MockError `AccessControlListNotSupported` (ACLs disabled), `AccessDenied` (public ACL blocked), and ACL resolution codes
 */
export function objectOwnership(ctx: EngineContext, bucket: BucketState, requester: Requester, input: AclInput): { Owner: Owner; Acl: AccessControlPolicy } {
  const bucketOwner = bucket.record.Owner;
  const ownership = ownershipOf(bucket);
  if (ownership === 'BucketOwnerEnforced') {
    if (!acceptedWithoutAcls(ctx, bucket, requester, input)) throw new S3MockError('AccessControlListNotSupported');
    return { Owner: bucketOwner, Acl: aclFor(ctx, {}, bucketOwner, bucketOwner) };
  }
  const writer = writerOf(bucket, requester);
  const owner = ownership === 'BucketOwnerPreferred' && input.ACL === 'bucket-owner-full-control' ? bucketOwner : writer;
  const acl = aclFor(ctx, input, owner, bucketOwner);
  checkPublicAcl(bucket, acl);
  return { Owner: owner, Acl: acl };
}
