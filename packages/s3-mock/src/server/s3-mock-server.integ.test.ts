import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRequest, testSigner } from '../mock/test-client.js';
import { startS3MockServer } from './start-server.js';
import type { StandaloneS3MockServer } from './start-server.js';

const run = promisify(execFile);

describe('S3 mock server', () => {
  let server: StandaloneS3MockServer;
  let dir: string;
  beforeAll(async () => {
    server = await startS3MockServer();
    dir = mkdtempSync(join(tmpdir(), 's3-mock-cli-'));
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const aws = async (...args: string[]): Promise<string> => {
    const env: NodeJS.ProcessEnv = { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };
    delete env.AWS_PROFILE;
    delete env.AWS_SESSION_TOKEN;
    const { stdout } = await run('aws', ['--endpoint-url', server.endpoint, ...args], { env, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  };

  it('works with the real AWS CLI: mb, cp (single and multipart), ls, tagging, rm, rb', async () => {
    await aws('s3', 'mb', 's3://cli-bucket');
    const small = join(dir, 'small.txt');
    writeFileSync(small, 'hello from the cli\n');
    await aws('s3', 'cp', small, 's3://cli-bucket/dir/small.txt');
    const big = join(dir, 'big.bin');
    const data = randomBytes(20 * 1024 * 1024);
    writeFileSync(big, data);
    await aws('s3', 'cp', big, 's3://cli-bucket/big.bin');
    expect(server.mock.requests.filter((r) => r.operation === 'UploadPart').length).toBeGreaterThan(1);
    // awscli 1.45 over plain HTTP: signed payload hash, CRC32 in a header (trailers only over TLS), Expect: 100-continue.
    const put = server.mock.requests.find((r) => r.operation === 'PutObject')!;
    expect(put.headers).toMatchObject({ expect: '100-continue', 'x-amz-sdk-checksum-algorithm': 'CRC32' });
    expect(server.engine.headObject({ Bucket: 'cli-bucket', Key: 'dir/small.txt' }).Checksum).toEqual({ algorithm: 'CRC32', value: put.headers['x-amz-checksum-crc32'], type: 'FULL_OBJECT' });
    expect(server.engine.headObject({ Bucket: 'cli-bucket', Key: 'big.bin' }).Checksum).toMatchObject({ algorithm: 'CRC32', type: 'COMPOSITE' });
    expect(server.mock.requests.every((r) => r.status < 400)).toBe(true);
    expect(server.mock.uploadsInFlight()).toHaveLength(0);
    const listing = await aws('s3', 'ls', '--recursive', 's3://cli-bucket');
    expect(listing).toContain('dir/small.txt');
    expect(listing).toContain(String(data.length));
    const back = join(dir, 'back.bin');
    await aws('s3', 'cp', 's3://cli-bucket/big.bin', back);
    expect(createHash('sha256').update(readFileSync(back)).digest('hex')).toBe(createHash('sha256').update(data).digest('hex'));
    await aws('s3api', 'put-object-tagging', '--bucket', 'cli-bucket', '--key', 'dir/small.txt', '--tagging', 'TagSet=[{Key=env,Value=test}]');
    const tags = JSON.parse(await aws('s3api', 'get-object-tagging', '--bucket', 'cli-bucket', '--key', 'dir/small.txt')) as { TagSet: unknown[] };
    expect(tags.TagSet).toEqual([{ Key: 'env', Value: 'test' }]);
    await aws('s3', 'rm', '--recursive', 's3://cli-bucket');
    await aws('s3', 'rb', 's3://cli-bucket');
    expect(server.engine.listBuckets().Buckets).toHaveLength(0);
  });

  it('serves presigned URLs to fetch, virtual-host addressing and injected resets', async () => {
    server.mock.seed({ buckets: { 'web-bucket': { objects: { 'a b.txt': 'presigned!' } } } });
    const signer = testSigner();
    const presigned = await signer.presign({ ...testRequest('GET', '/web-bucket/a%20b.txt'), port: server.port }, { expiresIn: 300 });
    const res = await fetch(presigned.url);
    expect([res.status, await res.text()]).toEqual([200, 'presigned!']);
    // Virtual-host addressing through the Host header (fetch cannot override Host, node:http can).
    const vh = await signer.sign({ ...testRequest('GET', '/a%20b.txt', { hostname: 'web-bucket.localhost' }), port: server.port });
    const viaHost = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: vh.path, headers: vh.headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(viaHost).toEqual({ status: 200, body: 'presigned!' });
    const expired = await fetch(presigned.url.replace(/X-Amz-Signature=[0-9a-f]+/, `X-Amz-Signature=${'0'.repeat(64)}`));
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('SignatureDoesNotMatch');
    server.mock.faults.add({ match: { operation: 'GetObject' }, action: 'reset' });
    await expect(fetch(presigned.url)).rejects.toThrow();
    server.mock.faults.add({ match: { operation: 'GetObject' }, action: { truncateBodyAt: 3 } });
    const truncated = await fetch(presigned.url);
    await expect(truncated.text()).rejects.toThrow();
    const unsized = await fetch(`${server.endpoint}/web-bucket/x`, { method: 'PUT', body: new ReadableStream({ start: (c) => { c.enqueue(new TextEncoder().encode('x')); c.close(); } }), duplex: 'half' });
    expect(unsized.status).toBe(403);
    const open = await startS3MockServer({ auth: 'none', seed: { buckets: { 'open-bucket': {} } } });
    try {
      const chunkedPut = await fetch(`${open.endpoint}/open-bucket/x`, { method: 'PUT', body: new ReadableStream({ start: (c) => { c.enqueue(new TextEncoder().encode('x')); c.close(); } }), duplex: 'half' });
      expect([chunkedPut.status, await chunkedPut.text()]).toEqual([411, expect.stringContaining('<Code>MissingContentLength</Code>')]);
      const sized = await fetch(`${open.endpoint}/open-bucket/y`, { method: 'PUT', body: 'sized' });
      expect(sized.status).toBe(200);
      const head = await fetch(`${open.endpoint}/open-bucket/nope`, { method: 'HEAD' });
      expect([head.status, await head.text()]).toEqual([404, '']);
      expect(open.mock.requests.map((r) => r.operation)).toEqual(['PutObject', 'PutObject', 'HeadObject']);
    } finally {
      await open.stop();
    }
  });
});
