import type { Env } from '@s3kit/primitives';
import type { AwsCredentials, CredentialsProvider } from '../aws-credentials.js';
import { makeCredentials, parseExpiration } from './credentials.js';
import { credentialsNotFound } from './errors.js';
import { processEnv } from '@s3kit/primitives';

/** Options of {@link fromEnv}. */
export interface FromEnvOptions {
  /**
   * Environment variables.
   * @default process.env
   */
  env?: Env | undefined;
}

/**
 * Reads `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, and optionally `AWS_SESSION_TOKEN` and
 * `AWS_CREDENTIAL_EXPIRATION` (ISO 8601). The variables are read on each call.
 * @throws CredentialsError `ERR_CREDENTIALS`: not found (a chain moves on) when either key variable
 *   is unset or empty; a hard error when `AWS_CREDENTIAL_EXPIRATION` is not a date.
 * @example
 * ```ts
 * const signer = createSigner({ credentials: fromEnv(), region: 'us-east-1', service: 's3' });
 * ```
 */
export function fromEnv(options: FromEnvOptions = {}): CredentialsProvider {
  const read = (): AwsCredentials => {
    const env = options.env ?? processEnv();
    const id = env.AWS_ACCESS_KEY_ID;
    const secret = env.AWS_SECRET_ACCESS_KEY;
    if (!id || !secret) {
      const missing = [id ? undefined : 'AWS_ACCESS_KEY_ID', secret ? undefined : 'AWS_SECRET_ACCESS_KEY'].filter(Boolean).join(' and ');
      throw credentialsNotFound(`env: ${missing} not set`);
    }
    const expiration = parseExpiration(env.AWS_CREDENTIAL_EXPIRATION, 'env: AWS_CREDENTIAL_EXPIRATION');
    return makeCredentials('env', id, secret, env.AWS_SESSION_TOKEN, expiration);
  };
  return () => Promise.resolve().then(read);
}
