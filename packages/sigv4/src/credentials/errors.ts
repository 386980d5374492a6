/**
 * How a credentials provider says "not here, try the next one" (as opposed to "configured but
 * broken", which stops a {@link chain}).
 */
import { CredentialsError } from '@s3kit/primitives';

const NOT_FOUND = Symbol.for('@s3kit/sigv4.credentials-not-found');

/**
 * A {@link CredentialsError} meaning the provider does not apply (its variables, files or endpoint
 * are absent), so a chain moves on. `message` must say what was looked at; never put a secret in it.
 */
export function credentialsNotFound(message: string, options: { cause?: unknown } = {}): CredentialsError {
  const error = new CredentialsError(message, options.cause === undefined ? {} : { cause: options.cause });
  Object.defineProperty(error, NOT_FOUND, { value: true, enumerable: false });
  return error;
}

/** Whether `error` came from {@link credentialsNotFound} (from any installed copy of this package). */
export function isCredentialsNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[NOT_FOUND] === true;
}

/** A short, secret-free description of an unknown error for an attempts line. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0]!;
  return String(error);
}
