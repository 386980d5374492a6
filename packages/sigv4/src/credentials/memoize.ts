import { AbortError, systemClock, throwIfAborted } from '@s3kit/primitives';
import type { Clock } from '@s3kit/primitives';
import type { AwsCredentials, CredentialsProvider } from '../aws-credentials.js';

/** Options of {@link memoize}. */
export interface MemoizeOptions {
  /**
   * Time source, used to decide when temporary credentials need refreshing.
   * @default systemClock
   */
  clock?: Clock | undefined;
  /**
   * Refresh credentials this many milliseconds before their `expiration` (the AWS SDKs use 5 minutes).
   * @default 300000
   */
  refreshBeforeMs?: number | undefined;
}

/** A memoized provider, with a way to drop the cached value. */
export interface MemoizedCredentialsProvider extends CredentialsProvider {
  /** Forgets the cached credentials; the next call fetches again (e.g. after `ExpiredToken`). */
  invalidate(): void;
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    throwIfAborted(signal);
    const onAbort = (): void => {
      reject(new AbortError(undefined, { cause: signal.reason }));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise
      .finally(() => {
        signal.removeEventListener('abort', onAbort);
      })
      .then(resolve, reject);
  });
}

/**
 * Caches a provider's credentials. Credentials without `expiration` are kept forever; temporary
 * ones are fetched again once less than `refreshBeforeMs` of validity is left. Concurrent callers
 * share one fetch (single flight); a failed fetch is not cached. A caller's `signal` only stops
 * that caller's wait: the shared fetch goes on for the others.
 * @example
 * ```ts
 * const credentials = memoize(fromImds());
 * await credentials(); // fetches
 * await credentials(); // cached until 5 minutes before expiry
 * ```
 */
export function memoize(provider: CredentialsProvider, options: MemoizeOptions = {}): MemoizedCredentialsProvider {
  const clock = options.clock ?? systemClock;
  const refreshBeforeMs = options.refreshBeforeMs ?? 300_000;
  let cached: AwsCredentials | undefined;
  let pending: Promise<AwsCredentials> | undefined;

  const fresh = (c: AwsCredentials): boolean => c.expiration === undefined || c.expiration.getTime() - clock.now() > refreshBeforeMs;

  const memoized = ((callOptions = {}) => {
    if (cached && fresh(cached)) return Promise.resolve(cached);
    pending ??= provider().then(
      (credentials) => {
        cached = credentials;
        pending = undefined;
        return credentials;
      },
      (err: unknown) => {
        pending = undefined;
        throw err;
      },
    );
    return raceAbort(pending, callOptions.signal);
  }) as MemoizedCredentialsProvider;
  memoized.invalidate = () => {
    cached = undefined;
  };
  return memoized;
}
