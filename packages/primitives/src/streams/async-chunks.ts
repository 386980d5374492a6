/**
 * The two shapes a byte stream arrives in from callers (a Node `Readable` or any async iterable, a
 * web `ReadableStream`) read the same way: as an async iterable of chunks.
 */

/** Whether `value` can be read with `for await` (a Node `Readable`, an async generator...). */
export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

/**
 * Reads a web `ReadableStream` as an async iterable of its chunks, in every runtime (not all of them
 * make `ReadableStream` itself async-iterable). The reader's lock is released when the loop ends,
 * early or not; the stream is not cancelled, so its owner decides what happens to the rest.
 * @example
 * ```ts
 * for await (const chunk of readableStreamChunks(response.body)) total += chunk.byteLength;
 * ```
 */
export async function* readableStreamChunks<T>(stream: ReadableStream<T>): AsyncGenerator<T> {
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
