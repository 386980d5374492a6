/** Put/Get/DeleteBucketPolicy and GetBucketPolicyStatus. */
import type { Requester } from './account.js';
import { isPublicGrant } from './acl.js';
import { isPublicPolicy, parseBucketPolicy } from './bucket-policy.js';
import { readSubresource, writeSubresource } from './bucket-subresource.js';
import type { EngineContext } from './engine-state.js';
import { S3MockError } from './errors.js';
import { requireBucket } from './lookups.js';
import { aclsDisabled } from './ownership.js';

/**
 * Stores a bucket policy (its text kept verbatim).
 * @throws S3MockError `NoSuchBucket`, `MalformedPolicy`, `AccessDenied` (a public policy under `BlockPublicPolicy`)
 */
export function putBucketPolicy(ctx: EngineContext, input: { Bucket: string; Policy: string }, _requester: Requester): void {
  const bucket = requireBucket(ctx, input.Bucket);
  const policy = parseBucketPolicy(input.Policy, input.Bucket);
  if (bucket.record.config.PublicAccessBlock?.BlockPublicPolicy && isPublicPolicy(policy)) throw new S3MockError('AccessDenied');
  writeSubresource(ctx, input.Bucket, 'Policy', policy);
}

/** The policy text, as it was put. @throws S3MockError `NoSuchBucket`, `NoSuchBucketPolicy` */
export function getBucketPolicy(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): { Policy: string } {
  return { Policy: readSubresource(ctx, input.Bucket, 'Policy', 'NoSuchBucketPolicy').text };
}

/** @throws S3MockError `NoSuchBucket` */
export function deleteBucketPolicy(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): void {
  writeSubresource(ctx, input.Bucket, 'Policy', undefined);
}

/**
 * Whether the bucket is public: a public policy, or (while ACLs are in effect) a public grant in its ACL.
 * @throws S3MockError `NoSuchBucket`
 */
export function getBucketPolicyStatus(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): { PolicyStatus: { IsPublic: boolean } } {
  const bucket = requireBucket(ctx, input.Bucket);
  const { Policy, Acl } = bucket.record.config;
  const IsPublic = (Policy !== undefined && isPublicPolicy(Policy)) || (!aclsDisabled(bucket) && Acl.Grants.some(isPublicGrant));
  return { PolicyStatus: { IsPublic } };
}
