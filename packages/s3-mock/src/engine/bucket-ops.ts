import { assertBucketName } from './bucket-name.js';
import { S3MockError } from './errors.js';
import { requireBucket } from './lookups.js';
import type { EngineContext, Owner } from './records.js';

/** Input of CreateBucket. */
export interface CreateBucketInput {
  Bucket: string;
  /** `<CreateBucketConfiguration><LocationConstraint>`; absent means the engine's region. */
  CreateBucketConfiguration?: { LocationConstraint?: string };
  /** Who creates it (multi-owner mode); default the engine's owner. */
  Owner?: Owner;
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

/** Output of ListBuckets. */
export interface ListBucketsOutput {
  /** Sorted by name. */
  Buckets: BucketSummary[];
  Owner: Owner;
}

/** Output of GetBucketLocation. */
export interface GetBucketLocationOutput {
  /** The region; `undefined` for us-east-1 (S3 sends an empty `<LocationConstraint/>`). */
  LocationConstraint: string | undefined;
}

/**
 * Creates a bucket.
 * @throws S3MockError `InvalidBucketName`, `BucketAlreadyOwnedByYou` (same owner), `BucketAlreadyExists` (other owner)
 */
export function createBucket(ctx: EngineContext, input: CreateBucketInput): CreateBucketOutput {
  assertBucketName(input.Bucket);
  const owner = input.Owner ?? ctx.owner;
  const existing = ctx.state.buckets.get(input.Bucket);
  if (existing) {
    const code = existing.Owner.ID === owner.ID ? 'BucketAlreadyOwnedByYou' : 'BucketAlreadyExists';
    throw new S3MockError(code, { BucketName: input.Bucket });
  }
  ctx.state.buckets.set(input.Bucket, {
    Name: input.Bucket,
    CreationDate: ctx.clock.now(),
    Region: input.CreateBucketConfiguration?.LocationConstraint ?? ctx.region,
    Owner: { ...owner },
    objects: new Map(),
    uploads: new Map(),
    Tags: undefined,
    sortedKeys: undefined,
  });
  return { Location: `/${input.Bucket}` };
}

/**
 * Deletes an empty bucket. Incomplete multipart uploads do not block it (AWS deletes them with the
 * bucket) unless `incompleteUploadsBlockBucketDelete` is set.
 * @throws S3MockError `NoSuchBucket`, `BucketNotEmpty`
 */
export function deleteBucket(ctx: EngineContext, input: { Bucket: string }): void {
  const bucket = requireBucket(ctx, input.Bucket);
  if (bucket.objects.size > 0 || (ctx.incompleteUploadsBlockBucketDelete && bucket.uploads.size > 0)) {
    throw new S3MockError('BucketNotEmpty', { BucketName: input.Bucket });
  }
  ctx.state.buckets.delete(input.Bucket);
}

/**
 * Checks that a bucket exists.
 * @throws S3MockError `NoSuchBucket` (the protocol layer answers HEAD with a bare 404)
 */
export function headBucket(ctx: EngineContext, input: { Bucket: string }): HeadBucketOutput {
  return { BucketRegion: requireBucket(ctx, input.Bucket).Region };
}

/** Lists all buckets sorted by name, optionally only those starting with `Prefix`. */
export function listBuckets(ctx: EngineContext, input: { Prefix?: string } = {}): ListBucketsOutput {
  const names = [...ctx.state.buckets.keys()].filter((n) => n.startsWith(input.Prefix ?? '')).sort();
  return {
    Buckets: names.map((n) => {
      const b = ctx.state.buckets.get(n)!;
      return { Name: n, CreationDate: new Date(b.CreationDate), BucketRegion: b.Region };
    }),
    Owner: { ...ctx.owner },
  };
}

/**
 * The bucket's region as GetBucketLocation reports it.
 * @throws S3MockError `NoSuchBucket`
 */
export function getBucketLocation(ctx: EngineContext, input: { Bucket: string }): GetBucketLocationOutput {
  const region = requireBucket(ctx, input.Bucket).Region;
  return { LocationConstraint: region === 'us-east-1' ? undefined : region };
}
