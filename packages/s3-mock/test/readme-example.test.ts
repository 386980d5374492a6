/** The README's `useS3Mock` example, run as written (keep the two in sync). */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { expect, it } from 'vitest';
import type { HttpQuery, HttpTransport } from '@s3kit/primitives';
import { useS3Mock } from '@s3kit/s3-mock/testing';

// --- the user's code ---
class AvatarStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}
  async save(userId: string, png: Uint8Array): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: `avatars/${userId}.png`, Body: png, ContentType: 'image/png' }));
  }
  async load(userId: string): Promise<Uint8Array | undefined> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: `avatars/${userId}.png` }));
      return await out.Body?.transformToByteArray();
    } catch (e) {
      if ((e as { name?: string }).name === 'NoSuchKey') return undefined;
      throw e;
    }
  }
}

// --- the test: an AWS SDK client whose requests go through the mock's in-process transport ---
type SdkRequest = { method: string; protocol: string; hostname: string; port?: number; path: string; query: Record<string, string | string[] | null>; headers: Record<string, string>; body?: unknown };

function sdkClientOver(transport: HttpTransport): S3Client {
  const requestHandler = {
    async handle(req: SdkRequest) {
      const query: HttpQuery = {};
      for (const [k, v] of Object.entries(req.query)) query[k] = v ?? '';
      const res = await transport.send({
        method: req.method,
        protocol: 'http:',
        hostname: req.hostname,
        ...(req.port === undefined ? {} : { port: req.port }),
        path: req.path,
        query,
        headers: req.headers,
        ...(req.body === undefined ? {} : { body: req.body as AsyncIterable<Uint8Array> | Uint8Array | string }),
      });
      return { response: { statusCode: res.statusCode, headers: res.headers, body: Readable.from(res.body) } };
    },
  };
  return new S3Client({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9000', // never dialled: the request handler serves in-process
    forcePathStyle: true,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler,
  });
}

const s3 = useS3Mock({ seed: { buckets: { avatars: {} } } });

it('AvatarStore saves and loads avatars', async () => {
  const store = new AvatarStore(sdkClientOver(s3.mock.transport), 'avatars');
  await store.save('u1', new Uint8Array([137, 80, 78, 71]));
  expect(await store.load('u1')).toEqual(new Uint8Array([137, 80, 78, 71]));
  expect(await store.load('nobody')).toBeUndefined();
  expect(s3.mock).toHaveReceived('PutObject', { bucket: 'avatars', key: 'avatars/u1.png', headers: { 'content-type': 'image/png' } });
  expect(s3.mock).toHaveReceivedTimes('GetObject', 2);
  expect(s3.mock).toHaveReceivedInOrder(['PutObject', 'GetObject']);
  expect(s3.mock.engine.headObject({ Bucket: 'avatars', Key: 'avatars/u1.png' }).ContentLength).toBe(4);
});

it('AvatarStore surfaces throttling', async () => {
  s3.mock.faults.add({ match: { operation: 'PutObject' }, times: 10, action: { slowDown: true } });
  const store = new AvatarStore(sdkClientOver(s3.mock.transport), 'avatars');
  await expect(store.save('u2', new Uint8Array([1]))).rejects.toMatchObject({ name: 'SlowDown' });
  expect(s3.mock.requests.filter((r) => r.errorCode === 'SlowDown').length).toBeGreaterThan(1); // the SDK retried
});
