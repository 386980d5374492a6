import { defineOperation } from '../interpreter/spec.js';
import { bucketLabel, expectedBucketOwner } from './common.js';
import type { BucketTarget } from './common.js';

/** Input of {@link HeadBucket}. */
export type HeadBucketInput = BucketTarget;

/** Output of {@link HeadBucket}. */
export interface HeadBucketOutput {
  BucketRegion?: string;
  BucketLocationType?: string;
  BucketLocationName?: string;
  AccessPointAlias?: boolean;
}

/**
 * HeadBucket: `HEAD /{Bucket}`; `NotFound` (404) or `Forbidden` (403) without a body.
 * @example
 * ```ts
 * const { BucketRegion } = await client.headBucket({ Bucket: 'photos' });
 * ```
 */
export const HeadBucket = defineOperation<HeadBucketInput, HeadBucketOutput>({
  name: 'HeadBucket',
  method: 'HEAD',
  path: '/{Bucket}',
  input: { Bucket: bucketLabel, ExpectedBucketOwner: expectedBucketOwner },
  output: {
    BucketRegion: { in: 'header', name: 'x-amz-bucket-region' },
    BucketLocationType: { in: 'header', name: 'x-amz-bucket-location-type' },
    BucketLocationName: { in: 'header', name: 'x-amz-bucket-location-name' },
    AccessPointAlias: { in: 'header', name: 'x-amz-access-point-alias', type: 'boolean' },
  },
});
