import { systemClock, throwIfAborted } from '../clock/clock.js';
import type { Clock } from '../clock/clock.js';
import { AbortError, isAbortError, ValidationError } from '../errors/errors.js';

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Tokens added to each key's bucket per second. */
  ratePerSecond: number;
  /** Bucket capacity: the most tokens a key can spend at once after being idle. */
  burst: number;
  /**
   * Time source; waits go through `clock.sleep`.
   * @default systemClock
   */
  clock?: Clock;
  /**
   * Keys tracked at most. Beyond it the least recently used key with nobody waiting is forgotten
   * (it starts again with a full bucket, so a forgotten key may briefly get up to `burst` extra tokens).
   * @default 1024
   */
  maxKeys?: number;
}

/** Per-call options of {@link RateLimiter.acquire}. */
export interface RateLimiterAcquireOptions {
  /** Stops waiting; the promise then rejects with `AbortError` and no token is taken. */
  signal?: AbortSignal;
  /**
   * Tokens to take (for weighting a large request, say).
   * @default 1
   */
  tokens?: number;
}

/** A token-bucket rate limiter with one bucket per key. */
export interface RateLimiter {
  /**
   * Takes `tokens` from `key`'s bucket, waiting (first come, first served) until they are there.
   * @throws {ValidationError} `ERR_VALIDATION` when `tokens` is not a number in (0, burst].
   * @throws {AbortError} `ERR_ABORTED` when `signal` aborts first.
   */
  acquire(key: string, options?: RateLimiterAcquireOptions): Promise<void>;
  /**
   * Takes `tokens` from `key`'s bucket if they are there now and nobody is waiting ahead; never waits.
   * @throws {ValidationError} `ERR_VALIDATION` when `tokens` is not a number in (0, burst].
   */
  tryAcquire(key: string, tokens?: number): boolean;
}

interface Waiter {
  tokens: number;
  resolve: () => void;
  reject: (error: unknown) => void;
  cleanup: () => void;
}

interface Bucket {
  tokens: number;
  refilledAt: number;
  queue: Waiter[];
  /** Set while a pump loop is serving the queue; aborting it makes the loop look at the queue again. */
  wake: AbortController | undefined;
  /** Whether a pump loop is running for this bucket (at most one is). */
  pumping: boolean;
}

// Absorbs floating-point error so that a sleep computed for exactly the missing tokens is enough.
const EPSILON = 1e-9;

/**
 * Creates a {@link RateLimiter}: a token bucket per key that refills at `ratePerSecond` up to `burst`.
 * Waiters on a key are served in order (a large request is not overtaken by small ones).
 *
 * S3 scales request rates per prefix: at least 3,500 PUT/COPY/POST/DELETE and 5,500 GET/HEAD requests
 * per second per partitioned prefix
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/optimizing-performance.html). Key by
 * bucket and prefix to stay under those rates and avoid `503 SlowDown`.
 *
 * @throws {ValidationError} `ERR_VALIDATION` when `ratePerSecond`, `burst` or `maxKeys` is out of range.
 * @example
 * ```ts
 * const writes = createRateLimiter({ ratePerSecond: 3_500, burst: 3_500 });
 * const prefix = key.slice(0, key.indexOf('/') + 1); // "logs/" for "logs/2024/01/a.gz"
 * await writes.acquire(`${bucket}/${prefix}`, { signal });
 * await client.putObject({ Bucket: bucket, Key: key, Body: body });
 * ```
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { ratePerSecond, burst } = options;
  if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) {
    throw new ValidationError({ field: 'ratePerSecond', rule: 'must be a finite number > 0', value: ratePerSecond });
  }
  if (!Number.isFinite(burst) || burst < 1) throw new ValidationError({ field: 'burst', rule: 'must be a finite number >= 1', value: burst });
  const maxKeys = options.maxKeys ?? 1024;
  if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new ValidationError({ field: 'maxKeys', rule: 'must be an integer >= 1', value: maxKeys });
  const clock = options.clock ?? systemClock;
  const buckets = new Map<string, Bucket>();

  const checkTokens = (tokens: number): void => {
    if (typeof tokens !== 'number' || !(tokens > 0 && tokens <= burst)) {
      throw new ValidationError({ field: 'tokens', rule: `must be a number > 0 and <= burst (${burst})`, value: tokens });
    }
  };

  const bucketOf = (key: string): Bucket => {
    let bucket = buckets.get(key);
    if (bucket) buckets.delete(key);
    else bucket = { tokens: burst, refilledAt: clock.now(), queue: [], wake: undefined, pumping: false };
    buckets.set(key, bucket);
    if (buckets.size > maxKeys) {
      for (const [k, b] of buckets) {
        if (b.queue.length === 0 && !b.pumping && b !== bucket) {
          buckets.delete(k);
          break;
        }
      }
    }
    return bucket;
  };

  const refill = (bucket: Bucket): void => {
    const now = clock.now();
    // A clock that goes backwards (wall-clock adjustments) must not drain the bucket.
    const elapsed = Math.max(0, now - bucket.refilledAt);
    bucket.tokens = Math.min(burst, bucket.tokens + (elapsed * ratePerSecond) / 1000);
    bucket.refilledAt = now;
  };

  const pump = async (bucket: Bucket): Promise<void> => {
    bucket.pumping = true;
    for (;;) {
      const head = bucket.queue[0];
      if (!head) break;
      refill(bucket);
      if (bucket.tokens + EPSILON >= head.tokens) {
        bucket.tokens = Math.max(0, bucket.tokens - head.tokens);
        bucket.queue.shift();
        head.cleanup();
        head.resolve();
        continue;
      }
      const waitMs = Math.ceil(((head.tokens - bucket.tokens) * 1000) / ratePerSecond);
      const wake = new AbortController();
      bucket.wake = wake;
      try {
        await clock.sleep(waitMs, wake.signal);
      } catch (error) {
        if (!isAbortError(error)) throw error;
      } finally {
        bucket.wake = undefined;
      }
    }
    bucket.pumping = false;
  };

  return {
    // The body up to the queueing runs synchronously, so a token taken on the fast path is taken at call time.
    async acquire(key, acquireOptions = {}) {
      const { signal, tokens = 1 } = acquireOptions;
      checkTokens(tokens);
      throwIfAborted(signal);
      const bucket = bucketOf(key);
      if (bucket.queue.length === 0) {
        refill(bucket);
        if (bucket.tokens + EPSILON >= tokens) {
          bucket.tokens = Math.max(0, bucket.tokens - tokens);
          return;
        }
      }
      await new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
          const index = bucket.queue.indexOf(waiter);
          if (index < 0) return;
          bucket.queue.splice(index, 1);
          // The pump may be sleeping for this waiter's tokens; let it recompute for the next one.
          if (index === 0) bucket.wake?.abort();
          reject(new AbortError(undefined, { cause: signal?.reason }));
        };
        const waiter: Waiter = {
          tokens,
          resolve,
          reject,
          cleanup: () => signal?.removeEventListener('abort', onAbort),
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        bucket.queue.push(waiter);
        if (!bucket.pumping) {
          pump(bucket).catch((error: unknown) => {
            bucket.pumping = false;
            // Only a broken clock gets here: fail every waiter rather than leave them hanging.
            for (const w of bucket.queue.splice(0)) {
              w.cleanup();
              w.reject(error);
            }
          });
        }
      });
    },
    tryAcquire(key, tokens = 1) {
      checkTokens(tokens);
      const bucket = bucketOf(key);
      if (bucket.queue.length > 0) return false;
      refill(bucket);
      if (bucket.tokens + EPSILON < tokens) return false;
      bucket.tokens = Math.max(0, bucket.tokens - tokens);
      return true;
    },
  };
}
