import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { mockContext } from '../test-support/context.js';
import { parseRange, run } from './cat.js';

function bytesOut(): { stream: PassThrough; text(): string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString() };
}

describe('s3kit cat', () => {
  const seed = { buckets: { logs: { objects: { 'today.txt': 'line one\nline two\n' } } } };

  it('writes the object to stdout, or the --range asked for', async () => {
    const { ctx } = mockContext(seed);
    const out = bytesOut();
    ctx.stdoutBytes = out.stream;
    expect(await run(['s3://logs/today.txt'], ctx)).toBe(0);
    expect(await run(['s3://logs/today.txt', '--range=-9'], ctx)).toBe(0);
    expect(await run(['s3://logs/today.txt', '--range', 'bytes=0-3'], ctx)).toBe(0);
    expect(out.text()).toBe('line one\nline two\nline two\nline');
    expect(ctx.stderr.text).toBe('');
  });

  it('names the operation, the object and S3 code when it is missing (254)', async () => {
    const { ctx } = mockContext(seed);
    ctx.stdoutBytes = bytesOut().stream;
    expect(await run(['s3://logs/nope.txt'], ctx)).toBe(254);
    expect(ctx.stderr.text).toContain('GetObject logs/nope.txt failed: NoSuchKey (404)');
  });

  it('refuses a prefix, a bad range and a context without stdout (252)', async () => {
    const { ctx } = mockContext(seed);
    expect(await run(['s3://logs/'], ctx)).toBe(252);
    expect(await run(['s3://logs/today.txt'], ctx)).toBe(252);
    expect(ctx.stderr.text).toContain('cat needs an object key');
    expect(ctx.stderr.text).toContain('no stdout');
  });

  it('parseRange accepts S3 byte ranges only', () => {
    expect(parseRange('0-99')).toBe('bytes=0-99');
    expect(parseRange('100-')).toBe('bytes=100-');
    expect(parseRange('-100')).toBe('bytes=-100');
    expect(parseRange('bytes=5-9')).toBe('bytes=5-9');
    for (const bad of ['9-5', 'abc', '1-2-3', '', 'bytes=']) expect(() => parseRange(bad), bad).toThrow(/is not a byte range/);
  });
});
