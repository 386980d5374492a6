/**
 * `createS3Mock`: an engine, the protocol handler, recorded requests, fault injection, an
 * in-process transport and (on demand) a real HTTP server, all sharing one state.
 */
import { redactHeaders, redactText, systemClock, throwIfAborted } from '@s3kit/primitives';
import type { Clock, HttpQuery, HttpRequest, HttpTransport, Random } from '@s3kit/primitives';
import { createS3Engine } from '../engine/engine.js';
import type { EngineSnapshot, S3Engine, SeedSpec } from '../engine/engine.js';
import type { InFlightUpload } from '../engine/multipart-ops.js';
import type { Account } from '../engine/account.js';
import type { MockCredentials } from '../protocol/auth.js';
import { drainRequestBody } from '../protocol/request-body.js';
import { createS3Handler } from '../protocol/s3-handler.js';
import type { S3RequestHandler } from '../protocol/s3-handler.js';
import type { Route, S3Operation } from '../protocol/route.js';
import { PROTOCOL_ERRORS } from '../protocol/protocol-error.js';
import type { S3ErrorDocument } from '../protocol/protocol-error.js';
import { listenS3Mock } from '#platform/mock-server';
import type { ListenOptions, S3MockServer } from '../server/listen.js';
import { createInProcessTransport } from '../transport/in-process-transport.js';
import { createFaultRegistry } from './faults.js';
import type { FaultAction, FaultRegistry } from './faults.js';
import { governedByBucketRules, isCorsPreflight, preflightHeaders, withCorsHeaders } from './permissive-cors.js';
import type { Served, ServeFunction } from './served.js';

/** Options of {@link createS3Mock}. */
export interface S3MockOptions {
  /**
   * Signature checking: `verify` (every request signed by one of `credentials`) or `none`.
   * @default 'verify'
   */
  auth?: 'verify' | 'none';
  /**
   * Accepted access keys.
   * @default [{ accessKeyId: 'test', secretAccessKey: 'test' }]
   */
  credentials?: readonly MockCredentials[];
  /**
   * Region of buckets created without a LocationConstraint.
   * @default 'us-east-1'
   */
  region?: string;
  /**
   * Clock for Last-Modified, signature time checks and injected delays.
   * @default systemClock
   */
  clock?: Clock;
  /**
   * Randomness for upload ids.
   * @default Math.random
   */
  random?: Random;
  /**
   * Smallest non-last multipart part; lower it to test multipart code with small bodies.
   * @default 5 MiB
   */
  minPartSize?: number;
  /**
   * Most bytes the mock stores (object versions and parts); over it, 507 `InsufficientStorage`.
   * @default 1 GiB
   */
  maxStoredBytes?: number;
  /**
   * Create buckets as S3 did before April 2023 (`ObjectWriter` ownership, ACLs in effect, no public
   * access block) instead of as S3 does today (`BucketOwnerEnforced`, public access blocked).
   * @default false
   */
  legacyBucketDefaults?: boolean;
  /** The account of requests signed with keys that name none, and of seeded content. @default the engine's */
  owner?: Account;
  /**
   * Virtual-host base domains (`bucket.<domain>`), besides `*.amazonaws.com`.
   * @default ['localhost']
   */
  baseDomains?: readonly string[];
  /** Initial content, also restored by {@link S3Mock.reset}. */
  seed?: SeedSpec;
  /** Use this engine instead of creating one (the engine options above are then ignored). */
  engine?: S3Engine;
  /**
   * Largest accepted request clock skew in ms.
   * @default 900000
   */
  maxSkewMs?: number;
  /**
   * Accept SigV2 signatures (header, query string and browser-form POST), which S3 refuses on
   * buckets it creates today.
   * @default false
   */
  sigV2?: boolean;
  /** Called after every request is served (the request log of `s3kit serve --log`). */
  onRequest?: (request: RecordedRequest, elapsedMs: number) => void;
}

/** One request the mock served, as recorded in {@link S3Mock.requests}. Secrets are redacted. */
export interface RecordedRequest {
  /** The operation, or `undefined` when routing failed. */
  operation: S3Operation | undefined;
  bucket: string | undefined;
  key: string | undefined;
  method: string;
  /** Raw encoded path. */
  path: string;
  /** Decoded query (presigned signatures redacted). */
  query: HttpQuery;
  /** Request headers, lower-case, with `authorization`, tokens and signatures redacted. */
  headers: Record<string, string>;
  /** Response status; `0` when an injected `reset` dropped the connection. */
  status: number;
  /** The S3 error code answered with, if any. */
  errorCode?: string;
  /** The injected fault that affected it, if any. */
  fault?: FaultAction;
}

/** An S3 mock; see {@link createS3Mock}. */
export interface S3Mock {
  /** The engine holding the state (synchronous direct access). */
  readonly engine: S3Engine;
  /** An `HttpTransport` that serves requests in-process, with no sockets. */
  readonly transport: HttpTransport;
  /** The protocol handler. */
  readonly handler: S3RequestHandler;
  /** Serves one request (what the transport and server call). */
  readonly serve: ServeFunction;
  /** Fault injection rules, applied by both the transport and the server. */
  readonly faults: FaultRegistry;
  /** Recorded requests, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Starts a real HTTP server over this mock (same state). */
  start(options?: ListenOptions): Promise<S3MockServer>;
  /** Clears the state, recorded requests and faults, then applies the `seed` option again. */
  reset(): void;
  /** Adds buckets and objects. */
  seed(spec: SeedSpec): void;
  /** A copy of the state. */
  snapshot(): EngineSnapshot;
  /** Restores a snapshot. */
  restore(snapshot: EngineSnapshot): void;
  /** Multipart uploads neither completed nor aborted. */
  uploadsInFlight(): InFlightUpload[];
  /** Forgets recorded requests. */
  clearRequests(): void;
}

const REQUEST_TIMEOUT_MESSAGE = 'Your socket connection to the server was not read from or written to within the timeout period. Idle connections will be closed.';

function redactQuery(query: HttpQuery | undefined): HttpQuery {
  const out: HttpQuery = {};
  for (const [k, v] of Object.entries(query ?? {})) {
    out[k] = k === 'X-Amz-Signature' || k === 'X-Amz-Security-Token' ? '[REDACTED]' : typeof v === 'string' ? redactText(v) : v;
  }
  return out;
}

/**
 * Creates an S3 mock. Use `mock.transport` with an S3 client for in-process tests, or
 * `await mock.start()` for a real server (AWS CLI, other SDKs).
 * @example
 * ```ts
 * const mock = createS3Mock({ seed: { buckets: { photos: { objects: { 'a.txt': 'hi' } } } } });
 * const client = new S3Client({ transport: mock.transport, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
 * mock.faults.add({ match: { operation: 'GetObject' }, action: { slowDown: true } });
 * ```
 */
export function createS3Mock(options: S3MockOptions = {}): S3Mock {
  const clock = options.clock ?? systemClock;
  const engine =
    options.engine ??
    createS3Engine({
      clock,
      ...(options.random ? { random: options.random } : {}),
      ...(options.region ? { region: options.region } : {}),
      ...(options.minPartSize !== undefined ? { minPartSize: options.minPartSize } : {}),
      ...(options.maxStoredBytes !== undefined ? { maxStoredBytes: options.maxStoredBytes } : {}),
      ...(options.legacyBucketDefaults !== undefined ? { legacyBucketDefaults: options.legacyBucketDefaults } : {}),
      ...(options.owner ? { owner: options.owner } : {}),
      accounts: (options.credentials ?? []).flatMap((c) => (c.account ? [c.account] : [])),
    });
  if (options.seed) engine.seed(options.seed);
  const handlerOptions = {
    engine,
    auth: options.auth,
    credentials: options.credentials,
    baseDomains: options.baseDomains,
    maxSkewMs: options.maxSkewMs,
    sigV2: options.sigV2,
  };
  const handler = createS3Handler({ ...handlerOptions, clock });
  const faults = createFaultRegistry();
  const requests: RecordedRequest[] = [];

  const record = (request: HttpRequest, route: Route | undefined, status: number, errorCode: string | undefined, fault: FaultAction | undefined, started: number): void => {
    const entry: RecordedRequest = {
      operation: route?.operation,
      bucket: route?.bucket,
      key: route?.key,
      method: request.method.toUpperCase(),
      path: request.path,
      query: redactQuery(request.query),
      headers: redactHeaders(request.headers) as Record<string, string>,
      status,
    };
    if (errorCode !== undefined) entry.errorCode = errorCode;
    if (fault !== undefined) entry.fault = fault;
    requests.push(entry);
    options.onRequest?.(entry, performance.now() - started);
  };

  const skewedHandler = (skewMs: number): S3RequestHandler =>
    createS3Handler({ ...handlerOptions, clock: { now: () => clock.now() + skewMs, sleep: (ms, signal) => clock.sleep(ms, signal) } });

  const injectedError = (action: '200-error' | 'RequestTimeout' | { slowDown: true } | { status: number; code: string; message?: string }): S3ErrorDocument => {
    if (action === '200-error') return { status: 200, code: 'InternalError', message: PROTOCOL_ERRORS.InternalError.message, fields: {} };
    if (action === 'RequestTimeout') return { status: 400, code: 'RequestTimeout', message: REQUEST_TIMEOUT_MESSAGE, fields: {} };
    if ('slowDown' in action) return { status: 503, code: 'SlowDown', message: PROTOCOL_ERRORS.SlowDown.message, fields: {} };
    return { status: action.status, code: action.code, message: action.message ?? action.code, fields: {} };
  };

  const serve: ServeFunction = async (request, signal, connection) => {
    throwIfAborted(signal);
    const started = performance.now();
    let route: Route | undefined;
    try {
      route = handler.route(request);
    } catch {
      route = undefined; // handle() routes again and renders the error
    }
    const permissive = connection?.permissiveCors === true && !governedByBucketRules(engine, route, request.headers);
    if (permissive && isCorsPreflight(request.method, request.headers)) {
      await drainRequestBody(request).catch(() => undefined);
      record(request, route, 204, undefined, undefined, started);
      return { kind: 'reply', reply: { status: 204, headers: preflightHeaders(request.headers), body: new Uint8Array(0), route, requestId: '' } };
    }
    const action = route && faults.take(route, request.method);
    let served: Served;
    if (action === undefined) {
      served = { kind: 'reply', reply: await handler.handle(request, route, connection) };
    } else if (action === 'reset') {
      served = { kind: 'reset' };
    } else if (typeof action === 'object' && 'delayMs' in action) {
      await clock.sleep(action.delayMs, signal);
      served = { kind: 'reply', reply: await handler.handle(request, route, connection) };
    } else if (typeof action === 'object' && 'truncateBodyAt' in action) {
      served = { kind: 'reply', reply: await handler.handle(request, route, connection), truncateAt: action.truncateBodyAt };
    } else if (typeof action === 'object' && 'bytesPerSecond' in action) {
      served = { kind: 'reply', reply: await handler.handle(request, route, connection), throttle: { bytesPerSecond: action.bytesPerSecond, sleep: (ms, s) => clock.sleep(ms, s) } };
    } else if (typeof action === 'object' && 'clockSkewMs' in action) {
      served = { kind: 'reply', reply: await skewedHandler(action.clockSkewMs).handle(request, route, connection) };
    } else {
      await drainRequestBody(request).catch(() => undefined);
      const doc = injectedError(action);
      const reply = handler.errorReply(request, doc, doc.status);
      reply.route = route;
      served = { kind: 'reply', reply };
    }
    if (permissive && served.kind === 'reply') served.reply.headers = withCorsHeaders(request.headers, served.reply.headers);
    if (served.kind === 'reset') record(request, route, 0, undefined, action, started);
    else record(request, served.reply.route, served.reply.status, served.reply.errorCode, action, started);
    return served;
  };

  const mock: S3Mock = {
    engine,
    handler,
    serve,
    faults,
    requests,
    transport: createInProcessTransport(serve),
    start: (listen = {}) => listenS3Mock(serve, engine, listen),
    reset() {
      engine.reset();
      requests.length = 0;
      faults.clear();
      if (options.seed) engine.seed(options.seed);
    },
    seed: (spec) => {
      engine.seed(spec);
    },
    snapshot: () => engine.snapshot(),
    restore: (snapshot) => {
      engine.restore(snapshot);
    },
    uploadsInFlight: () => engine.listAllMultipartUploads(),
    clearRequests() {
      requests.length = 0;
    },
  };
  return mock;
}
