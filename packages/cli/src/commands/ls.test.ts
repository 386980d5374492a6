import { describe, expect, it } from 'vitest';
import { mockContext } from '../test-support/context.js';
import { run } from './ls.js';

const seed = { buckets: { photos: { objects: { 'a.txt': 'hello', '2024/b.jpg': 'xx', '2024/c/d.jpg': 'yyy' } }, other: {} } };

describe('s3kit ls', () => {
  it('lists buckets', async () => {
    const { ctx } = mockContext(seed);
    expect(await run([], ctx)).toBe(0);
    expect(ctx.stdout.text).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d other\n\d{4}-.* photos\n$/);
  });

  it('lists prefixes and objects under a prefix, names relative to it', async () => {
    const { ctx } = mockContext(seed);
    expect(await run(['s3://photos/2024/'], ctx)).toBe(0);
    const lines = ctx.stdout.text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\s+PRE c\/$/);
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+2 b\.jpg$/);
  });

  it('--recursive --summarize --human-readable prints sizes as aws s3 ls does (regression: "10 B" where aws says "10 Bytes")', async () => {
    const { ctx } = mockContext(seed);
    expect(await run(['s3://photos', '--recursive', '--summarize', '--human-readable'], ctx)).toBe(0);
    expect(ctx.stdout.text).toContain(' 2024/c/d.jpg\n');
    expect(ctx.stdout.text).toContain('Total Objects: 3\n');
    expect(ctx.stdout.text).toContain('    2 Bytes 2024/b');
    expect(ctx.stdout.text).toContain('\nTotal Objects: 3\n   Total Size: 10 Bytes\n');
  });

  it('--json prints one document', async () => {
    const { ctx } = mockContext(seed);
    expect(await run(['s3://photos/', '--json'], ctx)).toBe(0);
    const doc = JSON.parse(ctx.stdout.text) as { prefixes: string[]; objects: { key: string; size: number }[] };
    expect(doc.prefixes).toEqual(['2024/']);
    expect(doc.objects.map((o) => [o.key, o.size])).toEqual([['a.txt', 5]]);
    const buckets = mockContext(seed).ctx;
    expect(await run(['--json'], buckets)).toBe(0);
    expect((JSON.parse(buckets.stdout.text) as { buckets: { name: string }[] }).buckets.map((b) => b.name)).toEqual(['other', 'photos']);
  });

  it('a missing bucket exits 254 with the S3 code and a hint', async () => {
    const { ctx } = mockContext(seed);
    expect(await run(['s3://nope/'], ctx)).toBe(254);
    expect(ctx.stderr.text).toContain('NoSuchBucket');
    expect(ctx.stderr.text).toContain('hint: ');
  });

  it('bad usage exits 252 and says what to do', async () => {
    const { ctx } = mockContext(seed);
    expect(await run(['photos'], ctx)).toBe(252);
    expect(ctx.stderr.text).toContain('hint: write S3 locations as s3://bucket/key');
    expect(await run(['s3://a', 's3://b'], ctx)).toBe(252);
    expect(await run(['--help'], ctx)).toBe(0);
    expect(ctx.stdout.text).toContain('usage: s3kit ls');
  });

  it('wrong credentials: the S3 code, never the secret', async () => {
    const { ctx } = mockContext(seed);
    ctx.env.AWS_SECRET_ACCESS_KEY = 'not-the-secret-value';
    expect(await run([], ctx)).toBe(254);
    expect(ctx.stderr.text).toContain('SignatureDoesNotMatch');
    expect(ctx.stderr.text).not.toContain('not-the-secret-value');
  });
});
