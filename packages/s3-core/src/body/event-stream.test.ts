import { createResponseBody } from '@s3kit/primitives';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '@s3kit/primitives';
import { EMPTY_ENV } from '../../test/mock-client.js';
import { respondingTransport } from '../../test/model-samples.js';
import { S3Client } from '../client/s3-client.js';
import { decodeEventStream, encodeEventMessage, eventMessages } from './event-stream.js';

const utf8 = new TextEncoder();

async function* chunks(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const size of sizes) {
    if (at >= bytes.byteLength) break;
    yield bytes.slice(at, at + size);
    at += size;
  }
  if (at < bytes.byteLength) yield bytes.slice(at);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const records = encodeEventMessage({ ':message-type': 'event', ':event-type': 'Records' }, utf8.encode('a,b\n'));
const end = encodeEventMessage({ ':message-type': 'event', ':event-type': 'End' }, new Uint8Array(0));

describe('event stream decoding', () => {
  it('decodes messages however the bytes are split (property)', async () => {
    const stream = Buffer.concat([records, end]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 20 }), async (sizes) => {
        const messages = await collect(decodeEventStream(chunks(stream, sizes)));
        expect(messages.map((m) => m.headers[':event-type'])).toEqual(['Records', 'End']);
        expect(new TextDecoder().decode(messages[0]!.payload)).toBe('a,b\n');
      }),
    );
  });

  it('refuses a bad prelude CRC, a bad message CRC, a truncated stream and an absurd length', async () => {
    const badPrelude = records.slice();
    badPrelude[9]! ^= 1;
    await expect(collect(decodeEventStream(chunks(badPrelude, [])))).rejects.toMatchObject({ code: 'ERR_BODY_INVALID', message: expect.stringContaining('prelude CRC') });
    const badMessage = records.slice();
    badMessage[records.byteLength - 6]! ^= 1;
    await expect(collect(decodeEventStream(chunks(badMessage, [])))).rejects.toMatchObject({ code: 'ERR_BODY_INVALID', message: expect.stringContaining('message CRC') });
    await expect(collect(decodeEventStream(chunks(records.slice(0, 20), [])))).rejects.toMatchObject({ code: 'ERR_BODY_TRUNCATED' });
    const huge = new Uint8Array(16);
    new DataView(huge.buffer).setUint32(0, 0x7fffffff);
    await expect(collect(decodeEventStream(chunks(huge, [])))).rejects.toMatchObject({ code: 'ERR_BODY_INVALID' });
  });

  it('dumps the body when the reader stops early', async () => {
    let dumped = false;
    const body = createResponseBody(chunks(Buffer.concat([records, end]), [10]));
    const dump = body.dump.bind(body);
    body.dump = () => {
      dumped = true;
      return dump();
    };
    for await (const message of eventMessages(body)) {
      expect(message.headers[':event-type']).toBe('Records');
      break;
    }
    expect(dumped).toBe(true);
  });

  it('SelectObjectContent yields the events and throws an error message as S3ServiceError', async () => {
    const stats = encodeEventMessage(
      { ':message-type': 'event', ':event-type': 'Stats' },
      utf8.encode('<Stats><BytesScanned>10</BytesScanned><BytesProcessed>10</BytesProcessed><BytesReturned>4</BytesReturned></Stats>'),
    );
    const unknown = encodeEventMessage({ ':message-type': 'event', ':event-type': 'AddedLater' }, new Uint8Array(0));
    const failure = encodeEventMessage({ ':message-type': 'error', ':error-code': 'InternalError', ':error-message': 'scan failed' }, new Uint8Array(0));
    const select = async (body: Uint8Array) => {
      const client = new S3Client({
        endpoint: 'http://127.0.0.1:9000',
        credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
        transport: respondingTransport({ status: 200, headers: {}, body }),
        clock: createFakeClock({ instant: true }),
        config: { env: EMPTY_ENV },
      });
      const input = {
        Bucket: 'bucket-1',
        Key: 'data.csv',
        Expression: 'SELECT * FROM S3Object',
        ExpressionType: 'SQL',
        InputSerialization: { CSV: {} },
        OutputSerialization: { CSV: {} },
      } as const;
      return collect((await client.selectObjectContent(input)).Payload);
    };
    expect(await select(Buffer.concat([records, stats, unknown, end]))).toEqual([
      { Records: { Payload: utf8.encode('a,b\n') } },
      { Stats: { Details: { BytesScanned: 10, BytesProcessed: 10, BytesReturned: 4 } } },
      { End: {} },
    ]);
    await expect(select(Buffer.concat([records, failure]))).rejects.toMatchObject({
      name: 'S3ServiceError',
      code: 'InternalError',
      operation: 'SelectObjectContent',
      key: 'data.csv',
    });
  });
});
