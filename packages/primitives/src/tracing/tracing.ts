/**
 * Tracing through `node:diagnostics_channel`, so s3kit needs no tracing library and costs nothing
 * when nobody listens: every entry point checks `hasSubscribers` before building a context.
 *
 * Two tracing channels (each the usual `tracing:<name>:start|end|asyncStart|asyncEnd|error` set):
 * - `s3kit:operation` ({@link OPERATION_CHANNEL}): one span per API operation (`S3.GetObject`),
 *   published by {@link traceOperation}.
 * - `s3kit:request` ({@link REQUEST_CHANNEL}): one span per HTTP attempt, published by
 *   {@link tracingMiddleware}.
 *
 * Subscribers receive a {@link TraceContext}. `subscribeOpenTelemetry` turns them into OpenTelemetry spans.
 */
import { createContextStore, tracingChannel } from '#platform/diagnostics';
import { isS3kitError } from '../errors/errors.js';
import { encodeQuery } from '../http/http.js';
import type { HttpMiddleware, HttpRequest } from '../http/http.js';
import { redactText } from '../logging/redact.js';

/** Name of the tracing channel of API operations (one span per operation). */
export const OPERATION_CHANNEL = 's3kit:operation';
/** Name of the tracing channel of HTTP attempts (one span per attempt). */
export const REQUEST_CHANNEL = 's3kit:request';

/** Span attribute values, as OpenTelemetry accepts them. */
export type SpanAttributes = Record<string, string | number | boolean>;

/** What subscribers of the s3kit tracing channels receive. */
export interface TraceContext {
  /** `operation` on {@link OPERATION_CHANNEL}, `request` on {@link REQUEST_CHANNEL}. */
  kind: 'operation' | 'request';
  /** Span name: the operation name (`S3.GetObject`) or the HTTP method (`GET`), as OTel's HTTP conventions name client spans. */
  name: string;
  /**
   * Span attributes. Results are added before `asyncEnd`: `http.response.status_code`, and
   * `error.type` (the error code, or the status code for 4xx/5xx responses) on failure.
   */
  attributes: SpanAttributes;
  /** The operation this context runs in, when that operation is traced too. */
  parent?: TraceContext;
  /** Set by diagnostics_channel when the traced function resolves. */
  result?: unknown;
  /** Set by diagnostics_channel when the traced function rejects. */
  error?: unknown;
}

const operationChannel = tracingChannel<TraceContext>(OPERATION_CHANNEL);
const requestChannel = tracingChannel<TraceContext>(REQUEST_CHANNEL);
// Carries the current operation's context to the attempts it makes, however deep in middleware they run.
const currentOperation = createContextStore<TraceContext>();

/** The `error.type` attribute of an error: its s3kit (or S3) code, else its name. */
export function errorType(error: unknown): string {
  if (isS3kitError(error)) return error.code;
  if (error instanceof Error) return error.name;
  return '_OTHER';
}

/**
 * Runs `fn` as one traced operation on {@link OPERATION_CHANNEL}. HTTP attempts made inside it
 * (through {@link tracingMiddleware}) get it as their `parent`. Without subscribers this is `fn()`.
 *
 * @example
 * ```ts
 * await traceOperation('S3.GetObject', {
 *   'rpc.system': 'aws-api', 'rpc.service': 'S3', 'rpc.method': 'GetObject',
 *   'aws.s3.bucket': input.Bucket, 'aws.s3.key': input.Key,
 * }, () => send(request));
 * ```
 */
export function traceOperation<T>(name: string, attributes: SpanAttributes, fn: () => Promise<T>): Promise<T> {
  if (!operationChannel.hasSubscribers) return fn();
  const context: TraceContext = { kind: 'operation', name, attributes: { ...attributes } };
  const parent = currentOperation.getStore();
  if (parent) context.parent = parent;
  return currentOperation.run(context, () =>
    operationChannel.tracePromise(async () => {
      try {
        return await fn();
      } catch (error) {
        context.attributes['error.type'] = errorType(error);
        throw error;
      }
    }, context),
  );
}

function defaultPort(request: HttpRequest): number {
  return request.port ?? (request.protocol === 'https:' ? 443 : 80);
}

/** OpenTelemetry HTTP client attributes of a request; the query has its secret parameters redacted. */
export function requestAttributes(request: HttpRequest): SpanAttributes {
  const attributes: SpanAttributes = {
    'http.request.method': request.method,
    'server.address': request.hostname,
    'server.port': defaultPort(request),
    'url.scheme': request.protocol.slice(0, -1),
    'url.path': request.path,
  };
  const query = encodeQuery(request.query);
  // Prefixed with `?` so the presigned-URL patterns of redactText match the first parameter too.
  if (query) attributes['url.query'] = redactText(`?${query}`).slice(1);
  return attributes;
}

/**
 * An {@link HttpMiddleware} that publishes one span per HTTP attempt on {@link REQUEST_CHANNEL}, with
 * `http.request.method`, `server.address`, `server.port`, `url.scheme`, `url.path`, `url.query`
 * (redacted), `http.response.status_code` and `error.type`. Without subscribers it adds nothing.
 * Put it innermost (after retry) so each attempt is a span.
 *
 * @example
 * ```ts
 * const transport = compose(createUndiciTransport(), retry(), tracingMiddleware());
 * ```
 */
export function tracingMiddleware(): HttpMiddleware {
  return (next) => (request, options) => {
    if (!requestChannel.hasSubscribers) return next(request, options);
    const context: TraceContext = { kind: 'request', name: request.method, attributes: requestAttributes(request) };
    const parent = currentOperation.getStore();
    if (parent) context.parent = parent;
    return requestChannel.tracePromise(async () => {
      try {
        const response = await next(request, options);
        context.attributes['http.response.status_code'] = response.statusCode;
        if (response.statusCode >= 400) context.attributes['error.type'] = String(response.statusCode);
        return response;
      } catch (error) {
        context.attributes['error.type'] = errorType(error);
        throw error;
      }
    }, context);
  };
}
