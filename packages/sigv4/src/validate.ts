import { CredentialsError, ValidationError } from '@s3kit/primitives';
import { MAX_PRESIGN_EXPIRES } from './constants.js';
import type { AwsCredentials } from './aws-credentials.js';

const SCOPE_PART = /^[A-Za-z0-9-]{1,64}$/;
const ACCESS_KEY_ID = /^[\x21-\x2e\x30-\x7e]{1,256}$/; // printable ASCII without '/' (it separates the scope)
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/; // RFC 9110 token

/**
 * Checks a region or service name: 1 to 64 letters, digits or `-`. They go into the credential
 * scope, where `/`, spaces or newlines would change what is signed.
 * @throws ValidationError `ERR_VALIDATION` naming `field`.
 */
export function assertScopePart(field: 'region' | 'service', value: unknown): asserts value is string {
  if (typeof value !== 'string' || !SCOPE_PART.test(value)) {
    throw new ValidationError({ field, rule: 'must be 1 to 64 letters, digits or "-"', value: typeof value === 'string' ? value : typeof value });
  }
}

/**
 * Checks credentials before they are used. Never echoes the secret or the token.
 * @throws CredentialsError `ERR_CREDENTIALS` when a field is missing, empty or malformed.
 */
export function assertCredentials(credentials: unknown): asserts credentials is AwsCredentials {
  if (typeof credentials !== 'object' || credentials === null) {
    throw new CredentialsError('No credentials: expected { accessKeyId, secretAccessKey }');
  }
  const c = credentials as Record<string, unknown>;
  if (typeof c.accessKeyId !== 'string' || c.accessKeyId === '') {
    throw new CredentialsError('Credentials have no accessKeyId (missing or empty)');
  }
  if (!ACCESS_KEY_ID.test(c.accessKeyId)) {
    throw new CredentialsError('Credentials accessKeyId must be printable ASCII without "/" or spaces');
  }
  if (typeof c.secretAccessKey !== 'string' || c.secretAccessKey === '') {
    throw new CredentialsError('Credentials have no secretAccessKey (missing or empty)');
  }
  if (c.sessionToken !== undefined && (typeof c.sessionToken !== 'string' || c.sessionToken === '' || /[\r\n]/.test(c.sessionToken))) {
    throw new CredentialsError('Credentials sessionToken must be a non-empty single-line string when present');
  }
}

/**
 * Checks a header name is an RFC 9110 token (ASCII, no spaces or separators).
 * @throws ValidationError `ERR_VALIDATION` with field `headers["name"]`.
 */
export function assertHeaderName(name: string): void {
  if (!HEADER_NAME.test(name)) {
    throw new ValidationError({ field: `headers[${JSON.stringify(name)}]`, rule: 'header names must be ASCII tokens (no spaces, separators or non-ASCII)' });
  }
}

/**
 * Checks a presign validity in seconds: an integer from 1 to 604800 (7 days).
 * @throws ValidationError `ERR_VALIDATION` with field `expiresIn`.
 */
export function assertExpiresIn(value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_PRESIGN_EXPIRES) {
    throw new ValidationError({ field: 'expiresIn', rule: `must be an integer number of seconds from 1 to ${MAX_PRESIGN_EXPIRES}`, value });
  }
}
