import { describe, expect, it } from 'vitest';
import { mockContext } from '../test-support/context.js';
import { run, s3UrlCandidates } from './completion.js';

describe('s3kit completion', () => {
  const seed = { buckets: { alpha: { objects: { 'a.txt': 'a', 'dir/b.txt': 'b' } }, beta: {} } };

  it('lists bucket URLs, then prefixes and keys under the word', async () => {
    const { ctx } = mockContext(seed);
    expect(await s3UrlCandidates(ctx, 's3://', [])).toEqual(['s3://alpha/', 's3://beta/']);
    expect(await s3UrlCandidates(ctx, 's3://al', [])).toEqual(['s3://alpha/']);
    expect(await s3UrlCandidates(ctx, 's3://alpha/', ['s3kit', 'ls'])).toEqual(['s3://alpha/dir/', 's3://alpha/a.txt']);
    expect(await s3UrlCandidates(ctx, 's3://alpha/d', [])).toEqual(['s3://alpha/dir/']);
  });

  it('--s3-urls prints one URL a line, and nothing when S3 says no', async () => {
    const { ctx } = mockContext(seed);
    expect(await run(['--s3-urls', 's3://alpha/', '--', 's3kit', 'cp'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe('s3://alpha/dir/\ns3://alpha/a.txt\n');
    const missing = mockContext(seed).ctx;
    expect(await run(['--s3-urls', 's3://nope/'], missing)).toBe(0);
    expect(missing.stdout.text + missing.stderr.text).toBe('');
  });

  it('prints each shell script, and refuses another shell (252)', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const { ctx } = mockContext();
      expect(await run([shell], ctx)).toBe(0);
      expect(ctx.stdout.text).toContain('s3kit completion --s3-urls');
    }
    const { ctx } = mockContext();
    expect(await run(['tcsh'], ctx)).toBe(252);
    expect(ctx.stderr.text).toContain('expected a shell: bash, zsh or fish');
  });
});
