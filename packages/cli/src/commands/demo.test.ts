import { describe, expect, it } from 'vitest';
import { testContext } from '../test-support/context.js';
import { run } from './demo.js';

describe('s3kit demo', () => {
  it('runs every step against the embedded server and prints the summary table', async () => {
    const ctx = testContext();
    const code = await run(['--size-mib', '12', '--files', '40', '--changed', '5'], ctx);
    expect(ctx.stderr.text).toBe('');
    expect(code).toBe(0);
    const out = ctx.stdout.text;
    expect(out).toContain('re-sync: only the 5 changed files moved (35 unchanged)');
    expect(out).toMatch(/download: big\.bin in 2 parallel ranges, SHA-256 [0-9a-f]{16}\.\.\. matches/);
    expect(out).toMatch(/upload\s+1\s+12\.0 MiB\s+\S+ \S+\s+\S+ MiB\/s\s+multipart, 2 parts, 8 in flight/);
    expect(out).toContain('presigned GET via fetch');
    expect(out).toContain('clean up');
  });
});

describe('s3kit demo options', () => {
  it('--json prints the result document only; bars go to a TTY sink', async () => {
    const ctx = testContext({ isTTY: true });
    expect(await run(['--size-mib', '6', '--files', '12', '--changed', '3', '--json', '--part-size', '5MiB', '--concurrency', '3'], ctx)).toBe(0);
    const doc = JSON.parse(ctx.stdout.text) as { embedded: boolean; bucket: string; steps: { step: string; items: number }[] };
    expect(doc.embedded).toBe(true);
    expect(doc.bucket).toMatch(/^s3kit-demo-[0-9a-z]+-[0-9a-f]{6}$/);
    expect(doc.steps.find((s) => s.step === 're-sync after changes')?.items).toBe(3);
    expect(ctx.stderr.text).toBe('');
    const tty = testContext({ isTTY: true });
    expect(await run(['--size-mib', '1', '--files', '4', '--changed', '1'], tty)).toBe(0);
    expect(tty.stderr.text).toContain('re-sync: only the 1 changed files moved');
  });

  it('usage errors exit 252', async () => {
    for (const args of [['--files', '10', '--changed', '11'], ['--size-mib', '0'], ['extra']]) {
      const ctx = testContext();
      expect(await run(args, ctx), args.join(' ')).toBe(252);
      expect(ctx.stderr.text).toContain('hint: ');
    }
  });

  it('an unreachable endpoint exits 255 with a hint', async () => {
    const ctx = testContext();
    expect(await run(['--endpoint-url', 'http://127.0.0.1:9', '--size-mib', '1', '--files', '1', '--changed', '1'], ctx)).toBe(255);
    expect(ctx.stderr.text).toContain('hint: ');
  });
});
