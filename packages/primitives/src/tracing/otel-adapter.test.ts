import * as api from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, isConfigError, NetworkError } from '../errors/errors.js';
import { compose, emptyResponseBody } from '../http/http.js';
import type { HttpRequest } from '../http/http.js';
import { enableOpenTelemetry, loadOpenTelemetryApi, subscribeOpenTelemetry } from './otel-adapter.js';
import { traceOperation, tracingMiddleware } from './tracing.js';

/** A finished span as the in-memory tracer records it. */
interface Recorded {
  name: string;
  kind: api.SpanKind | undefined;
  spanId: string;
  parentSpanId: string | undefined;
  attributes: api.Attributes;
  status: api.SpanStatus;
  exceptions: api.Exception[];
  ended: boolean;
}

/** A minimal in-memory OpenTelemetry tracer: real api types, no SDK. */
class MemoryTracer implements api.Tracer {
  readonly spans: Recorded[] = [];
  private next = 1;

  startSpan(name: string, options: api.SpanOptions = {}, context: api.Context = api.context.active()): api.Span {
    const parent = api.trace.getSpan(context)?.spanContext();
    const record: Recorded = {
      name,
      kind: options.kind,
      spanId: (this.next++).toString(16).padStart(16, '0'),
      parentSpanId: parent?.spanId,
      attributes: { ...options.attributes },
      status: { code: api.SpanStatusCode.UNSET },
      exceptions: [],
      ended: false,
    };
    this.spans.push(record);
    const spanContext: api.SpanContext = { traceId: parent?.traceId ?? '0af7651916cd43dd8448eb211c80319c', spanId: record.spanId, traceFlags: 1 };
    const span: api.Span = {
      spanContext: () => spanContext,
      setAttribute: (key, value) => {
        record.attributes[key] = value;
        return span;
      },
      setAttributes: (attributes) => {
        Object.assign(record.attributes, attributes);
        return span;
      },
      addEvent: () => span,
      addLink: () => span,
      addLinks: () => span,
      setStatus: (status) => {
        record.status = status;
        return span;
      },
      updateName: (newName) => {
        record.name = newName;
        return span;
      },
      end: () => {
        record.ended = true;
      },
      isRecording: () => !record.ended,
      recordException: (exception) => {
        record.exceptions.push(exception);
      },
    };
    return span;
  }

  startActiveSpan<F extends (span: api.Span) => unknown>(name: string, ...rest: unknown[]): ReturnType<F> {
    const fn = rest.at(-1) as F;
    return fn(this.startSpan(name)) as ReturnType<F>;
  }
}

const request: HttpRequest = {
  method: 'GET',
  protocol: 'https:',
  hostname: 'photos.s3.amazonaws.com',
  path: '/a.jpg',
  query: { 'X-Amz-Signature': 'deadbeefdeadbeef' },
  headers: {},
};

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  api.trace.disable();
});

describe('subscribeOpenTelemetry', () => {
  it('creates an INTERNAL operation span that is the parent of CLIENT attempt spans', async () => {
    const tracer = new MemoryTracer();
    stops.push(subscribeOpenTelemetry({ api, tracer }));
    let attempt = 0;
    const transport = compose(
      { send: () => Promise.resolve({ statusCode: attempt++ === 0 ? 503 : 200, headers: {}, body: emptyResponseBody() }) },
      tracingMiddleware(),
    );
    const attributes = { 'rpc.system': 'aws-api', 'rpc.service': 'S3', 'rpc.method': 'GetObject', 'aws.s3.bucket': 'photos', 'aws.s3.key': 'a.jpg' };
    await traceOperation('S3.GetObject', attributes, async () => {
      await transport.send(request);
      return transport.send(request);
    });

    const [operation, first, second] = tracer.spans;
    expect(tracer.spans).toHaveLength(3);
    expect(operation).toMatchObject({ name: 'S3.GetObject', kind: api.SpanKind.INTERNAL, parentSpanId: undefined, attributes, ended: true });
    expect(operation!.status.code).toBe(api.SpanStatusCode.UNSET);
    for (const span of [first!, second!]) {
      expect(span).toMatchObject({ name: 'GET', kind: api.SpanKind.CLIENT, parentSpanId: operation!.spanId, ended: true });
      expect(span.attributes).toMatchObject({
        'http.request.method': 'GET',
        'server.address': 'photos.s3.amazonaws.com',
        'server.port': 443,
        'url.path': '/a.jpg',
        'url.query': 'X-Amz-Signature=[REDACTED]',
      });
    }
    expect(first!.attributes).toMatchObject({ 'http.response.status_code': 503, 'error.type': '503' });
    expect(first!.status.code).toBe(api.SpanStatusCode.ERROR);
    expect(second!.attributes['http.response.status_code']).toBe(200);
    expect(second!.status.code).toBe(api.SpanStatusCode.UNSET);
    expect(JSON.stringify(tracer.spans)).not.toContain('deadbeef');
  });

  it('records a redacted exception and ERROR status on failure', async () => {
    const tracer = new MemoryTracer();
    stops.push(subscribeOpenTelemetry({ api, tracer }));
    const failure = new NetworkError('connect failed', { cause: new Error('x') });
    const transport = compose({ send: () => Promise.reject(failure) }, tracingMiddleware());
    await expect(traceOperation('S3.HeadObject', {}, () => transport.send(request))).rejects.toBe(failure);
    await expect(traceOperation('S3.HeadObject', {}, () => Promise.reject(new Error('secretAccessKey=abc123xyz')))).rejects.toThrow();
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- third-party code may reject with anything
    await expect(traceOperation('S3.HeadObject', {}, () => Promise.reject('plain string'))).rejects.toBe('plain string');
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as above
    await expect(traceOperation('S3.HeadObject', {}, () => Promise.reject(42))).rejects.toBe(42);
    const [operation, attempt, second, third, fourth] = tracer.spans;
    expect(attempt).toMatchObject({
      parentSpanId: operation!.spanId,
      attributes: { 'error.type': 'ERR_NETWORK' },
      status: { code: api.SpanStatusCode.ERROR, message: 'connect failed' },
      exceptions: [{ name: 'NetworkError', message: 'connect failed', code: 'ERR_NETWORK' }],
    });
    expect(operation).toMatchObject({ attributes: { 'error.type': 'ERR_NETWORK' }, status: { code: api.SpanStatusCode.ERROR } });
    expect(second!.exceptions).toEqual([{ name: 'Error', message: 'secretAccessKey=[REDACTED]' }]);
    expect(third!.exceptions).toEqual([{ name: 'Error', message: 'plain string' }]);
    expect(fourth!.exceptions).toEqual([{ name: 'Error', message: 'non-error value thrown (number)' }]);
  });

  it('uses a tracer from the global tracer provider by default', async () => {
    const tracer = new MemoryTracer();
    const names: string[] = [];
    api.trace.setGlobalTracerProvider({
      getTracer: (name) => {
        names.push(name);
        return tracer;
      },
    });
    stops.push(subscribeOpenTelemetry({ api, tracerName: 'my-app' }));
    await traceOperation('S3.ListBuckets', {}, () => Promise.resolve());
    expect(names).toEqual(['my-app']);
    expect(tracer.spans.map((s) => [s.name, s.parentSpanId])).toEqual([['S3.ListBuckets', undefined]]);
  });

  it('parents operation spans to the span active when the operation starts', async () => {
    const tracer = new MemoryTracer();
    const outer = tracer.startSpan('outer');
    // No context manager is registered in tests, so the active context is supplied through the api object.
    const active = api.trace.setSpan(api.context.active(), outer);
    stops.push(subscribeOpenTelemetry({ api: { trace: api.trace, context: { active: () => active } }, tracer }));
    await traceOperation('S3.ListBuckets', {}, () => Promise.resolve());
    expect(tracer.spans[1]).toMatchObject({ name: 'S3.ListBuckets', parentSpanId: outer.spanContext().spanId });
  });

  it('stops creating spans after unsubscribing', async () => {
    const tracer = new MemoryTracer();
    const stop = subscribeOpenTelemetry({ api, tracer });
    stop();
    await traceOperation('S3.GetObject', {}, () => Promise.resolve());
    expect(tracer.spans).toEqual([]);
  });
});

describe('loadOpenTelemetryApi / enableOpenTelemetry', () => {
  it('loads @opentelemetry/api lazily and subscribes', async () => {
    const tracer = new MemoryTracer();
    api.trace.setGlobalTracerProvider({ getTracer: () => tracer });
    stops.push(await enableOpenTelemetry());
    await traceOperation('S3.GetObject', {}, () => Promise.resolve());
    expect(tracer.spans.map((s) => s.name)).toEqual(['S3.GetObject']);
  });

  it('accepts an injected api and a CommonJS-style default export', async () => {
    const tracer = new MemoryTracer();
    stops.push(await enableOpenTelemetry({ api, tracer }));
    await traceOperation('S3.PutObject', {}, () => Promise.resolve());
    expect(tracer.spans).toHaveLength(1);
    expect(await loadOpenTelemetryApi(() => Promise.resolve({ default: api }))).toBe(api);
  });

  it('throws ConfigError when the package is missing or is not the OpenTelemetry API', async () => {
    const missing = await loadOpenTelemetryApi(() => Promise.reject(new Error("Cannot find package '@opentelemetry/api'"))).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ConfigError);
    expect(isConfigError(missing) && missing.source).toBe('@opentelemetry/api');
    await expect(loadOpenTelemetryApi(() => Promise.resolve({ something: 1 }))).rejects.toThrow(/did not export/);
    await expect(loadOpenTelemetryApi(() => Promise.resolve(null))).rejects.toThrow(ConfigError);
  });
});
