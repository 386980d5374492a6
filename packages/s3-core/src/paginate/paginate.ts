import { S3kitError, throwIfAborted } from '@s3kit/primitives';
import type { S3BaseClient } from '../client/base-client.js';
import type { Operation, ResponseMetadata } from '../interpreter/spec.js';
import { ListBuckets } from '../operations/list-buckets.js';
import type { ListBucketsInput, ListBucketsOutput } from '../operations/list-buckets.js';
import { ListMultipartUploads } from '../operations/list-multipart-uploads.js';
import type { ListMultipartUploadsInput, ListMultipartUploadsOutput } from '../operations/list-multipart-uploads.js';
import { ListObjectsV2 } from '../operations/list-objects-v2.js';
import type { ListObjectsV2Input, ListObjectsV2Output } from '../operations/list-objects-v2.js';
import { ListParts } from '../operations/list-parts.js';
import type { ListPartsInput, ListPartsOutput } from '../operations/list-parts.js';

/** Code of the error thrown when a server returns the same page token twice. */
export const ERR_PAGINATION_LOOP = 'ERR_PAGINATION_LOOP';

/** Options of the paginators. */
export interface PaginateOptions {
  /** Page size (`MaxKeys`, `MaxParts`...). @default the server's (1000 for objects) */
  pageSize?: number;
  /** Stops after this many pages. @default unlimited */
  maxPages?: number;
  /** Aborts the current request and the iteration. */
  signal?: AbortSignal;
  /** Deadline of each page's request in ms. */
  timeoutMs?: number;
}

/**
 * Iterates the pages of any operation whose spec has a `paginator`: copies the next-page tokens
 * from each output into the next input, until the output says it is not truncated or has no token.
 * @throws {S3kitError} `ERR_PAGINATION_LOOP` when the server repeats a token (a broken server would loop forever).
 * @throws everything `client.send` throws.
 * @example
 * ```ts
 * for await (const page of paginate(client, ListObjectsV2, { Bucket: 'photos' })) console.log(page.KeyCount);
 * ```
 */
export async function* paginate<I, O>(
  client: S3BaseClient,
  op: Operation<I, O>,
  input: I,
  options: PaginateOptions = {},
): AsyncGenerator<O & { $metadata: ResponseMetadata }, void, undefined> {
  const paginator = op.paginator;
  if (!paginator) throw new S3kitError(`${op.name} is not paginated`, { code: 'ERR_VALIDATION' });
  const next: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  if (options.pageSize !== undefined && paginator.pageSize !== undefined) next[paginator.pageSize] = options.pageSize;
  const sendOptions = { ...(options.signal ? { signal: options.signal } : {}), ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) };
  let previous: string | undefined;
  for (let page = 0; options.maxPages === undefined || page < options.maxPages; page++) {
    throwIfAborted(options.signal);
    const output = await client.send(op, next as I, sendOptions);
    yield output;
    const values = output as Record<string, unknown>;
    const tokens = paginator.outputTokens.map((name) => values[name]);
    if (paginator.truncated !== undefined && values[paginator.truncated] !== true) return;
    if (tokens[0] === undefined || tokens[0] === '') return;
    const joined = JSON.stringify(tokens);
    if (joined === previous) {
      throw new S3kitError(`${op.name} returned the same page token twice; stopping instead of looping`, { code: ERR_PAGINATION_LOOP });
    }
    previous = joined;
    paginator.inputTokens.forEach((name, i) => {
      const token = tokens[i];
      if (token === undefined) Reflect.deleteProperty(next, name);
      else next[name] = token;
    });
  }
}

/**
 * Iterates the pages of a listing (`ContinuationToken`).
 * @example
 * ```ts
 * for await (const page of paginateListObjectsV2(client, { Bucket: 'photos', Prefix: '2024/' })) {
 *   for (const object of page.Contents ?? []) console.log(object.Key);
 * }
 * ```
 */
export function paginateListObjectsV2(
  client: S3BaseClient,
  input: ListObjectsV2Input,
  options?: PaginateOptions,
): AsyncGenerator<ListObjectsV2Output & { $metadata: ResponseMetadata }, void, undefined> {
  return paginate(client, ListObjectsV2, input, options);
}

/**
 * Iterates the pages of ListBuckets (paged when `pageSize`/`MaxBuckets` is set).
 * @example
 * ```ts
 * for await (const page of paginateListBuckets(client, { MaxBuckets: 100 })) {
 *   for (const bucket of page.Buckets ?? []) console.log(bucket.Name);
 * }
 * ```
 */
export function paginateListBuckets(
  client: S3BaseClient,
  input: ListBucketsInput = {},
  options?: PaginateOptions,
): AsyncGenerator<ListBucketsOutput & { $metadata: ResponseMetadata }, void, undefined> {
  return paginate(client, ListBuckets, input, options);
}

/**
 * Iterates the pages of ListParts (`PartNumberMarker`).
 * @example
 * ```ts
 * const parts = [];
 * for await (const page of paginateListParts(client, { Bucket: 'photos', Key: 'video.mp4', UploadId })) parts.push(...(page.Parts ?? []));
 * ```
 */
export function paginateListParts(
  client: S3BaseClient,
  input: ListPartsInput,
  options?: PaginateOptions,
): AsyncGenerator<ListPartsOutput & { $metadata: ResponseMetadata }, void, undefined> {
  return paginate(client, ListParts, input, options);
}

/**
 * Iterates the pages of ListMultipartUploads (`KeyMarker` + `UploadIdMarker`).
 * @example
 * ```ts
 * // Abort every unfinished upload of a bucket:
 * for await (const page of paginateListMultipartUploads(client, { Bucket: 'photos' })) {
 *   for (const u of page.Uploads ?? []) await client.abortMultipartUpload({ Bucket: 'photos', Key: u.Key!, UploadId: u.UploadId! });
 * }
 * ```
 */
export function paginateListMultipartUploads(
  client: S3BaseClient,
  input: ListMultipartUploadsInput,
  options?: PaginateOptions,
): AsyncGenerator<ListMultipartUploadsOutput & { $metadata: ResponseMetadata }, void, undefined> {
  return paginate(client, ListMultipartUploads, input, options);
}
