import type { S3BaseClient } from '../client/base-client.js';
import type { PresignUrlOptions, PresignedPost, PresignPostOptions, PresignedUrl } from '../client/presign-request.js';
import { GetObject, PutObject } from '../operations/objects.js';
import type { GetObjectInput, PutObjectInput } from '../operations/objects.js';

/**
 * A presigned GetObject URL (`response-*` overrides, `VersionId`, SSE-C headers supported).
 * @throws {ValidationError} `ERR_VALIDATION` for bad input or `expiresIn` outside 1..604800.
 * @example
 * ```ts
 * const { url } = await presignGetObject(client, { Bucket: 'photos', Key: 'a.jpg', ResponseContentDisposition: 'attachment' }, { expiresIn: 600 });
 * ```
 */
export function presignGetObject(client: S3BaseClient, input: GetObjectInput, options?: PresignUrlOptions): Promise<PresignedUrl> {
  return client.presign(GetObject, input, options);
}

/**
 * A presigned PutObject URL. Headers given here (`ContentType`, metadata, SSE...) are signed: the
 * uploader must send `headers` exactly. The body is not part of the signature (`UNSIGNED-PAYLOAD`).
 * @throws {ValidationError} `ERR_VALIDATION` for bad input or `expiresIn` outside 1..604800.
 * @example
 * ```ts
 * const { url, method, headers } = await presignPutObject(client, { Bucket: 'uploads', Key: 'u/1.png', ContentType: 'image/png' }, { expiresIn: 300 });
 * await fetch(url, { method, headers, body: png });
 * ```
 */
export function presignPutObject(client: S3BaseClient, input: Omit<PutObjectInput, 'Body'>, options?: PresignUrlOptions): Promise<PresignedUrl> {
  return client.presign(PutObject, input, options);
}

/**
 * A presigned POST form for browser uploads (policy with conditions, see sigv4's `signPostPolicy`).
 * @throws {ValidationError} `ERR_VALIDATION` for bad policy options.
 * @example
 * ```ts
 * const { url, fields } = await presignPost(client, { bucket: 'uploads', key: 'u/1.png', contentLengthRange: [1, 5_000_000], expiresIn: 600 });
 * const form = new FormData();
 * for (const [name, value] of Object.entries(fields)) form.append(name, value);
 * form.append('file', new Blob([png]));
 * await fetch(url, { method: 'POST', body: form });
 * ```
 */
export function presignPost(client: S3BaseClient, options: PresignPostOptions): Promise<PresignedPost> {
  return client.presignPost(options);
}
