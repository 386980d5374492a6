/** Get/PutBucketAcl and Get/PutObjectAcl. */
import type { Requester } from './account.js';
import { aclFor, resolveGrants } from './acl.js';
import type { AccessControlPolicy, AclInput, Grant } from './acl.js';
import { setBucketConfig } from './bucket-config.js';
import type { EngineContext } from './engine-state.js';
import { S3MockError } from './errors.js';
import { requireBucket, requireVersion, shownVersionId } from './lookups.js';
import { assertKey } from './object-input.js';
import { updateVersion } from './object-store.js';
import { aclsDisabled, checkPublicAcl } from './ownership.js';
import type { BucketState } from './engine-state.js';

/** The ACL a PutBucketAcl / PutObjectAcl asks for: headers, or an `<AccessControlPolicy>` body. */
export interface PutAclInput extends AclInput {
  /** The body's grants (its `<Owner>` is the resource's owner, and stays so). */
  AccessControlPolicy?: { Grants: readonly Grant[] };
}

/** Output of GetBucketAcl / GetObjectAcl. */
export interface AclOutput extends AccessControlPolicy {
  /** The object version (GetObjectAcl, when the bucket's versioning was ever configured). */
  VersionId?: string;
}

function newAcl(ctx: EngineContext, bucket: BucketState, input: PutAclInput, owner: AccessControlPolicy['Owner']): AccessControlPolicy {
  const given = [input.ACL, input.Grants, input.AccessControlPolicy].filter((x) => x !== undefined).length;
  if (given > 1) throw new S3MockError('InvalidRequest', {}, 'Specifying both Canned ACLs and Header Grants is not allowed');
  if (given === 0) throw new S3MockError('MissingSecurityHeader', { MissingHeaderName: 'x-amz-acl' });
  const acl = input.AccessControlPolicy
    ? { Owner: owner, Grants: resolveGrants(ctx, input.AccessControlPolicy.Grants) }
    : aclFor(ctx, input, owner, bucket.record.Owner);
  // ACLs disabled: only a document granting the bucket owner full control, or bucket-owner-full-control, is accepted.
  const ownerOnly = acl.Grants.every((g) => g.Grantee.Type === 'CanonicalUser' && g.Grantee.ID === bucket.record.Owner.ID);
  if (aclsDisabled(bucket) && !(ownerOnly && (input.AccessControlPolicy !== undefined || input.ACL === 'bucket-owner-full-control'))) {
    throw new S3MockError('AccessControlListNotSupported');
  }
  checkPublicAcl(bucket, acl);
  return acl;
}

const copyAcl = (acl: AccessControlPolicy): AclOutput => ({ Owner: { ...acl.Owner }, Grants: acl.Grants.map((g) => ({ Grantee: { ...g.Grantee }, Permission: g.Permission })) });

/**
 * The bucket's ACL (only the owner's full control while ACLs are disabled).
 * @throws S3MockError `NoSuchBucket`
 */
export function getBucketAcl(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): AclOutput {
  const bucket = requireBucket(ctx, input.Bucket);
  return copyAcl(aclsDisabled(bucket) ? aclFor(ctx, {}, bucket.record.Owner, bucket.record.Owner) : bucket.record.config.Acl);
}

/**
 * Replaces the bucket's ACL.
 * @throws S3MockError `NoSuchBucket`, `AccessControlListNotSupported`, `AccessDenied` (public ACL blocked), `InvalidRequest`,
 *   `MissingSecurityHeader` (no ACL given), `UnresolvableGrantByEmailAddress`, `InvalidArgument`
 */
export function putBucketAcl(ctx: EngineContext, input: PutAclInput & { Bucket: string }, _requester: Requester): void {
  const bucket = requireBucket(ctx, input.Bucket);
  setBucketConfig(bucket, 'Acl', newAcl(ctx, bucket, input, bucket.record.Owner));
}

/**
 * An object's ACL.
 * @throws S3MockError `NoSuchBucket`, `NoSuchKey`, `NoSuchVersion`
 */
export function getObjectAcl(ctx: EngineContext, input: { Bucket: string; Key: string; VersionId?: string }, _requester: Requester): AclOutput {
  assertKey(input.Key);
  const bucket = requireBucket(ctx, input.Bucket);
  const o = requireVersion(bucket, input.Key, input.VersionId);
  const VersionId = shownVersionId(bucket, o);
  return { ...copyAcl(o.Acl), ...(VersionId === undefined ? {} : { VersionId }) };
}

/**
 * Replaces an object's ACL (nothing else of the object changes).
 * @throws S3MockError as {@link putBucketAcl}, plus `NoSuchKey`, `NoSuchVersion`
 */
export function putObjectAcl(ctx: EngineContext, input: PutAclInput & { Bucket: string; Key: string; VersionId?: string }, _requester: Requester): { VersionId?: string } {
  assertKey(input.Key);
  const bucket = requireBucket(ctx, input.Bucket);
  const o = requireVersion(bucket, input.Key, input.VersionId, 'PUT');
  updateVersion(bucket, { ...o, Acl: newAcl(ctx, bucket, input, o.Owner) });
  const VersionId = shownVersionId(bucket, o);
  return VersionId === undefined ? {} : { VersionId };
}
