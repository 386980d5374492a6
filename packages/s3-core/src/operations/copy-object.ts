import { defineOperation, struct } from '../interpreter/spec.js';
import { bucketLabel, checksumXml, expectedBucketOwner, keyLabel, requestCharged, requestPayer, sseCustomerInput, sseOutput } from './common.js';
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

/**
 * The source of a copy: `bucket/key` already URL-encoded as S3 expects (optionally `?versionId=`),
 * or `{ Bucket, Key, VersionId }`, which s3kit encodes.
 */
export type CopySource = string | { Bucket: string; Key: string; VersionId?: string };

/** Members naming and guarding the copy source (CopyObject, UploadPartCopy). */
export interface CopySourceInput {
  CopySource: CopySource;
  CopySourceIfMatch?: string;
  CopySourceIfModifiedSince?: Date;
  CopySourceIfNoneMatch?: string;
  CopySourceIfUnmodifiedSince?: Date;
  CopySourceSSECustomerAlgorithm?: string;
  CopySourceSSECustomerKey?: string | Uint8Array;
  CopySourceSSECustomerKeyMD5?: string;
  ExpectedSourceBucketOwner?: string;
}

export const copySourceInput = {
  CopySource: { in: 'header', name: 'x-amz-copy-source', type: 'copySource', required: true },
  CopySourceIfMatch: { in: 'header', name: 'x-amz-copy-source-if-match' },
  CopySourceIfModifiedSince: { in: 'header', name: 'x-amz-copy-source-if-modified-since', type: 'timestamp' },
  CopySourceIfNoneMatch: { in: 'header', name: 'x-amz-copy-source-if-none-match' },
  CopySourceIfUnmodifiedSince: { in: 'header', name: 'x-amz-copy-source-if-unmodified-since', type: 'timestamp' },
  CopySourceSSECustomerAlgorithm: { in: 'header', name: 'x-amz-copy-source-server-side-encryption-customer-algorithm' },
  CopySourceSSECustomerKey: {
    in: 'header',
    name: 'x-amz-copy-source-server-side-encryption-customer-key',
    type: 'sseCustomerKey',
    md5Header: 'x-amz-copy-source-server-side-encryption-customer-key-md5',
  },
  CopySourceSSECustomerKeyMD5: { in: 'header', name: 'x-amz-copy-source-server-side-encryption-customer-key-md5' },
  ExpectedSourceBucketOwner: { in: 'header', name: 'x-amz-source-expected-bucket-owner' },
} as const;

/** Input of {@link CopyObject}. */
export interface CopyObjectInput extends ObjectTarget, CopySourceInput, SseCustomerInput {
  /** `COPY` (default) keeps the source metadata; `REPLACE` takes the metadata of this request. */
  MetadataDirective?: 'COPY' | 'REPLACE';
  TaggingDirective?: 'COPY' | 'REPLACE';
  Metadata?: Record<string, string>;
  Tagging?: string | Record<string, string>;
  ContentType?: string;
  ContentEncoding?: string;
  ContentDisposition?: string;
  ContentLanguage?: string;
  CacheControl?: string;
  Expires?: Date;
  StorageClass?: StorageClass;
  ACL?: ObjectCannedACL;
  ServerSideEncryption?: string;
  SSEKMSKeyId?: string;
  SSEKMSEncryptionContext?: string;
  BucketKeyEnabled?: boolean;
  ChecksumAlgorithm?: ChecksumAlgorithmName;
  WebsiteRedirectLocation?: string;
  /** Conditional write on the destination. */
  IfMatch?: string;
  IfNoneMatch?: string;
  RequestPayer?: RequestPayer;
}

/** The `<CopyObjectResult>` document. */
export interface CopyObjectResult extends ChecksumValues {
  ETag?: string;
  LastModified?: Date;
  ChecksumType?: string;
}

/** Output of {@link CopyObject}. */
export interface CopyObjectOutput extends SseOutput {
  CopyObjectResult?: CopyObjectResult;
  Expiration?: string;
  CopySourceVersionId?: string;
  VersionId?: string;
  SSEKMSEncryptionContext?: string;
  RequestCharged?: string;
}

/**
 * CopyObject: `PUT /{Bucket}/{Key+}` with `x-amz-copy-source`; S3 may answer 200 with an `<Error>`.
 * @example
 * ```ts
 * const { CopyObjectResult } = await client.copyObject({ Bucket: 'photos', Key: 'copy-of-a.txt', CopySource: 'photos/a.txt' });
 * // Replace the metadata instead of copying it:
 * await client.copyObject({ Bucket: 'photos', Key: 'a.txt', CopySource: 'photos/a.txt', MetadataDirective: 'REPLACE', ContentType: 'text/markdown' });
 * ```
 */
export const CopyObject = defineOperation<CopyObjectInput, CopyObjectOutput>({
  name: 'CopyObject',
  method: 'PUT',
  path: '/{Bucket}/{Key+}',
  errorIn200: true,
  input: {
    Bucket: bucketLabel,
    Key: keyLabel,
    ...copySourceInput,
    MetadataDirective: { in: 'header', name: 'x-amz-metadata-directive' },
    TaggingDirective: { in: 'header', name: 'x-amz-tagging-directive' },
    Metadata: { in: 'prefixHeaders', name: 'x-amz-meta-', rule: 'metadata' },
    Tagging: { in: 'header', name: 'x-amz-tagging', type: 'tagging', rule: 'objectTagging' },
    ContentType: { in: 'header', name: 'content-type' },
    ContentEncoding: { in: 'header', name: 'content-encoding' },
    ContentDisposition: { in: 'header', name: 'content-disposition' },
    ContentLanguage: { in: 'header', name: 'content-language' },
    CacheControl: { in: 'header', name: 'cache-control' },
    Expires: { in: 'header', name: 'expires', type: 'timestamp' },
    StorageClass: { in: 'header', name: 'x-amz-storage-class' },
    ACL: { in: 'header', name: 'x-amz-acl' },
    ServerSideEncryption: { in: 'header', name: 'x-amz-server-side-encryption' },
    SSEKMSKeyId: { in: 'header', name: 'x-amz-server-side-encryption-aws-kms-key-id' },
    SSEKMSEncryptionContext: { in: 'header', name: 'x-amz-server-side-encryption-context' },
    BucketKeyEnabled: { in: 'header', name: 'x-amz-server-side-encryption-bucket-key-enabled', type: 'boolean' },
    ...sseCustomerInput,
    ChecksumAlgorithm: { in: 'header', name: 'x-amz-checksum-algorithm' },
    WebsiteRedirectLocation: { in: 'header', name: 'x-amz-website-redirect-location' },
    IfMatch: { in: 'header', name: 'if-match' },
    IfNoneMatch: { in: 'header', name: 'if-none-match' },
    ExpectedBucketOwner: expectedBucketOwner,
    RequestPayer: requestPayer,
  },
  outputRoot: 'CopyObjectResult',
  output: {
    CopyObjectResult: {
      in: 'xmlRoot',
      shape: struct({
        ETag: 'string',
        LastModified: 'timestamp',
        ChecksumType: 'string',
        ...Object.fromEntries(Object.keys(checksumXml).map((k) => [k, 'string' as const])),
      }),
    },
    Expiration: { in: 'header', name: 'x-amz-expiration' },
    CopySourceVersionId: { in: 'header', name: 'x-amz-copy-source-version-id' },
    VersionId: { in: 'header', name: 'x-amz-version-id' },
    SSEKMSEncryptionContext: { in: 'header', name: 'x-amz-server-side-encryption-context' },
    RequestCharged: requestCharged,
    ...sseOutput,
  },
});
