import { expect } from 'vitest';
import { isS3MockError } from '../errors.js';
import type { S3ErrorCode, S3MockError } from '../errors.js';

/** Runs `fn`, asserts it throws an S3MockError with `code` (and `fields`, when given), returns the error. */
export function expectS3Error(fn: () => unknown, code: S3ErrorCode, fields?: Record<string, unknown>): S3MockError {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(isS3MockError(thrown), `expected an S3MockError ${code}, got ${String(thrown)}`).toBe(true);
  const err = thrown as S3MockError;
  expect(err.code).toBe(code);
  if (fields) expect(err.fields).toMatchObject(fields);
  return err;
}

/** UTF-8 bytes of `text`. */
export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** `text` decoded from UTF-8 bytes. */
export const text = (body: Uint8Array): string => new TextDecoder().decode(body);
