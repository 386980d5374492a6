/**
 * Bridges the s3kit tracing channels to OpenTelemetry. `@opentelemetry/api` is an optional peer
 * dependency: it is never imported at module load, only passed in or loaded on demand by
 * {@link enableOpenTelemetry}, so this package works without it.
 */
import { tracingChannel } from '#platform/diagnostics';
import type { TracingHandlers } from '../platform/diagnostics-port.js';
import { ConfigError } from '../errors/errors.js';
import { redactText } from '../logging/redact.js';
import { OPERATION_CHANNEL, REQUEST_CHANNEL } from './tracing.js';
import type { SpanAttributes, TraceContext } from './tracing.js';

// Numeric values of OpenTelemetry's SpanKind and SpanStatusCode enums, stable across api 1.x.
const SPAN_KIND_INTERNAL = 0;
const SPAN_KIND_CLIENT = 2;
const STATUS_ERROR = 2;

/** The part of an OpenTelemetry `Span` the adapter uses. */
export interface OtelSpanLike {
  /** Adds attributes. */
  setAttributes(attributes: SpanAttributes): unknown;
  /** Sets the status (`code` 2 is ERROR). */
  setStatus(status: { code: number; message?: string }): unknown;
  /** Records an exception event. */
  recordException(exception: { name: string; message: string; code?: string }): void;
  /** Ends the span. */
  end(): void;
}

/** The part of an OpenTelemetry `Tracer` the adapter uses. */
export interface OtelTracerLike {
  /** Starts a span as a child of the span in `context`. */
  startSpan(name: string, options: { kind: number; attributes: SpanAttributes }, context: unknown): OtelSpanLike;
}

/** The part of the `@opentelemetry/api` module the adapter uses (pass the module itself). */
export interface OtelApiLike {
  /** The trace API. */
  trace: {
    /** Returns a tracer from the global provider. */
    getTracer(name: string, version?: string): OtelTracerLike;
    /** Returns a copy of `context` with `span` as its active span. */
    setSpan(context: never, span: never): unknown;
  };
  /** The context API. */
  context: {
    /** The active context. */
    active(): unknown;
  };
}

/** Options of {@link subscribeOpenTelemetry}. */
export interface OpenTelemetryOptions {
  /** The `@opentelemetry/api` module. */
  api: OtelApiLike;
  /**
   * Tracer to create spans with.
   * @default api.trace.getTracer(tracerName)
   */
  tracer?: OtelTracerLike;
  /**
   * Instrumentation name of the default tracer.
   * @default '@s3kit/primitives'
   */
  tracerName?: string;
}

type Handlers = TracingHandlers<TraceContext>;

/**
 * Subscribes to the s3kit tracing channels and creates an OpenTelemetry span per operation
 * (kind INTERNAL) and per HTTP attempt (kind CLIENT, child of its operation's span), with the
 * channel's attributes, ERROR status and a recorded (redacted) exception on failure.
 *
 * Spans are parented to the context active when the operation starts. Spans of other
 * instrumentation made inside an s3kit operation are not children of its span, because a channel
 * subscriber cannot change the active context of the traced code.
 *
 * @returns A function that unsubscribes.
 * @example
 * ```ts
 * import * as api from '@opentelemetry/api';
 * const stop = subscribeOpenTelemetry({ api });
 * ```
 */
export function subscribeOpenTelemetry(options: OpenTelemetryOptions): () => void {
  const { api } = options;
  const tracer = options.tracer ?? api.trace.getTracer(options.tracerName ?? '@s3kit/primitives');
  const spans = new WeakMap<TraceContext, OtelSpanLike>();
  // `setSpan` is declared with `never` parameters so any real api's signature fits; call it through a wider type.
  const setSpan = api.trace.setSpan.bind(api.trace) as unknown as (context: unknown, span: OtelSpanLike) => unknown;

  const handlers: Handlers = {
    start(context) {
      const parentSpan = context.parent && spans.get(context.parent);
      const active = api.context.active();
      const parent = parentSpan ? setSpan(active, parentSpan) : active;
      const kind = context.kind === 'request' ? SPAN_KIND_CLIENT : SPAN_KIND_INTERNAL;
      spans.set(context, tracer.startSpan(context.name, { kind, attributes: { ...context.attributes } }, parent));
    },
    end() {
      // The span ends in asyncEnd, when the promise settles.
    },
    asyncStart() {
      // Nothing to do between settling and continuation.
    },
    asyncEnd(context) {
      const span = spans.get(context);
      if (!span) return;
      spans.delete(context);
      span.setAttributes(context.attributes);
      if (context.error !== undefined) {
        const error = context.error;
        // Only name, message and code: a stack or cause of a foreign error could carry unredacted text.
        const exception: { name: string; message: string; code?: string } =
          error instanceof Error
            ? { name: error.name, message: redactText(error.message) }
            : { name: 'Error', message: typeof error === 'string' ? redactText(error) : `non-error value thrown (${typeof error})` };
        const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
        if (typeof code === 'string') exception.code = code;
        const message = exception.message;
        span.recordException(exception);
        span.setStatus({ code: STATUS_ERROR, message });
      } else if (context.attributes['error.type'] !== undefined) {
        span.setStatus({ code: STATUS_ERROR });
      }
      span.end();
    },
    error() {
      // Recorded in asyncEnd, which always follows for promises.
    },
  };
  const channels = [tracingChannel<TraceContext>(OPERATION_CHANNEL), tracingChannel<TraceContext>(REQUEST_CHANNEL)];
  for (const channel of channels) channel.subscribe(handlers);
  return () => {
    for (const channel of channels) channel.unsubscribe(handlers);
  };
}

function isOtelApi(value: unknown): value is OtelApiLike {
  const v = value as Partial<OtelApiLike> | null | undefined;
  return typeof v?.trace?.getTracer === 'function' && typeof v.context?.active === 'function';
}

// The specifier is a variable so bundlers leave the import to run time: a literal one makes esbuild
// fail on the optional dependency when it is not installed (it is loaded only on request).
const OTEL_API: string = '@opentelemetry/api';
const importOtelApi = (): Promise<unknown> => import(/* @vite-ignore */ /* webpackIgnore: true */ OTEL_API);

/**
 * Loads `@opentelemetry/api` on demand.
 * @param importer How to import it; the default is `import('@opentelemetry/api')`.
 * @throws {ConfigError} `ERR_CONFIG` when it is not installed or is not the OpenTelemetry API.
 */
export async function loadOpenTelemetryApi(importer: () => Promise<unknown> = importOtelApi): Promise<OtelApiLike> {
  let mod: unknown;
  try {
    mod = await importer();
  } catch (cause) {
    throw new ConfigError('Tracing with OpenTelemetry needs the optional peer dependency @opentelemetry/api: install it', {
      source: '@opentelemetry/api',
      cause,
    });
  }
  // A CommonJS module imported from ESM may expose its exports on `default` only.
  const api = isOtelApi(mod) ? mod : (mod as { default?: unknown } | null)?.default;
  if (!isOtelApi(api)) throw new ConfigError('@opentelemetry/api did not export trace and context', { source: '@opentelemetry/api' });
  return api;
}

/**
 * Loads `@opentelemetry/api` (unless `api` is given) and calls {@link subscribeOpenTelemetry}.
 *
 * @throws {ConfigError} `ERR_CONFIG` when `@opentelemetry/api` is not installed.
 * @returns A function that unsubscribes.
 * @example
 * ```ts
 * const stop = await enableOpenTelemetry();
 * ```
 */
export async function enableOpenTelemetry(options: Partial<OpenTelemetryOptions> = {}): Promise<() => void> {
  const api = options.api ?? (await loadOpenTelemetryApi());
  return subscribeOpenTelemetry({ ...options, api });
}
