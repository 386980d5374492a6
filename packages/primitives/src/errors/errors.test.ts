import { describe, expect, it } from 'vitest';
import {
  AbortError,
  CircuitOpenError,
  ConfigError,
  CredentialsError,
  ERR_ABORTED,
  ERR_CIRCUIT_OPEN,
  ERR_CONFIG,
  ERR_CREDENTIALS,
  ERR_NETWORK,
  ERR_TIMEOUT,
  ERR_VALIDATION,
  NetworkError,
  S3kitError,
  TimeoutError,
  ValidationError,
  isAbortError,
  isCircuitOpenError,
  isConfigError,
  isCredentialsError,
  isNetworkError,
  isS3kitError,
  isTimeoutError,
  isValidationError,
} from './errors.js';
import type { PrimitivesErrorCode } from './errors.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLETOKEN';

describe('S3kitError', () => {
  it('carries name, code, retryable, cause and details', () => {
    const cause = new Error('root');
    const err = new S3kitError('boom', { code: 'ERR_X', cause, retryable: true, details: { op: 'GetObject' } });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('S3kitError');
    expect(err.code).toBe('ERR_X');
    expect(err.retryable).toBe(true);
    expect(err.cause).toBe(cause);
    expect(err.details).toEqual({ op: 'GetObject' });
    expect(err.message).toBe('boom');
    expect(String(err.stack)).toMatch(/^S3kitError: boom/);
  });

  it('defaults retryable to false and leaves cause and details unset', () => {
    const err = new S3kitError('x', { code: 'ERR_X' });
    expect(err.retryable).toBe(false);
    expect('cause' in err).toBe(false);
    expect(err.details).toBeUndefined();
    expect(err.toJSON()).toEqual({ name: 'S3kitError', code: 'ERR_X', message: 'x', retryable: false });
  });

  it('redacts secrets from the message at construction', () => {
    const err = new S3kitError(`bad aws_secret_access_key=${SECRET}`, { code: 'ERR_X' });
    expect(err.message).not.toContain(SECRET);
    expect(err.message).toContain('[REDACTED]');
  });

  it('redacts secrets from details and cause in toJSON', () => {
    const cause = new Error(`x-amz-security-token: ${TOKEN}`);
    const err = new S3kitError('failed', {
      code: 'ERR_X',
      cause,
      details: { secretAccessKey: SECRET, sessionToken: TOKEN, bucket: 'b', nested: { password: 'hunter2' } },
    });
    const json = JSON.stringify(err.toJSON());
    expect(json).not.toContain(SECRET);
    expect(json).not.toContain(TOKEN);
    expect(json).not.toContain('hunter2');
    expect(err.toJSON()).toMatchObject({ details: { bucket: 'b', secretAccessKey: '[REDACTED]' }, cause: { name: 'Error' } });
    // JSON.stringify(err) goes through toJSON.
    expect(JSON.stringify(err)).toBe(json);
  });

  it('serializes an s3kit cause through its own toJSON', () => {
    const inner = new NetworkError('reset', { code: 'ERR_BODY_TRUNCATED' });
    const outer = new S3kitError('outer', { code: 'ERR_X', cause: inner });
    expect(outer.toJSON().cause).toEqual({ name: 'NetworkError', code: 'ERR_BODY_TRUNCATED', message: 'reset', retryable: true });
  });
});

describe('subclasses', () => {
  it('ValidationError names field and rule and shows a safe value', () => {
    const err = new ValidationError({ field: 'PartNumber', rule: 'must be an integer from 1 to 10000', value: 0 });
    expect(err).toMatchObject({ name: 'ValidationError', code: ERR_VALIDATION, retryable: false, field: 'PartNumber' });
    expect(err.rule).toBe('must be an integer from 1 to 10000');
    expect(err.message).toBe('Invalid PartNumber: must be an integer from 1 to 10000 (got 0)');
    expect(err.details).toEqual({ field: 'PartNumber', rule: 'must be an integer from 1 to 10000' });
    expect(err).toBeInstanceOf(S3kitError);
  });

  it.each([
    ['abc', '"abc"'],
    ['x'.repeat(100), `"${'x'.repeat(64)}..."`],
    [true, 'true'],
    [null, 'null'],
    [10n, '10'],
    [[1, 2, 3], 'array of 3'],
    [{ a: 1 }, 'object'],
    [() => 1, 'function'],
  ])('ValidationError shows value #%# as %s', (value, shown) => {
    expect(new ValidationError({ field: 'f', rule: 'r', value }).message).toBe(`Invalid f: r (got ${shown})`);
  });

  it('ValidationError omits the value when absent and keeps a cause', () => {
    const cause = new RangeError('inner');
    const err = new ValidationError({ field: 'Key', rule: 'must not be empty', cause });
    expect(err.message).toBe('Invalid Key: must not be empty');
    expect(err.cause).toBe(cause);
  });

  it('NetworkError is retryable by default and takes a code, details and retryable', () => {
    const plain = new NetworkError('refused');
    expect(plain).toMatchObject({ name: 'NetworkError', code: ERR_NETWORK, retryable: true });
    expect(plain.details).toBeUndefined();
    const custom = new NetworkError('cut', { code: 'ERR_BODY_TRUNCATED', retryable: false, details: { host: 'h' }, cause: 1 });
    expect(custom).toMatchObject({ code: 'ERR_BODY_TRUNCATED', retryable: false, details: { host: 'h' }, cause: 1 });
  });

  it('TimeoutError records the phase and is retryable unless told otherwise', () => {
    const err = new TimeoutError('no headers', { phase: 'headers' });
    expect(err).toMatchObject({ name: 'TimeoutError', code: ERR_TIMEOUT, retryable: true, phase: 'headers', details: { phase: 'headers' } });
    expect(new TimeoutError('t', { phase: 'total', retryable: false }).retryable).toBe(false);
  });

  it('AbortError has a default message, keeps the reason as cause, and is not retryable', () => {
    const err = new AbortError();
    expect(err).toMatchObject({ name: 'AbortError', code: ERR_ABORTED, retryable: false, message: 'The operation was aborted' });
    expect(new AbortError('stop', { cause: 'user' }).cause).toBe('user');
  });

  it('CircuitOpenError names the key and rounds the wait up', () => {
    const err = new CircuitOpenError('https://s3.example.com', 1500.2);
    expect(err).toMatchObject({ name: 'CircuitOpenError', code: ERR_CIRCUIT_OPEN, retryable: false, key: 'https://s3.example.com', retryAfterMs: 1500.2 });
    expect(err.message).toContain('next trial in 1501 ms');
    expect(err.details).toEqual({ key: 'https://s3.example.com', retryAfterMs: 1500.2 });
  });

  it('CredentialsError lists attempts, redacted', () => {
    const err = new CredentialsError('No credentials found', {
      attempts: ['env: AWS_ACCESS_KEY_ID not set', `ini: aws_secret_access_key=${SECRET} without key id`],
    });
    expect(err).toMatchObject({ name: 'CredentialsError', code: ERR_CREDENTIALS, retryable: false });
    expect(err.attempts).toHaveLength(2);
    expect(err.message).toContain('  - env: AWS_ACCESS_KEY_ID not set');
    expect(err.message).not.toContain(SECRET);
    expect(JSON.stringify(err)).not.toContain(SECRET);
    const bare = new CredentialsError('none', { retryable: true });
    expect(bare).toMatchObject({ message: 'none', attempts: [], retryable: true });
    expect(bare.details).toBeUndefined();
  });

  it('ConfigError names the source', () => {
    const cause = new Error('x');
    const err = new ConfigError('Invalid max_attempts', { source: 'AWS_MAX_ATTEMPTS', cause });
    expect(err).toMatchObject({ name: 'ConfigError', code: ERR_CONFIG, source: 'AWS_MAX_ATTEMPTS', details: { source: 'AWS_MAX_ATTEMPTS' }, cause });
  });
});

describe('codes', () => {
  it('are literal per class, so a switch over them can be exhaustive', () => {
    type Known = ValidationError | NetworkError | TimeoutError | AbortError | CircuitOpenError | CredentialsError | ConfigError;
    const what = (err: Known): string => {
      const code: PrimitivesErrorCode = err.code;
      switch (code) {
        case 'ERR_VALIDATION':
        case 'ERR_CONFIG':
          return 'fix the input';
        case 'ERR_NETWORK':
        case 'ERR_BODY_TRUNCATED':
        case 'ERR_BODY_TOO_LONG':
        case 'ERR_BODY_INVALID':
        case 'ERR_TIMEOUT':
          return 'retry';
        case 'ERR_ABORTED':
        case 'ERR_CIRCUIT_OPEN':
        case 'ERR_CREDENTIALS':
        case 'ERR_BODY_TOO_LARGE':
          return 'stop';
        default: {
          const unreachable: never = code;
          return unreachable;
        }
      }
    };
    expect(what(new ValidationError({ field: 'a', rule: 'b' }))).toBe('fix the input');
    expect(what(new NetworkError('cut', { code: 'ERR_BODY_TRUNCATED' }))).toBe('retry');
    expect(what(new CircuitOpenError('k', 1))).toBe('stop');
  });
});

describe('guards', () => {
  const samples = [
    [new ValidationError({ field: 'f', rule: 'r' }), isValidationError],
    [new NetworkError('n'), isNetworkError],
    [new TimeoutError('t', { phase: 'body' }), isTimeoutError],
    [new AbortError(), isAbortError],
    [new CircuitOpenError('k', 1), isCircuitOpenError],
    [new CredentialsError('c'), isCredentialsError],
    [new ConfigError('c', { source: 's' }), isConfigError],
  ] as const;

  it('each guard accepts its own class only', () => {
    samples.forEach(([err], i) => {
      expect(isS3kitError(err)).toBe(true);
      samples.forEach(([, guard], j) => {
        expect(guard(err)).toBe(i === j);
      });
    });
  });

  // Simulates a second installed copy of @s3kit/primitives: a different class, same Symbol.for brand.
  it('accepts errors from another installed copy through the Symbol.for brand', () => {
    class OtherCopyError extends Error {
      override readonly name: string;
      readonly code = 'ERR_TIMEOUT';
      readonly retryable = true;
      constructor(name: string) {
        super('from the other copy');
        this.name = name;
        Object.defineProperty(this, Symbol.for('@s3kit/error'), { value: true });
      }
    }
    const foreign = new OtherCopyError('TimeoutError');
    expect(foreign).not.toBeInstanceOf(S3kitError);
    expect(isS3kitError(foreign)).toBe(true);
    expect(isTimeoutError(foreign)).toBe(true);
    expect(isNetworkError(foreign)).toBe(false);
    expect(isConfigError(new OtherCopyError('ConfigError'))).toBe(true);
  });

  it('rejects plain errors, look-alikes without the brand, and non-objects', () => {
    const lookAlike = Object.assign(new Error('x'), { name: 'ValidationError', code: ERR_VALIDATION, retryable: false });
    expect(isS3kitError(lookAlike)).toBe(false);
    expect(isValidationError(lookAlike)).toBe(false);
    expect(isS3kitError(new Error('plain'))).toBe(false);
    expect(isS3kitError({ [Symbol.for('@s3kit/error')]: 'yes', name: 'ConfigError' })).toBe(false);
    expect(isS3kitError({ [Symbol('@s3kit/error')]: true })).toBe(false);
    for (const value of [null, undefined, 'ValidationError', 42, true]) {
      expect(isS3kitError(value)).toBe(false);
      expect(isValidationError(value)).toBe(false);
    }
  });

  it('does not expose the brand as an enumerable property', () => {
    const err = new NetworkError('n');
    expect(Object.keys(err)).not.toContain(Symbol.for('@s3kit/error'));
    expect(Object.getOwnPropertySymbols(err).map((s) => Object.getOwnPropertyDescriptor(err, s)?.enumerable)).toEqual([false]);
  });
});
