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

  it('rejects half a key pair, bad ports and arguments', async () => {
    const aborted = AbortSignal.abort();
    for (const args of [['--access-key', 'x'], ['--port', '70000'], ['extra']]) {
      const ctx = testContext({ signal: aborted });
      expect(await serve(args, ctx)).toBe(252);
      expect(ctx.stderr.text).toContain('hint: ');
    }
  });
});
