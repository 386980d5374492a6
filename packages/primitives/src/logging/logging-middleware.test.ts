import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/clock.js';
import type { FakeClock } from '../clock/clock.js';
import { createConsoleLogger } from './console-logger.js';
import { NetworkError } from '../errors/errors.js';
import { compose, emptyResponseBody } from '../http/http.js';
import type { HttpRequest, HttpResponse, HttpTransport } from '../http/http.js';
import type { Logger } from './logger.js';
import { loggingMiddleware } from './logging-middleware.js';
import { fromPino } from './pino-logger.js';
import type { PinoLike } from './pino-logger.js';
import { REDACTED } from './redact.js';

interface Line {
  level: string;
  msg: string;
  [field: string]: unknown;
}

function jsonLogger(clock: FakeClock): { lines: string[]; logger: Logger } {
  const lines: string[] = [];
  return { lines, logger: createConsoleLogger({ level: 'debug', stream: { write: (c) => lines.push(c) }, clock }) };
}

const request = (overrides: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'GET',
  protocol: 'https:',
  hostname: 'photos.s3.eu-west-1.amazonaws.com',
  path: '/a%20b.jpg',
  headers: { 'x-amz-date': '20130524T000000Z' },
  ...overrides,
});

function respondAfter(clock: FakeClock, ms: number, response: Partial<HttpResponse> | Error): HttpTransport {
  return {
    send: async () => {
      await clock.sleep(ms);
      if (response instanceof Error) throw response;
      return { statusCode: 200, headers: {}, body: emptyResponseBody(), ...response };
    },
  };
}

async function run(clock: FakeClock, transport: HttpTransport, req: HttpRequest): Promise<unknown> {
  const pending = transport.send(req).catch((e: unknown) => e);
  await clock.advance(1_000);
  return pending;
}

describe('loggingMiddleware', () => {
  it('logs the request and the response with duration and request ids', async () => {
    const clock = createFakeClock(0);
    const { lines, logger } = jsonLogger(clock);
    const transport = compose(
      respondAfter(clock, 42, { statusCode: 200, headers: { 'x-amz-request-id': 'RID1', 'x-amz-id-2': 'HID2' } }),
      loggingMiddleware(logger, { clock }),
    );
    await run(clock, transport, request({ query: { versionId: 'v1' } }));
    const parsed = lines.map((l) => JSON.parse(l) as Line);
    expect(parsed).toEqual([
      {
        time: '1970-01-01T00:00:00.000Z',
        level: 'debug',
        msg: 'http request',
        method: 'GET',
        origin: 'https://photos.s3.eu-west-1.amazonaws.com',
        target: '/a%20b.jpg?versionId=v1',
        headers: { 'x-amz-date': '20130524T000000Z' },
      },
      {
        time: '1970-01-01T00:00:00.042Z',
        level: 'debug',
        msg: 'http response',
        method: 'GET',
        origin: 'https://photos.s3.eu-west-1.amazonaws.com',
        target: '/a%20b.jpg?versionId=v1',
        statusCode: 200,
        durationMs: 42,
        requestId: 'RID1',
        hostId: 'HID2',
      },
    ]);
  });

  it('logs 5xx responses at errorLevel and 4xx at level', async () => {
    const clock = createFakeClock(0);
    const { lines, logger } = jsonLogger(clock);
    const levels = async (statusCode: number): Promise<string[]> => {
      lines.length = 0;
      await run(clock, compose(respondAfter(clock, 1, { statusCode }), loggingMiddleware(logger, { clock, level: 'info', errorLevel: 'error' })), request());
      return lines.map((l) => (JSON.parse(l) as Line).level);
    };
    expect(await levels(503)).toEqual(['info', 'error']);
    expect(await levels(404)).toEqual(['info', 'info']);
  });

  it('logs errors as their redacted toJSON and rethrows them', async () => {
    const clock = createFakeClock(0);
    const { lines, logger } = jsonLogger(clock);
    const failure = new NetworkError('socket hang up', { cause: new Error('x-amz-security-token: IQoJsecret') });
    const transport = compose(respondAfter(clock, 5, failure), loggingMiddleware(logger, { clock }));
    expect(await run(clock, transport, request())).toBe(failure);
    const line = JSON.parse(lines[1]!) as Line;
    expect(line).toMatchObject({
      level: 'warn',
      msg: 'http error',
      durationMs: 5,
      error: { name: 'NetworkError', code: 'ERR_NETWORK', retryable: true, cause: { message: `x-amz-security-token: ${REDACTED}` } },
    });
  });

  it('does no work when neither level is enabled, and skips only the disabled lines otherwise', async () => {
    const clock = createFakeClock(0);
    const lines: string[] = [];
    const stream = { write: (c: string) => lines.push(c) };
    const quiet = createConsoleLogger({ level: 'error', stream, clock });
    const inner = Promise.resolve<HttpResponse>({ statusCode: 500, headers: {}, body: emptyResponseBody() });
    expect(loggingMiddleware(quiet, { clock })(() => inner)(request(), {})).toBe(inner);
    await compose({ send: () => inner }, loggingMiddleware(quiet, { clock, errorLevel: 'error' })).send(request());
    expect(lines.map((l) => (JSON.parse(l) as Line).msg)).toEqual(['http response']);
  });

  it('defaults to the system clock', async () => {
    const { lines, logger } = jsonLogger(createFakeClock(0));
    const transport = compose({ send: () => Promise.resolve({ statusCode: 204, headers: {}, body: emptyResponseBody() }) }, loggingMiddleware(logger));
    await transport.send(request());
    expect((JSON.parse(lines[1]!) as Line).durationMs).toBeGreaterThanOrEqual(0);
  });

  it('property: no secret reaches the output of the JSON, pretty or pino adapters', async () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9/+]{20,60}$/);
    const urlSafe = fc.stringMatching(/^[A-Za-z0-9]{20,60}$/);
    const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
    await fc.assert(
      fc.asyncProperty(secret, urlSafe, hex, fc.constantFrom('json', 'pretty', 'pino', 'raw'), async (s, u, h, adapter) => {
        const clock = createFakeClock(0);
        const out: string[] = [];
        const stream = { write: (c: string) => out.push(c) };
        const record = (obj: object, msg?: string): void => {
          out.push(JSON.stringify({ obj, msg }));
        };
        const pino: PinoLike = { debug: record, info: record, warn: record, error: record, child: () => pino };
        // 'raw' writes what it is given without redacting, to prove the middleware redacts by itself.
        const rawLine = (msg: string, fields?: object): void => {
          record(fields ?? {}, msg);
        };
        const rawLogger: Logger = { debug: rawLine, info: rawLine, warn: rawLine, error: rawLine };
        const logger =
          adapter === 'pino'
            ? fromPino(pino)
            : adapter === 'raw'
              ? rawLogger
              : createConsoleLogger({ level: 'debug', format: adapter, stream, clock });

        const signed = request({
          headers: {
            authorization: `AWS4-HMAC-SHA256 Credential=${u}/20130524/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=${h}`,
            'x-amz-security-token': s,
            'x-amz-server-side-encryption-customer-key': s,
          },
        });
        const presigned = request({
          query: { 'X-Amz-Credential': `${u}/20130524/us-east-1/s3/aws4_request`, 'X-Amz-Signature': h, 'X-Amz-Security-Token': u },
        });
        const failure = new NetworkError('connect failed', { cause: new Error(`rejected aws_session_token=${s} Signature=${h}`) });
        const plainFailure = new Error('boom', { cause: new Error(`secretAccessKey: ${s}`) });

        for (const [req, outcome] of [
          [signed, { statusCode: 200 }],
          [presigned, { statusCode: 403 }],
          [signed, failure],
          [presigned, plainFailure],
        ] as const) {
          await run(clock, compose(respondAfter(clock, 1, outcome), loggingMiddleware(logger, { clock })), req);
        }
        if (adapter !== 'raw') {
          logger.info('credentials loaded', { secretAccessKey: s, sessionToken: s, accessKeyId: u, nested: { AWS_SESSION_TOKEN: s } });
          logger.child?.({ sessionToken: s }).error('child', { error: failure });
        }

        const text = out.join('');
        expect(out.length).toBeGreaterThanOrEqual(8);
        expect(text).not.toContain(s);
        expect(text).not.toContain(u);
        expect(text).not.toContain(h);
      }),
      { numRuns: 150 },
    );
  });
});
