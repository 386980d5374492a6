import { ValidationError, isAsyncIterable, readableStreamChunks } from '@s3kit/primitives';
import type { HttpRequestBody } from '@s3kit/primitives';

/**
 * A request body: bytes or text (replayable, so retried on failure), or a stream of bytes (a Node
 * `Readable`, a web `ReadableStream`, any async iterable of `Uint8Array`), sent once and never retried.
 */
export type RequestBody = Uint8Array | string | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;



/**
 * Turns a {@link RequestBody} into the HTTP port's body type.
 * @throws {ValidationError} `ERR_VALIDATION` (field `Body`) for any other value.
 */
export function toHttpBody(body: RequestBody, field = 'Body'): HttpRequestBody {
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (isAsyncIterable(body)) return body;
  if (typeof (body as { getReader?: unknown }).getReader === 'function') return readableStreamChunks(body);
  throw new ValidationError({ field, rule: 'must be a Uint8Array, a string, an async iterable of Uint8Array or a ReadableStream' });
}
