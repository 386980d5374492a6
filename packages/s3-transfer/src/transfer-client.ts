/**
 * The subset of `S3Client` (from `@s3kit/s3-core`) that transfers use, as a structural port: an
 * `S3Client` fits as is, and tests or wrappers can supply their own.
 */

/** Per-call options passed to every client method. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Object checksums, as S3 members. */
export interface ChecksumMembers {
  ChecksumCRC32?: string;
  ChecksumCRC32C?: string;
  ChecksumCRC64NVME?: string;
  ChecksumSHA1?: string;
  ChecksumSHA256?: string;
}

/** Headers and settings an upload or copy gives the new object (PutObject / CreateMultipartUpload members). */
export interface ObjectWriteOptions {
  ContentType?: string;
  ContentEncoding?: string;
  ContentDisposition?: string;
  ContentLanguage?: string;
  CacheControl?: string;
  Expires?: Date;
  Metadata?: Record<string, string>;
  StorageClass?: string;
  ServerSideEncryption?: string;
  SSEKMSKeyId?: string;
  BucketKeyEnabled?: boolean;
  Tagging?: string | Record<string, string>;
  ACL?: string;
  WebsiteRedirectLocation?: string;
  ExpectedBucketOwner?: string;
}

/** A part as CompleteMultipartUpload takes it. */
export interface CompletedPartInput extends ChecksumMembers {
  PartNumber: number;
  ETag: string;
}

/** What an object read (HEAD/GET) reports. */
export interface ObjectHeadOutput extends ChecksumMembers {
  ContentLength?: number;
  ETag?: string;
  ChecksumType?: string;
  LastModified?: Date;
  ContentType?: string;
  ContentEncoding?: string;
  ContentDisposition?: string;
  ContentLanguage?: string;
  CacheControl?: string;
  Expires?: Date;
  Metadata?: Record<string, string>;
  ServerSideEncryption?: string;
  SSECustomerAlgorithm?: string;
  PartsCount?: number;
  StorageClass?: string;
  VersionId?: string;
}

/** An object of a listing. */
export interface ListedObject {
  Key?: string;
  LastModified?: Date;
  ETag?: string;
  ChecksumAlgorithm?: string[];
  ChecksumType?: string;
  Size?: number;
}

/** The S3 operations s3-transfer calls (an `S3Client` satisfies it). */
export interface TransferClient {
  putObject(
    input: ObjectWriteOptions & ChecksumMembers & { Bucket: string; Key: string; Body?: Uint8Array | AsyncIterable<Uint8Array>; ContentLength?: number },
    options?: CallOptions,
  ): Promise<ChecksumMembers & { ETag?: string; VersionId?: string }>;
  headObject(
    input: { Bucket: string; Key: string; VersionId?: string; PartNumber?: number; ChecksumMode?: 'ENABLED'; IfMatch?: string },
    options?: CallOptions,
  ): Promise<ObjectHeadOutput>;
  getObject(
    input: { Bucket: string; Key: string; VersionId?: string; Range?: string; IfMatch?: string; PartNumber?: number },
    options?: CallOptions,
  ): Promise<ObjectHeadOutput & { ContentRange?: string; Body: AsyncIterable<Uint8Array> & { dump(): Promise<void> } }>;
  createMultipartUpload(
    input: ObjectWriteOptions & { Bucket: string; Key: string; ChecksumAlgorithm?: 'CRC32'; ChecksumType?: 'FULL_OBJECT' | 'COMPOSITE' },
    options?: CallOptions,
  ): Promise<{ UploadId?: string }>;
  uploadPart(
    input: ChecksumMembers & {
      Bucket: string;
      Key: string;
      UploadId: string;
      PartNumber: number;
      Body?: Uint8Array | AsyncIterable<Uint8Array>;
      ContentLength?: number;
      ExpectedBucketOwner?: string;
    },
    options?: CallOptions,
  ): Promise<ChecksumMembers & { ETag?: string }>;
  uploadPartCopy(
    input: {
      Bucket: string;
      Key: string;
      UploadId: string;
      PartNumber: number;
      CopySource: { Bucket: string; Key: string; VersionId?: string };
      CopySourceRange?: string;
      CopySourceIfMatch?: string;
    },
    options?: CallOptions,
  ): Promise<{ CopyPartResult?: ChecksumMembers & { ETag?: string } }>;
  completeMultipartUpload(
    input: ChecksumMembers & {
      Bucket: string;
      Key: string;
      UploadId: string;
      MultipartUpload?: { Parts?: CompletedPartInput[] };
      ChecksumType?: 'FULL_OBJECT' | 'COMPOSITE';
      MpuObjectSize?: number;
      ExpectedBucketOwner?: string;
    },
    options?: CallOptions,
  ): Promise<ChecksumMembers & { ETag?: string; VersionId?: string; ChecksumType?: string }>;
  abortMultipartUpload(input: { Bucket: string; Key: string; UploadId: string }, options?: CallOptions): Promise<unknown>;
  listParts(
    input: { Bucket: string; Key: string; UploadId: string; PartNumberMarker?: string },
    options?: CallOptions,
  ): Promise<{
    IsTruncated?: boolean;
    NextPartNumberMarker?: string;
    Parts?: (ChecksumMembers & { PartNumber?: number; ETag?: string; Size?: number })[];
  }>;
  copyObject(
    input: ObjectWriteOptions & {
      Bucket: string;
      Key: string;
      CopySource: { Bucket: string; Key: string; VersionId?: string };
      CopySourceIfMatch?: string;
      MetadataDirective?: 'COPY' | 'REPLACE';
      TaggingDirective?: 'COPY' | 'REPLACE';
    },
    options?: CallOptions,
  ): Promise<{ CopyObjectResult?: ChecksumMembers & { ETag?: string }; VersionId?: string }>;
  getObjectTagging(input: { Bucket: string; Key: string; VersionId?: string }, options?: CallOptions): Promise<{ TagSet?: { Key: string; Value: string }[] }>;
  listObjectsV2(
    input: { Bucket: string; Prefix?: string; ContinuationToken?: string; MaxKeys?: number },
    options?: CallOptions,
  ): Promise<{ IsTruncated?: boolean; NextContinuationToken?: string; Contents?: ListedObject[] }>;
  deleteObject(input: { Bucket: string; Key: string }, options?: CallOptions): Promise<unknown>;
}
