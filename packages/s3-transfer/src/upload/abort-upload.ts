/** Aborting a multipart upload that failed, so that nothing is left orphaned in the bucket. */
import { isS3ServiceError } from '@s3kit/s3-core';
import type { TransferContext } from '../manager/transfer-context.js';

/** The upload to abort. */
export interface UploadRef {
  Bucket: string;
  Key: string;
  UploadId: string;
  ExpectedBucketOwner?: string | undefined;
}

/**
 * Aborts `upload` with the manager's retry budget (the failure that led here may be a storm the
 * abort has to ride out too). Never throws: the transfer's own error matters more.
 * @returns `aborted` (also when S3 says the upload is already gone), or `orphaned` when every attempt failed.
 */
export async function abortMultipartUpload(ctx: TransferContext, upload: UploadRef): Promise<'aborted' | 'orphaned'> {
  const { Bucket, Key, UploadId, ExpectedBucketOwner } = upload;
  try {
    await ctx.retry.run(() => ctx.client.abortMultipartUpload({ Bucket, Key, UploadId, ...(ExpectedBucketOwner === undefined ? {} : { ExpectedBucketOwner }) }, { maxAttempts: 1 }));
    return 'aborted';
  } catch (err) {
    return isS3ServiceError(err) && err.code === 'NoSuchUpload' ? 'aborted' : 'orphaned';
  }
}
