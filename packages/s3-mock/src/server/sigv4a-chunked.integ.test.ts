/**
 * SigV4a aws-chunked uploads over a real socket: sigv4's signer, primitives' undici transport and the
 * s3-mock HTTP server on loopback. The ECDSA chunk signatures are padded to a fixed length so the
 * `Content-Length` sent before the body is exact; over a real connection a wrong one would cut the
 * body or leave the server waiting.
 */
import { createUndiciTransport } from '@s3kit/primitives';
import { createSigV4aSigner } from '@s3kit/sigv4';
import type { StreamingMode } from '@s3kit/sigv4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Mock } from '../mock/create-s3-mock.js';
import type { S3MockServer } from './listen.js';
import { checksumOf } from '../protocol/checksums.js';

const data = Uint8Array.from({ length: 300_001 }, (_, i) => (i * 11) & 0xff);
const v4a = createSigV4aSigner({ credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, regionSet: '*', service: 's3' });

async function* slices(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.byteLength; i += size) yield bytes.slice(i, i + size);
  await Promise.resolve();
}

describe('SigV4a aws-chunked over HTTP to the s3-mock server', () => {
  const transport = createUndiciTransport();
  const mock = createS3Mock({ seed: { buckets: { bkt: {} } } });
  let server: S3MockServer;
  beforeAll(async () => {
    server = await mock.start();
  });
  afterAll(async () => {
    await transport.close();
    await server.stop();
  });

  for (const mode of ['signed', 'signed-trailer', 'unsigned-trailer'] as StreamingMode[]) {
    it(`${mode}: a streamed body arrives whole, every signature checked`, async () => {
      const url = new URL(server.endpoint);
      const signed = await v4a.signStreaming(
        { method: 'PUT', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: `/bkt/${mode}`, headers: {}, body: slices(data, 7777) },
        { mode, decodedContentLength: data.byteLength, trailer: mode === 'signed' ? undefined : { trailerName: 'x-amz-checksum-crc32', digest: () => checksumOf('CRC32', data), valueLength: 8 } },
      );
      const response = await transport.send(signed);
      expect(response.statusCode, await response.body.text()).toBe(200);
      expect(mock.requests.at(-1)).toMatchObject({ operation: 'PutObject', status: 200 });
      expect(mock.engine.getObject({ Bucket: 'bkt', Key: mode }).Body).toEqual(data);
    });
  }
});
