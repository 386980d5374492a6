import { defineOperation, struct } from '../interpreter/spec.js';
import { bucketLabel, expectedBucketOwner, keyLabel, requestCharged, requestPayer, sseCustomerInput, sseOutput, uploadIdQuery } from './common.js';
import type { ChecksumValues, ObjectTarget, RequestPayer, SseCustomerInput, SseOutput } from './common.js';
import { copySourceInput } from './copy-object.js';
import type { CopySourceInput } from './copy-object.js';

/** Input of {@link UploadPartCopy}. */
export interface UploadPartCopyInput extends ObjectTarget, CopySourceInput, SseCustomerInput {
  UploadId: string;
  PartNumber: number;
  /** `bytes=first-last` of the source. */
  CopySourceRange?: string;
  RequestPayer?: RequestPayer;
}

/** The `<CopyPartResult>` document. */
export interface CopyPartResult extends ChecksumValues {
  ETag?: string;
  LastModified?: Date;
}

/** Output of {@link UploadPartCopy}. */
export interface UploadPartCopyOutput extends SseOutput {
  CopyPartResult?: CopyPartResult;
  CopySourceVersionId?: string;
  RequestCharged?: string;
}

/**
 * UploadPartCopy: `PUT /{Bucket}/{Key+}?partNumber&uploadId` with `x-amz-copy-source`; may answer 200 with `<Error>`.
 * @example
 * ```ts
 * // Within the flow shown on CreateMultipartUpload: part 2 is a byte range of an existing object.
 * const { CopyPartResult } = await client.uploadPartCopy({
 *   Bucket: 'photos',
 *   Key: 'video.mp4',
 *   UploadId,
 *   PartNumber: 2,
 *   CopySource: 'photos/a.txt',
 *   CopySourceRange: 'bytes=0-1',
 * });
 * ```
 */
export const UploadPartCopy = defineOperation<UploadPartCopyInput, UploadPartCopyOutput>({
  name: 'UploadPartCopy',
  method: 'PUT',
  path: '/{Bucket}/{Key+}',
  errorIn200: true,
  input: {
    Bucket: bucketLabel,
    Key: keyLabel,
    UploadId: uploadIdQuery,
    PartNumber: { in: 'query', name: 'partNumber', type: 'integer', rule: 'partNumber', required: true },
    ...copySourceInput,
    CopySourceRange: { in: 'header', name: 'x-amz-copy-source-range' },
    ...sseCustomerInput,
    ExpectedBucketOwner: expectedBucketOwner,
    RequestPayer: requestPayer,
  },
  outputRoot: 'CopyPartResult',
  output: {
    CopyPartResult: {
      in: 'xmlRoot',
      shape: struct({
        ETag: 'string',
        LastModified: 'timestamp',
        ChecksumCRC32: 'string',
        ChecksumCRC32C: 'string',
        ChecksumCRC64NVME: 'string',
        ChecksumSHA1: 'string',
        ChecksumSHA256: 'string',
      }),
    },
    CopySourceVersionId: { in: 'header', name: 'x-amz-copy-source-version-id' },
    RequestCharged: requestCharged,
    ...sseOutput,
  },
});
