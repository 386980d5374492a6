export { S3Engine, createS3Engine } from './engine/engine.js';
export { S3MockError, isS3MockError, ERRORS } from './engine/errors.js';
export { compareUtf8 } from './engine/utf8-order.js';
export type { S3EngineOptions, EngineSnapshot, SeedSpec, SeedObject } from './engine/engine.js';
export type { S3ErrorCode, S3ErrorSpec, S3ErrorFields } from './engine/errors.js';
export type { Owner, ObjectChecksum, ChecksumAlgorithm, ContentHeaders } from './engine/records.js';
export type { Tag } from './engine/tags.js';
export type { ReadConditions, WriteConditions, CopySourceConditions } from './engine/conditions.js';
export type {
  CreateBucketInput,
  CreateBucketOutput,
  HeadBucketOutput,
  ListBucketsOutput,
  BucketSummary,
  GetBucketLocationOutput,
} from './engine/bucket-ops.js';
export type {
  PutObjectInput,
  PutObjectOutput,
  GetObjectInput,
  GetObjectOutput,
  HeadObjectOutput,
  DeleteObjectInput,
  DeleteObjectsInput,
  DeleteObjectsOutput,
  CopyObjectInput,
  CopyObjectOutput,
} from './engine/object-ops.js';
export type { ListObjectsV2Input, ListObjectsV2Output, ListObjectsInput, ListObjectsOutput, ObjectSummary } from './engine/list-ops.js';
export type {
  CreateMultipartUploadInput,
  CreateMultipartUploadOutput,
  UploadPartInput,
  UploadPartOutput,
  UploadPartCopyInput,
  UploadPartCopyOutput,
  ListPartsInput,
  ListPartsOutput,
  PartSummary,
  ListMultipartUploadsInput,
  ListMultipartUploadsOutput,
  UploadSummary,
  CompleteMultipartUploadInput,
  CompleteMultipartUploadOutput,
  InFlightUpload,
} from './engine/multipart-ops.js';
export type { TaggingOutput } from './engine/tagging-ops.js';
