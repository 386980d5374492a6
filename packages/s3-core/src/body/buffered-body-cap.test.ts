import { describe, expect, it } from 'vitest';
import { createResponseBody } from '@s3kit/primitives';
import type { HttpRequest, HttpTransport } from '@s3kit/primitives';
import { mockClient } from '../../test/mock-client.js';

const encoder = new TextEncoder();

/** A server that answers listings with a listing of `entries` objects, streamed without a length (or declaring `declare`). */
function hugeListing(entries: number, pulled: { bytes: number }, declare?: number): (inner: HttpTransport) => HttpTransport {
  async function* body(): AsyncGenerator<Uint8Array> {
    const head = encoder.encode('<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>bkt</Name><IsTruncated>false</IsTruncated>');
    pulled.bytes += head.byteLength;
    yield head;
    for (let i = 0; i < entries; i++) {
      const chunk = encoder.encode(`<Contents><Key>key-${String(i).padStart(12, '0')}</Key><Size>1</Size></Contents>`.repeat(64));
      pulled.bytes += chunk.byteLength;
      yield chunk;
    }
    yield encoder.encode('</ListBucketResult>');
  }
  const isList = (request: HttpRequest): boolean => request.method === 'GET' && request.query?.['list-type'] === '2';
  return (inner) => ({
    send: (request, options) => {
      if (!isList(request)) return inner.send(request, options);
      const headers: Record<string, string> = declare === undefined ? {} : { 'content-length': String(declare) };
      // Dumping closes the stream (as a socket would be closed) rather than draining it.
      return Promise.resolve({ statusCode: 200, headers, body: createResponseBody(body(), () => undefined) });
    },
  });
}

describe('buffered response bodies are capped', () => {
  it('a listing larger than maxBufferedBodyBytes fails with a typed ERR_BODY_TOO_LARGE, reading no further (regression: read whole, 1.5 GB RSS, ERR_STRING_TOO_LONG)', async () => {
    const pulled = { bytes: 0 };
    const { client } = mockClient({ maxBufferedBodyBytes: 64 * 1024 }, {}, hugeListing(400, pulled));
    await expect(client.listObjectsV2({ Bucket: 'bkt' })).rejects.toMatchObject({
      name: 'NetworkError',
      code: 'ERR_BODY_TOO_LARGE',
      retryable: false,
      message: expect.stringContaining('ListObjectsV2 response body is larger than 65536 bytes') as unknown,
    });
    expect(pulled.bytes).toBeLessThan(64 * 1024 + 8 * 1024);
  });

  it('refuses a declared Content-Length over the cap before reading anything', async () => {
    const pulled = { bytes: 0 };
    const { client } = mockClient({ maxBufferedBodyBytes: 1024 }, {}, hugeListing(10, pulled, 10_000_000));
    await expect(client.listObjectsV2({ Bucket: 'bkt' })).rejects.toMatchObject({ code: 'ERR_BODY_TOO_LARGE', details: { limit: 1024, declared: 10_000_000 } });
    expect(pulled.bytes).toBe(0);
  });

  it('reads a listing within the default cap (16 MiB)', async () => {
    const pulled = { bytes: 0 };
    const { client } = mockClient({}, {}, hugeListing(100, pulled));
    const out = await client.listObjectsV2({ Bucket: 'bkt' });
    expect(out.Contents).toHaveLength(6400);
  });

  it('validates the option', () => {
    expect(() => mockClient({ maxBufferedBodyBytes: 0 })).toThrow(expect.objectContaining({ code: 'ERR_VALIDATION' }));
  });
});
