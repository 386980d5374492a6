/**
 * One typed configuration record per bucket: every sub-resource S3 stores on a bucket, read and
 * replaced whole. Absent members mean "not configured" (S3's `NoSuch...` errors).
 */
import type { AccessControlPolicy } from './acl.js';
import type { BucketPolicy } from './bucket-policy.js';
import type { BucketEncryption } from './encryption.js';
import type { ObjectLockConfig } from './object-lock.js';
import type { CorsRule } from './cors.js';
import type { ConfigElement } from './config-document.js';
import { deepFreeze } from './freeze.js';
import type { BucketState } from './engine-state.js';
import type { Tag } from './tags.js';

/** Versioning state of a bucket that has ever had versioning enabled. */
export type VersioningStatus = 'Enabled' | 'Suspended';

/** Object ownership (`x-amz-object-ownership`, PutBucketOwnershipControls). */
export type ObjectOwnership = 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';

/** The four public access block settings. */
export interface PublicAccessBlock {
  /** Refuse writes of public ACLs. */
  readonly BlockPublicAcls: boolean;
  /** Ignore public grants when deciding access. */
  readonly IgnorePublicAcls: boolean;
  /** Refuse public bucket policies. */
  readonly BlockPublicPolicy: boolean;
  /** Let a public policy grant only the bucket owner's account. */
  readonly RestrictPublicBuckets: boolean;
}

/** A bucket's configuration. */
export interface BucketConfig {
  /** The bucket ACL (ignored while ownership is `BucketOwnerEnforced`). */
  readonly Acl: AccessControlPolicy;
  /** Object ownership; absent means `ObjectWriter` (a bucket created before ownership controls). */
  readonly Ownership?: ObjectOwnership;
  /** Public access block; absent when none is configured. */
  readonly PublicAccessBlock?: PublicAccessBlock;
  /** The bucket policy; absent when none (`NoSuchBucketPolicy`). */
  readonly Policy?: BucketPolicy;
  /** Default encryption; absent when none (`ServerSideEncryptionConfigurationNotFoundError`). */
  readonly Encryption?: BucketEncryption;
  /** Object lock; absent when not enabled (`ObjectLockConfigurationNotFoundError`). */
  readonly ObjectLock?: ObjectLockConfig;
  /** CORS rules; absent when none (`NoSuchCORSConfiguration`). */
  readonly Cors?: readonly CorsRule[];
  /** Lifecycle rules as given (`NoSuchLifecycleConfiguration` when absent). */
  readonly Lifecycle?: ConfigElement;
  /** Website, logging, notification, acceleration and request payment documents, as given. */
  readonly Website?: ConfigElement;
  readonly Logging?: ConfigElement;
  readonly Notification?: ConfigElement;
  readonly Accelerate?: ConfigElement;
  readonly RequestPayment?: ConfigElement;
  /** Absent until versioning is first enabled (S3 then never returns to "unversioned"). */
  readonly Versioning?: VersioningStatus;
  /** Bucket tags; absent when none (`NoSuchTagSet`). */
  readonly Tags?: readonly Tag[];
}

/** Replaces one member of a bucket's configuration (`undefined` removes it). */
export function setBucketConfig<K extends keyof BucketConfig>(bucket: BucketState, name: K, value: BucketConfig[K] | undefined): void {
  const config = Object.fromEntries(Object.entries(bucket.record.config).filter(([member]) => member !== name)) as BucketConfig;
  bucket.record = deepFreeze({ ...bucket.record, config: value === undefined ? config : { ...config, [name]: value } });
}
