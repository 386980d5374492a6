import { createRetryStrategy } from './retry-strategy.js';
import type { RetryAttemptContext, RetryRunOptions, RetryStrategy } from './retry-strategy.js';

/** Options of {@link retry}. */
export interface RetryOptions extends RetryRunOptions {
  /**
   * The strategy to run under. Pass the client's shared strategy so its retry quota (and adaptive
   * rate limiter) spans calls.
   * @default a new standard strategy (3 attempts, its own quota)
   */
  strategy?: RetryStrategy;
}

/**
 * Runs `fn` with retries: shorthand for `strategy.run(fn, options)`.
 * Rethrows the last error when it gives up; {@link getRetryAttempts} tells how many attempts ran.
 *
 * @throws {AbortError} `ERR_ABORTED` when `options.signal` aborts, also during a backoff wait.
 * @example
 * ```ts
 * const res = await retry(({ signal }) => transport.send(request, { signal }), {
 *   strategy,
 *   signal,
 *   replayable: isReplayableBody(request.body),
 * });
 * ```
 */
export function retry<T>(fn: (context: RetryAttemptContext) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { strategy = createRetryStrategy(), ...runOptions } = options;
  return strategy.run(fn, runOptions);
}
