import { defineOperation } from '../interpreter/spec.js';
import { bucketLabel, expectedBucketOwner, keyLabel, requestCharged, requestPayer, uploadIdQuery } from './common.js';
import type { ObjectTarget, RequestPayer } from './common.js';

/** Input of {@link AbortMultipartUpload}. */
export interface AbortMultipartUploadInput extends ObjectTarget {
  UploadId: string;
  RequestPayer?: RequestPayer;
}

/** Output of {@link AbortMultipartUpload}. */
export interface AbortMultipartUploadOutput {
  RequestCharged?: string;
}

/**
 * AbortMultipartUpload: `DELETE /{Bucket}/{Key+}?uploadId=ID`.
 * @example
 * ```ts
 * // Ends the flow shown on CreateMultipartUpload when it fails: frees the parts uploaded so far.
 * await client.abortMultipartUpload({ Bucket: 'photos', Key: 'video.mp4', UploadId });
 * ```
 */
export const AbortMultipartUpload = defineOperation<AbortMultipartUploadInput, AbortMultipartUploadOutput>({
  name: 'AbortMultipartUpload',
  method: 'DELETE',
  path: '/{Bucket}/{Key+}',
  input: { Bucket: bucketLabel, Key: keyLabel, UploadId: uploadIdQuery, ExpectedBucketOwner: expectedBucketOwner, RequestPayer: requestPayer },
  output: { RequestCharged: requestCharged },
});
