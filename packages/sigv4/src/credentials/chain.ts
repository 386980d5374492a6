import { CredentialsError, throwIfAborted } from '@s3kit/primitives';
import type { CredentialsProvider } from '../aws-credentials.js';
import { describeError, isCredentialsNotFound } from './errors.js';

/**
 * Tries providers in order and returns the first credentials found. A provider that does not apply
 * (it throws a not-found error, see {@link credentialsNotFound}) passes to the next; any other
 * error stops the chain, as in the AWS SDKs: a profile that is configured but broken must not
 * silently fall through to instance metadata.
 * @throws CredentialsError `ERR_CREDENTIALS` whose `attempts` lists, per provider, why it did not
 *   apply (never a secret); AbortError `ERR_ABORTED` when the signal aborts.
 * @example
 * ```ts
 * const credentials = memoize(chain(fromEnv(), fromIni({ profile: 'dev' })));
 * ```
 */
export function chain(...providers: readonly CredentialsProvider[]): CredentialsProvider {
  return async (options = {}) => {
    const attempts: string[] = [];
    for (const provider of providers) {
      throwIfAborted(options.signal);
      try {
        return await provider(options);
      } catch (err) {
        if (err instanceof Error && err.name === 'AbortError') throw err;
        attempts.push(describeError(err));
        if (!isCredentialsNotFound(err)) {
          const retryable = typeof err === 'object' && err !== null && (err as { retryable?: unknown }).retryable === true;
          throw new CredentialsError('Could not load credentials', { attempts, cause: err, retryable });
        }
      }
    }
    throw new CredentialsError('Could not load credentials from any provider', { attempts });
  };
}
