/**
 * One typed configuration record per bucket: every sub-resource S3 stores on a bucket, read and
 * replaced whole. Absent members mean "not configured" (S3's `NoSuch...` errors).
 */
import { deepFreeze } from './freeze.js';
import type { BucketState } from './engine-state.js';
import type { Tag } from './tags.js';

/** Versioning state of a bucket that has ever had versioning enabled. */
export type VersioningStatus = 'Enabled' | 'Suspended';

/** A bucket's configuration. */
export interface BucketConfig {
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
