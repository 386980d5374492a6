import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { mockContext } from '../test-support/context.js';
import { run } from './cp.js';

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

describe('s3kit cp with - (stdin, stdout)', () => {
  it('uploads stdin to the object, then writes the object to stdout and nothing else', async () => {
    const { mock, ctx } = mockContext({ buckets: { pipes: {} } });
    ctx.stdin = chunks('hello ', 'from ', 'stdin');
    expect(await run(['-', 's3://pipes/in.txt'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe('upload: - to s3://pipes/in.txt\n');
    expect(new TextDecoder().decode(mock.engine.getObject({ Bucket: 'pipes', Key: 'in.txt' }).Body)).toBe('hello from stdin');

    const out = new PassThrough();
    const received: Buffer[] = [];
    out.on('data', (chunk: Buffer) => received.push(chunk));
    const down = mockContext().ctx;
    down.transport = ctx.transport!;
    down.stdoutBytes = out;
    expect(await run(['s3://pipes/in.txt', '-', '--json'], down)).toBe(0);
    expect(Buffer.concat(received).toString()).toBe('hello from stdin');
    expect(down.stdout.text).toBe('');
  });

  it('refuses --recursive, - on both sides, a prefix, and a context without stdin or stdout (252)', async () => {
    const { ctx } = mockContext({ buckets: { pipes: {} } });
    for (const argv of [['-', 's3://pipes/k', '--recursive'], ['-', '-'], ['-', 's3://pipes/dir/'], ['-', './local'], ['-', 's3://pipes/k'], ['s3://pipes/k', '-']]) {
      expect(await run(argv, ctx), argv.join(' ')).toBe(252);
    }
    expect(ctx.stderr.text).toContain('cannot be used with --recursive');
    expect(ctx.stderr.text).toContain('names no object');
    expect(ctx.stderr.text).toContain('the target must be an S3 URL');
    expect(ctx.stderr.text).toContain('there is no stdin');
    expect(ctx.stderr.text).toContain('there is no stdout');
  });
});
