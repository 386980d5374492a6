import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@s3kit/s3-core';
import { describe, expect, it } from 'vitest';
import { testContext } from '../test-support/context.js';
import { run as serve } from './serve.js';

/** Waits until the captured stdout has a first line. */
async function firstLine(read: () => string): Promise<string> {
  for (let i = 0; i < 200 && !read().includes('\n'); i++) await new Promise((r) => setTimeout(r, 10));
  return read().split('\n')[0]!;
}

describe('s3kit serve', () => {
  it('prints the endpoint first, serves S3 with the given keys, and stops on abort', async () => {
    const stop = new AbortController();
    const ctx = testContext({ signal: stop.signal });
    const done = serve(['--port', '0', '--access-key', 'AKIDSERVE', '--secret-key', 'serve-secret', '--region', 'eu-west-1'], ctx);
    const endpoint = await firstLine(() => ctx.stdout.text);
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = new S3Client({ endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'AKIDSERVE', secretAccessKey: 'serve-secret' } });
    await client.createBucket({ Bucket: 'served', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } });
    expect((await client.listBuckets()).Buckets?.map((b) => b.Name)).toEqual(['served']);
    await client.close();
    expect(ctx.stderr.text).toContain('access key "AKIDSERVE"');
    expect(ctx.stderr.text).not.toContain('serve-secret');
    stop.abort();
    expect(await done).toBe(0);
    expect(ctx.stderr.text).toContain('s3kit serve: stopped');
    await expect(fetch(endpoint)).rejects.toThrow();
  });

  it('--json prints the endpoint as a JSON document first', async () => {
    const stop = new AbortController();
    const ctx = testContext({ signal: stop.signal });
    const done = serve(['--json'], ctx);
    const line = await firstLine(() => ctx.stdout.text);
    expect(JSON.parse(line)).toMatchObject({ accessKeyId: 'test', region: 'us-east-1' });
    stop.abort();
    expect(await done).toBe(0);
  });

  it('--user and --users run one account per key pair; --log prints a line per request', async () => {
    const dir = await mkdtemp(join(tmpdir(), 's3kit-serve-'));
    await writeFile(join(dir, 'users.json'), JSON.stringify([{ accessKeyId: 'AKIDBOB', secretAccessKey: 'bob-secret', displayName: 'bob', email: 'bob@example.com' }]));
    const stop = new AbortController();
    const ctx = testContext({ signal: stop.signal, cwd: dir });
    const alice = 'a'.repeat(64);
    const done = serve(['--user', `AKIDALICE:alice-secret:${alice}:alice`, '--users', 'users.json', '--log'], ctx);
    const endpoint = await firstLine(() => ctx.stdout.text);
    const as = (accessKeyId: string, secretAccessKey: string) => new S3Client({ endpoint, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey } });
    const a = as('AKIDALICE', 'alice-secret');
    const b = as('AKIDBOB', 'bob-secret');
    await a.createBucket({ Bucket: 'alices' });
    expect((await a.listBuckets()).Owner).toEqual({ ID: alice, DisplayName: 'alice' });
    await expect(b.listObjectsV2({ Bucket: 'alices' })).rejects.toMatchObject({ code: 'AccessDenied' });
    expect((await b.listBuckets()).Buckets ?? []).toEqual([]);
    await a.close();
    await b.close();
    stop.abort();
    expect(await done).toBe(0);
    expect(ctx.stderr.text).toContain('access keys "AKIDALICE", "AKIDBOB"');
    const lines = ctx.stderr.text.split('\n').filter((l) => /^\d{4}-\d\d-\d\dT/.test(l));
    expect(lines.map((l) => l.split(' ').slice(1, 5).join(' '))).toEqual(['PUT /alices 200 -', 'GET / 200 -', 'GET /alices?encoding-type=url&list-type=2 403 AccessDenied', 'GET / 200 -']);
    expect(lines.every((l) => /\d+\.\dms$/.test(l))).toBe(true);
    expect(ctx.stderr.text).not.toContain('secret');
  });

  it('refuses a --user without a secret and a --users file that is not a JSON array of users, without echoing it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 's3kit-serve-'));
    await writeFile(join(dir, 'bad.json'), '{"accessKeyId": "K", "secretAccessKey": "leaky-secret"');
    await writeFile(join(dir, 'wrong.json'), '[{"accessKeyId": "K"}]');
    const aborted = AbortSignal.abort();
    for (const args of [['--user', 'AKIDONLY'], ['--users', 'bad.json'], ['--users', 'wrong.json'], ['--users', 'missing.json']]) {
      const ctx = testContext({ signal: aborted, cwd: dir });
      expect(await serve(args, ctx)).toBe(252);
      expect(ctx.stderr.text).toContain('hint: ');
      expect(ctx.stderr.text).not.toContain('leaky-secret');
    }
  });

  it('rejects half a key pair, bad ports and arguments', async () => {
    const aborted = AbortSignal.abort();
    for (const args of [['--access-key', 'x'], ['--port', '70000'], ['extra']]) {
      const ctx = testContext({ signal: aborted });
      expect(await serve(args, ctx)).toBe(252);
      expect(ctx.stderr.text).toContain('hint: ');
    }
  });
});
