/**
 * The HTTP port every s3kit layer shares. s3-core runs on the undici transport in production and on
 * s3-mock's in-process transport in tests, both implementing {@link HttpTransport}.
 *
 * Paths are kept as already-encoded strings rather than `URL`s because WHATWG URL parsing removes
 * dot segments, and S3 object keys such as `a/../b` must reach the server unchanged.
 */

/** Request body: bytes or text (replayable), or a stream of chunks (sent once, not replayable). */
export type HttpRequestBody = Uint8Array | string | AsyncIterable<Uint8Array>;

/** Query parameters, decoded. A key with value `''` is sent as `key=` (S3 accepts `?uploads=`). */
export type HttpQuery = Record<string, string | readonly string[]>;

/** An outgoing request. Header names are lower-case. */
export interface HttpRequest {
  /** HTTP method, upper-case. */
  method: string;
  /** `http:` or `https:`. */
  protocol: 'http:' | 'https:';
  /** Host name without port (`bucket.s3.eu-west-1.amazonaws.com`, `127.0.0.1`). */
  hostname: string;
  /** Port, when not the protocol default. */
  port?: number;
  /** Absolute, already percent-encoded path, never normalized (`/bucket/a%20b/../c`). */
  path: string;
  /** Decoded query parameters; encoded with {@link encodeQuery} on the wire. */
  query?: HttpQuery;
  /** Lower-case header names to values. */
  headers: Record<string, string>;
  /** Body, if any. */
  body?: HttpRequestBody;
}

/** A response body that can be read once: iterated, or collected, or discarded. */
export interface HttpResponseBody extends AsyncIterable<Uint8Array> {
  /** Reads the whole body into one buffer. */
  bytes(): Promise<Uint8Array>;
  /** Reads the whole body as UTF-8 text. */
  text(): Promise<string>;
  /** Discards the rest of the body, releasing the connection. Safe to call more than once. */
  dump(): Promise<void>;
}

/** A received response. Header names are lower-case; repeated headers are joined with `, `. */
export interface HttpResponse {
  /** HTTP status code. */
  statusCode: number;
  /** Lower-case header names to values. */
  headers: Record<string, string>;
  /** The streaming body (empty for HEAD and 204). */
  body: HttpResponseBody;
}

/** Per-send options. */
export interface HttpSendOptions {
  /** Aborts the request; the promise then rejects with an `AbortError`. */
  signal?: AbortSignal;
}

/** The port: sends one request, resolves with the response once its headers arrived. */
export interface HttpTransport {
  /** Sends `request`. Rejects with `NetworkError`, `TimeoutError` or `AbortError`. */
  send(request: HttpRequest, options?: HttpSendOptions): Promise<HttpResponse>;
  /** Releases sockets and other resources. */
  close?(): Promise<void>;
}

/** A function that handles a request, the shape middleware wraps. */
export type HttpHandler = (request: HttpRequest, options: HttpSendOptions) => Promise<HttpResponse>;

/** Wraps a handler: may change the request, the response, retry, time, trace or short-circuit. */
export type HttpMiddleware = (next: HttpHandler) => HttpHandler;

/**
 * Builds a transport whose `send` runs `middleware` outermost first, then `transport`.
 * @example
 * ```ts
 * const transport = compose(createUndiciTransport(), tracing(), logging(logger));
 * ```
 */
export function compose(transport: HttpTransport, ...middleware: readonly HttpMiddleware[]): HttpTransport {
  let handler: HttpHandler = (request, options) => transport.send(request, options);
  for (let i = middleware.length - 1; i >= 0; i--) handler = middleware[i]!(handler);
  const composed: HttpTransport = { send: (request, options = {}) => handler(request, options) };
  if (transport.close) composed.close = () => transport.close!();
  return composed;
}

/** Percent-encodes everything but RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`), as SigV4 requires. */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Encodes a query object as SigV4 canonicalizes it: RFC 3986 encoding, sorted by key then value. */
export function encodeQuery(query: HttpQuery | undefined): string {
  if (!query) return '';
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(query)) {
    const k = encodeRfc3986(key);
    if (typeof value === 'string') pairs.push([k, encodeRfc3986(value)]);
    else for (const v of value) pairs.push([k, encodeRfc3986(v)]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/** The request target (`path?query`) to put on the request line. */
export function requestTarget(request: Pick<HttpRequest, 'path' | 'query'>): string {
  const q = encodeQuery(request.query);
  return q ? `${request.path}?${q}` : request.path;
}

/** The origin (`https://host:port`) of a request. IPv6 hosts are bracketed, whether given as `::1` or `[::1]`. */
export function requestOrigin(request: Pick<HttpRequest, 'protocol' | 'hostname' | 'port'>): string {
  // `URL.hostname` keeps the brackets of an IPv6 literal; do not add a second pair.
  const host = request.hostname.includes(':') && !request.hostname.startsWith('[') ? `[${request.hostname}]` : request.hostname;
  return `${request.protocol}//${host}${request.port === undefined ? '' : `:${request.port}`}`;
}

/** Whether a request body can be sent again on retry (bytes and strings can; streams cannot). */
export function isReplayableBody(body: HttpRequestBody | undefined): boolean {
  return body === undefined || typeof body === 'string' || body instanceof Uint8Array;
}

/** Joins chunks into one buffer. */
export function concatBytes(chunks: readonly Uint8Array[], total?: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const size = total ?? chunks.reduce((n, c) => n + c.byteLength, 0);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/**
 * Wraps an async iterable as an {@link HttpResponseBody}. `onDump` is called to release the source
 * when the body is discarded before it was fully read (also after a partial read: the iterator in
 * use is closed first). Without `onDump`, an unread body is drained.
 */
export function createResponseBody(source: AsyncIterable<Uint8Array>, onDump?: () => Promise<void> | void): HttpResponseBody {
  let state: 'unread' | 'reading' | 'finished' = 'unread';
  let active: AsyncIterator<Uint8Array> | undefined;
  const take = (): AsyncIterator<Uint8Array> => {
    if (state !== 'unread') throw new TypeError('Response body was already read');
    state = 'reading';
    const iterator = source[Symbol.asyncIterator]();
    active = iterator;
    return {
      next: async () => {
        const result = await iterator.next();
        if (result.done) state = 'finished';
        return result;
      },
      return: async (value?: unknown) => {
        state = 'finished';
        return iterator.return ? iterator.return(value) : { done: true, value: undefined };
      },
    };
  };
  const bytes = async (): Promise<Uint8Array> => {
    const iterator = take();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
      chunks.push(r.value);
      total += r.value.byteLength;
    }
    return chunks.length === 0 ? new Uint8Array(0) : concatBytes(chunks, total);
  };
  return {
    [Symbol.asyncIterator]: take,
    bytes,
    text: async () => new TextDecoder().decode(await bytes()),
    dump: async () => {
      const was = state;
      if (was === 'finished') return;
      state = 'finished';
      if (was === 'reading') await active?.return?.();
      if (onDump) await onDump();
      else if (was === 'unread') {
        for await (const _ of source) {
          /* drain */
        }
      }
    },
  };
}

/**
 * The source of every empty body: stateless (each iteration gets its own finished iterator), so it
 * is shared. An async generator per body, as before, was kept alive through young-generation
 * collections and promoted, ~1 MB per scavenge in a loop of small HEAD requests.
 */
const EMPTY_SOURCE: AsyncIterable<Uint8Array> = {
  [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: true, value: undefined }) }),
};

/** An empty response body. */
export function emptyResponseBody(): HttpResponseBody {
  return createResponseBody(EMPTY_SOURCE);
}
