import { describe, expect, it } from 'vitest';
import { createResponseBody } from '@s3kit/primitives';
import type { HttpRequest, HttpTransport } from '@s3kit/primitives';
import { mockClient } from '../../test/mock-client.js';

/** A proxy that forwards requests, then answers the first `times` that `match` with 200 and `body`. */
function hollow200(match: (request: HttpRequest) => boolean, body: string, times: number): (inner: HttpTransport) => HttpTransport {
  let left = times;
  return (inner) => ({
    send: async (request, options) => {
      const response = await inner.send(request, options);
      if (left <= 0 || !match(request) || response.statusCode !== 200) return response;
      left--;
      await response.body.dump();
      return { statusCode: 200, headers: { 'content-length': String(Buffer.byteLength(body)) }, body: createResponseBody(chunks(body)) };
    },
  });
}

async function* chunks(text: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(text);
}

const isCopy = (request: HttpRequest): boolean => 'x-amz-copy-source' in request.headers && request.query?.partNumber === undefined;
const isPartCopy = (request: HttpRequest): boolean => 'x-amz-copy-source' in request.headers && request.query?.partNumber !== undefined;
const isComplete = (request: HttpRequest): boolean => request.method === 'POST' && request.query?.uploadId !== undefined;

describe('a 200 that is not the expected XML, on operations that answer 200 before they are done', () => {
  it('CopyObject answering 200 with an empty body is retried (regression: it resolved as success, with no ETag)', async () => {
    const { client, mock } = mockClient({}, {}, hollow200(isCopy, '', 1));
    await client.createBucket({ Bucket: 'bkt' });
    mock.engine.putObject({ Bucket: 'bkt', Key: 'src', Body: new TextEncoder().encode('data') });
    const out = await client.copyObject({ Bucket: 'bkt', Key: 'dst', CopySource: 'bkt/src' });
    expect(out.CopyObjectResult?.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(out.$metadata.attempts).toBe(2);
  });

  it('fails with a typed, retryable ERR_BODY_INVALID when it keeps coming: empty, or another document', async () => {
    for (const body of ['', '  \n', '<?xml version="1.0"?><Unexpected/>']) {
      const { client, mock } = mockClient({}, {}, hollow200(isCopy, body, 10));
      await client.createBucket({ Bucket: 'bkt' });
      mock.engine.putObject({ Bucket: 'bkt', Key: 'src', Body: new TextEncoder().encode('data') });
      await expect(client.copyObject({ Bucket: 'bkt', Key: 'dst', CopySource: 'bkt/src' }), JSON.stringify(body)).rejects.toMatchObject({
        code: 'ERR_BODY_INVALID',
        retryable: true,
        message: expect.stringContaining('CopyObject') as unknown,
      });
    }
  });

  it('the same holds for UploadPartCopy and CompleteMultipartUpload', async () => {
    const { client, mock } = mockClient({}, { minPartSize: 1 }, (inner) => hollow200(isPartCopy, '', 1)(hollow200(isComplete, '', 1)(inner)));
    await client.createBucket({ Bucket: 'bkt' });
    mock.engine.putObject({ Bucket: 'bkt', Key: 'src', Body: new TextEncoder().encode('data') });
    const { UploadId } = await client.createMultipartUpload({ Bucket: 'bkt', Key: 'm' });
    const part = await client.uploadPartCopy({ Bucket: 'bkt', Key: 'm', UploadId: UploadId!, PartNumber: 1, CopySource: 'bkt/src' });
    expect(part.CopyPartResult?.ETag).toBeDefined();
    expect(part.$metadata.attempts).toBe(2);
    const done = await client.completeMultipartUpload({ Bucket: 'bkt', Key: 'm', UploadId: UploadId!, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.CopyPartResult!.ETag! }] } });
    expect(done.ETag).toBeDefined();
    expect(done.$metadata.attempts).toBe(2);
  });
});
