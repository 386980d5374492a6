/**
 * An {@link HttpTransport} over the runtime's `fetch`: the transport of browsers, workerd, Deno and
 * Bun, where undici is missing or is not the runtime's own HTTP client.
 */
import { throwIfAborted } from '../clock/clock.js';
import { AbortError, NetworkError, TimeoutError } from '../errors/errors.js';
import type { TimeoutPhase } from '../errors/errors.js';
import { createResponseBody, emptyResponseBody, requestOrigin, requestTarget } from './http.js';
import type { HttpRequest, HttpRequestBody, HttpResponse, HttpSendOptions, HttpTransport } from './http.js';
import { errorCode, mapUndiciError } from './transport-errors.js';

/** What the transport passes to fetch: `RequestInit` plus `duplex` and `cache`, which Node's typings lack. */
export type FetchInit = RequestInit & { duplex?: 'half'; cache?: 'no-store' | 'default' };

/** The `fetch` the transport calls: the global one, or any function of the same shape. */
export type FetchFunction = (input: string, init: FetchInit) => Promise<Response>;

/** Options of {@link createFetchTransport}. */
export interface FetchTransportOptions {
  /**
   * The fetch function.
   * @default globalThis.fetch
   */
  fetch?: FetchFunction;
  /**
   * Milliseconds from sending the request to receiving the complete response headers. fetch does not
   * say when a connection opens, so this deadline covers connecting too (`TimeoutError` phase `headers`).
   * @default 60000
   */
  headersTimeoutMs?: number;
  /**
   * Longest idle gap, in milliseconds, between two response body chunks (phase `body`). `0` disables it.
   * @default 60000
   */
  bodyTimeoutMs?: number;
  /**
   * Whether a streamed request body is handed to fetch as a `ReadableStream` (`duplex: 'half'`). Browsers
   * stream request bodies only over HTTP/2 and later and fail over HTTP/1.1, so there a streamed body is
   * first collected into a `Blob` (which the browser may keep on disk). Bytes and text are sent as they are.
   * S3 needs a length: a streamed body's `content-length` header is kept (on workerd through its
   * `FixedLengthStream`); Deno's fetch sends streams chunked whatever the header says, which is why
   * Deno defaults to the undici transport.
   * @default false in browsers (a `navigator.userAgent` starting with `Mozilla/`), true elsewhere
   */
  streamRequestBodies?: boolean;
  /**
   * The `cache` mode of each request. Browsers otherwise answer from their HTTP cache by URL alone:
   * a HEAD after a GET of the same object came back with the GET's headers (no checksum asked for),
   * and an object read after it changed could come back stale. `'default'` leaves caching to the
   * runtime; elsewhere nothing is set (workerd and Node's fetch have no HTTP cache of their own).
   * @default 'no-store' in browsers, unset elsewhere
   */
  cache?: 'no-store' | 'default';
}

/** Headers fetch sets itself (browsers drop them, other runtimes reject or duplicate them). */
const FETCH_OWNED_HEADERS: ReadonlySet<string> = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'expect']);

function isBrowser(): boolean {
  const agent = (globalThis as { navigator?: { userAgent?: unknown } }).navigator?.userAgent;
  return typeof agent === 'string' && agent.startsWith('Mozilla/');
}

/** Why the transport's own controller aborted: a deadline, or the caller. */
interface AbortReason {
  phase?: TimeoutPhase;
}

/** Reads a web stream as an async iterable; `onChunk` runs before each read (to re-arm a deadline). */
async function* readStream(stream: ReadableStream<Uint8Array>, onRead: () => void, onDone: () => void): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      onRead();
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    onDone();
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** A request body as fetch takes it, and whether a streamed body failed on the caller's side. */
interface PreparedBody {
  body: RequestInit['body'];
  streamed: boolean;
  failed: boolean;
  error: unknown;
}

function toReadableStream(source: AsyncIterable<Uint8Array>, prepared: PreparedBody): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next: IteratorResult<Uint8Array> = await iterator.next();
        if (next.done === true) controller.close();
        else controller.enqueue(next.value);
      } catch (err) {
        prepared.failed = true;
        prepared.error = err;
        controller.error(err);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

async function collectToBlob(source: AsyncIterable<Uint8Array>, prepared: PreparedBody): Promise<Blob> {
  const parts: Uint8Array[] = [];
  try {
    for await (const chunk of source) parts.push(chunk);
  } catch (err) {
    prepared.failed = true;
    prepared.error = err;
    throw err;
  }
  return new Blob(parts);
}

/** workerd's stream that gives a request body a known length (its fetch sends other streams chunked). */
type FixedLengthStreamConstructor = new (length: number) => { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> };

function withLength(stream: ReadableStream<Uint8Array>, contentLength: string | undefined): ReadableStream<Uint8Array> {
  const Fixed = (globalThis as { FixedLengthStream?: FixedLengthStreamConstructor }).FixedLengthStream;
  const length = Number(contentLength);
  if (Fixed === undefined || contentLength === undefined || !Number.isSafeInteger(length)) return stream;
  const fixed = new Fixed(length);
  // Errors reach fetch through the readable side; the pipe's own promise has nothing to add.
  stream.pipeTo(fixed.writable).catch(() => undefined);
  return fixed.readable;
}

async function prepareBody(body: HttpRequestBody | undefined, stream: boolean, contentLength: string | undefined): Promise<PreparedBody> {
  const prepared: PreparedBody = { body: undefined, streamed: false, failed: false, error: undefined };
  if (body === undefined) return prepared;
  if (typeof body === 'string' || body instanceof Uint8Array) {
    prepared.body = body as string | Uint8Array<ArrayBuffer>;
  } else if (stream) {
    prepared.body = withLength(toReadableStream(body, prepared), contentLength);
    prepared.streamed = true;
  } else {
    prepared.body = await collectToBlob(body, prepared);
  }
  return prepared;
}

function flattenHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  // Headers iterates lower-case names, repeated ones already joined with ', '.
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/**
 * Maps a fetch rejection: the caller's abort, our own deadline, the caller's body stream failing,
 * then undici's codes (Node's fetch keeps them as `cause`), else a retryable `NetworkError`.
 */
function mapFetchError(err: unknown, signal: AbortSignal | undefined, reason: AbortReason, body: PreparedBody | undefined): unknown {
  if (signal?.aborted) return new AbortError(undefined, { cause: err });
  if (reason.phase) return new TimeoutError(`HTTP ${reason.phase} timeout`, { phase: reason.phase, cause: err });
  if (body?.failed === true) return body.error;
  const cause = (err as { cause?: unknown } | null)?.cause;
  const mapped = mapUndiciError(cause ?? err);
  if (mapped !== (cause ?? err)) return mapped;
  if (err instanceof Error && err.name === 'AbortError') return new AbortError(undefined, { cause: err });
  if (err instanceof TypeError || errorCode(err) !== undefined) {
    const errno = errorCode(cause) ?? errorCode(err) ?? 'ERR_FETCH';
    return new NetworkError(`Network error: ${err instanceof Error ? err.message : String(err)} (${errno})`, { cause: err, details: { errno } });
  }
  return err;
}

/**
 * Creates an {@link HttpTransport} on `fetch`. Responses stream (the body is read chunk by chunk,
 * never buffered by the transport); streamed request bodies go out as a `ReadableStream` with
 * `duplex: 'half'` where the runtime allows it (see {@link FetchTransportOptions.streamRequestBodies}).
 * Errors are mapped as the undici transport maps them: deadlines to `TimeoutError` (phase `headers`
 * or `body`), failed or refused connections to a retryable `NetworkError` (`details.errno` is the
 * runtime's code when it gives one, else `ERR_FETCH`), an aborted signal to `AbortError`, a
 * content-length mismatch Node's fetch reports to `ValidationError`; an error thrown by a streamed
 * request body is rethrown as it is.
 *
 * @throws {NetworkError} `ERR_NETWORK` when the connection fails or breaks (retryable).
 * @throws {TimeoutError} `ERR_TIMEOUT` when a deadline passes (retryable).
 * @throws {AbortError} `ERR_ABORTED` when `options.signal` aborts.
 * @example
 * ```ts
 * const transport = createFetchTransport({ headersTimeoutMs: 30_000 });
 * const res = await transport.send({ method: 'GET', protocol: 'https:', hostname: 'example.com', path: '/', headers: {} });
 * console.log(res.statusCode, await res.body.text());
 * ```
 */
export function createFetchTransport(options: FetchTransportOptions = {}): HttpTransport {
  const fetchFn: FetchFunction = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const headersTimeoutMs = options.headersTimeoutMs ?? 60_000;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 60_000;
  const stream = options.streamRequestBodies ?? !isBrowser();
  const cache = options.cache ?? (isBrowser() ? 'no-store' : undefined);

  return {
    async send(request: HttpRequest, sendOptions: HttpSendOptions = {}): Promise<HttpResponse> {
      const { signal } = sendOptions;
      throwIfAborted(signal);
      const controller = new AbortController();
      const reason: AbortReason = {};
      const onAbort = (): void => { controller.abort(signal?.reason); };
      signal?.addEventListener('abort', onAbort, { once: true });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const arm = (phase: TimeoutPhase, ms: number): void => {
        if (timer !== undefined) clearTimeout(timer);
        timer = ms > 0 ? setTimeout(() => {
          reason.phase = phase;
          controller.abort(new TimeoutError(`HTTP ${phase} timeout`, { phase }));
        }, ms) : undefined;
      };
      const release = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        signal?.removeEventListener('abort', onAbort);
      };

      const headers = new Headers();
      for (const name in request.headers) {
        if (!FETCH_OWNED_HEADERS.has(name)) headers.set(name, request.headers[name]!);
      }
      let prepared: PreparedBody | undefined;
      let response: Response;
      try {
        prepared = await prepareBody(request.body, stream, request.headers['content-length']);
        arm('headers', headersTimeoutMs);
        const init: FetchInit = { method: request.method, headers, signal: controller.signal, redirect: 'manual' };
        if (prepared.body !== undefined) init.body = prepared.body;
        if (prepared.streamed) init.duplex = 'half';
        if (cache !== undefined && cache !== 'default') init.cache = cache;
        response = await fetchFn(`${requestOrigin(request)}${requestTarget(request)}`, init);
      } catch (err) {
        release();
        throw mapFetchError(err, signal, reason, prepared);
      }

      const source = response.body;
      if (request.method === 'HEAD' || source === null) {
        release();
        await source?.cancel().catch(() => undefined);
        return { statusCode: response.status, headers: flattenHeaders(response.headers), body: emptyResponseBody() };
      }
      const chunks = (async function* () {
        try {
          yield* readStream(source, () => { arm('body', bodyTimeoutMs); }, release);
        } catch (err) {
          throw mapFetchError(err, signal, reason, undefined);
        }
      })();
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      return {
        statusCode: response.status,
        headers: flattenHeaders(response.headers),
        body: createResponseBody(chunks, async () => {
          release();
          await chunks.return(undefined);
          await source.cancel().catch(() => undefined);
        }),
      };
    },
  };
}
