/**
 * Whether a requester may run an operation on a bucket or object: the decision the protocol
 * layer's single authorization step asks for before it runs the operation. The bucket policy comes
 * first (an explicit Deny refuses, an Allow grants); then the bucket owner may do everything on the
 * bucket, and other requesters need a grant in the bucket's or the object's ACL (while ACLs are in
 * effect), as `access-table.ts` says per operation.
 */
import { isAnonymous } from './account.js';
import type { Requester } from './account.js';
import { aclAllows } from './acl.js';
import { accessRule } from './access-table.js';
import type { AccessRule } from './access-table.js';
import type { BucketState, EngineContext } from './engine-state.js';
import { S3MockError } from './errors.js';
import { aclsDisabled } from './ownership.js';
import { isPublicPolicy } from './bucket-policy.js';
import type { ConditionContext } from './policy-conditions.js';
import { evaluatePolicy } from './policy-evaluation.js';
import type { ObjectVersion } from './records.js';
import { currentOf, versionOf } from './version-stack.js';

/** What a request wants to do. */
export interface AccessRequest {
  /** The S3 operation (`GetObject`). */
  operation: string;
  /** The bucket it addresses, if any. */
  bucket?: string;
  /** The object key it addresses, if any. */
  key?: string;
  /** The version it addresses, if any. */
  versionId?: string;
  /** `x-amz-expected-bucket-owner`: the request fails unless the bucket's owner has this id. */
  expectedBucketOwner?: string;
  /** Policy condition keys of the request (`aws:SourceIp`, `s3:prefix`, `s3:x-amz-acl`...); the engine adds `s3:ExistingObjectTag/*`. */
  context?: ConditionContext;
}

/** Operations the bucket owner may always run, whatever the policy says (so a policy cannot lock it out). */
const OWNER_ALWAYS: ReadonlySet<string> = new Set(['GetBucketPolicy', 'PutBucketPolicy', 'DeleteBucketPolicy']);

/** The policy part of the decision. */
function policyDecision(bucket: BucketState, rule: AccessRule, request: AccessRequest, requester: Requester): 'Allow' | 'Deny' | undefined {
  const policy = bucket.record.config.Policy;
  if (!policy) return undefined;
  if (OWNER_ALWAYS.has(request.operation) && isBucketOwner(bucket, requester)) return undefined;
  const target = targetOf(bucket, request);
  const context: Record<string, string | readonly string[] | undefined> = { ...request.context };
  for (const tag of target?.Tags ?? []) context[`s3:ExistingObjectTag/${tag.Key}`] = tag.Value;
  const resource = rule.resource === 'object' && request.key !== undefined ? `arn:aws:s3:::${bucket.record.Name}/${request.key}` : `arn:aws:s3:::${bucket.record.Name}`;
  const action = request.versionId !== undefined && rule.versionAction ? rule.versionAction : rule.action;
  const decision = evaluatePolicy(policy, { action, resource, requester, context });
  // RestrictPublicBuckets: a public policy grants only the bucket owner's account.
  if (decision === 'Allow' && bucket.record.config.PublicAccessBlock?.RestrictPublicBuckets && isPublicPolicy(policy) && !isBucketOwner(bucket, requester)) return undefined;
  return decision;
}

const isBucketOwner = (bucket: BucketState, requester: Requester): boolean => !isAnonymous(requester) && bucket.record.Owner.ID === requester.ID;

/** Whether the bucket ACL grants `permission` (never while ACLs are disabled). */
function bucketAclAllows(bucket: BucketState, requester: Requester, permission: 'READ' | 'WRITE' | 'READ_ACP' | 'WRITE_ACP' | 'FULL_CONTROL'): boolean {
  if (aclsDisabled(bucket)) return false;
  return aclAllows(bucket.record.config.Acl, requester, permission, bucket.record.config.PublicAccessBlock?.IgnorePublicAcls === true);
}

function targetOf(bucket: BucketState, request: AccessRequest): ObjectVersion | undefined {
  if (request.key === undefined) return undefined;
  const stack = bucket.keys.get(request.key);
  const version = request.versionId === undefined ? currentOf(stack) : versionOf(stack, request.versionId);
  return version?.kind === 'object' ? version : undefined;
}

/** The ACL part of the decision. */
function aclDecision(bucket: BucketState, rule: AccessRule, request: AccessRequest, requester: Requester): boolean {
  const owner = isBucketOwner(bucket, requester);
  if (rule.acl?.on !== 'object') {
    if (owner) return true;
    return rule.acl !== undefined && bucketAclAllows(bucket, requester, rule.acl.permission);
  }
  const target = targetOf(bucket, request);
  if (!target) return owner;
  if (aclsDisabled(bucket) || target.Owner.ID === bucket.record.Owner.ID) {
    if (owner) return true;
  }
  if (aclsDisabled(bucket)) return false;
  return aclAllows(target.Acl, requester, rule.acl.permission, bucket.record.config.PublicAccessBlock?.IgnorePublicAcls === true);
}

/** Whether `requester` may list the bucket with the request's key as prefix. */
function mayList(bucket: BucketState, request: AccessRequest, requester: Requester): boolean {
  if (isBucketOwner(bucket, requester)) return true;
  const list: AccessRequest = { operation: 'ListObjects', context: { ...request.context, 's3:prefix': request.key } };
  if (request.bucket !== undefined) list.bucket = request.bucket;
  const decision = policyDecision(bucket, accessRule('ListObjects'), list, requester);
  if (decision !== undefined) return decision === 'Allow';
  return bucketAclAllows(bucket, requester, 'READ');
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
  if (request.expectedBucketOwner !== undefined && request.expectedBucketOwner !== bucket.record.Owner.ID) throw new S3MockError('AccessDenied');
  const rule = accessRule(request.operation);
  if (rule.open || (rule.perKey && request.key === undefined)) return;
  const policy = policyDecision(bucket, rule, request, requester);
  if (policy === 'Deny') throw new S3MockError('AccessDenied');
  // A missing object is a 404 only to whoever may list the bucket (for that key as prefix); to anyone else a 403.
  if (rule.acl?.on === 'object' && request.key !== undefined && !targetOf(bucket, request)) {
    if (mayList(bucket, request, requester)) return;
    throw new S3MockError('AccessDenied');
  }
  if (policy === 'Allow' || aclDecision(bucket, rule, request, requester)) return;
  throw new S3MockError('AccessDenied');
}

/** The region of a bucket, if it exists (signature checks need it before anything else runs). */
export function bucketRegion(ctx: EngineContext, name: string): string | undefined {
  return ctx.state.buckets.get(name)?.record.Region;
}
