import { AbortError } from '../errors/errors.js';

/**
 * Time as an injectable port: everything that waits or reads the time takes a `Clock`, so tests
 * drive time with {@link createFakeClock} instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with `AbortError` if `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** A source of uniformly distributed numbers in [0, 1), like `Math.random`. */
export type Random = () => number;

/** Throws an {@link AbortError} (with the signal's reason as cause) if `signal` is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
}

/**
 * The real clock: `Date.now()` and `setTimeout`. Its timers are ref'd: a sleep is something an
 * operation waits on (a retry backoff, a bandwidth pause, a deadline), and an unref'd one lets Node
 * exit in the middle of the operation, silently, whenever no socket happens to be open. Background
 * timers (credential refresh, idle sweeps) must not use it; they unref their own.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new AbortError(undefined, { cause: signal.reason }));
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(new AbortError(undefined, { cause: signal?.reason }));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** A clock for tests: time moves only when told to, or by exactly what was slept. */
export interface FakeClock extends Clock {
  /** Moves time forward by `ms`, resolving every sleep that falls due, in order. */
  advance(ms: number): Promise<void>;
  /** Sets the current time (must not go backwards past pending sleeps' order). */
  set(now: number): void;
  /** Number of sleeps not yet due (always 0 for an instant clock). */
  pending(): number;
  /** Total milliseconds asked of {@link Clock.sleep} so far. */
  readonly slept: number;
  /** Every sleep asked for, in order, in ms. */
  readonly sleeps: readonly number[];
}

/** Options of {@link createFakeClock}. */
export interface FakeClockOptions {
  /**
   * Start time in ms since the epoch. The real time by default, so that dates the code under test
   * computes sit on the same axis as real file times and `Date.now()`: a test that fixes a start
   * must not then compare it with either.
   * @default Date.now()
   */
  start?: number;
  /**
   * When true, a sleep returns at once and moves time forward by its length (retries and
   * bandwidth pauses run untimed); when false, it waits for {@link FakeClock.advance}.
   * @default false
   */
  instant?: boolean;
}

/**
 * Creates a {@link FakeClock}; a number is taken as `start`.
 * @example
 * ```ts
 * const clock = createFakeClock();
 * const p = clock.sleep(100);
 * await clock.advance(100); // p resolves
 *
 * const instant = createFakeClock({ instant: true });
 * await instant.sleep(5000); // returns at once; instant.now() moved by 5 s
 * ```
 */
export function createFakeClock(options: number | FakeClockOptions = {}): FakeClock {
  const { start = Date.now(), instant = false } = typeof options === 'number' ? { start: options } : options;
  let now = start;
  let seq = 0;
  const sleeps: number[] = [];
  let slept = 0;
  const timers: { at: number; seq: number; resolve: () => void }[] = [];
  const record = (ms: number): number => {
    const length = Math.max(0, ms);
    sleeps.push(length);
    slept += length;
    return length;
  };
  const clock: FakeClock = {
    get slept() {
      return slept;
    },
    sleeps,
    now: () => now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(new AbortError(undefined, { cause: signal.reason }));
          return;
        }
        const length = record(ms);
        if (instant) {
          now += length;
          resolve();
          return;
        }
        const onAbort = (): void => {
          const i = timers.indexOf(entry);
          if (i >= 0) timers.splice(i, 1);
          reject(new AbortError(undefined, { cause: signal?.reason }));
        };
        const entry = {
          at: now + length,
          seq: seq++,
          resolve: () => {
            // A long-lived signal must not collect one listener per finished sleep.
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        timers.push(entry);
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
    advance: async (ms) => {
      const target = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers[0];
        if (!next || next.at > target) break;
        timers.shift();
        now = next.at;
        next.resolve();
        // Let the woken continuation run (and maybe schedule more sleeps) before going on.
        for (let i = 0; i < 10; i++) await Promise.resolve();
      }
      now = target;
    },
    set: (value) => {
      now = value;
    },
    pending: () => timers.length,
  };
  return clock;
}

/**
 * A deterministic pseudo-random generator (mulberry32) for tests and reproducible jitter.
 * @example `const random = createSeededRandom(42); random(); // 0.6011...`
 */
export function createSeededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
