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
} from './common.js';
import type {
  ChecksumAlgorithmName,
  ChecksumValues,
  ObjectCannedACL,
  ObjectTarget,
  RequestPayer,
  SseCustomerInput,
  SseOutput,
  StorageClass,
} from './common.js';

/** Input of {@link PutObject}. */
export interface PutObjectInput extends ObjectTarget, SseCustomerInput, ChecksumValues {
  /** The object data: bytes, text, or a stream (then `ContentLength` is required, see the README). */
  Body?: RequestBody;
  /** Length of a streamed body in bytes. */
  ContentLength?: number;
  ContentType?: string;
  ContentEncoding?: string;
  ContentDisposition?: string;
  ContentLanguage?: string;
  /** Base64 MD5 of the body. */
  ContentMD5?: string;
  CacheControl?: string;
  Expires?: Date;
  /** User metadata (`x-amz-meta-*`), at most 2 KB in all. */
  Metadata?: Record<string, string>;
  StorageClass?: StorageClass;
  ACL?: ObjectCannedACL;
  GrantFullControl?: string;
  GrantRead?: string;
  GrantReadACP?: string;
  GrantWriteACP?: string;
  ServerSideEncryption?: string;
  SSEKMSKeyId?: string;
  /** Base64 JSON encryption context for SSE-KMS. */
  SSEKMSEncryptionContext?: string;
  BucketKeyEnabled?: boolean;
  /** Tags as a URL query string (`a=1&b=2`) or as a record. */
  Tagging?: string | Record<string, string>;
  WebsiteRedirectLocation?: string;
  /** Write only if the current ETag matches (conditional write). */
  IfMatch?: string;
  /** `*`: write only if no object exists under the key. */
  IfNoneMatch?: string;
  /** Checksum algorithm to compute and send (overrides the client default). */
  ChecksumAlgorithm?: ChecksumAlgorithmName;
  ObjectLockMode?: 'GOVERNANCE' | 'COMPLIANCE';
  ObjectLockRetainUntilDate?: Date;
  ObjectLockLegalHoldStatus?: 'ON' | 'OFF';
  RequestPayer?: RequestPayer;
}

/** Output of {@link PutObject}. */
export interface PutObjectOutput extends SseOutput, ChecksumValues {
  ETag?: string;
  VersionId?: string;
  Expiration?: string;
  ChecksumType?: string;
  SSEKMSEncryptionContext?: string;
  Size?: number;
  RequestCharged?: string;
}

/**
 * PutObject: `PUT /{Bucket}/{Key+}` with the object as body.
 * @example
 * ```ts
 * const { ETag } = await client.putObject({ Bucket: 'photos', Key: 'notes/a.txt', Body: 'hello', ContentType: 'text/plain' });
 * // A stream needs its length (for streams of unknown length, use upload() from s3-transfer).
 * await client.putObject({ Bucket: 'photos', Key: 'b.bin', Body: Readable.from([bytes]), ContentLength: bytes.byteLength });
 * ```
 */
export const PutObject = defineOperation<PutObjectInput, PutObjectOutput>({
  name: 'PutObject',
  method: 'PUT',
  path: '/{Bucket}/{Key+}',
  checksum: { requestAlgorithmMember: 'ChecksumAlgorithm' },
  input: {
    Bucket: bucketLabel,
    Key: keyLabel,
    Body: { in: 'body' },
    ContentLength: { in: 'header', name: 'content-length', type: 'integer', rule: 'nonNegativeInteger' },
    ContentType: { in: 'header', name: 'content-type' },
    ContentEncoding: { in: 'header', name: 'content-encoding' },
    ContentDisposition: { in: 'header', name: 'content-disposition' },
    ContentLanguage: { in: 'header', name: 'content-language' },
    ContentMD5: { in: 'header', name: 'content-md5' },
    CacheControl: { in: 'header', name: 'cache-control' },
    Expires: { in: 'header', name: 'expires', type: 'timestamp' },
    Metadata: { in: 'prefixHeaders', name: 'x-amz-meta-', rule: 'metadata' },
    StorageClass: { in: 'header', name: 'x-amz-storage-class' },
    ACL: { in: 'header', name: 'x-amz-acl' },
    GrantFullControl: { in: 'header', name: 'x-amz-grant-full-control' },
    GrantRead: { in: 'header', name: 'x-amz-grant-read' },
    GrantReadACP: { in: 'header', name: 'x-amz-grant-read-acp' },
    GrantWriteACP: { in: 'header', name: 'x-amz-grant-write-acp' },
    ServerSideEncryption: { in: 'header', name: 'x-amz-server-side-encryption' },
    SSEKMSKeyId: { in: 'header', name: 'x-amz-server-side-encryption-aws-kms-key-id' },
    SSEKMSEncryptionContext: { in: 'header', name: 'x-amz-server-side-encryption-context' },
    BucketKeyEnabled: { in: 'header', name: 'x-amz-server-side-encryption-bucket-key-enabled', type: 'boolean' },
    ...sseCustomerInput,
    Tagging: { in: 'header', name: 'x-amz-tagging', type: 'tagging', rule: 'objectTagging' },
    WebsiteRedirectLocation: { in: 'header', name: 'x-amz-website-redirect-location' },
    IfMatch: { in: 'header', name: 'if-match' },
    IfNoneMatch: { in: 'header', name: 'if-none-match' },
    ChecksumAlgorithm: { in: 'header', name: 'x-amz-sdk-checksum-algorithm' },
    ...checksumInput,
    ObjectLockMode: { in: 'header', name: 'x-amz-object-lock-mode' },
    ObjectLockRetainUntilDate: { in: 'header', name: 'x-amz-object-lock-retain-until-date', type: 'iso8601' },
    ObjectLockLegalHoldStatus: { in: 'header', name: 'x-amz-object-lock-legal-hold' },
    ExpectedBucketOwner: expectedBucketOwner,
    RequestPayer: requestPayer,
  },
  output: {
    ETag: { in: 'header', name: 'etag' },
    VersionId: { in: 'header', name: 'x-amz-version-id' },
    Expiration: { in: 'header', name: 'x-amz-expiration' },
    ChecksumType: { in: 'header', name: 'x-amz-checksum-type' },
    SSEKMSEncryptionContext: { in: 'header', name: 'x-amz-server-side-encryption-context' },
    Size: { in: 'header', name: 'x-amz-object-size', type: 'integer' },
    RequestCharged: requestCharged,
    ...sseOutput,
    ...checksumOutput,
  },
});
