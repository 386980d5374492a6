/**
 * SigV4a (multi-region access point) aws-chunked uploads: the mock verifies the ECDSA seed signature,
 * every ECDSA chunk and trailer signature, and the trailing checksum, through sigv4's verifier.
 */
import { createSigV4aSigner } from '@s3kit/sigv4';
import type { StreamingMode } from '@s3kit/sigv4';
import { describe, expect, it } from 'vitest';
import { createS3Mock } from '../mock/create-s3-mock.js';
import { createTestClient, testRequest } from '../mock/test-client.js';
import { checksumOf } from './checksums.js';

const data = Uint8Array.from({ length: 20_000 }, (_, i) => (i * 7) & 0xff);
const v4a = createSigV4aSigner({ credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, regionSet: '*', service: 's3' });
const trailer = (value: string) => ({ trailerName: 'x-amz-checksum-crc32', digest: () => value, valueLength: value.length });

function setup() {
  const mock = createS3Mock({ seed: { buckets: { bkt: { region: 'eu-west-1' } } } });
  return { mock, ...createTestClient(mock) };
}

async function bytesOf(body: unknown): Promise<Uint8Array> {
  return new Uint8Array(await new Response(body as never).arrayBuffer());
}

describe('SigV4a aws-chunked uploads', () => {
  for (const mode of ['signed', 'signed-trailer', 'unsigned-trailer'] as StreamingMode[]) {
    it(`stores a ${mode} upload after checking its signatures and checksum`, async () => {
      const { deliver, send, mock } = setup();
      const signed = await v4a.signStreaming(testRequest('PUT', `/bkt/${mode}`, { body: data }), {
        mode,
        decodedContentLength: data.length,
        chunkSize: 8192,
        trailer: mode === 'signed' ? undefined : trailer(checksumOf('CRC32', data)),
      });
      expect(signed.headers.authorization).toMatch(/^AWS4-ECDSA-P256-SHA256 /);
      expect((await deliver(signed)).status).toBe(200);
      expect(mock.requests.at(-1)).toMatchObject({ operation: 'PutObject', status: 200 });
      const got = await mock.transport.send(await v4a.sign(testRequest('GET', `/bkt/${mode}`)));
      expect(await got.body.bytes()).toEqual(data);
      if (mode !== 'signed') expect((await send('HEAD', `/bkt/${mode}`, { region: 'eu-west-1', headers: { 'x-amz-checksum-mode': 'ENABLED' } })).headers['x-amz-checksum-crc32']).toBe(checksumOf('CRC32', data));
    });
  }

  it('answers SignatureDoesNotMatch for a changed chunk and BadDigest for a signed but wrong trailer checksum', async () => {
    const { deliver } = setup();
    const signed = await v4a.signStreaming(testRequest('PUT', '/bkt/t', { body: data }), { mode: 'signed', decodedContentLength: data.length, chunkSize: 8192 });
    const raw = await bytesOf(signed.body);
    raw[raw.length - 400] = raw[raw.length - 400]! ^ 1;
    expect((await deliver({ ...signed, body: raw })).text).toContain('<Code>SignatureDoesNotMatch</Code>');
    const wrongSum = await v4a.signStreaming(testRequest('PUT', '/bkt/t', { body: data }), {
      mode: 'signed-trailer',
      decodedContentLength: data.length,
      trailer: trailer(checksumOf('CRC32', new Uint8Array(1))),
    });
    expect((await deliver(wrongSum)).text).toContain('<Code>BadDigest</Code>');
  });

  it("refuses a region set that leaves out the bucket's region", async () => {
    const { deliver } = setup();
    const signed = await v4a.signStreaming(testRequest('PUT', '/bkt/r', { body: data }), { mode: 'signed', decodedContentLength: data.length, regionSet: 'us-*' });
    expect((await deliver(signed)).text).toContain('<Code>AuthorizationHeaderMalformed</Code>');
  });
});
