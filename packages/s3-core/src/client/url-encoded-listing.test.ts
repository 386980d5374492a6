import { describe, expect, it } from 'vitest';
import { createResponseBody } from '@s3kit/primitives';
import type { HttpTransport } from '@s3kit/primitives';
import { urlDecode } from '../interpreter/parse-response.js';
import { mockClient } from '../../test/mock-client.js';

function listingWithKey(key: string): (inner: HttpTransport) => HttpTransport {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>bkt</Name><EncodingType>url</EncodingType><IsTruncated>false</IsTruncated><Contents><Key>${key}</Key><Size>1</Size></Contents></ListBucketResult>`;
  return () => ({
    send: () =>
      Promise.resolve({
        statusCode: 200,
        headers: { 'content-length': String(Buffer.byteLength(xml)) },
        body: createResponseBody(
          (async function* () {
            yield new TextEncoder().encode(xml);
          })(),
        ),
      }),
  });
}

describe('encoding-type=url listings', () => {
  it('reject a key that is not valid percent-encoded UTF-8 with a typed error (regression: %FF%FE came back verbatim, like a real key of that name)', async () => {
    const { client } = mockClient({}, {}, listingWithKey('a%FF%FEb'));
    await expect(client.listObjectsV2({ Bucket: 'bkt' })).rejects.toMatchObject({
      code: 'ERR_URL_ENCODING',
      retryable: false,
      message: 'ListObjectsV2 answered a Contents.Key that is not valid percent-encoded UTF-8 (encoding-type=url): "a%FF%FEb"',
    });
  });

  it('decode valid escapes, + as space, and a literal % sign sent as %25', async () => {
    const { client } = mockClient({}, {}, listingWithKey('a+b%2Bc%25d%E2%82%AC'));
    expect((await client.listObjectsV2({ Bucket: 'bkt' })).Contents?.[0]?.Key).toBe('a b+c%d€');
    expect(() => urlDecode('%E2%82')).toThrow(expect.objectContaining({ code: 'ERR_URL_ENCODING' }));
  });
});
