import { base64ToBytes, bytesToBase64, utf8Bytes } from '@s3kit/primitives';
import { assertBucketName } from './bucket-name.js';
import { S3MockError } from './errors.js';
import { isAnonymous, ownerOf } from './account.js';
import { aclFor } from './acl.js';
import type { AclInput } from './acl.js';
import type { BucketConfig, ObjectOwnership } from './bucket-config.js';
import type { Owner, Requester } from './account.js';
import type { EngineContext } from './engine-state.js';
import { deepFreeze } from './freeze.js';
import { DEFAULT_BUCKET_ENCRYPTION } from './bucket-encryption-ops.js';
import { setBucketConfig } from './bucket-config.js';
import { requireBucket } from './lookups.js';
import { claimStorage } from './storage.js';

/** Input of CreateBucket: the ACL headers (`x-amz-acl`, `x-amz-grant-*`) and `x-amz-object-ownership` too. */
export interface CreateBucketInput extends AclInput {
  Bucket: string;
  /** `<CreateBucketConfiguration><LocationConstraint>`; absent means the engine's region. */
  CreateBucketConfiguration?: { LocationConstraint?: string };
  /** @default `BucketOwnerEnforced` (ACLs disabled, as S3 creates buckets today; `ObjectWriter` with `legacyBucketDefaults`) */
  ObjectOwnership?: ObjectOwnership;
  /** `x-amz-bucket-object-lock-enabled`: enables object lock (and versioning). */
  ObjectLockEnabledForBucket?: boolean;
}

/** Output of CreateBucket. */
export interface CreateBucketOutput {
  /** `/<bucket>`, the `Location` header. */
  Location: string;
}

/** Output of HeadBucket. */
export interface HeadBucketOutput {
  /** The `x-amz-bucket-region` header. */
  BucketRegion: string;
}

/** One entry of ListBuckets. */
export interface BucketSummary {
  Name: string;
  CreationDate: Date;
  BucketRegion: string;
}

/** Input of ListBuckets. */
export interface ListBucketsInput {
  /** Only buckets whose name starts with this. */
  Prefix?: string;
  /** Page size (1 to 10000); without it, every bucket. */
  MaxBuckets?: number;
  /** Resume point: the `ContinuationToken` of the previous page. */
  ContinuationToken?: string;
}

/** Output of ListBuckets. */
export interface ListBucketsOutput {
  /** Sorted by name. */
  Buckets: BucketSummary[];
  Owner: Owner;
  /** Present when more buckets follow: pass it back to get them. */
  ContinuationToken?: string;
}

/** Output of GetBucketLocation. */
export interface GetBucketLocationOutput {
  /** The region; `undefined` for us-east-1 (S3 sends an empty `<LocationConstraint/>`). */
  LocationConstraint: string | undefined;
}

/**
 * Creates a bucket owned by `requester`.
 * Re-creating your own bucket succeeds in us-east-1 (S3's legacy behaviour) and is `BucketAlreadyOwnedByYou` elsewhere.
 * @throws S3MockError `AccessDenied` (anonymous), `InvalidBucketName`, `BucketAlreadyOwnedByYou` (same owner, not us-east-1), `BucketAlreadyExists` (other owner)
 */
export function createBucket(ctx: EngineContext, input: CreateBucketInput, requester: Requester): CreateBucketOutput {
  if (isAnonymous(requester)) throw new S3MockError('AccessDenied');
  assertBucketName(input.Bucket);
  const existing = ctx.state.buckets.get(input.Bucket);
  if (existing) {
    if (existing.record.Owner.ID !== requester.ID) throw new S3MockError('BucketAlreadyExists', { BucketName: input.Bucket });
    // S3's legacy in us-east-1: re-creating your own bucket succeeds and resets its ACL.
    if (existing.record.Region === 'us-east-1') {
      setBucketConfig(existing, 'Acl', aclFor(ctx, input, existing.record.Owner, existing.record.Owner));
      return { Location: `/${input.Bucket}` };
    }
    throw new S3MockError('BucketAlreadyOwnedByYou', { BucketName: input.Bucket });
  }
  const owner = ownerOf(requester);
  // Before April 2023 buckets had no ownership controls (ObjectWriter); today S3 sets BucketOwnerEnforced.
  const Ownership = input.ObjectOwnership ?? (ctx.legacyBucketDefaults ? undefined : 'BucketOwnerEnforced');
  const acl = aclFor(ctx, input, owner, owner);
  if (Ownership === 'BucketOwnerEnforced' && acl.Grants.some((g) => g.Grantee.Type !== 'CanonicalUser' || g.Grantee.ID !== owner.ID)) {
    throw new S3MockError('InvalidBucketAclWithObjectOwnership');
  }
  const config: BucketConfig = {
    Acl: acl,
    ...(input.ObjectLockEnabledForBucket ? { ObjectLock: {}, Versioning: 'Enabled' as const } : {}),
    ...(Ownership === undefined ? {} : { Ownership }),
    // S3 blocks public access on new buckets since April 2023 and encrypts with SSE-S3 since January
    // 2023; buckets made before had neither.
    ...(ctx.legacyBucketDefaults
      ? {}
      : { PublicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true }, Encryption: DEFAULT_BUCKET_ENCRYPTION }),
  };
  ctx.state.buckets.set(input.Bucket, {
    record: deepFreeze({
      Name: input.Bucket,
      CreationDate: ctx.clock.now(),
      Region: input.CreateBucketConfiguration?.LocationConstraint ?? ctx.region,
      Owner: owner,
      config,
    }),
    keys: new Map(),
    uploads: new Map(),
    sortedKeys: undefined,
  });
  return { Location: `/${input.Bucket}` };
}

/**
 * Deletes an empty bucket. Incomplete multipart uploads do not block it (AWS deletes them with the
 * bucket) unless `incompleteUploadsBlockBucketDelete` is set.
 * @throws S3MockError `NoSuchBucket`, `BucketNotEmpty`
 */
export function deleteBucket(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): void {
  const bucket = requireBucket(ctx, input.Bucket);
  if (bucket.keys.size > 0 || (ctx.incompleteUploadsBlockBucketDelete && bucket.uploads.size > 0)) {
    throw new S3MockError('BucketNotEmpty', { BucketName: input.Bucket });
  }
  for (const upload of bucket.uploads.values()) for (const part of upload.parts.values()) claimStorage(ctx, -part.body.byteLength);
  ctx.state.buckets.delete(input.Bucket);
}

/**
 * Checks that a bucket exists.
 * @throws S3MockError `NoSuchBucket` (the protocol layer answers HEAD with a bare 404)
 */
export function headBucket(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): HeadBucketOutput {
  return { BucketRegion: requireBucket(ctx, input.Bucket).record.Region };
}

/**
 * Lists the buckets `requester` owns, sorted by name, optionally only those starting with `Prefix`.
 * @throws S3MockError `AccessDenied` (anonymous)
 */
export function listBuckets(ctx: EngineContext, input: ListBucketsInput, requester: Requester): ListBucketsOutput {
  if (isAnonymous(requester)) throw new S3MockError('AccessDenied');
  const max = input.MaxBuckets;
  if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > 10000)) {
    throw new S3MockError('InvalidArgument', { ArgumentName: 'max-buckets', ArgumentValue: max }, 'Provided max-buckets not an integer or within integer range');
  }
  const after = input.ContinuationToken ? new TextDecoder().decode(base64ToBytes(input.ContinuationToken) ?? new Uint8Array(0)) : '';
  const owned = [...ctx.state.buckets.values()]
    .map((b) => b.record)
    .filter((b) => b.Owner.ID === requester.ID && b.Name.startsWith(input.Prefix ?? '') && b.Name > after)
    .sort((a, b) => (a.Name < b.Name ? -1 : 1));
  const page = max === undefined ? owned : owned.slice(0, max);
  const out: ListBucketsOutput = {
    Buckets: page.map((b) => ({ Name: b.Name, CreationDate: new Date(b.CreationDate), BucketRegion: b.Region })),
    Owner: ownerOf(requester),
  };
  if (page.length < owned.length) out.ContinuationToken = bytesToBase64(utf8Bytes(page.at(-1)!.Name));
  return out;
}

/**
 * The bucket's region as GetBucketLocation reports it.
 * @throws S3MockError `NoSuchBucket`
 */
export function getBucketLocation(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): GetBucketLocationOutput {
  const region = requireBucket(ctx, input.Bucket).record.Region;
  return { LocationConstraint: region === 'us-east-1' ? undefined : region };
}
