import { defineOperation } from '../interpreter/spec.js';
import type { RequestBody } from '../body/request-body.js';
import {
  bucketLabel,
  checksumInput,
  checksumOutput,
  expectedBucketOwner,
  keyLabel,
  requestCharged,
  requestPayer,
  sseCustomerInput,
  sseOutput,
  uploadIdQuery,
} from './common.js';
import type { ChecksumAlgorithmName, ChecksumValues, ObjectTarget, RequestPayer, SseCustomerInput, SseOutput } from './common.js';

/** Input of {@link UploadPart}. */
export interface UploadPartInput extends ObjectTarget, SseCustomerInput, ChecksumValues {
  UploadId: string;
  /** 1 to 10000. */
  PartNumber: number;
  Body?: RequestBody;
  ContentLength?: number;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithmName;
  RequestPayer?: RequestPayer;
}

/** Output of {@link UploadPart}. */
export interface UploadPartOutput extends SseOutput, ChecksumValues {
  ETag?: string;
  RequestCharged?: string;
}

/**
 * UploadPart: `PUT /{Bucket}/{Key+}?partNumber=N&uploadId=ID`.
 * @example
 * ```ts
 * // Within the flow shown on CreateMultipartUpload:
 * const { ETag } = await client.uploadPart({ Bucket: 'photos', Key: 'video.mp4', UploadId, PartNumber: 1, Body: chunk });
 * ```
 */
export const UploadPart = defineOperation<UploadPartInput, UploadPartOutput>({
  name: 'UploadPart',
  method: 'PUT',
  path: '/{Bucket}/{Key+}',
  checksum: { requestAlgorithmMember: 'ChecksumAlgorithm' },
  input: {
    Bucket: bucketLabel,
    Key: keyLabel,
    UploadId: uploadIdQuery,
    PartNumber: { in: 'query', name: 'partNumber', type: 'integer', rule: 'partNumber', required: true },
    Body: { in: 'body' },
    ContentLength: { in: 'header', name: 'content-length', type: 'integer', rule: 'nonNegativeInteger' },
    ContentMD5: { in: 'header', name: 'content-md5' },
    ChecksumAlgorithm: { in: 'header', name: 'x-amz-sdk-checksum-algorithm' },
    ...checksumInput,
    ...sseCustomerInput,
    ExpectedBucketOwner: expectedBucketOwner,
    RequestPayer: requestPayer,
  },
  output: {
    ETag: { in: 'header', name: 'etag' },
    RequestCharged: requestCharged,
    ...sseOutput,
    ...checksumOutput,
  },
});
