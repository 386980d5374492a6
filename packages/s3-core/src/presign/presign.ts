import type { PresignUrlOptions, PresignedPost, PresignPostOptions, PresignedUrl, S3Client } from '../client/s3-client.js';
import { GetObject } from '../operations/get-object.js';
import type { GetObjectInput } from '../operations/get-object.js';
import { PutObject } from '../operations/put-object.js';
import type { PutObjectInput } from '../operations/put-object.js';

/**
 * A presigned GetObject URL (`response-*` overrides, `VersionId`, SSE-C headers supported).
 * @throws {ValidationError} `ERR_VALIDATION` for bad input or `expiresIn` outside 1..604800.
 * @example
 * ```ts
 * const { url } = await presignGetObject(client, { Bucket: 'photos', Key: 'a.jpg', ResponseContentDisposition: 'attachment' }, { expiresIn: 600 });
 * ```
 */
export function presignGetObject(client: S3Client, input: GetObjectInput, options?: PresignUrlOptions): Promise<PresignedUrl> {
  return client.presign(GetObject, input, options);
}

/**
 * A presigned PutObject URL. Headers given here (`ContentType`, metadata, SSE...) are signed: the
 * uploader must send `headers` exactly. The body is not part of the signature (`UNSIGNED-PAYLOAD`).
 * @throws {ValidationError} `ERR_VALIDATION` for bad input or `expiresIn` outside 1..604800.
 */
export function presignPutObject(client: S3Client, input: Omit<PutObjectInput, 'Body'>, options?: PresignUrlOptions): Promise<PresignedUrl> {
  return client.presign(PutObject, input, options);
}

/**
 * A presigned POST form for browser uploads (policy with conditions, see sigv4's `signPostPolicy`).
 * @throws {ValidationError} `ERR_VALIDATION` for bad policy options.
 */
export function presignPost(client: S3Client, options: PresignPostOptions): Promise<PresignedPost> {
  return client.presignPost(options);
}
