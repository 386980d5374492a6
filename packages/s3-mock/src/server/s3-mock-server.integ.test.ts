import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
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

  const awsWith = async (configFile: string, ...args: string[]): Promise<string> => {
    const env: NodeJS.ProcessEnv = { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1', AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };
    delete env.AWS_PROFILE;
    delete env.AWS_SESSION_TOKEN;
    const { stdout } = await run('aws', ['--endpoint-url', server.endpoint, ...args], { env, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  };
  const aws = (...args: string[]): Promise<string> => awsWith('/dev/null', ...args);

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

  it('works with the real AWS CLI: sync both ways, presign, list-objects-v2 --max-items pages, get-object --range', async () => {
    await aws('s3', 'mb', 's3://cli-sync');
    const up = join(dir, 'up');
    mkdirSync(join(up, 'sub'), { recursive: true });
    // Files from a minute ago: the CLI re-uploads a file whose mtime is later than LastModified,
    // which S3 (and the mock) give in whole seconds, so a file written in the second of its
    // upload would look newer than its object on the next sync.
    const past = new Date(Date.now() - 60_000);
    for (const name of ['a.txt', 'b.txt', 'sub/c.txt', 'sub/d e.txt']) {
      writeFileSync(join(up, name), `content of ${name}\n`);
      utimesSync(join(up, name), past, past);
    }
    const synced = await aws('s3', 'sync', up, 's3://cli-sync/tree');
    expect(synced.match(/upload:/g)).toHaveLength(4);
    expect(await aws('s3', 'sync', up, 's3://cli-sync/tree')).toBe(''); // nothing changed: nothing sent
    const down = join(dir, 'down');
    await aws('s3', 'sync', 's3://cli-sync/tree', down);
    expect(readdirSync(join(down, 'sub')).sort()).toEqual(['c.txt', 'd e.txt']);
    expect(readFileSync(join(down, 'sub/d e.txt'), 'utf8')).toBe('content of sub/d e.txt\n');

    // awscli v1 presigns with SigV2 unless told otherwise; the mock (like new AWS regions) only takes SigV4.
    const v4Config = join(dir, 'sigv4.cfg');
    writeFileSync(v4Config, '[default]\ns3 =\n    signature_version = s3v4\n');
    const url = (await awsWith(v4Config, 's3', 'presign', 's3://cli-sync/tree/a.txt', '--expires-in', '60')).trim();
    expect(url).toContain('X-Amz-Signature=');
    const res = await fetch(url);
    expect([res.status, await res.text()]).toEqual([200, 'content of a.txt\n']);

    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = JSON.parse(
        await aws('s3api', 'list-objects-v2', '--bucket', 'cli-sync', '--max-items', '3', ...(token ? ['--starting-token', token] : [])),
      ) as { Contents?: { Key: string }[]; NextToken?: string };
      keys.push(...(page.Contents ?? []).map((o) => o.Key));
      token = page.NextToken;
      pages++;
    } while (token && pages < 5);
    expect([keys, pages]).toEqual([['tree/a.txt', 'tree/b.txt', 'tree/sub/c.txt', 'tree/sub/d e.txt'], 2]);

    const rangeOut = join(dir, 'range.txt');
    const meta = JSON.parse(await aws('s3api', 'get-object', '--bucket', 'cli-sync', '--key', 'tree/b.txt', '--range', 'bytes=0-6', rangeOut)) as { ContentRange: string };
    expect([readFileSync(rangeOut, 'utf8'), meta.ContentRange]).toEqual(['content', 'bytes 0-6/17']);

    await aws('s3', 'rm', '--recursive', 's3://cli-sync/tree');
    await aws('s3', 'rb', 's3://cli-sync');
    expect(server.engine.listBuckets().Buckets.map((b) => b.Name)).not.toContain('cli-sync');
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
