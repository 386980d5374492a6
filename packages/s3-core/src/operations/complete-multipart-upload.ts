import { defineOperation, flatList, struct } from '../interpreter/spec.js';
import {
  bucketLabel,
  checksumInput,
  checksumXml,
  expectedBucketOwner,
  keyLabel,
  requestCharged,
  requestPayer,
  sseCustomerInput,
  sseOutput,
  uploadIdQuery,
} from './common.js';
import type { ChecksumValues, ObjectTarget, RequestPayer, SseCustomerInput, SseOutput } from './common.js';

/** A part of the finished upload. */
export interface CompletedPart extends ChecksumValues {
  ETag: string;
  PartNumber: number;
}

/** Input of {@link CompleteMultipartUpload}. */
export interface CompleteMultipartUploadInput extends ObjectTarget, SseCustomerInput, ChecksumValues {
  UploadId: string;
  /** The parts, in ascending `PartNumber` order. */
  MultipartUpload?: { Parts?: CompletedPart[] };
  ChecksumType?: 'FULL_OBJECT' | 'COMPOSITE';
  /** Full object size, checked by S3. */
  MpuObjectSize?: number;
  /** Conditional write: complete only if the current ETag matches. */
  IfMatch?: string;
  /** `*`: complete only if no object exists under the key. */
  IfNoneMatch?: string;
  RequestPayer?: RequestPayer;
}

/** Output of {@link CompleteMultipartUpload}. */
export interface CompleteMultipartUploadOutput extends SseOutput, ChecksumValues {
  Location?: string;
  Bucket?: string;
  Key?: string;
  /** The object's ETag (`"md5-of-md5s-N"`); empty from Ceph RGW, which does not fill it in. */
  ETag?: string;
  ChecksumType?: string;
  Expiration?: string;
  VersionId?: string;
  RequestCharged?: string;
}

/**
 * CompleteMultipartUpload: `POST /{Bucket}/{Key+}?uploadId=ID`; may answer 200 with `<Error>`.
 * @example
 * ```ts
 * // Ends the flow shown on CreateMultipartUpload (parts in ascending PartNumber order):
 * const { Location, ETag: objectETag } = await client.completeMultipartUpload({
 *   Bucket: 'photos',
 *   Key: 'video.mp4',
 *   UploadId,
 *   MultipartUpload: { Parts: [{ PartNumber: 1, ETag }] },
 * });
 * ```
 */
export const CompleteMultipartUpload = defineOperation<CompleteMultipartUploadInput, CompleteMultipartUploadOutput>({
  name: 'CompleteMultipartUpload',
  method: 'POST',
  path: '/{Bucket}/{Key+}',
  errorIn200: true,
  input: {
    Bucket: bucketLabel,
    Key: keyLabel,
    UploadId: uploadIdQuery,
    MultipartUpload: {
      in: 'xml',
      root: 'CompleteMultipartUpload',
      shape: struct({
        Parts: {
          name: 'Part',
          shape: flatList(
            struct({
              ETag: 'string',
              PartNumber: 'integer',
              ChecksumCRC32: 'string',
              ChecksumCRC32C: 'string',
              ChecksumCRC64NVME: 'string',
              ChecksumSHA1: 'string',
              ChecksumSHA256: 'string',
            }),
          ),
        },
      }),
    },
    ...checksumInput,
    ChecksumType: { in: 'header', name: 'x-amz-checksum-type' },
    MpuObjectSize: { in: 'header', name: 'x-amz-mp-object-size', type: 'integer' },
    IfMatch: { in: 'header', name: 'if-match' },
    IfNoneMatch: { in: 'header', name: 'if-none-match' },
    ...sseCustomerInput,
    ExpectedBucketOwner: expectedBucketOwner,
    RequestPayer: requestPayer,
  },
  outputRoot: 'CompleteMultipartUploadResult',
  output: {
    Location: { in: 'xml', shape: 'string' },
    Bucket: { in: 'xml', shape: 'string' },
    Key: { in: 'xml', shape: 'string' },
    ETag: { in: 'xml', shape: 'string' },
    ChecksumType: { in: 'xml', shape: 'string' },
    ...checksumXml,
    Expiration: { in: 'header', name: 'x-amz-expiration' },
    VersionId: { in: 'header', name: 'x-amz-version-id' },
    RequestCharged: requestCharged,
    ...sseOutput,
  },
});
