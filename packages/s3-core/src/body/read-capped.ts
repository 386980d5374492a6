/**
 * Buffered response bodies (XML results, error documents) read whole, up to a limit: an endless or
 * huge answer (a broken server, a hostile proxy) must fail with a typed error, not grow the process
 * until Node gives up with `ERR_STRING_TOO_LONG` at 1.5 GB.
 */
import { NetworkError, concatBytes } from '@s3kit/primitives';
import type { HttpResponse } from '@s3kit/primitives';

/**
 * Default of the client's `maxBufferedBodyBytes`: 16 MiB, several times the largest page S3 sends
 * (1000 keys of up to 1024 bytes each, percent-encoded, is about 4 MB).
 */
export const DEFAULT_MAX_BUFFERED_BODY_BYTES = 16 * 1024 * 1024;

function tooLarge(operation: string, limit: number, details: Record<string, number>): NetworkError {
  return new NetworkError(`${operation} response body is larger than ${limit} bytes (the client's maxBufferedBodyBytes)`, {
    code: 'ERR_BODY_TOO_LARGE',
    retryable: false,
    details: { limit, ...details },
  });
}

/**
 * Reads `response`'s whole body, failing once it passes `limit` bytes (at once when its
 * `content-length` says so); the rest of the body is dumped, releasing the connection.
 * @throws {NetworkError} `ERR_BODY_TOO_LARGE` (not retryable) over the limit; the transport's errors.
 */
export async function readCappedBody(response: HttpResponse, limit: number, operation: string): Promise<Uint8Array> {
  const declared = response.headers['content-length'];
  if (declared !== undefined && response.headers['content-encoding'] === undefined) {
    const length = Number(declared);
    if (length > limit) {
      await response.body.dump().catch(() => undefined);
      throw tooLarge(operation, limit, { declared: length });
    }
    // The transport holds the body to its declared length.
    return response.body.bytes();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > limit) {
      await response.body.dump().catch(() => undefined);
      throw tooLarge(operation, limit, { received: total });
    }
    chunks.push(chunk);
  }
  return chunks.length === 0 ? new Uint8Array(0) : concatBytes(chunks, total);
}
