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
    expect(out).toMatch(/upload \(multipart\)\s+1\s+12\.0 MiB/);
    expect(out).toContain('presigned GET via fetch');
    expect(out).toContain('clean up');
  });
});
