import { describe, expect, it } from 'vitest';
import { mockContext } from '../test-support/context.js';
import { run as mb } from './mb.js';
import { run as presign } from './presign.js';
import { run as rb } from './rb.js';
import { run as rm } from './rm.js';

describe('s3kit mb / rb', () => {
  it('makes and removes a bucket', async () => {
    const { mock, ctx } = mockContext();
    expect(await mb(['s3://fresh'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe('make_bucket: fresh\n');
    expect(mock.engine.listBuckets().Buckets.map((b) => b.Name)).toEqual(['fresh']);
    expect(await rb(['s3://fresh', '--json'], ctx)).toBe(0);
    expect(ctx.stdout.text).toContain('{"removed":"fresh"}');
    expect(mock.engine.listBuckets().Buckets).toEqual([]);
  });

  it('mb sends the LocationConstraint outside us-east-1', async () => {
    const { mock, ctx } = mockContext();
    expect(await mb(['s3://euro', '--region', 'eu-west-1'], ctx), ctx.stderr.text).toBe(0);
    expect(mock.requests.find((r) => r.operation === 'CreateBucket')?.status).toBe(200);
    expect(mock.engine.getBucketLocation({ Bucket: 'euro' }).LocationConstraint).toBe('eu-west-1');
  });

  it('rb of a non-empty bucket fails with a hint; --force empties it first', async () => {
    const { mock, ctx } = mockContext({ buckets: { full: { objects: { a: '1', 'b/c': '2' } } } });
    expect(await rb(['s3://full'], ctx)).toBe(254);
    expect(ctx.stderr.text).toContain('BucketNotEmpty');
    expect(ctx.stderr.text).toContain("s3kit rb --force");
    expect(await rb(['s3://full', '--force'], ctx)).toBe(0);
    expect(ctx.stdout.text).toContain('delete: s3://full/b/c\n');
    expect(ctx.stdout.text).toContain('remove_bucket: full\n');
    expect(mock.engine.listBuckets().Buckets).toEqual([]);
  });

  it('mb/rb reject keys and missing arguments', async () => {
    const { ctx } = mockContext();
    expect(await mb(['s3://bkt/key'], ctx)).toBe(252);
    expect(await rb(['s3://bkt/key'], ctx)).toBe(252);
    expect(await mb([], ctx)).toBe(252);
    expect(ctx.stderr.text).toContain('hint: usage: s3kit mb s3://bucket');
  });
});

describe('s3kit rm', () => {
  const seed = { buckets: { bkt: { objects: { 'a.txt': '1', 'dir/x.log': '2', 'dir/y.txt': '3', 'dir/sub/z.log': '4' } } } };

  it('deletes one object', async () => {
    const { mock, ctx } = mockContext(seed);
    expect(await rm(['s3://bkt/a.txt'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe('delete: s3://bkt/a.txt\n');
    expect(mock.engine.listObjectsV2({ Bucket: 'bkt' }).KeyCount).toBe(3);
  });

  it('--recursive with filters, --dryrun first', async () => {
    const { mock, ctx } = mockContext(seed);
    expect(await rm(['s3://bkt/dir/', '--recursive', '--exclude', '*', '--include', '*.log', '--dryrun'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe('(dryrun) delete: s3://bkt/dir/sub/z.log\n(dryrun) delete: s3://bkt/dir/x.log\n');
    expect(mock.engine.listObjectsV2({ Bucket: 'bkt' }).KeyCount).toBe(4);
    expect(await rm(['s3://bkt/dir/', '--recursive', '--exclude', '*', '--include', '*.log', '--json'], ctx)).toBe(0);
    expect(ctx.stdout.text).toContain('"deleted":["dir/sub/z.log","dir/x.log"]');
    expect(mock.engine.listObjectsV2({ Bucket: 'bkt' }).Contents.map((o) => o.Key)).toEqual(['a.txt', 'dir/y.txt']);
  });

  it('rm of a bucket without --recursive is a usage error', async () => {
    const { ctx } = mockContext(seed);
    expect(await rm(['s3://bkt'], ctx)).toBe(252);
    expect(ctx.stderr.text).toContain("run 's3kit rm s3://bkt/ --recursive'");
  });
});

describe('s3kit presign', () => {
  it('prints a presigned GET URL with the expiry asked for', async () => {
    const { ctx } = mockContext({ buckets: { bkt: { objects: { 'k 1.txt': 'hi' } } } });
    ctx.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:9';
    expect(await presign(['s3://bkt/k 1.txt', '--expires-in', '600'], ctx)).toBe(0);
    const url = new URL(ctx.stdout.text.trim());
    expect(url.pathname).toBe('/bkt/k%201.txt');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^test\//);
    expect(url.searchParams.has('X-Amz-Signature')).toBe(true);
  });

  it('defaults to 3600 s; rejects a bucket URL and too long expiries', async () => {
    const { ctx } = mockContext();
    expect(await presign(['s3://bkt/k', '--json', '--endpoint-url', 'http://127.0.0.1:9'], ctx)).toBe(0);
    expect(JSON.parse(ctx.stdout.text)).toMatchObject({ expiresIn: 3600 });
    expect(await presign(['s3://bkt'], ctx)).toBe(252);
    expect(await presign(['s3://bkt/k', '--expires-in', '604801'], ctx)).toBe(252);
  });
});
