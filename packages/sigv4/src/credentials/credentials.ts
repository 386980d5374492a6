/** Helpers shared by the credentials providers. */
import { CredentialsError } from '@s3kit/primitives';
import type { AwsCredentials } from '../aws-credentials.js';
import { assertCredentials } from '../validate.js';

/**
 * Builds and checks credentials, leaving out absent fields. `source` prefixes the error message
 * (e.g. `env`, `profile dev`).
 * @throws CredentialsError `ERR_CREDENTIALS` when a field is missing or malformed (never echoing it).
 */
export function makeCredentials(
  source: string,
  accessKeyId: unknown,
  secretAccessKey: unknown,
  sessionToken?: unknown,
  expiration?: Date,
): AwsCredentials {
  const credentials: { accessKeyId: unknown; secretAccessKey: unknown; sessionToken?: unknown; expiration?: Date } = {
    accessKeyId,
    secretAccessKey,
  };
  if (sessionToken !== undefined && sessionToken !== '') credentials.sessionToken = sessionToken;
  if (expiration !== undefined) credentials.expiration = expiration;
  try {
    assertCredentials(credentials);
  } catch (err) {
    throw new CredentialsError(`${source}: ${(err as Error).message}`);
  }
  return credentials;
}

/**
 * Parses an ISO 8601 / RFC 3339 expiration time.
 * @throws CredentialsError `ERR_CREDENTIALS` naming `where` when it is not a date.
 */
export function parseExpiration(value: unknown, where: string): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new CredentialsError(`${where} is not an ISO 8601 date`);
  return new Date(ms);
}
