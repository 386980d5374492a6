import { defineOperation } from '../interpreter/spec.js';
import { bucketLabel, expectedBucketOwner } from './common.js';
import type { BucketTarget } from './common.js';

/** Input of {@link DeleteBucket}. */
export type DeleteBucketInput = BucketTarget;
/** Output of {@link DeleteBucket}: nothing but `$metadata`. */
export type DeleteBucketOutput = object;

/**
 * DeleteBucket: `DELETE /{Bucket}` (the bucket must be empty).
 * @example
 * ```ts
 * await client.deleteBucket({ Bucket: 'photos-old' }); // BucketNotEmpty (409) unless empty
 * ```
 */
export const DeleteBucket = defineOperation<DeleteBucketInput, DeleteBucketOutput>({
  name: 'DeleteBucket',
  method: 'DELETE',
  path: '/{Bucket}',
  input: { Bucket: bucketLabel, ExpectedBucketOwner: expectedBucketOwner },
  output: {},
});
