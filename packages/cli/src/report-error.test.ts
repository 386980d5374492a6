import { AbortError, ConfigError, CredentialsError, NetworkError, TimeoutError, ValidationError } from '@s3kit/primitives';
import { S3ServiceError } from '@s3kit/s3-core';
import { describe, expect, it } from 'vitest';
import { defaultGlobalOptions } from './global-options.js';
import { describeError, exitCodeFor, hintFor, reportError } from './report-error.js';
import { testContext } from './test-support/context.js';
import { UsageError } from './usage-error.js';

describe('reportError', () => {
  it('prints the S3 code and a hint, exit 254 (the service answered with an error)', () => {
    const ctx = testContext();
    const err = new S3ServiceError({ code: 'NoSuchBucket', statusCode: 404, serviceMessage: 'The specified bucket does not exist', requestId: 'r1', operation: 'ListObjectsV2', bucket: 'nope' });
    expect(reportError(ctx, err, false)).toBe(254);
    expect(ctx.stderr.text).toContain('NoSuchBucket');
    expect(ctx.stderr.text.match(/request id r1/g)).toHaveLength(1);
    expect(ctx.stderr.text).toContain("hint: check the bucket name; 's3kit ls' lists your buckets");
  });

  it('usage errors exit 252 with their hint; JSON mode writes one document to stdout', () => {
    const ctx = testContext();
    expect(reportError(ctx, new UsageError('bad', 'do this'), true)).toBe(252);
    expect(JSON.parse(ctx.stdout.text)).toEqual({ error: { code: 'ERR_USAGE', message: 'bad', hint: 'do this' } });
    expect(ctx.stderr.text).toBe('');
  });

  it('colours the labels only when asked (--color on) or on a terminal without NO_COLOR', () => {
    const err = new UsageError('bad', 'do this');
    const on = testContext();
    on.globals = { ...defaultGlobalOptions(), color: 'on' };
    reportError(on, err, false);
    expect(on.stderr.text).toBe('\u001b[31ms3kit:\u001b[0m bad\n\u001b[33mhint:\u001b[0m do this\n');
    const tty = testContext({ isTTY: true, env: { NO_COLOR: '1' } });
    reportError(tty, err, false);
    expect(tty.stderr.text).toBe('s3kit: bad\nhint: do this\n');
    const plain = testContext({ isTTY: false });
    reportError(plain, err, false);
    expect(plain.stderr.text).toBe('s3kit: bad\nhint: do this\n');
  });

  it('handles plain errors and values without a hint (exit 255)', () => {
    const ctx = testContext();
    expect(reportError(ctx, new Error('boom'), true)).toBe(255);
    expect(JSON.parse(ctx.stdout.text)).toEqual({ error: { code: 'ERR_UNKNOWN', message: 'boom' } });
    expect(describeError('text')).toBe('text');
    expect(hintFor(new Error('x'))).toBeUndefined();
  });

  it('a connection that broke mid-request is not hinted as an unreachable endpoint (regression: a body cut midway said "could not reach the endpoint")', () => {
    const refused = new NetworkError('Could not connect to the endpoint URL: "http://127.0.0.1:9/b"', { details: { errno: 'ECONNREFUSED' } });
    expect(hintFor(refused)).toBe('could not reach the endpoint: check --endpoint-url and your network');
    const reset = new NetworkError('Connection to the endpoint URL "http://127.0.0.1:9/b" failed: socket hang up', { details: { errno: 'ECONNRESET' } });
    expect(hintFor(reset)).toMatch(/^the connection to the endpoint broke off mid-request/);
    expect(hintFor(new NetworkError('no errno known'))).toBe('could not reach the endpoint: check --endpoint-url and your network');
    expect(hintFor(new NetworkError('fetch failed', { details: { errno: 'ERR_FETCH' } }))).toBe('could not reach the endpoint: check --endpoint-url and your network');
  });

  it('never prints a secret', () => {
    const ctx = testContext();
    const err = new CredentialsError('bad key aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', {});
    reportError(ctx, err, false);
    expect(ctx.stderr.text).not.toContain('wJalrXUtnFEMI');
    expect(ctx.stderr.text).toContain('hint: no credentials found');
  });

  it('maps errors to the AWS CLI v2 exit codes', () => {
    expect(exitCodeFor(new UsageError('bad'))).toBe(252);
    expect(exitCodeFor(new ValidationError({ field: 'Bucket', rule: 'must be 3 to 63 characters' }))).toBe(252);
    expect(exitCodeFor(new ConfigError('no region', { source: 'region' }))).toBe(253);
    expect(exitCodeFor(new CredentialsError('none found'))).toBe(253);
    expect(exitCodeFor(new S3ServiceError({ code: 'AccessDenied', statusCode: 403 }))).toBe(254);
    expect(exitCodeFor(new AbortError())).toBe(130);
    expect(exitCodeFor(new NetworkError('Could not connect to the endpoint URL: "http://127.0.0.1:9/"'))).toBe(255);
    expect(exitCodeFor(new TimeoutError('slow', { phase: 'headers' }))).toBe(255);
  });
});
