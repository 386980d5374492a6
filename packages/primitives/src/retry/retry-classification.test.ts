import { describe, expect, it } from 'vitest';
import { AbortError, CircuitOpenError, NetworkError, S3kitError, TimeoutError, ValidationError } from '../errors/errors.js';
import {
  CLOCK_SKEW_ERROR_CODES,
  NETWORK_ERROR_CODES,
  THROTTLING_ERROR_CODES,
  TRANSIENT_ERROR_CODES,
  TRANSIENT_STATUS_CODES,
  classifyError,
  isRetryableClassification,
  parseRetryAfter,
  retryAfterFromError,
} from './retry-classification.js';

/** Shaped like s3-core's S3ServiceError, without importing it. */
function serviceError(code: string, statusCode: number, retryable = false): Error {
  return Object.assign(new Error(`${code} (${statusCode})`), { name: 'S3ServiceError', code, statusCode, retryable });
}

describe('classification tables', () => {
  it('holds the throttling codes of the AWS SDKs', () => {
    for (const code of ['Throttling', 'ThrottlingException', 'SlowDown', 'RequestLimitExceeded', 'TooManyRequestsException', 'EC2ThrottledException']) {
      expect(THROTTLING_ERROR_CODES.has(code)).toBe(true);
    }
    expect(THROTTLING_ERROR_CODES.size).toBe(14);
  });

  it.each([...THROTTLING_ERROR_CODES])('classifies %s as throttling', (code) => {
    expect(classifyError(serviceError(code, 400))).toBe('throttling');
  });

  it.each([...TRANSIENT_ERROR_CODES])('classifies %s as transient', (code) => {
    expect(classifyError(serviceError(code, 400))).toBe('transient');
  });

  it.each([...TRANSIENT_STATUS_CODES])('classifies any code with status %i as transient', (status) => {
    expect(classifyError(serviceError('SomethingNew', status))).toBe('transient');
  });

  it.each([...CLOCK_SKEW_ERROR_CODES])('classifies %s as clock-skew', (code) => {
    expect(classifyError(serviceError(code, 403))).toBe('clock-skew');
  });

  it.each([...NETWORK_ERROR_CODES])('classifies a socket error %s as network', (code) => {
    expect(classifyError(Object.assign(new Error(code), { code }))).toBe('network');
  });
});

describe('classifyError', () => {
  it('classifies an error whose clock skew the client corrected as clock-skew, whatever its code (a HEAD 403 has none)', () => {
    expect(classifyError(Object.assign(serviceError('Forbidden', 403), { clockSkewCorrected: true }))).toBe('clock-skew');
    expect(classifyError(serviceError('Forbidden', 403))).toBeUndefined();
  });

  it('treats 429 as throttling whatever the code', () => {
    expect(classifyError(serviceError('Unknown', 429))).toBe('throttling');
  });

  it('prefers throttling for SlowDown even though S3 sends it as 503', () => {
    expect(classifyError(serviceError('SlowDown', 503))).toBe('throttling');
  });

  it('does not retry client errors', () => {
    expect(classifyError(serviceError('NoSuchKey', 404))).toBeUndefined();
    expect(classifyError(serviceError('AccessDenied', 403))).toBeUndefined();
  });

  it('retries an unknown error that says retryable: true', () => {
    expect(classifyError(serviceError('Whatever', 400, true))).toBe('transient');
  });

  it('classifies our TimeoutError and NetworkError', () => {
    expect(classifyError(new TimeoutError('t', { phase: 'headers' }))).toBe('timeout');
    expect(classifyError(new NetworkError('n'))).toBe('network');
    expect(classifyError(new DOMException('timed out', 'TimeoutError'))).toBe('timeout');
  });

  it('respects retryable: false on our timeout and network errors', () => {
    expect(classifyError(new TimeoutError('t', { phase: 'total', retryable: false }))).toBeUndefined();
    expect(classifyError(new NetworkError('closed', { retryable: false }))).toBeUndefined();
  });

  it('never retries aborts and validation errors, even with a retryable cause', () => {
    const reset = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    expect(classifyError(new AbortError(undefined, { cause: reset }))).toBeUndefined();
    expect(classifyError(new ValidationError({ field: 'Key', rule: 'must not be empty', cause: reset }))).toBeUndefined();
    expect(classifyError(new DOMException('aborted', 'AbortError'))).toBeUndefined();
  });

  it('does not retry an open circuit', () => {
    expect(classifyError(new CircuitOpenError('https://s3', 1000))).toBeUndefined();
  });

  it('follows the cause chain of foreign errors', () => {
    const reset = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    expect(classifyError(new TypeError('fetch failed', { cause: reset }))).toBe('network');
    expect(classifyError(new Error('x', { cause: new Error('y', { cause: reset }) }))).toBe('network');
  });

  it('does not follow the cause of an error that says retryable: false', () => {
    const reset = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    expect(classifyError(new S3kitError('no', { code: 'ERR_X', cause: reset }))).toBeUndefined();
  });

  it('stops at a bounded cause depth', () => {
    let err: Error = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    for (let i = 0; i < 10; i++) err = new Error(`wrap ${i}`, { cause: err });
    expect(classifyError(err)).toBeUndefined();
  });

  it('reads errno when code is absent', () => {
    expect(classifyError({ errno: 'EPIPE' })).toBe('network');
  });

  it('ignores non-objects', () => {
    expect(classifyError(undefined)).toBeUndefined();
    expect(classifyError('ECONNRESET')).toBeUndefined();
    expect(classifyError(42)).toBeUndefined();
  });
});

describe('isRetryableClassification', () => {
  it('retries clock skew only once the signer corrected its offset', () => {
    const skew = serviceError('RequestTimeTooSkewed', 403);
    expect(isRetryableClassification('clock-skew', skew)).toBe(false);
    expect(isRetryableClassification('clock-skew', Object.assign(skew, { clockSkewCorrected: true }))).toBe(true);
  });

  it('retries the other classes and not undefined', () => {
    for (const c of ['throttling', 'transient', 'network', 'timeout'] as const) expect(isRetryableClassification(c, {})).toBe(true);
    expect(isRetryableClassification(undefined, {})).toBe(false);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');

  it('parses delay seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('parses an HTTP date, clamping the past to 0', () => {
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('rejects junk', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('1.5', now)).toBeUndefined();
  });

  it('reads retryAfterMs, then headers, then response.headers', () => {
    expect(retryAfterFromError({ retryAfterMs: 1500 }, now)).toBe(1500);
    expect(retryAfterFromError({ retryAfterMs: -1, headers: { 'retry-after': '2' } }, now)).toBe(2000);
    expect(retryAfterFromError({ response: { headers: { 'retry-after': '4' } } }, now)).toBe(4000);
    expect(retryAfterFromError({ headers: 'nope' }, now)).toBeUndefined();
    expect(retryAfterFromError(null, now)).toBeUndefined();
  });
});
