import { ValidationError } from '@s3kit/primitives';
import type { HttpRequestBody } from '@s3kit/primitives';

/**
 * A request body: bytes or text (replayable, so retried on failure), or a stream of bytes (a Node
 * `Readable`, a web `ReadableStream`, any async iterable of `Uint8Array`), sent once and never retried.
 */
export type RequestBody = Uint8Array | string | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof value === 'object' && value !== null && typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

async function* fromReader(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Turns a {@link RequestBody} into the HTTP port's body type.
 * @throws {ValidationError} `ERR_VALIDATION` (field `Body`) for any other value.
 */
export function toHttpBody(body: RequestBody, field = 'Body'): HttpRequestBody {
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (isAsyncIterable(body)) return body;
  if (typeof (body as { getReader?: unknown }).getReader === 'function') return fromReader(body);
  throw new ValidationError({ field, rule: 'must be a Uint8Array, a string, an async iterable of Uint8Array or a ReadableStream' });
}
