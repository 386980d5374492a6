/**
 * Where a signer gets its credentials: static ones (checked once, usable by the sync methods) or a
 * provider called before each signature. Shared by the SigV4 and SigV4a signers.
 */
import { ConfigError, CredentialsError, throwIfAborted } from '@s3kit/primitives';
import type { AwsCredentials, CredentialsProvider } from './aws-credentials.js';
import { assertCredentials } from './validate.js';

/** A signer's credentials, resolved per signature. */
export interface CredentialSource {
  /** The static credentials, if the signer was given static ones. */
  readonly staticCredentials: AwsCredentials | undefined;
  /** Credentials for one signature; provider failures become `CredentialsError`. */
  readonly credentialsFor: (signal: AbortSignal | undefined) => Promise<AwsCredentials>;
  /** The static credentials, or `ConfigError` for the sync methods of a provider-backed signer. */
  readonly requireStatic: () => AwsCredentials;
}

/**
 * Wraps the `credentials` option of a signer.
 * @throws {ValidationError} when static credentials are missing or malformed.
 */
export function createCredentialSource(credentials: AwsCredentials | CredentialsProvider): CredentialSource {
  const provider = typeof credentials === 'function' ? credentials : undefined;
  const staticCredentials = provider ? undefined : (credentials as AwsCredentials);
  if (!provider) assertCredentials(staticCredentials);
  return {
    staticCredentials,
    credentialsFor: async (signal) => {
      if (staticCredentials) return staticCredentials;
      throwIfAborted(signal);
      let resolved: AwsCredentials;
      try {
        resolved = await provider!({ signal });
      } catch (err) {
        if (err instanceof Error && (err.name === 'CredentialsError' || err.name === 'AbortError')) throw err;
        throw new CredentialsError('The credentials provider failed', { cause: err });
      }
      assertCredentials(resolved);
      return resolved;
    },
    requireStatic: () => {
      if (!staticCredentials) {
        throw new ConfigError('signSync/presignSync need static credentials; use sign/presign with a credentials provider', { source: 'credentials' });
      }
      return staticCredentials;
    },
  };
}
