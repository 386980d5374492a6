import { ValidationError, systemClock } from '@s3kit/primitives';
import type { Clock, Random } from '@s3kit/primitives';
import * as access from './access.js';
import type { AccessRequest } from './access.js';
import * as buckets from './bucket-ops.js';
import type {
  CreateBucketInput,
  CreateBucketOutput,
  GetBucketLocationOutput,
  HeadBucketOutput,
  ListBucketsInput,
  ListBucketsOutput,
} from './bucket-ops.js';
import * as lists from './list-ops.js';
import type { ListObjectsInput, ListObjectsOutput, ListObjectsV2Input, ListObjectsV2Output } from './list-ops.js';
import * as multipart from './multipart-ops.js';
import type {
  CompleteMultipartUploadInput,
  CompleteMultipartUploadOutput,
  CreateMultipartUploadInput,
  CreateMultipartUploadOutput,
  InFlightUpload,
  ListMultipartUploadsInput,
  ListMultipartUploadsOutput,
  ListPartsInput,
  ListPartsOutput,
  UploadPartCopyInput,
  UploadPartCopyOutput,
  UploadPartInput,
  UploadPartOutput,
} from './multipart-ops.js';
import { copyObject } from './copy-object.js';
import type { CopyObjectInput, CopyObjectOutput } from './copy-object.js';
import { deleteObject, deleteObjects } from './delete-object.js';
import type { DeleteObjectInput, DeleteObjectOutput, DeleteObjectsInput, DeleteObjectsOutput } from './delete-object.js';
import { getObject, headObject } from './get-object.js';
import type { GetObjectInput, GetObjectOutput, HeadObjectOutput } from './get-object.js';
import { putObject } from './put-object.js';
import type { PutObjectInput, PutObjectOutput } from './put-object.js';
import * as versioning from './versioning-ops.js';
import * as acls from './acl-ops.js';
import type { AclOutput, PutAclInput } from './acl-ops.js';
import * as ownershipControls from './ownership-controls-ops.js';
import type { OwnershipControls } from './ownership-controls-ops.js';
import * as publicAccessBlock from './public-access-block-ops.js';
import * as policies from './policy-ops.js';
import * as bucketEncryption from './bucket-encryption-ops.js';
import * as objectLock from './object-lock-ops.js';
import * as cors from './cors.js';
import * as lifecycle from './lifecycle.js';
import * as attributes from './object-attributes.js';
import type { GetObjectAttributesInput, GetObjectAttributesOutput } from './object-attributes.js';
import * as settings from './bucket-settings.js';
import type { BucketSettingName } from './bucket-settings.js';
import type { ConfigElement } from './config-document.js';
import type { CorsRequest, CorsRule } from './cors.js';
import type { LockTarget } from './object-lock-ops.js';
import type { ObjectLockConfig, RetentionMode } from './object-lock.js';
import type { BucketEncryption } from './encryption.js';
import type { PublicAccessBlock } from './bucket-config.js';
import type { GetBucketVersioningOutput, ListObjectVersionsInput, ListObjectVersionsOutput, PutBucketVersioningInput } from './versioning-ops.js';
import { DEFAULT_OWNER } from './account.js';
import type { Account, Requester } from './account.js';
import { copyState, emptyState } from './engine-state.js';
import type { EngineContext, EngineState } from './engine-state.js';
import type { ContentHeaders, ObjectChecksum } from './records.js';
import * as tagging from './tagging-ops.js';
import type { ObjectTaggingTarget, TaggingOutput } from './tagging-ops.js';
import type { Tag } from './tags.js';

/** Options of {@link createS3Engine}. */
export interface S3EngineOptions {
  /**
   * Time source for Last-Modified, CreationDate and Initiated. Inject a fake clock to test conditional reads.
   * @default systemClock
   */
  clock?: Clock;
  /**
   * Randomness for upload ids (`createSeededRandom(n)` makes them reproducible).
   * @default Math.random
   */
  random?: Random;
  /**
   * Region of buckets created without a LocationConstraint.
   * @default 'us-east-1'
   */
  region?: string;
  /**
   * The account of calls made without a requester (and of seeded buckets and objects).
   * @default { ID: '<64 hex>', DisplayName: 's3kit-mock' }
   */
  owner?: Account;
  /**
   * Other accounts the engine knows (ACL grants name them by id or e-mail address).
   * @default []
   */
  accounts?: readonly Account[];
  /**
   * Smallest size of every part but the last at CompleteMultipartUpload. Lower it in tests to
   * exercise multipart code without 5 MiB bodies.
   * @default 5 * 1024 * 1024
   */
  minPartSize?: number;
  /**
   * Largest body of a PutObject, CopyObject or UploadPart.
   * @default 5 * 1024 ** 3
   */
  maxObjectSize?: number;
  /**
   * Most bytes the engine keeps, counting every object version and uploaded part. A write that
   * would go over it fails with 507 `InsufficientStorage`, and the protocol layer refuses a request
   * whose declared length does not fit before reading its body, so memory stays bounded.
   * `Infinity` lifts the cap.
   * @default 1024 ** 3 (1 GiB)
   */
  maxStoredBytes?: number;
  /**
   * Create buckets as S3 did before April 2023: object ownership `ObjectWriter` (ACLs in effect)
   * and no public access block. By default new buckets are created as S3 creates them today:
   * `BucketOwnerEnforced` (ACLs disabled) with every public access block setting on.
   * @default false
   */
  legacyBucketDefaults?: boolean;
  /**
   * Refuse DeleteBucket (`BucketNotEmpty`) while multipart uploads are in flight. AWS does not: it
   * deletes the bucket and discards the uploads, which is the default here.
   * @default false
   */
  incompleteUploadsBlockBucketDelete?: boolean;
}

/** An opaque, immutable copy of an engine's state, from {@link S3Engine.snapshot}; restorable into any engine. */
export interface EngineSnapshot {
  /** Always `'S3EngineSnapshot'`. */
  readonly kind: 'S3EngineSnapshot';
}

// Snapshot contents stay out of reach, so nothing can mutate a snapshot after it is taken.
const snapshotStates = new WeakMap<EngineSnapshot, EngineState>();

/** One object of a {@link SeedSpec}: bytes, text (UTF-8), or bytes with PutObject's attributes. */
export type SeedObject =
  | Uint8Array
  | string
  | (ContentHeaders & {
      Body: Uint8Array | string;
      Metadata?: Record<string, string>;
      StorageClass?: string;
      Tagging?: readonly Tag[];
      Checksum?: ObjectChecksum;
    });

/** Initial content for {@link S3Engine.seed}. */
export interface SeedSpec {
  buckets: Record<string, { region?: string; objects?: Record<string, SeedObject> }>;
}

const encoder = new TextEncoder();

/**
 * A pure in-memory S3: buckets, objects, listings, multipart uploads and tagging, with S3's rules
 * and error codes. No HTTP and no XML: inputs and outputs use the S3 API's member names
 * (`Bucket`, `Key`, `ContinuationToken`...) and every failure is an {@link S3MockError} carrying the
 * S3 code, HTTP status and `<Error>` fields, for a protocol layer to render.
 *
 * Every method is synchronous. Bodies are `Uint8Array`s, copied on the way in and out. Every
 * operation takes the requester last: an {@link Account} (who owns what it creates, whose buckets
 * ListBuckets shows) or {@link ANONYMOUS}; it defaults to the engine's `owner`. Deciding whether a
 * requester may do something is the protocol layer's single authorization step, not the engine's.
 *
 * @example
 * ```ts
 * const engine = createS3Engine({ clock: createFakeClock(Date.UTC(2025, 0, 1)), minPartSize: 5 });
 * engine.createBucket({ Bucket: 'photos' });
 * engine.putObject({ Bucket: 'photos', Key: 'a.jpg', Body: bytes, ContentType: 'image/jpeg' });
 * const { Body, ETag } = engine.getObject({ Bucket: 'photos', Key: 'a.jpg', Range: 'bytes=0-99' });
 * ```
 */
export class S3Engine {
  readonly #ctx: EngineContext;

  /** Prefer {@link createS3Engine}. */
  constructor(options: S3EngineOptions = {}) {
    this.#ctx = {
      state: emptyState(),
      clock: options.clock ?? systemClock,
      random: options.random ?? Math.random,
      region: options.region ?? 'us-east-1',
      owner: Object.freeze({ ...(options.owner ?? DEFAULT_OWNER) }),
      accounts: Object.freeze((options.accounts ?? []).map((a) => Object.freeze({ ...a }))),
      minPartSize: options.minPartSize ?? 5 * 1024 * 1024,
      maxObjectSize: options.maxObjectSize ?? 5 * 1024 ** 3,
      maxStoredBytes: options.maxStoredBytes ?? 1024 ** 3,
      legacyBucketDefaults: options.legacyBucketDefaults ?? false,
      incompleteUploadsBlockBucketDelete: options.incompleteUploadsBlockBucketDelete ?? false,
    };
  }

  /** Stored bytes and the cap on them (`maxStoredBytes`). */
  storage(): { storedBytes: number; maxStoredBytes: number } {
    return { storedBytes: this.#ctx.state.storedBytes, maxStoredBytes: this.#ctx.maxStoredBytes };
  }

  /** Largest body of one object or part (`maxObjectSize`). */
  get maxObjectSize(): number {
    return this.#ctx.maxObjectSize;
  }

  /** The default account: the requester of calls made without one. */
  get owner(): Account {
    return this.#ctx.owner;
  }

  // Buckets

  /** CreateBucket. @throws S3MockError `InvalidBucketName`, `BucketAlreadyOwnedByYou`, `BucketAlreadyExists` */
  createBucket(input: CreateBucketInput, requester: Requester = this.#ctx.owner): CreateBucketOutput {
    return buckets.createBucket(this.#ctx, input, requester);
  }
  /** DeleteBucket. @throws S3MockError `NoSuchBucket`, `BucketNotEmpty` */
  deleteBucket(input: { Bucket: string }, requester: Requester = this.#ctx.owner): void {
    buckets.deleteBucket(this.#ctx, input, requester);
  }
  /** HeadBucket. @throws S3MockError `NoSuchBucket` */
  headBucket(input: { Bucket: string }, requester: Requester = this.#ctx.owner): HeadBucketOutput {
    return buckets.headBucket(this.#ctx, input, requester);
  }
  /** ListBuckets, sorted by name. */
  listBuckets(input: ListBucketsInput = {}, requester: Requester = this.#ctx.owner): ListBucketsOutput {
    return buckets.listBuckets(this.#ctx, input, requester);
  }
  /** GetBucketLocation. @throws S3MockError `NoSuchBucket` */
  getBucketLocation(input: { Bucket: string }, requester: Requester = this.#ctx.owner): GetBucketLocationOutput {
    return buckets.getBucketLocation(this.#ctx, input, requester);
  }

  // Objects

  /** PutObject; see {@link putObject} for the error codes. */
  putObject(input: PutObjectInput, requester: Requester = this.#ctx.owner): PutObjectOutput {
    return putObject(this.#ctx, input, requester);
  }
  /** GetObject (current or `VersionId`; whole, `Range` or `PartNumber`; conditional). */
  getObject(input: GetObjectInput, requester: Requester = this.#ctx.owner): GetObjectOutput {
    return getObject(this.#ctx, input, requester);
  }
  /** HeadObject. */
  headObject(input: GetObjectInput, requester: Requester = this.#ctx.owner): HeadObjectOutput {
    return headObject(this.#ctx, input, requester);
  }
  /** DeleteObject (a version for good with `VersionId`, else the key or a new delete marker); a missing key succeeds. */
  deleteObject(input: DeleteObjectInput, requester: Requester = this.#ctx.owner): DeleteObjectOutput {
    return deleteObject(this.#ctx, input, requester);
  }
  /** DeleteObjects (1 to 1000 keys or versions, per-key results, quiet mode). */
  deleteObjects(input: DeleteObjectsInput, requester: Requester = this.#ctx.owner): DeleteObjectsOutput {
    return deleteObjects(this.#ctx, input, requester);
  }
  /** CopyObject (a source version, metadata and tagging directives, copy-source conditions). */
  copyObject(input: CopyObjectInput, requester: Requester = this.#ctx.owner): CopyObjectOutput {
    return copyObject(this.#ctx, input, requester);
  }

  /** GetObjectAttributes (only the attributes asked for; parts paged). */
  getObjectAttributes(input: GetObjectAttributesInput, requester: Requester = this.#ctx.owner): GetObjectAttributesOutput {
    return attributes.getObjectAttributes(this.#ctx, input, requester);
  }

  // Versioning

  /** PutBucketVersioning. @throws S3MockError `NoSuchBucket`, `MalformedXML` */
  putBucketVersioning(input: PutBucketVersioningInput, requester: Requester = this.#ctx.owner): void {
    versioning.putBucketVersioning(this.#ctx, input, requester);
  }
  /** GetBucketVersioning (`{}` when never configured). @throws S3MockError `NoSuchBucket` */
  getBucketVersioning(input: { Bucket: string }, requester: Requester = this.#ctx.owner): GetBucketVersioningOutput {
    return versioning.getBucketVersioning(this.#ctx, input, requester);
  }
  /** ListObjectVersions (versions and delete markers, key and version-id markers). */
  listObjectVersions(input: ListObjectVersionsInput, requester: Requester = this.#ctx.owner): ListObjectVersionsOutput {
    return versioning.listObjectVersions(this.#ctx, input, requester);
  }

  // Listings

  /** ListObjectsV2 (UTF-8 key order, opaque continuation tokens). */
  listObjectsV2(input: ListObjectsV2Input, requester: Requester = this.#ctx.owner): ListObjectsV2Output {
    return lists.listObjectsV2(this.#ctx, input, requester);
  }
  /** ListObjects (v1, marker based). */
  listObjects(input: ListObjectsInput, requester: Requester = this.#ctx.owner): ListObjectsOutput {
    return lists.listObjects(this.#ctx, input, requester);
  }

  // Multipart

  /** CreateMultipartUpload. */
  createMultipartUpload(input: CreateMultipartUploadInput, requester: Requester = this.#ctx.owner): CreateMultipartUploadOutput {
    return multipart.createMultipartUpload(this.#ctx, input, requester);
  }
  /** UploadPart (re-uploading a part number replaces it). */
  uploadPart(input: UploadPartInput, requester: Requester = this.#ctx.owner): UploadPartOutput {
    return multipart.uploadPart(this.#ctx, input, requester);
  }
  /** UploadPartCopy (optionally a byte range of the source). */
  uploadPartCopy(input: UploadPartCopyInput, requester: Requester = this.#ctx.owner): UploadPartCopyOutput {
    return multipart.uploadPartCopy(this.#ctx, input, requester);
  }
  /** ListParts. */
  listParts(input: ListPartsInput, requester: Requester = this.#ctx.owner): ListPartsOutput {
    return multipart.listParts(this.#ctx, input, requester);
  }
  /** ListMultipartUploads. */
  listMultipartUploads(input: ListMultipartUploadsInput, requester: Requester = this.#ctx.owner): ListMultipartUploadsOutput {
    return multipart.listMultipartUploads(this.#ctx, input, requester);
  }
  /** CompleteMultipartUpload. */
  completeMultipartUpload(input: CompleteMultipartUploadInput, requester: Requester = this.#ctx.owner): CompleteMultipartUploadOutput {
    return multipart.completeMultipartUpload(this.#ctx, input, requester);
  }
  /** AbortMultipartUpload. @throws S3MockError `NoSuchBucket`, `NoSuchUpload` */
  abortMultipartUpload(input: { Bucket: string; Key: string; UploadId: string }, requester: Requester = this.#ctx.owner): void {
    multipart.abortMultipartUpload(this.#ctx, input, requester);
  }

  // Access control

  /** GetBucketAcl. @throws S3MockError `NoSuchBucket` */
  getBucketAcl(input: { Bucket: string }, requester: Requester = this.#ctx.owner): AclOutput {
    return acls.getBucketAcl(this.#ctx, input, requester);
  }
  /** PutBucketAcl (canned, header grants or a policy document). */
  putBucketAcl(input: PutAclInput & { Bucket: string }, requester: Requester = this.#ctx.owner): void {
    acls.putBucketAcl(this.#ctx, input, requester);
  }
  /** GetObjectAcl. */
  getObjectAcl(input: { Bucket: string; Key: string; VersionId?: string }, requester: Requester = this.#ctx.owner): AclOutput {
    return acls.getObjectAcl(this.#ctx, input, requester);
  }
  /** PutObjectAcl. */
  putObjectAcl(input: PutAclInput & { Bucket: string; Key: string; VersionId?: string }, requester: Requester = this.#ctx.owner): { VersionId?: string } {
    return acls.putObjectAcl(this.#ctx, input, requester);
  }
  /** PutBucketOwnershipControls. */
  putBucketOwnershipControls(input: { Bucket: string; OwnershipControls: OwnershipControls }, requester: Requester = this.#ctx.owner): void {
    ownershipControls.putBucketOwnershipControls(this.#ctx, input, requester);
  }
  /** GetBucketOwnershipControls. @throws S3MockError `OwnershipControlsNotFoundError` */
  getBucketOwnershipControls(input: { Bucket: string }, requester: Requester = this.#ctx.owner): { OwnershipControls: OwnershipControls } {
    return ownershipControls.getBucketOwnershipControls(this.#ctx, input, requester);
  }
  /** DeleteBucketOwnershipControls. */
  deleteBucketOwnershipControls(input: { Bucket: string }, requester: Requester = this.#ctx.owner): void {
    ownershipControls.deleteBucketOwnershipControls(this.#ctx, input, requester);
  }
  /** PutPublicAccessBlock. */
  putPublicAccessBlock(input: { Bucket: string; PublicAccessBlockConfiguration: Partial<PublicAccessBlock> }, requester: Requester = this.#ctx.owner): void {
    publicAccessBlock.putPublicAccessBlock(this.#ctx, input, requester);
  }
  /** GetPublicAccessBlock. @throws S3MockError `NoSuchPublicAccessBlockConfiguration` */
  getPublicAccessBlock(input: { Bucket: string }, requester: Requester = this.#ctx.owner): { PublicAccessBlockConfiguration: PublicAccessBlock } {
    return publicAccessBlock.getPublicAccessBlock(this.#ctx, input, requester);
  }
  /** DeletePublicAccessBlock. */
  deletePublicAccessBlock(input: { Bucket: string }, requester: Requester = this.#ctx.owner): void {
    publicAccessBlock.deletePublicAccessBlock(this.#ctx, input, requester);
  }

  /** PutBucketPolicy. @throws S3MockError `MalformedPolicy`, `AccessDenied` (public policy blocked) */
  putBucketPolicy(input: { Bucket: string; Policy: string }, requester: Requester = this.#ctx.owner): void {
    policies.putBucketPolicy(this.#ctx, input, requester);
  }
  /** GetBucketPolicy (the text as put). @throws S3MockError `NoSuchBucketPolicy` */
  getBucketPolicy(input: { Bucket: string }, requester: Requester = this.#ctx.owner): { Policy: string } {
    return policies.getBucketPolicy(this.#ctx, input, requester);
  }
  /** DeleteBucketPolicy. */
  deleteBucketPolicy(input: { Bucket: string }, requester: Requester = this.#ctx.owner): void {
    policies.deleteBucketPolicy(this.#ctx, input, requester);
  }
  /** GetBucketPolicyStatus. */
  getBucketPolicyStatus(input: { Bucket: string }, requester: Requester = this.#ctx.owner): { PolicyStatus: { IsPublic: boolean } } {
    return policies.getBucketPolicyStatus(this.#ctx, input, requester);
  }

  // Encryption

  /** PutBucketEncryption (one rule). */
  putBucketEncryption(input: { Bucket: string; Rules: readonly BucketEncryption[] }, requester: Requester = this.#ctx.owner): void {
    bucketEncryption.putBucketEncryption(this.#ctx, input, requester);
  }
  /** GetBucketEncryption. @throws S3MockError `ServerSideEncryptionConfigurationNotFoundError` */
  getBucketEncryption(input: { Bucket: string }, requester: Requester = this.#ctx.owner): { Rules: BucketEncryption[] } {
    return bucketEncryption.getBucketEncryption(this.#ctx, input, requester);
  }
  /** DeleteBucketEncryption (back to SSE-S3, or none with legacy bucket defaults). */
  deleteBucketEncryption(input: { Bucket: string }, requester: Requester = this.#ctx.owner): void {
    bucketEncryption.deleteBucketEncryption(this.#ctx, input, requester);
  }

  // Object lock

  /** PutObjectLockConfiguration (versioning must be enabled). */
  putObjectLockConfiguration(input: { Bucket: string; ObjectLockConfiguration: ObjectLockConfig }, requester: Requester = this.#ctx.owner): void {
    objectLock.putObjectLockConfiguration(this.#ctx, input, requester);
  }
  /** GetObjectLockConfiguration. @throws S3MockError `ObjectLockConfigurationNotFoundError` */
  getObjectLockConfiguration(input: { Bucket: string }, requester: Requester = this.#ctx.owner): { ObjectLockConfiguration: ObjectLockConfig } {
    return objectLock.getObjectLockConfiguration(this.#ctx, input, requester);
  }
  /** PutObjectRetention (GOVERNANCE changes need `BypassGovernanceRetention`; COMPLIANCE only extends). */
  putObjectRetention(input: LockTarget & { Retention?: { Mode: RetentionMode; RetainUntilDate: Date }; BypassGovernanceRetention?: boolean }, requester: Requester = this.#ctx.owner): { VersionId?: string } {
    return objectLock.putObjectRetention(this.#ctx, input, requester);
  }
  /** GetObjectRetention. */
  getObjectRetention(input: LockTarget, requester: Requester = this.#ctx.owner): { Retention: { Mode: RetentionMode; RetainUntilDate: Date } } {
    return objectLock.getObjectRetention(this.#ctx, input, requester);
  }
  /** PutObjectLegalHold. */
  putObjectLegalHold(input: LockTarget & { LegalHold: { Status: 'ON' | 'OFF' } }, requester: Requester = this.#ctx.owner): { VersionId?: string } {
    return objectLock.putObjectLegalHold(this.#ctx, input, requester);
  }
  /** GetObjectLegalHold. */
  getObjectLegalHold(input: LockTarget, requester: Requester = this.#ctx.owner): { LegalHold: { Status: 'ON' | 'OFF' } } {
    return objectLock.getObjectLegalHold(this.#ctx, input, requester);
  }

  // CORS

  /** PutBucketCors. @throws S3MockError `MalformedXML`, `InvalidRequest` */
  putBucketCors(input: { Bucket: string; CORSRules: readonly CorsRule[] }, requester: Requester = this.#ctx.owner): void {
    cors.putBucketCors(this.#ctx, input, requester);
  }
  /** GetBucketCors. @throws S3MockError `NoSuchCORSConfiguration` */
  getBucketCors(input: { Bucket: string }, requester: Requester = this.#ctx.owner): { CORSRules: CorsRule[] } {
    return cors.getBucketCors(this.#ctx, input, requester);
  }
  /** DeleteBucketCors. */
  deleteBucketCors(input: { Bucket: string }, requester: Requester = this.#ctx.owner): void {
    cors.deleteBucketCors(this.#ctx, input, requester);
  }
  /** The bucket's CORS rule that allows a cross-origin request, if any (for preflights and response headers). */
  matchCors(request: CorsRequest): { configured: boolean; rule?: CorsRule } {
    return cors.matchCors(this.#ctx, request);
  }

  // Lifecycle and other bucket settings

  /** PutBucketLifecycleConfiguration (validated; nothing expires). @throws S3MockError `MalformedXML`, `InvalidArgument` */
  putBucketLifecycleConfiguration(input: { Bucket: string; LifecycleConfiguration: ConfigElement }, requester: Requester = this.#ctx.owner): void {
    lifecycle.putBucketLifecycle(this.#ctx, input, requester);
  }
  /** GetBucketLifecycleConfiguration. @throws S3MockError `NoSuchLifecycleConfiguration` */
  getBucketLifecycleConfiguration(input: { Bucket: string }, requester: Requester = this.#ctx.owner): ConfigElement {
    return lifecycle.getBucketLifecycle(this.#ctx, input, requester);
  }
  /** DeleteBucketLifecycle. */
  deleteBucketLifecycle(input: { Bucket: string }, requester: Requester = this.#ctx.owner): void {
    lifecycle.deleteBucketLifecycle(this.#ctx, input, requester);
  }
  /** Puts (or, with no document, deletes) a website, logging, notification, accelerate or request payment document. */
  putBucketSetting(name: BucketSettingName, input: { Bucket: string; Document: ConfigElement | undefined }, requester: Requester = this.#ctx.owner): void {
    settings.putBucketSetting(this.#ctx, name, input, requester);
  }
  /** Gets such a document (or S3's empty one, or its `NoSuch...` error). */
  getBucketSetting(name: BucketSettingName, input: { Bucket: string }, requester: Requester = this.#ctx.owner): ConfigElement {
    return settings.getBucketSetting(this.#ctx, name, input, requester);
  }

  // Tagging

  /** GetObjectTagging. */
  getObjectTagging(input: ObjectTaggingTarget, requester: Requester = this.#ctx.owner): TaggingOutput {
    return tagging.getObjectTagging(this.#ctx, input, requester);
  }
  /** PutObjectTagging: replaces the tags only (body, metadata, ETag untouched). */
  putObjectTagging(input: ObjectTaggingTarget & { Tagging: { TagSet: readonly Tag[] } }, requester: Requester = this.#ctx.owner): { VersionId?: string } {
    return tagging.putObjectTagging(this.#ctx, input, requester);
  }
  /** DeleteObjectTagging. */
  deleteObjectTagging(input: ObjectTaggingTarget, requester: Requester = this.#ctx.owner): { VersionId?: string } {
    return tagging.deleteObjectTagging(this.#ctx, input, requester);
  }
  /** GetBucketTagging. @throws S3MockError `NoSuchTagSet` when none */
  getBucketTagging(input: { Bucket: string }, requester: Requester = this.#ctx.owner): TaggingOutput {
    return tagging.getBucketTagging(this.#ctx, input, requester);
  }
  /** PutBucketTagging (max 50 tags). */
  putBucketTagging(input: { Bucket: string; Tagging: { TagSet: readonly Tag[] } }, requester: Requester = this.#ctx.owner): void {
    tagging.putBucketTagging(this.#ctx, input, requester);
  }
  /** DeleteBucketTagging. */
  deleteBucketTagging(input: { Bucket: string }, requester: Requester = this.#ctx.owner): void {
    tagging.deleteBucketTagging(this.#ctx, input, requester);
  }

  // Access

  /**
   * The authorization decision for one request (the protocol layer asks it once per request).
   * @throws S3MockError `AccessDenied`
   */
  authorize(request: AccessRequest, requester: Requester): void {
    access.authorize(this.#ctx, request, requester);
  }

  /** The region of bucket `name`, or `undefined` when it does not exist. */
  bucketRegion(name: string): string | undefined {
    return access.bucketRegion(this.#ctx, name);
  }

  // Test observability

  /** Every in-flight multipart upload across buckets, for "nothing orphaned" assertions. */
  listAllMultipartUploads(): InFlightUpload[] {
    return multipart.listAllMultipartUploads(this.#ctx);
  }

  /** A deep copy of the whole state; later changes to the engine do not affect it. */
  snapshot(): EngineSnapshot {
    const snapshot: EngineSnapshot = Object.freeze({ kind: 'S3EngineSnapshot' as const });
    snapshotStates.set(snapshot, copyState(this.#ctx.state));
    return snapshot;
  }

  /**
   * Replaces the state with a copy of `snapshot` (which stays reusable).
   * @throws ValidationError `ERR_VALIDATION` when `snapshot` did not come from {@link S3Engine.snapshot}
   */
  restore(snapshot: EngineSnapshot): void {
    const state = snapshotStates.get(snapshot);
    if (!state) throw new ValidationError({ field: 'snapshot', rule: 'must come from S3Engine.snapshot()' });
    this.#ctx.state = copyState(state);
  }

  /** Removes every bucket, object and upload. */
  reset(): void {
    this.#ctx.state = emptyState();
  }

  /**
   * Creates buckets (when missing) and puts objects through the normal PutObject path.
   * @throws S3MockError as createBucket/putObject do
   * @example
   * ```ts
   * engine.seed({ buckets: { photos: { objects: { 'a.txt': 'hello', 'b.bin': { Body: bytes, ContentType: 'x/y' } } } } });
   * ```
   */
  seed(spec: SeedSpec): void {
    for (const [Bucket, b] of Object.entries(spec.buckets)) {
      if (!this.#ctx.state.buckets.has(Bucket)) {
        this.createBucket(b.region ? { Bucket, CreateBucketConfiguration: { LocationConstraint: b.region } } : { Bucket });
      }
      for (const [Key, o] of Object.entries(b.objects ?? {})) {
        if (typeof o === 'string' || o instanceof Uint8Array) {
          this.putObject({ Bucket, Key, Body: typeof o === 'string' ? encoder.encode(o) : o });
        } else {
          const Body = typeof o.Body === 'string' ? encoder.encode(o.Body) : o.Body;
          this.putObject({ ...o, Bucket, Key, Body });
        }
      }
    }
  }
}

/**
 * Creates an in-memory S3 engine.
 * @example
 * ```ts
 * const engine = createS3Engine({ clock: createFakeClock(0), random: createSeededRandom(1) });
 * engine.seed({ buckets: { b: { objects: { 'k': 'v' } } } });
 * ```
 */
export function createS3Engine(options: S3EngineOptions = {}): S3Engine {
  return new S3Engine(options);
}
