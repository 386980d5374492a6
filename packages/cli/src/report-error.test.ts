import { CredentialsError } from '@s3kit/primitives';
import { S3ServiceError } from '@s3kit/s3-core';
import { describe, expect, it } from 'vitest';
import { describeError, hintFor, reportError } from './report-error.js';
import { testContext } from './test-support/context.js';
import { UsageError } from './usage-error.js';

describe('reportError', () => {
  it('prints the S3 code and a hint, exit 1', () => {
    const ctx = testContext();
    const err = new S3ServiceError({ code: 'NoSuchBucket', statusCode: 404, serviceMessage: 'The specified bucket does not exist', requestId: 'r1', operation: 'ListObjectsV2', bucket: 'nope' });
    expect(reportError(ctx, err, false)).toBe(1);
    expect(ctx.stderr.text).toContain('NoSuchBucket');
    expect(ctx.stderr.text).toContain('(request id r1)');
    expect(ctx.stderr.text).toContain("hint: check the bucket name; 's3kit ls' lists your buckets");
  });

  it('usage errors exit 2 with their hint; JSON mode writes one document to stdout', () => {
    const ctx = testContext();
    expect(reportError(ctx, new UsageError('bad', 'do this'), true)).toBe(2);
    expect(JSON.parse(ctx.stdout.text)).toEqual({ error: { code: 'ERR_USAGE', message: 'bad [ERR_USAGE]', hint: 'do this' } });
    expect(ctx.stderr.text).toBe('');
  });

  it('handles plain errors and values without a hint', () => {
    const ctx = testContext();
    expect(reportError(ctx, new Error('boom'), true)).toBe(1);
    expect(JSON.parse(ctx.stdout.text)).toEqual({ error: { code: 'ERR_UNKNOWN', message: 'boom' } });
    expect(describeError('text')).toBe('text');
    expect(hintFor(new Error('x'))).toBeUndefined();
  });

  it('never prints a secret', () => {
    const ctx = testContext();
    const err = new CredentialsError('bad key aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', {});
    reportError(ctx, err, false);
    expect(ctx.stderr.text).not.toContain('wJalrXUtnFEMI');
    expect(ctx.stderr.text).toContain('hint: no credentials found');
  });
});
