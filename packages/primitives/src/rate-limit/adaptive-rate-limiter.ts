import { systemClock } from '../clock/clock.js';
import type { Clock } from '../clock/clock.js';

/** Options of {@link createAdaptiveRateLimiter}. */
export interface AdaptiveRateLimiterOptions {
  /** Time source and sleep. @default systemClock */
  clock?: Clock;
  /**
   * Multiplicative decrease applied to the sending rate on a throttle.
   * @default 0.7
   */
  beta?: number;
  /**
   * Smallest token bucket capacity, in requests.
   * @default 1
   */
  minCapacity?: number;
  /**
   * Lowest fill rate, in requests per second.
   * @default 0.5
   */
  minFillRate?: number;
  /**
   * CUBIC scale constant: how fast the rate grows back after a throttle.
   * @default 0.4
   */
  scaleConstant?: number;
  /**
   * Weight of the newest sample in the measured send rate (exponential smoothing).
   * @default 0.8
   */
  smooth?: number;
}

/** A snapshot of the limiter's state, for tests and metrics. */
export interface AdaptiveRateLimiterState {
  /** Whether client-side limiting is on (it turns on at the first throttle). */
  enabled: boolean;
  /** Tokens per second the bucket refills at. */
  fillRate: number;
  /** Smoothed measured sending rate, requests per second. */
  measuredTxRate: number;
  /** Rate at the last throttle. */
  lastMaxRate: number;
  /** Tokens available. */
  capacity: number;
}

/**
 * A client-side sending-rate limiter: the AWS SDKs' "adaptive" retry mode.
 * Every send first takes a token; each response updates the allowed rate.
 */
export interface AdaptiveRateLimiter {
  /** Waits (via the clock, abortably) until a send token is available. No wait until the first throttle. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Records a response: `throttled` cuts the rate by `beta`; otherwise the rate grows back along a cubic curve. */
  update(throttled: boolean): void;
  /** Current state. */
  state(): AdaptiveRateLimiterState;
}

const precise = (n: number): number => Number(n.toFixed(8));

/**
 * Creates an {@link AdaptiveRateLimiter}. The algorithm is the one of smithy-typescript's
 * `DefaultRateLimiter` (CUBIC congestion control applied to request rate): the send rate is measured
 * in half-second buckets; a throttle sets the rate to `beta` times the measured rate; successes grow it
 * as `scale * (t - lastThrottle - K)^3 + lastMaxRate`, capped at twice the measured rate; a token
 * bucket at that rate delays sends. Time comes from the injected clock.
 *
 * @example
 * ```ts
 * const limiter = createAdaptiveRateLimiter({ clock });
 * await limiter.acquire(signal);
 * limiter.update(classifyError(err) === 'throttling');
 * ```
 */
export function createAdaptiveRateLimiter(options: AdaptiveRateLimiterOptions = {}): AdaptiveRateLimiter {
  const clock = options.clock ?? systemClock;
  const beta = options.beta ?? 0.7;
  const minCapacity = options.minCapacity ?? 1;
  const minFillRate = options.minFillRate ?? 0.5;
  const scaleConstant = options.scaleConstant ?? 0.4;
  const smooth = options.smooth ?? 0.8;

  const seconds = (): number => clock.now() / 1000;

  let currentCapacity = 0;
  let enabled = false;
  let lastMaxRate = 0;
  let measuredTxRate = 0;
  let requestCount = 0;
  let fillRate = minFillRate;
  let maxCapacity = minCapacity;
  let lastThrottleTime = seconds();
  let lastTimestamp: number | undefined;
  let lastTxRateBucket = Math.floor(seconds());
  let timeWindow = 0;

  const refill = (): void => {
    const now = seconds();
    if (lastTimestamp === undefined) {
      lastTimestamp = now;
      return;
    }
    currentCapacity = Math.min(maxCapacity, currentCapacity + (now - lastTimestamp) * fillRate);
    lastTimestamp = now;
  };

  const updateMeasuredRate = (): void => {
    const bucket = Math.floor(seconds() * 2) / 2;
    requestCount++;
    if (bucket > lastTxRateBucket) {
      const rate = requestCount / (bucket - lastTxRateBucket);
      measuredTxRate = precise(rate * smooth + measuredTxRate * (1 - smooth));
      requestCount = 0;
      lastTxRateBucket = bucket;
    }
  };

  const computeTimeWindow = (): void => {
    timeWindow = precise(Math.cbrt((lastMaxRate * (1 - beta)) / scaleConstant));
  };

  const setRate = (rate: number): void => {
    refill();
    fillRate = Math.max(rate, minFillRate);
    maxCapacity = Math.max(rate, minCapacity);
    currentCapacity = Math.min(currentCapacity, maxCapacity);
  };

  return {
    async acquire(signal) {
      if (!enabled) return;
      refill();
      if (currentCapacity < 1) {
        await clock.sleep(((1 - currentCapacity) / fillRate) * 1000, signal);
        refill();
      }
      // After the wait the bucket holds (about) one token; it may dip slightly below zero when
      // several callers waited at once, which delays the next ones proportionally.
      currentCapacity -= 1;
    },
    update(throttled) {
      updateMeasuredRate();
      let rate: number;
      if (throttled) {
        const rateToUse = enabled ? Math.min(measuredTxRate, fillRate) : measuredTxRate;
        lastMaxRate = rateToUse;
        computeTimeWindow();
        lastThrottleTime = seconds();
        rate = precise(rateToUse * beta);
        enabled = true;
      } else {
        computeTimeWindow();
        rate = precise(scaleConstant * (seconds() - lastThrottleTime - timeWindow) ** 3 + lastMaxRate);
      }
      setRate(Math.min(rate, 2 * measuredTxRate));
    },
    state: () => ({ enabled, fillRate, measuredTxRate, lastMaxRate, capacity: currentCapacity }),
  };
}
