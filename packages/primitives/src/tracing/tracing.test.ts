import diagnosticsChannel from 'node:diagnostics_channel';
import { afterEach, describe, expect, it } from 'vitest';
import { NetworkError } from '../errors/errors.js';
import { compose, emptyResponseBody } from '../http/http.js';
import type { HttpRequest, HttpResponse } from '../http/http.js';
import { errorType, OPERATION_CHANNEL, REQUEST_CHANNEL, requestAttributes, traceOperation, tracingMiddleware } from './tracing.js';
import type { TraceContext } from './tracing.js';

interface Event {
  channel: string;
  phase: string;
  name: string;
  attributes: Record<string, unknown>;
  parent: string | undefined;
  error: unknown;
}

const subscriptions: (() => void)[] = [];
afterEach(() => {
  for (const stop of subscriptions.splice(0)) stop();
});

function listen(channelName: string, events: Event[]): void {
  const channel = diagnosticsChannel.tracingChannel<unknown, TraceContext>(channelName);
  const record = (phase: string) => (context: TraceContext) => {
    events.push({
      channel: channelName,
      phase,
      name: context.name,
      attributes: { ...context.attributes },
      parent: context.parent?.name,
      error: context.error,
    });
  };
  const handlers = { start: record('start'), end: record('end'), asyncStart: record('asyncStart'), asyncEnd: record('asyncEnd'), error: record('error') };
  channel.subscribe(handlers);
  subscriptions.push(() => {
    channel.unsubscribe(handlers);
  });
}

const request: HttpRequest = {
  method: 'PUT',
  protocol: 'https:',
  hostname: 'photos.s3.amazonaws.com',
  path: '/a.jpg',
  query: { 'X-Amz-Signature': 'deadbeef', partNumber: '1' },
  headers: {},
};

const respond = (statusCode: number): Promise<HttpResponse> => Promise.resolve({ statusCode, headers: {}, body: emptyResponseBody() });

describe('tracing without subscribers', () => {
  it('tracingMiddleware hands back the inner promise itself (no context, no wrapper)', () => {
    const inner = respond(200);
    const handler = tracingMiddleware()(() => inner);
    expect(handler(request, {})).toBe(inner);
  });

  it('traceOperation returns fn() itself', () => {
    const inner = Promise.resolve(1);
    expect(traceOperation('S3.GetObject', {}, () => inner)).toBe(inner);
  });
});

describe('tracing with subscribers', () => {
  it('publishes one request span per attempt with redacted HTTP attributes and the status', async () => {
    const events: Event[] = [];
    listen(REQUEST_CHANNEL, events);
    const transport = compose({ send: () => respond(200) }, tracingMiddleware());
    await transport.send(request);
    expect(events.map((e) => e.phase)).toEqual(['start', 'end', 'asyncStart', 'asyncEnd']);
    expect(events[0]).toMatchObject({
      name: 'PUT',
      parent: undefined,
      attributes: {
        'http.request.method': 'PUT',
        'server.address': 'photos.s3.amazonaws.com',
        'server.port': 443,
        'url.scheme': 'https',
        'url.path': '/a.jpg',
        'url.query': 'X-Amz-Signature=[REDACTED]&partNumber=1',
      },
    });
    expect(events[3]!.attributes).toMatchObject({ 'http.response.status_code': 200 });
    expect(events[3]!.attributes).not.toHaveProperty('error.type');
  });

  it('sets error.type to the status code for 4xx/5xx and to the error code on failure', async () => {
    const events: Event[] = [];
    listen(REQUEST_CHANNEL, events);
    await compose({ send: () => respond(503) }, tracingMiddleware()).send(request);
    expect(events.at(-1)!.attributes['error.type']).toBe('503');
    const failure = new NetworkError('reset');
    await expect(compose({ send: () => Promise.reject(failure) }, tracingMiddleware()).send({ ...request, protocol: 'http:', query: {} })).rejects.toBe(failure);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ phase: 'asyncEnd', error: failure, attributes: { 'error.type': 'ERR_NETWORK', 'server.port': 80 } });
    expect(last.attributes).not.toHaveProperty('url.query');
    expect(events.some((e) => e.phase === 'error')).toBe(true);
  });

  it('publishes operation spans and makes them the parent of the attempts inside, even nested', async () => {
    const events: Event[] = [];
    listen(OPERATION_CHANNEL, events);
    listen(REQUEST_CHANNEL, events);
    const transport = compose({ send: () => respond(200) }, tracingMiddleware());
    const attributes = { 'rpc.system': 'aws-api', 'rpc.service': 'S3', 'rpc.method': 'PutObject', 'aws.s3.bucket': 'photos', 'aws.s3.key': 'a.jpg' };
    await traceOperation('Upload', {}, () => traceOperation('S3.PutObject', attributes, () => transport.send(request)));
    const starts = events.filter((e) => e.phase === 'start');
    expect(starts.map((e) => [e.channel, e.name, e.parent])).toEqual([
      [OPERATION_CHANNEL, 'Upload', undefined],
      [OPERATION_CHANNEL, 'S3.PutObject', 'Upload'],
      [REQUEST_CHANNEL, 'PUT', 'S3.PutObject'],
    ]);
    expect(starts[1]!.attributes).toEqual(attributes);
  });

  it('marks a failed operation with error.type', async () => {
    const events: Event[] = [];
    listen(OPERATION_CHANNEL, events);
    await expect(traceOperation('S3.GetObject', {}, () => Promise.reject(new TypeError('bad')))).rejects.toThrow('bad');
    expect(events.at(-1)!.attributes['error.type']).toBe('TypeError');
  });
});

describe('helpers', () => {
  it('errorType names s3kit codes, error names, or _OTHER', () => {
    expect(errorType(new NetworkError('x'))).toBe('ERR_NETWORK');
    expect(errorType(new RangeError('x'))).toBe('RangeError');
    expect(errorType('string')).toBe('_OTHER');
  });

  it('requestAttributes keeps an explicit port and redacts the first query parameter too', () => {
    expect(requestAttributes({ ...request, port: 9000, query: { 'X-Amz-Credential': 'AKID/x' } })).toMatchObject({
      'server.port': 9000,
      'url.query': 'X-Amz-Credential=[REDACTED]',
    });
  });
});
