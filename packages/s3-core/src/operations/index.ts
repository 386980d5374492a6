/** The operation table: every spec by AWS name. The client's convenience methods are generated from it. */
import { CopyObject } from './copy-object.js';
import { CreateBucket } from './create-bucket.js';
import { DeleteBucket } from './delete-bucket.js';
import { DeleteObject } from './delete-object.js';
import { DeleteObjects } from './delete-objects.js';
import { GetObject } from './get-object.js';
import { HeadBucket } from './head-bucket.js';
import { HeadObject } from './head-object.js';
import { ListBuckets } from './list-buckets.js';
import { ListObjectsV2 } from './list-objects-v2.js';
import { PutObject } from './put-object.js';
import { AbortMultipartUpload } from './abort-multipart-upload.js';
import { CompleteMultipartUpload } from './complete-multipart-upload.js';
import { CreateMultipartUpload } from './create-multipart-upload.js';
import { ListMultipartUploads } from './list-multipart-uploads.js';
import { ListParts } from './list-parts.js';
import { UploadPart } from './upload-part.js';
import { UploadPartCopy } from './upload-part-copy.js';
import {
  DeleteBucketTagging,
  DeleteObjectTagging,
  GetBucketTagging,
  GetObjectTagging,
  PutBucketTagging,
  PutObjectTagging,
} from './tagging.js';

/** Every operation s3kit implements, by AWS name. */
export const operations = {
  PutObject,
  GetObject,
  HeadObject,
  DeleteObject,
  DeleteObjects,
  CopyObject,
  ListObjectsV2,
  CreateBucket,
  DeleteBucket,
  HeadBucket,
  ListBuckets,
  CreateMultipartUpload,
  UploadPart,
  UploadPartCopy,
  CompleteMultipartUpload,
  AbortMultipartUpload,
  ListMultipartUploads,
  ListParts,
  GetObjectTagging,
  PutObjectTagging,
  DeleteObjectTagging,
  GetBucketTagging,
  PutBucketTagging,
  DeleteBucketTagging,
} as const;

/** The operation table's type. */
export type S3Operations = typeof operations;
/** An operation name. */
export type S3OperationName = keyof S3Operations;
