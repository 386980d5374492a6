/**
 * The subset of `S3Client` (from `@s3kit/s3-core`) that transfers use, as a port: an `S3Client`
 * fits as is, and tests or wrappers can supply their own object with these methods.
 */
import type { HeadObjectOutput, PutObjectInput, S3ClientMethods } from '@s3kit/s3-core';
import type { ChecksumMembers } from '../upload/transfer-checksum.js';

/** The S3 operations s3-transfer calls (an `S3Client` satisfies it). */
export type TransferClient = Pick<
  S3ClientMethods,
  | 'putObject'
  | 'headObject'
  | 'getObject'
  | 'createMultipartUpload'
  | 'uploadPart'
  | 'uploadPartCopy'
  | 'completeMultipartUpload'
  | 'abortMultipartUpload'
  | 'listParts'
  | 'copyObject'
  | 'getObjectTagging'
  | 'listObjectsV2'
  | 'deleteObject'
>;

/** Headers and settings an upload or copy gives the new object (PutObject members). */
export type ObjectWriteOptions = Pick<
  PutObjectInput,
  | 'ContentType'
  | 'ContentEncoding'
  | 'ContentDisposition'
  | 'ContentLanguage'
  | 'CacheControl'
  | 'Expires'
  | 'Metadata'
  | 'StorageClass'
  | 'ServerSideEncryption'
  | 'SSEKMSKeyId'
  | 'BucketKeyEnabled'
  | 'Tagging'
  | 'ACL'
  | 'WebsiteRedirectLocation'
  | 'ExpectedBucketOwner'
>;

/** What an object read (HEAD) reports. */
export type ObjectHeadOutput = HeadObjectOutput;

/** An object of a listing. */
export interface ListedObject {
  Key?: string;
  LastModified?: Date;
  ETag?: string;
  Size?: number;
}

/** A part as CompleteMultipartUpload takes it, with its checksum member when it was sent with one. */
export interface CompletedPartInput extends ChecksumMembers {
  PartNumber: number;
  ETag: string;
}
