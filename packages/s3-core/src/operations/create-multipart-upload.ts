import { defineOperation } from '../interpreter/spec.js';
import { bucketLabel, expectedBucketOwner, keyLabel, requestCharged, requestPayer, sseCustomerInput, sseOutput } from './common.js';
import type { ChecksumAlgorithmName, ObjectCannedACL, ObjectTarget, RequestPayer, SseCustomerInput, SseOutput, StorageClass } from './common.js';

/** Input of {@link CreateMultipartUpload}: the object's headers, as PutObject takes them. */
export interface CreateMultipartUploadInput extends ObjectTarget, SseCustomerInput {
  ContentType?: string;
  ContentEncoding?: string;
  ContentDisposition?: string;
  ContentLanguage?: string;
  CacheControl?: string;
  Expires?: Date;
  Metadata?: Record<string, string>;
  StorageClass?: StorageClass;
  ACL?: ObjectCannedACL;
  ServerSideEncryption?: string;
  SSEKMSKeyId?: string;
  SSEKMSEncryptionContext?: string;
  BucketKeyEnabled?: boolean;
  Tagging?: string | Record<string, string>;
  WebsiteRedirectLocation?: string;
  /** Algorithm of the part checksums. */
  ChecksumAlgorithm?: ChecksumAlgorithmName;
  /** `FULL_OBJECT` or `COMPOSITE`. */
  ChecksumType?: 'FULL_OBJECT' | 'COMPOSITE';
  RequestPayer?: RequestPayer;
}

/** Output of {@link CreateMultipartUpload}. */
export interface CreateMultipartUploadOutput extends SseOutput {
  Bucket?: string;
  Key?: string;
  UploadId?: string;
  AbortDate?: Date;
  AbortRuleId?: string;
  ChecksumAlgorithm?: string;
  ChecksumType?: string;
  SSEKMSEncryptionContext?: string;
  RequestCharged?: string;
}

/**
 * CreateMultipartUpload: `POST /{Bucket}/{Key+}?uploads`.
 * @example
 * ```ts
 * // The whole multipart flow (each part but the last at least 5 MiB; upload() from s3-transfer does it for you):
 * const { UploadId } = await client.createMultipartUpload({ Bucket: 'photos', Key: 'video.mp4', ContentType: 'video/mp4' });
 * try {
 *   const parts = [];
 *   for (const [i, chunk] of chunks.entries()) {
 *     const { ETag } = await client.uploadPart({ Bucket: 'photos', Key: 'video.mp4', UploadId, PartNumber: i + 1, Body: chunk });
 *     parts.push({ PartNumber: i + 1, ETag });
 *   }
 *   await client.completeMultipartUpload({ Bucket: 'photos', Key: 'video.mp4', UploadId, MultipartUpload: { Parts: parts } });
 * } catch (err) {
 *   await client.abortMultipartUpload({ Bucket: 'photos', Key: 'video.mp4', UploadId });
 *   throw err;
 * }
 * ```
 */
export const CreateMultipartUpload = defineOperation<CreateMultipartUploadInput, CreateMultipartUploadOutput>({
  name: 'CreateMultipartUpload',
  method: 'POST',
  path: '/{Bucket}/{Key+}',
  query: { uploads: '' },
  input: {
    Bucket: bucketLabel,
    Key: keyLabel,
    ContentType: { in: 'header', name: 'content-type' },
    ContentEncoding: { in: 'header', name: 'content-encoding' },
    ContentDisposition: { in: 'header', name: 'content-disposition' },
    ContentLanguage: { in: 'header', name: 'content-language' },
    CacheControl: { in: 'header', name: 'cache-control' },
    Expires: { in: 'header', name: 'expires', type: 'timestamp' },
    Metadata: { in: 'prefixHeaders', name: 'x-amz-meta-', rule: 'metadata' },
    StorageClass: { in: 'header', name: 'x-amz-storage-class' },
    ACL: { in: 'header', name: 'x-amz-acl' },
    ServerSideEncryption: { in: 'header', name: 'x-amz-server-side-encryption' },
    SSEKMSKeyId: { in: 'header', name: 'x-amz-server-side-encryption-aws-kms-key-id' },
    SSEKMSEncryptionContext: { in: 'header', name: 'x-amz-server-side-encryption-context' },
    BucketKeyEnabled: { in: 'header', name: 'x-amz-server-side-encryption-bucket-key-enabled', type: 'boolean' },
    ...sseCustomerInput,
    Tagging: { in: 'header', name: 'x-amz-tagging', type: 'tagging', rule: 'objectTagging' },
    WebsiteRedirectLocation: { in: 'header', name: 'x-amz-website-redirect-location' },
    ChecksumAlgorithm: { in: 'header', name: 'x-amz-checksum-algorithm' },
    ChecksumType: { in: 'header', name: 'x-amz-checksum-type' },
    ExpectedBucketOwner: expectedBucketOwner,
    RequestPayer: requestPayer,
  },
  outputRoot: 'InitiateMultipartUploadResult',
  output: {
    Bucket: { in: 'xml', shape: 'string' },
    Key: { in: 'xml', shape: 'string' },
    UploadId: { in: 'xml', shape: 'string' },
    AbortDate: { in: 'header', name: 'x-amz-abort-date', type: 'timestamp' },
    AbortRuleId: { in: 'header', name: 'x-amz-abort-rule-id' },
    ChecksumAlgorithm: { in: 'header', name: 'x-amz-checksum-algorithm' },
    ChecksumType: { in: 'header', name: 'x-amz-checksum-type' },
    SSEKMSEncryptionContext: { in: 'header', name: 'x-amz-server-side-encryption-context' },
    RequestCharged: requestCharged,
    ...sseOutput,
  },
});
