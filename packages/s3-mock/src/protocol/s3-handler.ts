/**
 * The protocol layer over the engine: routes an `HttpRequest`, authenticates it, runs the
 * operation and renders S3's response (headers, XML, errors).
 */
import { createHash } from '#platform/mock-crypto';
import { systemClock, utf8ByteLength } from '@s3kit/primitives';
import type { Clock, HttpRequest } from '@s3kit/primitives';
import type { S3Engine } from '../engine/engine.js';
import { ANONYMOUS } from '../engine/account.js';
import { authenticate, DEFAULT_MOCK_CREDENTIALS } from './auth.js';
import type { MockCredentials } from './auth.js';
import { BUCKET_HANDLERS } from './bucket-handlers.js';
import { conditionContext } from './condition-context.js';
import type { ConnectionInfo } from './condition-context.js';
import { compact, httpDate } from './http-headers.js';
import { LIST_HANDLERS } from './list-handlers.js';
import { MULTIPART_HANDLERS } from './multipart-handlers.js';
import { VERSIONING_HANDLERS } from './versioning-handlers.js';
import { ACCESS_HANDLERS } from './access-handlers.js';
import { POLICY_HANDLERS } from './policy-handlers.js';
import { BUCKET_ENCRYPTION_HANDLERS } from './bucket-encryption-handlers.js';
import { OBJECT_LOCK_HANDLERS } from './object-lock-handlers.js';
import { CORS_HANDLERS, corsResponseHeaders } from './cors-handlers.js';
import { postObject } from './post-object.js';
import { BUCKET_SETTINGS_HANDLERS } from './bucket-settings-handlers.js';
import { OBJECT_HANDLERS } from './object-handlers.js';
import type { OperationContext, OperationHandler, Reply } from './operation-context.js';
import { S3ProtocolError, toErrorDocument } from './protocol-error.js';
import type { S3ErrorDocument } from './protocol-error.js';
import { MAX_DRAINED_BYTES, checkDeclaredBody, declaredLength } from './body-limits.js';
import { drainRequestBody, readRequestBody } from './request-body.js';
import type { ReadBody } from './request-body.js';
import { resolveRoute } from './route.js';
import type { Route, S3Operation } from './route.js';
import { el } from './xml-writer.js';

/** Options of {@link createS3Handler}. */
export interface S3HandlerOptions {
  /** The engine holding the state. */
  engine: S3Engine;
  /**
   * `verify`: every request must carry a valid SigV4 signature (header or presigned) from one of
   * `credentials`; `none`: signatures are not checked (aws-chunked bodies are still decoded).
   * @default 'verify'
   */
  auth?: 'verify' | 'none' | undefined;
  /**
   * Accepted access keys.
   * @default DEFAULT_MOCK_CREDENTIALS (`test` / `test`)
   */
  credentials?: readonly MockCredentials[] | undefined;
  /**
   * Time source for signature time checks and the `Date` header.
   * @default systemClock
   */
  clock?: Clock | undefined;
  /**
   * Host name suffixes that mean virtual-host addressing (`bucket.<domain>`), besides the
   * `*.s3[.region].amazonaws.com` patterns.
   * @default ['localhost']
   */
  baseDomains?: readonly string[] | undefined;
  /**
   * Largest accepted request clock skew in ms.
   * @default 900000
   */
  maxSkewMs?: number | undefined;
  /**
   * Accept SigV2 signatures (header, query and browser-form POST), which S3 refuses on buckets it
   * creates today.
   * @default false
   */
  sigV2?: boolean | undefined;
}

/** A handled request: the reply, plus what the mock records about it. */
export interface HandledRequest extends Reply {
  /** Where the request was routed; `undefined` when routing failed. */
  route: Route | undefined;
  /** The S3 error code answered with, for 4xx/5xx (and 304 `NotModified`). */
  errorCode?: string;
  /** The `x-amz-request-id` sent. */
  requestId: string;
}

/** The protocol handler: routing and handling, separately so the mock can inject faults between them. */
export interface S3RequestHandler {
  /** Routes a request. @throws S3ProtocolError `InvalidURI`, `NotImplemented`, `MethodNotAllowed` */
  route(request: HttpRequest): Route;
  /** Handles a request (routing it unless `route` is given). Never rejects: failures become S3 error replies. */
  handle(request: HttpRequest, route?: Route, connection?: ConnectionInfo): Promise<HandledRequest>;
  /** Renders an error reply (used for injected faults). */
  errorReply(request: HttpRequest, error: S3ErrorDocument, status?: number): HandledRequest;
}

const HANDLERS: Partial<Record<S3Operation, OperationHandler>> = {
  ...BUCKET_HANDLERS,
  ...LIST_HANDLERS,
  ...OBJECT_HANDLERS,
  ...MULTIPART_HANDLERS,
  ...VERSIONING_HANDLERS,
  ...ACCESS_HANDLERS,
  ...POLICY_HANDLERS,
  ...BUCKET_ENCRYPTION_HANDLERS,
  ...OBJECT_LOCK_HANDLERS,
  ...CORS_HANDLERS,
  ...BUCKET_SETTINGS_HANDLERS,
  PostObject: postObject,
};

/** The first value of query parameter `name`. */
function queryValue(request: HttpRequest, name: string): string | undefined {
  const v = request.query?.[name];
  return typeof v === 'string' ? v : v?.[0];
}

/** The handler of `operation`. @throws S3ProtocolError `NotImplemented` for an operation the mock does not model */
function handlerOf(operation: S3Operation): OperationHandler {
  const handler = HANDLERS[operation];
  if (!handler) throw S3ProtocolError.of('NotImplemented', {}, `${operation} is not implemented by s3-mock`);
  return handler;
}

const encoder = new TextEncoder();

/** S3's `<Error>` document (no namespace), fields between Message and RequestId. */
export function renderErrorXml(error: S3ErrorDocument, requestId: string, hostId: string): string {
  const fields = Object.entries(error.fields).map(([k, v]) => el(k, String(v)));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${el('Code', error.code)}${el('Message', error.message)}${fields.join('')}${el('RequestId', requestId)}${el('HostId', hostId)}</Error>`;
}

/** S3's limit on the request header section (names, values, separators), in bytes. */
export const MAX_HEADER_SECTION_BYTES = 8192;

function assertHeaderSection(headers: Readonly<Record<string, string>>): void {
  let size = 0;
  for (const [name, value] of Object.entries(headers)) size += utf8ByteLength(name) + utf8ByteLength(value) + 4; // ': ' and CRLF
  if (size > MAX_HEADER_SECTION_BYTES) throw S3ProtocolError.of('RequestHeaderSectionTooLarge', { MaxSizeAllowed: MAX_HEADER_SECTION_BYTES });
}

/**
 * Creates the S3 protocol handler over an engine.
 * @example
 * ```ts
 * const handler = createS3Handler({ engine: createS3Engine() });
 * const reply = await handler.handle({ method: 'GET', protocol: 'http:', hostname: 'localhost', path: '/', headers: {} });
 * ```
 */
export function createS3Handler(options: S3HandlerOptions): S3RequestHandler {
  const engine = options.engine;
  const clock = options.clock ?? systemClock;
  const authOptions = {
    mode: options.auth ?? 'verify',
    credentials: options.credentials ?? DEFAULT_MOCK_CREDENTIALS,
    defaultAccount: engine.owner,
    clock,
    maxSkewMs: options.maxSkewMs,
    sigV2: options.sigV2 === true,
  } as const;
  let seq = 0;

  const ids = (): { requestId: string; hostId: string } => {
    seq++;
    const requestId = seq.toString(16).toUpperCase().padStart(16, '0');
    return { requestId, hostId: createHash('sha256').update(requestId).digest('base64') };
  };
  const baseHeaders = (requestId: string, hostId: string): Record<string, string> => ({
    'x-amz-request-id': requestId,
    'x-amz-id-2': hostId,
    date: httpDate(clock.now()),
    server: 'AmazonS3',
  });

  const renderError = (request: HttpRequest, doc: S3ErrorDocument, route: Route | undefined, id: { requestId: string; hostId: string }, status?: number): HandledRequest => {
    const headers = { ...baseHeaders(id.requestId, id.hostId), ...doc.headers };
    if (doc.code === 'NotModified') {
      if (doc.fields.ETag !== undefined) headers.etag = String(doc.fields.ETag);
      if (typeof doc.fields.LastModified === 'number') headers['last-modified'] = httpDate(doc.fields.LastModified);
      return { status: 304, headers, body: new Uint8Array(0), route, errorCode: doc.code, requestId: id.requestId };
    }
    if (doc.code === 'AuthorizationHeaderMalformed' && typeof doc.fields.Region === 'string') headers['x-amz-bucket-region'] = doc.fields.Region;
    const body = request.method.toUpperCase() === 'HEAD' ? new Uint8Array(0) : encoder.encode(renderErrorXml(doc, id.requestId, id.hostId));
    headers['content-type'] = 'application/xml';
    headers['content-length'] = String(body.byteLength);
    return { status: status ?? doc.status, headers, body, route, errorCode: doc.code, requestId: id.requestId };
  };


  /** Refusals of a body for its declared size: such a body is never read. */
  const SIZE_ERRORS: ReadonlySet<string> = new Set(['EntityTooLarge', 'InsufficientStorage', 'MaxMessageLengthExceeded']);

  /** Bytes reserved by stored bodies being read now (counted against `maxStoredBytes` before they arrive). */
  let reserved = 0;

  /**
   * What to do with a body the operation did not read: small ones are read and discarded so the
   * connection stays usable; a large one, or one the client waits to send (`Expect: 100-continue`),
   * is not read at all, and the reply closes the connection.
   */
  const settleUnreadBody = async (request: HttpRequest, headers: Record<string, string>, errorCode?: string): Promise<void> => {
    const length = declaredLength(request);
    const refusedForSize = errorCode !== undefined && SIZE_ERRORS.has(errorCode);
    if (refusedForSize || request.headers.expect?.toLowerCase() === '100-continue' || (length ?? 0) > MAX_DRAINED_BYTES) {
      headers.connection = 'close';
      return;
    }
    await drainRequestBody(request).catch(() => undefined);
  };

  const handle = async (request: HttpRequest, given?: Route, connection: ConnectionInfo = {}): Promise<HandledRequest> => {
    const id = ids();
    let route: Route | undefined = given;
    const state = { bodyRead: false };
    let cached: Promise<ReadBody> | undefined;
    let reservation = 0;
    try {
      route ??= resolveRoute(request, options.baseDomains);
      assertHeaderSection(request.headers);
      // A CORS preflight is never signed (a presigned URL's query signs another method): it is anonymous.
      const { verified, requester } =
        route.operation === 'OptionsObject'
          ? { verified: undefined, requester: ANONYMOUS }
          : await authenticate(request, authOptions, route.bucket === undefined ? undefined : engine.bucketRegion(route.bucket), route.virtualHost ? route.bucket : undefined);
      const handler = handlerOf(route.operation);
      // The one authorization step: every operation runs only after the engine's access decision.
      engine.authorize(
        compact({
          operation: route.operation,
          bucket: route.bucket,
          key: route.key,
          versionId: queryValue(request, 'versionId'),
          expectedBucketOwner: request.headers['x-amz-expected-bucket-owner'],
          context: conditionContext(request, requester, connection, clock.now()),
        }),
        requester,
      );
      reservation = checkDeclaredBody(route.operation, request, engine, reserved);
      reserved += reservation;
      const ctx: OperationContext = {
        request,
        route,
        engine,
        verified,
        requester,
        headers: request.headers,
        bucket: route.bucket ?? '',
        key: route.key ?? '',
        body: () => {
          state.bodyRead = true;
          cached ??= readRequestBody(request, verified);
          return cached;
        },
        query: (name) => queryValue(request, name),
        keys: (accessKeyId) => {
          const found = authOptions.credentials.find((c) => c.accessKeyId === accessKeyId);
          return found && { secretAccessKey: found.secretAccessKey, account: found.account ?? authOptions.defaultAccount };
        },
        sigV2: options.sigV2 === true,
        now: () => clock.now(),
        context: (operation, target) =>
          compact({ operation, bucket: target.Bucket, key: target.Key, versionId: target.VersionId, context: conditionContext(request, requester, connection, clock.now()) }),
      };
      const reply = await handler(ctx);
      const headers = { ...baseHeaders(id.requestId, id.hostId), ...corsResponseHeaders(engine, request, route), ...reply.headers };
      if (!state.bodyRead) await settleUnreadBody(request, headers);
      headers['content-length'] ??= String(reply.body.byteLength);
      return { ...reply, headers, route, requestId: id.requestId };
    } catch (err) {
      const reply = renderError(request, toErrorDocument(err), route, id);
      Object.assign(reply.headers, corsResponseHeaders(engine, request, route));
      if (!state.bodyRead) await settleUnreadBody(request, reply.headers, reply.errorCode);
      return reply;
    } finally {
      reserved -= reservation;
    }
  };
  return {
    route: (request) => resolveRoute(request, options.baseDomains),
    handle,
    errorReply: (request, error, status) => renderError(request, error, undefined, ids(), status),
  };
}
