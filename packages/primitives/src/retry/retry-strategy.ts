import { createAdaptiveRateLimiter } from '../rate-limit/adaptive-rate-limiter.js';
import type { AdaptiveRateLimiter } from '../rate-limit/adaptive-rate-limiter.js';
import { systemClock, throwIfAborted } from '../clock/clock.js';
import type { Clock, Random } from '../clock/clock.js';
import { AbortError, ValidationError, isAbortError } from '../errors/errors.js';
import { classifyError, isRetryableClassification, retryAfterFromError } from './retry-classification.js';
import type { RetryClassification } from './retry-classification.js';

/** `standard`: backoff and a retry quota. `adaptive`: standard plus a client-side sending-rate limiter. */
export type RetryMode = 'standard' | 'adaptive';

/** Default number of attempts (first try included), as in the AWS SDKs. */
export const DEFAULT_MAX_ATTEMPTS = 3;
/** Default backoff base, milliseconds. */
export const DEFAULT_BASE_DELAY_MS = 100;
/** Default backoff cap, milliseconds. */
export const DEFAULT_MAX_DELAY_MS = 20_000;
/** Initial (and maximum) retry quota, in tokens. */
export const INITIAL_RETRY_TOKENS = 500;
/** Quota cost of a retry. */
export const RETRY_COST = 5;
/** Quota cost of a retry after a timeout or a network error. */
export const TIMEOUT_RETRY_COST = 10;
/** Quota refund of a call that succeeded at the first attempt. */
export const NO_RETRY_INCREMENT = 1;

/** Options of {@link createRetryStrategy}. */
export interface RetryStrategyOptions {
  /**
   * Retry mode.
   * @default 'standard'
   */
  mode?: RetryMode;
  /**
   * Attempts per call, the first one included; `1` disables retries.
   * @default 3
   */
  maxAttempts?: number;
  /**
   * Backoff base in milliseconds: retry `n` (from 0) waits `random() * min(maxDelayMs, base * 2^n)`.
   * @default 100
   */
  baseDelayMs?: number;
  /**
   * Backoff base for throttling errors (the SDKs back off harder when told to slow down).
   * @default 5 * baseDelayMs (500 ms with the default base)
   */
  throttlingBaseDelayMs?: number;
  /**
   * Cap of any delay, `Retry-After` included, in milliseconds.
   * @default 20000
   */
  maxDelayMs?: number;
  /**
   * Retry quota size in tokens, shared by all calls of this strategy.
   * @default 500
   */
  retryQuota?: number;
  /** Clock used to sleep between attempts. @default systemClock */
  clock?: Clock;
  /** Jitter source. @default Math.random */
  random?: Random;
  /** Rate limiter for `adaptive` mode. @default a new {@link createAdaptiveRateLimiter} on `clock` */
  rateLimiter?: AdaptiveRateLimiter;
}

/** What {@link RetryRunOptions.onRetry} is told before each wait. */
export interface RetryInfo {
  /** The attempt that just failed (1 for the first try). */
  attempt: number;
  /** Milliseconds the strategy will wait before the next attempt. */
  delayMs: number;
  /** Why the error is retried. */
  classification: RetryClassification;
  /** The error of the failed attempt. */
  error: unknown;
}

/** Options of one {@link RetryStrategy.run} call. */
export interface RetryRunOptions {
  /** Aborts the call, including a backoff wait; the promise rejects with `AbortError`. */
  signal?: AbortSignal;
  /**
   * Whether the request can be sent again. Pass `isReplayableBody(request.body)`: a streamed body is
   * never retried, whatever the method or error.
   * @default true
   */
  replayable?: boolean;
  /** Called before each backoff wait (logging, tracing, metrics). Must not throw. */
  onRetry?: (info: RetryInfo) => void;
  /**
   * Attempts for this call, the first one included, instead of the strategy's. `1` when the caller
   * retries the call itself, so that one request has one retry budget (not one per layer).
   * @default the strategy's `maxAttempts`
   */
  maxAttempts?: number;
}

/** Passed to each attempt. */
export interface RetryAttemptContext {
  /** Attempt number, 1 for the first try. */
  attempt: number;
  /** The call's signal, to pass on to the transport. */
  signal: AbortSignal | undefined;
}

/** A retry policy with its shared state (retry quota, and the rate limiter in adaptive mode). */
export interface RetryStrategy {
  /** The mode. */
  readonly mode: RetryMode;
  /** Attempts per call, the first one included. */
  readonly maxAttempts: number;
  /**
   * Runs `fn` until it succeeds, the error is not retryable, attempts or quota run out, or `signal`
   * aborts. Rethrows the last error; {@link getRetryAttempts} then tells how many attempts were made.
   * @throws {AbortError} `ERR_ABORTED` when `signal` aborts (also during a backoff wait).
   * @throws {ValidationError} `ERR_VALIDATION` when `options.maxAttempts` is not an integer >= 1.
   */
  run<T>(fn: (context: RetryAttemptContext) => Promise<T>, options?: RetryRunOptions): Promise<T>;
  /** Tokens left in the retry quota. */
  quota(): number;
}

function checkNumber(field: string, value: number | undefined, rule: string, ok: (n: number) => boolean): void {
  if (value !== undefined && !(typeof value === 'number' && ok(value))) throw new ValidationError({ field, rule, value });
}

/**
 * Validates retry knobs read from options, environment or config files.
 * @throws {ValidationError} `ERR_VALIDATION` naming the bad field.
 */
export function validateRetryOptions(options: RetryStrategyOptions): void {
  // Read as unknown: the value may come from an environment variable or a config file.
  const mode: unknown = options.mode;
  if (mode !== undefined && mode !== 'standard' && mode !== 'adaptive') {
    throw new ValidationError({ field: 'mode', rule: "must be 'standard' or 'adaptive'", value: mode });
  }
  const nonNegative = (n: number): boolean => Number.isFinite(n) && n >= 0;
  checkNumber('maxAttempts', options.maxAttempts, 'must be an integer >= 1', (n) => Number.isInteger(n) && n >= 1);
  checkNumber('baseDelayMs', options.baseDelayMs, 'must be a finite number >= 0', nonNegative);
  checkNumber('throttlingBaseDelayMs', options.throttlingBaseDelayMs, 'must be a finite number >= 0', nonNegative);
  checkNumber('maxDelayMs', options.maxDelayMs, 'must be a finite number >= 0', nonNegative);
  checkNumber('retryQuota', options.retryQuota, 'must be an integer >= 0', (n) => Number.isInteger(n) && n >= 0);
}

/**
 * Full-jitter exponential backoff: a uniform delay in `[0, min(maxDelayMs, baseDelayMs * 2^retryIndex)]`
 * (floored to whole milliseconds). `retryIndex` is 0 for the first retry.
 */
export function computeBackoffDelay(retryIndex: number, baseDelayMs: number, maxDelayMs: number, random: Random): number {
  const bound = Math.min(maxDelayMs, baseDelayMs * 2 ** retryIndex);
  return Math.floor(random() * bound);
}

const ATTEMPTS = Symbol.for('@s3kit/retry-attempts');

/** Records on a thrown error how many attempts were made (non-enumerable, survives rethrows). */
function withAttempts(error: unknown, attempts: number): unknown {
  if (typeof error === 'object' && error !== null && Object.isExtensible(error)) {
    Object.defineProperty(error, ATTEMPTS, { value: attempts, configurable: true, enumerable: false, writable: true });
  }
  return error;
}

/**
 * How many attempts a {@link RetryStrategy.run} made before it gave up with `error`, or `undefined`
 * when the error did not come out of a retry loop.
 */
export function getRetryAttempts(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value = (error as Record<symbol, unknown>)[ATTEMPTS];
  return typeof value === 'number' ? value : undefined;
}

/**
 * Creates a retry strategy like the AWS SDKs' `standard` and `adaptive` modes: full-jitter backoff
 * (harder for throttling), `Retry-After` honoured up to `maxDelayMs`, and a retry quota (500 tokens;
 * a retry costs 5, 10 after a timeout or network error; a first-try success refunds 1, a success after
 * retries refunds the last retry's cost) so an outage does not multiply the load. `adaptive` also
 * delays sends through an {@link AdaptiveRateLimiter} that slows down on throttling.
 *
 * Share one strategy per client: the quota and the rate limiter are its state.
 *
 * @throws {ValidationError} `ERR_VALIDATION` for a bad option.
 * @example
 * ```ts
 * const strategy = createRetryStrategy({ maxAttempts: 5 });
 * const res = await strategy.run(({ signal }) => transport.send(request, { signal }), {
 *   signal,
 *   replayable: isReplayableBody(request.body),
 *   onRetry: ({ attempt, delayMs, classification }) => log.warn({ attempt, delayMs, classification }, 'retrying'),
 * });
 * ```
 */
export function createRetryStrategy(options: RetryStrategyOptions = {}): RetryStrategy {
  validateRetryOptions(options);
  const mode = options.mode ?? 'standard';
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const throttlingBaseDelayMs = options.throttlingBaseDelayMs ?? baseDelayMs * 5;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const capacity = options.retryQuota ?? INITIAL_RETRY_TOKENS;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const limiter = mode === 'adaptive' ? (options.rateLimiter ?? createAdaptiveRateLimiter({ clock })) : undefined;
  let tokens = capacity;

  const costOf = (classification: RetryClassification): number =>
    classification === 'timeout' || classification === 'network' ? TIMEOUT_RETRY_COST : RETRY_COST;

  const delayFor = (error: unknown, classification: RetryClassification, retryIndex: number): number => {
    const base = classification === 'throttling' ? throttlingBaseDelayMs : baseDelayMs;
    const backoff = computeBackoffDelay(retryIndex, base, maxDelayMs, random);
    const hint = retryAfterFromError(error, clock.now());
    return hint === undefined ? backoff : Math.min(maxDelayMs, Math.max(hint, backoff));
  };

  return {
    mode,
    maxAttempts,
    quota: () => tokens,
    async run<T>(fn: (context: RetryAttemptContext) => Promise<T>, runOptions: RetryRunOptions = {}): Promise<T> {
      const { signal, onRetry } = runOptions;
      const replayable = runOptions.replayable ?? true;
      const attempts = runOptions.maxAttempts ?? maxAttempts;
      if (runOptions.maxAttempts !== undefined) checkNumber('maxAttempts', attempts, 'must be an integer >= 1', (n) => Number.isInteger(n) && n >= 1);
      let lastRetryCost = 0;
      for (let attempt = 1; ; attempt++) {
        try {
          throwIfAborted(signal);
          if (limiter) await limiter.acquire(signal);
        } catch (err) {
          throw withAttempts(err, attempt - 1);
        }
        let error: unknown;
        try {
          const result = await fn({ attempt, signal });
          limiter?.update(false);
          tokens = Math.min(capacity, tokens + (lastRetryCost > 0 ? lastRetryCost : NO_RETRY_INCREMENT));
          return result;
        } catch (err) {
          error = err;
        }
        if (signal?.aborted) {
          throw withAttempts(isAbortError(error) ? error : new AbortError(undefined, { cause: signal.reason }), attempt);
        }
        const classification = classifyError(error);
        limiter?.update(classification === 'throttling');
        if (
          classification === undefined ||
          !replayable ||
          attempt >= attempts ||
          !isRetryableClassification(classification, error) ||
          tokens < costOf(classification)
        ) {
          throw withAttempts(error, attempt);
        }
        lastRetryCost = costOf(classification);
        tokens -= lastRetryCost;
        const delayMs = delayFor(error, classification, attempt - 1);
        onRetry?.({ attempt, delayMs, classification, error });
        try {
          await clock.sleep(delayMs, signal);
        } catch (err) {
          throw withAttempts(err, attempt);
        }
      }
    },
  };
}
