import type { AwsCredentials, CredentialsProvider } from '../aws-credentials.js';
import { makeCredentials } from './credentials.js';

/**
 * A provider returning fixed credentials (checked once, here).
 * @throws CredentialsError `ERR_CREDENTIALS` when a field is missing or malformed.
 * @example
 * ```ts
 * const credentials = fromStatic({ accessKeyId: 'AKIA...', secretAccessKey: secret });
 * ```
 */
export function fromStatic(credentials: AwsCredentials): CredentialsProvider {
  const checked = makeCredentials('static', credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken, credentials.expiration);
  const result = Promise.resolve(checked);
  return () => result;
}
