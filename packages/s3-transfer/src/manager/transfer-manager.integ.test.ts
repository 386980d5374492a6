import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Client } from '@s3kit/s3-core';
import { createS3Mock } from '@s3kit/s3-mock';
import type { S3Mock, S3MockServer } from '@s3kit/s3-mock';
import { createTransferManager } from './transfer-manager.js';
import type { TransferManager } from './transfer-manager.js';

const PART = 64 * 1024;

function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 31 + seed) & 0xff;
  return out;
}

describe('transfer manager over the s3-mock HTTP server (undici)', () => {
  let mock: S3Mock;
  let server: S3MockServer;
  let client: S3Client;
  let tm: TransferManager;
  let dir: string;
  beforeAll(async () => {
    mock = createS3Mock({ minPartSize: PART });
    server = await mock.start();
    client = new S3Client({
      endpoint: server.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      retry: { baseDelayMs: 1 },
      config: { env: { AWS_CONFIG_FILE: '/nonexistent/s3kit/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/s3kit/credentials' } },
    });
    await client.createBucket({ Bucket: 'integ' });
    tm = createTransferManager({ client, partSize: PART, minPartSize: PART, multipartThreshold: 2 * PART, concurrency: 4, retry: { baseDelayMs: 1 } });
    dir = await mkdtemp(join(tmpdir(), 's3-transfer-integ-'));
  });
  afterAll(async () => {
    await client.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('uploads a file and a stream in parts through a connection reset, downloads them verified', async () => {
    const data = bytes(7 * PART + 123, 5);
    const path = join(dir, 'src.bin');
    await writeFile(path, data);
    mock.faults.add({ match: { operation: 'UploadPart' }, action: 'reset', times: 1 });
    const up = await tm.upload({ Bucket: 'integ', Key: 'file.bin', Body: path }, { checkpoint: join(dir, 'src.ckpt') });
    expect(up).toMatchObject({ multipart: true, parts: 8, size: data.byteLength });
    const streamed = await tm.upload({ Bucket: 'integ', Key: 'stream.bin', Body: Readable.from([data.subarray(0, 1000), data.subarray(1000)]) });
    expect(streamed.checksum).toEqual(up.checksum);
    for (const key of ['file.bin', 'stream.bin']) {
      const to = join(dir, `${key}.out`);
      const down = await tm.download({ Bucket: 'integ', Key: key }, { to });
      expect(down.verifiedBy).toBe('checksum');
      expect(new Uint8Array(await readFile(to))).toEqual(data);
    }
    expect(mock.uploadsInFlight()).toHaveLength(0);
  });

  it('syncs a tree up and back down', async () => {
    const src = join(dir, 'tree');
    await mkdir(join(src, 'sub'), { recursive: true });
    await writeFile(join(src, 'a.txt'), 'a');
    await writeFile(join(src, 'sub', 'b.bin'), bytes(3 * PART, 2));
    const up = await tm.sync({ direction: 'upload', localDir: src, Bucket: 'integ', Prefix: 'tree/' });
    expect(up.done).toHaveLength(2);
    const back = join(dir, 'back');
    const down = await tm.sync({ direction: 'download', localDir: back, Bucket: 'integ', Prefix: 'tree/' });
    expect(down.done).toHaveLength(2);
    expect(new Uint8Array(await readFile(join(back, 'sub', 'b.bin')))).toEqual(bytes(3 * PART, 2));
    expect((await tm.planSync({ direction: 'download', localDir: back, Bucket: 'integ', Prefix: 'tree/' })).actions).toEqual([]);
  });
});
