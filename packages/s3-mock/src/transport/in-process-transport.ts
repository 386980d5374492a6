/**
 * An `HttpTransport` that hands requests to a mock in-process, enforcing what a socket would: the
 * request body is read in full and must match `Content-Length`, aborts reject with `AbortError`,
 * and the response body streams (and can be cut short by an injected fault).
 */
import { AbortError, NetworkError, ValidationError, concatBytes, createResponseBody, throwIfAborted } from '@s3kit/primitives';
import type { HttpRequest, HttpResponse, HttpTransport } from '@s3kit/primitives';
import { throttleSlices } from '../mock/served.js';
import type { ServeFunction } from '../mock/served.js';

const encoder = new TextEncoder();

function toStream(chunks: readonly Uint8Array[]): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator]: () => {
      let i = 0;
      return { next: () => Promise.resolve(i < chunks.length ? { done: false, value: chunks[i++]! } : { done: true, value: undefined }) };
    },
  };
}

/** A copy in a plain Uint8Array (`Buffer#slice` would return a view, not a copy). */
function copy(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

async function readBody(request: HttpRequest, signal: AbortSignal | undefined): Promise<HttpRequest['body']> {
  const body = request.body;
  const declared = request.headers['content-length'];
  if (body === undefined) {
    if (declared !== undefined && declared !== '0') throw new ValidationError({ field: 'headers["content-length"]', rule: 'must match the body length', value: declared });
    return undefined;
  }
  const isStream = typeof body !== 'string' && !(body instanceof Uint8Array);
  let bytes: Uint8Array;
  let chunks: Uint8Array[] = [];
  if (isStream) {
    // Copied as a socket would: a sender may reuse its buffers once the response is in, and what
    // the engine stores must not change with them.
    for await (const chunk of body) {
      throwIfAborted(signal);
      chunks.push(copy(chunk));
    }
    bytes = concatBytes(chunks);
  } else {
    bytes = typeof body === 'string' ? encoder.encode(body) : copy(body);
    chunks = [bytes];
  }
  if (declared !== undefined && Number(declared) !== bytes.byteLength) {
    throw new ValidationError({ field: 'headers["content-length"]', rule: `must match the body length (${bytes.byteLength})`, value: declared });
  }
  // A stream without Content-Length stays a stream (a socket would send it chunked).
  return isStream && declared === undefined ? toStream(chunks) : bytes;
}

/**
 * Creates a transport serving requests with `serve` (a mock's `serve`).
 * @example
 * ```ts
 * const transport = createInProcessTransport(mock.serve);
 * const response = await transport.send({ method: 'GET', protocol: 'http:', hostname: 'localhost', path: '/', headers: {} });
 * ```
 */
export function createInProcessTransport(serve: ServeFunction): HttpTransport {
  return {
    async send(request, options = {}) {
      const { signal } = options;
      throwIfAborted(signal);
      const body = await readBody(request, signal);
      const headers = { ...request.headers };
      if (headers['content-length'] === undefined && body instanceof Uint8Array) headers['content-length'] = String(body.byteLength);
      const forwarded: HttpRequest = { ...request, headers };
      if (body === undefined) delete forwarded.body;
      else forwarded.body = body;
      const served = await serve(forwarded, signal);
      throwIfAborted(signal);
      if (served.kind === 'reset') throw new NetworkError('socket hang up (injected reset)', { details: { errno: 'ECONNRESET' } });
      const { reply, truncateAt, throttle } = served;
      const payload = request.method.toUpperCase() === 'HEAD' ? new Uint8Array(0) : reply.body;
      const stream = async function* (): AsyncGenerator<Uint8Array> {
        if (throttle) {
          for (const { slice, pauseMs } of throttleSlices(payload, throttle.bytesPerSecond)) {
            yield copy(slice);
            await throttle.sleep(pauseMs, signal);
          }
          return;
        }
        if (truncateAt !== undefined && truncateAt < payload.byteLength) {
          if (truncateAt > 0) yield copy(payload.subarray(0, truncateAt));
          throw new NetworkError('other side closed (injected truncation)', { details: { errno: 'UND_ERR_SOCKET' } });
        }
        if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
        if (payload.byteLength > 0) yield copy(payload);
      };
      const response: HttpResponse = { statusCode: reply.status, headers: { ...reply.headers }, body: createResponseBody(stream()) };
      return response;
    },
  };
}
