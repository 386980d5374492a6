import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createResponseBody } from '@s3kit/primitives';
import type { HttpResponseBody, HttpTransport, LogFields, Logger } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { EMPTY_ENV, mockClient } from '../../test/mock-client.js';
import { S3Client } from './s3-client.js';

function recordingLogger(): Logger & { debugs: { msg: string; fields: LogFields | undefined }[] } {
  const debugs: { msg: string; fields: LogFields | undefined }[] = [];
  const none = (): void => undefined;
  return { debugs, debug: (msg, fields) => void debugs.push({ msg, fields }), info: none, warn: none, error: none };
}

/** A transport answering every request with `status` and a body built by `body`, counting dumps. */
function spyTransport(status: number, body: () => AsyncIterable<Uint8Array>, headers: Record<string, string> = {}) {
  const spy = { dumps: 0, transport: undefined as unknown as HttpTransport };
  spy.transport = {
    send: () => {
      const inner = createResponseBody(body());
      const wrapped: HttpResponseBody = {
        [Symbol.asyncIterator]: () => inner[Symbol.asyncIterator](),
        bytes: () => inner.bytes(),
        text: () => inner.text(),
        dump: () => {
          spy.dumps++;
          return inner.dump();
        },
      };
      return Promise.resolve({ statusCode: status, headers, body: wrapped });
    },
  };
  return spy;
}

function clientOn(transport: HttpTransport, logger?: Logger): S3Client {
  return new S3Client({
    endpoint: 'http://127.0.0.1:9000',
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    transport,
    config: { env: EMPTY_ENV },
    retry: { maxAttempts: 1 },
    ...(logger ? { logger } : {}),
  });
}

describe('unread bodies never keep a connection', () => {
  it('close() dumps GetObject bodies handed out and not read', async () => {
    const { client, mock } = mockClient();
    mock.seed({ buckets: { 'bucket-1': { objects: { a: 'abc', c: 'def' } } } });
    const unread = await client.getObject({ Bucket: 'bucket-1', Key: 'a' });
    const read = await client.getObject({ Bucket: 'bucket-1', Key: 'c' });
    expect(await read.Body.text()).toBe('def');
    await client.close();
    await expect(unread.Body.text()).rejects.toThrow(/already read/);
  });

  it('dumps the body when reading a 2xx output fails after the headers arrived', async () => {
    const spy = spyTransport(200, async function* () {
      yield new TextEncoder().encode('<ListBucketResult>');
      throw new Error('socket hang up');
    });
    const err: unknown = await clientOn(spy.transport)
      .listObjectsV2({ Bucket: 'b' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(spy.dumps).toBeGreaterThanOrEqual(1);
  });

  it('dumps the body of a 2xx answer that is not XML', async () => {
    const spy = spyTransport(200, async function* () {
      yield new TextEncoder().encode('<ListBucketResult><Name>b');
    });
    const err: unknown = await clientOn(spy.transport)
      .listObjectsV2({ Bucket: 'b' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ERR_BODY_INVALID' });
    expect(spy.dumps).toBe(1);
  });

  it('dumps the body of an error answer whose body cannot be read', async () => {
    const spy = spyTransport(503, async function* () {
      yield new TextEncoder().encode('<Error>');
      throw new Error('socket hang up');
    });
    const err: unknown = await clientOn(spy.transport)
      .headBucket({ Bucket: 'b' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ statusCode: 503 });
    expect(spy.dumps).toBeGreaterThanOrEqual(1);
  });

  it('dumps a GetObject body garbage-collected unread, with a debug line (real GC)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const logger = recordingLogger();
    const spy = spyTransport(200, async function* () {
      yield new TextEncoder().encode('abc');
    });
    const client = clientOn(spy.transport, logger);
    await (async () => {
      await client.getObject({ Bucket: 'photos', Key: 'a.jpg' });
    })();
    for (let i = 0; i < 20 && spy.dumps === 0; i++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(spy.dumps).toBe(1);
    expect(logger.debugs.filter((l) => /garbage-collected unread/.test(l.msg)).map((l) => l.fields)).toEqual([
      { operation: 'GetObject', bucket: 'photos', key: 'a.jpg' },
    ]);
  });
});
