import { createRequire } from 'node:module';
import type { Agent, Dispatcher } from 'undici';
import type * as UndiciModule from 'undici';
import { throwIfAborted } from '../clock/clock.js';
import { NetworkError } from '../errors/errors.js';
import { emptyResponseBody, requestOrigin, requestTarget } from './http.js';
import type { HttpRequest, HttpResponse, HttpResponseBody, HttpSendOptions, HttpTransport } from './http.js';
import { mapUndiciError } from './transport-errors.js';

export { mapUndiciError };

/** Options of {@link createUndiciTransport}. */
export interface UndiciTransportOptions {
  /**
   * Maximum open connections per origin (each origin gets its own keep-alive pool).
   * @default 64
   */
  connections?: number;
  /**
   * Milliseconds to establish a TCP (and TLS) connection before failing with `TimeoutError` phase `connect`.
   * @default 10000
   */
  connectTimeoutMs?: number;
  /**
   * Milliseconds from sending the request to receiving the complete response headers (phase `headers`).
   * @default 60000
   */
  headersTimeoutMs?: number;
  /**
   * Longest idle gap, in milliseconds, between two response body chunks (phase `body`). `0` disables it.
   * @default 60000
   */
  bodyTimeoutMs?: number;
  /**
   * Milliseconds an idle keep-alive socket stays open when the server gives no `Keep-Alive: timeout`.
   * @default 4000
   */
  keepAliveTimeoutMs?: number;
  /**
   * TLS settings for `https:` origins: `rejectUnauthorized: false` accepts any certificate (the AWS
   * CLI's `--no-verify-ssl`), `ca` replaces the trusted certificate authorities (PEM, `--ca-bundle`).
   * @default Node's defaults (verify against its bundled CAs)
   */
  tls?: { rejectUnauthorized?: boolean; ca?: string | readonly string[] };
}

/** An {@link HttpTransport} that owns sockets: `close()` is always there. */
export interface UndiciTransport extends HttpTransport {
  /** Closes every pooled connection (waiting for in-flight requests); later sends reject. */
  close(): Promise<void>;
}

/** The two parts of undici the transport uses. */
interface UndiciCore {
  Agent: new (options: Agent.Options) => Agent;
  request: (dispatcher: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;
}

type AgentConstructor = UndiciCore['Agent'];
type RequestFunction = (this: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;

/**
 * Loads undici's `Agent` and its `request` API from their own modules: undici's index loads ~110
 * modules (fetch, WebSocket, cache, mocks...) where these two need ~25, which cuts the first
 * request's loading time by about three quarters. undici has no exports map and is pinned to an exact
 * version in package.json, so these paths are stable; if they ever fail to load, the full package is used.
 */
function loadUndiciCore(): UndiciCore {
  const require = createRequire(import.meta.url);
  try {
    const AgentClass = require('undici/lib/dispatcher/agent.js') as unknown;
    const request = require('undici/lib/api/api-request.js') as unknown;
    if (typeof AgentClass === 'function' && typeof request === 'function') {
      const call = request as RequestFunction;
      return { Agent: AgentClass as AgentConstructor, request: (dispatcher, options) => call.call(dispatcher, options) };
    }
  } catch {
    // Fall through to the full package.
  }
  const undici = require('undici') as typeof UndiciModule;
  return { Agent: undici.Agent, request: (dispatcher, options) => dispatcher.request(options) };
}

// Loading undici costs tens of milliseconds; paying it on the first request (not on import of this
// package) keeps `import '@s3kit/primitives'` cheap for callers that never send.
let undiciCore: UndiciCore | undefined;
function loadUndici(): UndiciCore {
  undiciCore ??= loadUndiciCore();
  return undiciCore;
}

/**
 * Creates an {@link HttpTransport} on undici's `Agent` (one keep-alive pool per origin), without
 * touching undici's global dispatcher.
 *
 * Errors are mapped: connect/headers/body deadlines to `TimeoutError` (`phase` says which), broken or
 * refused connections to a retryable `NetworkError` (`details.errno` keeps undici's or the OS's code,
 * e.g. `ECONNREFUSED`, `UND_ERR_SOCKET`), an aborted signal to `AbortError`, a body shorter or longer
 * than its `content-length` header or an argument undici rejects to `ValidationError`. The same mapping applies
 * while the caller reads the response body. An error thrown by a streamed request body is rethrown
 * as it is. undici itself is loaded on the first `send`. HEAD requests keep their connection alive
 * (undici's default closes it after each HEAD, in case a broken server sends a body).
 *
 * @throws {NetworkError} `ERR_NETWORK` when the connection fails or breaks (retryable).
 * @throws {TimeoutError} `ERR_TIMEOUT` when a phase deadline passes (retryable).
 * @throws {AbortError} `ERR_ABORTED` when `options.signal` aborts.
 * @throws {ValidationError} `ERR_VALIDATION` when the request is malformed (e.g. content-length mismatch).
 * @example
 * ```ts
 * const transport = createUndiciTransport({ connections: 32, headersTimeoutMs: 30_000 });
 * const res = await transport.send({ method: 'GET', protocol: 'https:', hostname: 'example.com', path: '/', headers: {} });
 * console.log(res.statusCode, await res.body.text());
 * await transport.close();
 * ```
 */
export function createUndiciTransport(options: UndiciTransportOptions = {}): UndiciTransport {
  const agentOptions: Agent.Options = {
    connections: options.connections ?? 64,
    connectTimeout: options.connectTimeoutMs ?? 10_000,
    headersTimeout: options.headersTimeoutMs ?? 60_000,
    bodyTimeout: options.bodyTimeoutMs ?? 60_000,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 4_000,
  };
  if (options.tls !== undefined) {
    const { rejectUnauthorized, ca } = options.tls;
    agentOptions.connect = {
      ...(rejectUnauthorized === undefined ? {} : { rejectUnauthorized }),
      ...(ca === undefined ? {} : { ca: typeof ca === 'string' ? ca : [...ca] }),
    };
  }
  let agent: Agent | undefined;
  let request: UndiciCore['request'] | undefined;
  let closed = false;

  return {
    async send(httpRequest: HttpRequest, sendOptions: HttpSendOptions = {}): Promise<HttpResponse> {
      const { signal } = sendOptions;
      throwIfAborted(signal);
      if (closed) throw new NetworkError('Transport is closed', { retryable: false, details: { errno: 'UND_ERR_CLOSED' } });
      if (agent === undefined || request === undefined) {
        const core = loadUndici();
        agent = new core.Agent(agentOptions);
        request = core.request;
      }

      const raw = httpRequest.body;
      const guard = raw === undefined || typeof raw === 'string' || raw instanceof Uint8Array ? undefined : guardBody(raw);
      const method = httpRequest.method;
      const requestOptions: Dispatcher.RequestOptions = {
        origin: requestOrigin(httpRequest),
        path: requestTarget(httpRequest),
        method,
        headers: httpRequest.headers,
        // undici streams any async iterable at run time; its typings only list Readable.
        body: (guard ? guard.body : (raw ?? null)) as Exclude<Dispatcher.RequestOptions['body'], undefined>,
      };
      if (signal) requestOptions.signal = signal;
      // undici closes the connection after every HEAD by default (in case a broken server sends a
      // body anyway); S3 servers do not, and a new connection per HEAD costs more than the request.
      if (method === 'HEAD') requestOptions.reset = false;

      let data: Dispatcher.ResponseData;
      try {
        data = await request(agent, requestOptions);
      } catch (err) {
        if (guard?.failed === true) throw guard.error;
        throw mapUndiciError(err, signal);
      }

      const headers = flattenHeaders(data.headers);
      const source = data.body;
      let body: HttpResponseBody;
      if (method === 'HEAD') {
        await source.dump().catch(() => undefined);
        body = emptyResponseBody();
      } else {
        body = undiciResponseBody(source, signal);
      }
      return { statusCode: data.statusCode, headers, body };
    },
    async close(): Promise<void> {
      closed = true;
      await agent?.close();
    },
  };
}

interface GuardedBody {
  body: AsyncIterable<Uint8Array> | undefined;
  failed: boolean;
  error: unknown;
}

/** Wraps a streamed body so an error the caller's stream throws can be told apart from a network error. */
function guardBody(body: AsyncIterable<Uint8Array>): GuardedBody {
  const guard: GuardedBody = { body: undefined, failed: false, error: undefined };
  guard.body = (async function* () {
    try {
      for await (const chunk of body) yield chunk;
    } catch (err) {
      guard.failed = true;
      guard.error = err;
      throw err;
    }
  })();
  return guard;
}

async function* readMapped(source: AsyncIterable<Uint8Array>, signal: AbortSignal | undefined): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of source) yield chunk;
  } catch (err) {
    throw mapUndiciError(err, signal);
  }
}

/**
 * The response body over undici's: read whole with undici's own collector (no async iterator per
 * chunk), or iterated; errors mapped either way. Same read-once rules as `createResponseBody`.
 */
function undiciResponseBody(source: Dispatcher.ResponseData['body'], signal: AbortSignal | undefined): HttpResponseBody {
  let state: 'unread' | 'reading' | 'finished' = 'unread';
  let active: AsyncGenerator<Uint8Array> | undefined;
  const start = (): void => {
    if (state !== 'unread') throw new TypeError('Response body was already read');
    state = 'reading';
  };
  const bytes = async (): Promise<Uint8Array> => {
    start();
    try {
      return await source.bytes();
    } catch (err) {
      throw mapUndiciError(err, signal);
    } finally {
      state = 'finished';
    }
  };
  return {
    [Symbol.asyncIterator]: (): AsyncIterator<Uint8Array> => {
      start();
      const iterator = readMapped(source, signal);
      active = iterator;
      return {
        next: async () => {
          const result = await iterator.next();
          if (result.done === true) state = 'finished';
          return result;
        },
        return: async (value?: unknown) => {
          state = 'finished';
          return iterator.return(value);
        },
      };
    },
    bytes,
    text: async () => new TextDecoder().decode(await bytes()),
    dump: async () => {
      const was = state;
      if (was === 'finished') return;
      state = 'finished';
      if (was === 'reading') await active?.return(undefined);
      await source.dump().catch(() => undefined);
    },
  };
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  // for-in, not Object.entries: no array of pairs per response (undici's object has no prototype keys).
  for (const name in raw) {
    const value = raw[name];
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
