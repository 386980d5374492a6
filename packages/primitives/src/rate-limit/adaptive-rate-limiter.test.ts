import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAdaptiveRateLimiter } from './adaptive-rate-limiter.js';
import { createFakeClock } from '../clock/clock.js';
import type { FakeClock } from '../clock/clock.js';
import { isAbortError } from '../errors/errors.js';

/** Sends `count` requests `gapMs` apart through the limiter, each answered `throttled`. */
async function send(limiter: ReturnType<typeof createAdaptiveRateLimiter>, clock: FakeClock, count: number, gapMs: number, throttled = false): Promise<void> {
  for (let i = 0; i < count; i++) {
    await limiter.acquire();
    await clock.advance(gapMs);
    limiter.update(throttled);
  }
}

describe('createAdaptiveRateLimiter', () => {
  it('does not delay anything before the first throttle', async () => {
    const clock = createFakeClock({ start: 1_000_000, instant: true });
    const limiter = createAdaptiveRateLimiter({ clock });
    await send(limiter, clock, 50, 100);
    expect(clock.sleeps).toEqual([]);
    expect(limiter.state().enabled).toBe(false);
    expect(limiter.state().measuredTxRate).toBeGreaterThan(8);
  });

  it('cuts the rate by beta on a throttle, then delays sends', async () => {
    const clock = createFakeClock({ start: 1_000_000, instant: true });
    const limiter = createAdaptiveRateLimiter({ clock });
    await send(limiter, clock, 50, 100); // ~10 requests per second
    const measured = limiter.state().measuredTxRate;
    limiter.update(true);
    const after = limiter.state();
    expect(after.enabled).toBe(true);
    expect(after.lastMaxRate).toBeCloseTo(measured, 0);
    expect(after.fillRate).toBeCloseTo(0.7 * after.lastMaxRate, 5);
    // The bucket holds at most one second's worth of tokens; a burst beyond that waits.
    for (let i = 0; i < 20; i++) await limiter.acquire();
    expect(clock.sleeps.length).toBeGreaterThan(10);
    expect(clock.sleeps.every((d) => d > 0 && d <= 1000 / after.fillRate + 1e-6)).toBe(true);
  });

  it('recovers along the cubic curve after a throttle', async () => {
    const clock = createFakeClock({ start: 1_000_000, instant: true });
    const limiter = createAdaptiveRateLimiter({ clock });
    await send(limiter, clock, 50, 100);
    limiter.update(true);
    const { fillRate: throttledRate, lastMaxRate } = limiter.state();
    const rates: number[] = [];
    for (let second = 0; second < 8; second++) {
      await send(limiter, clock, 10, 100);
      rates.push(limiter.state().fillRate);
    }
    // The rate never falls below the throttled rate and climbs back to the rate before the throttle.
    expect(Math.min(...rates)).toBeGreaterThanOrEqual(throttledRate * 0.95);
    expect(rates.at(-1)).toBeGreaterThanOrEqual(lastMaxRate * 0.95);
  });

  it('a throttle never raises the rate and cuts it to at most beta times the previous (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 2000 }), throttled: fc.boolean() }), { minLength: 1, maxLength: 60 }),
        async (events) => {
          const clock = createFakeClock({ start: 1_000_000, instant: true });
          const limiter = createAdaptiveRateLimiter({ clock });
          for (const { gap, throttled } of events) {
            await limiter.acquire();
            await clock.advance(gap);
            const before = limiter.state();
            limiter.update(throttled);
            const after = limiter.state();
            expect(Number.isFinite(after.fillRate)).toBe(true);
            expect(after.fillRate).toBeGreaterThanOrEqual(0.5);
            if (throttled && before.enabled) expect(after.fillRate).toBeLessThanOrEqual(Math.max(0.5, 0.7 * before.fillRate) + 1e-6);
          }
        },
      ),
    );
  });

  it('lets abort interrupt a wait for a token', async () => {
    const clock = createFakeClock(5_000);
    const limiter = createAdaptiveRateLimiter({ clock });
    limiter.update(true);
    const controller = new AbortController();
    const pending = limiter.acquire(controller.signal).then(
      () => 'acquired',
      (err: unknown) => err,
    );
    await Promise.resolve();
    expect(clock.pending()).toBe(1);
    controller.abort();
    expect(isAbortError(await pending)).toBe(true);
  });

  it('grants a token once the wait is over', async () => {
    const clock = createFakeClock(5_000);
    const limiter = createAdaptiveRateLimiter({ clock, minFillRate: 2 });
    limiter.update(true);
    let done = false;
    const pending = limiter.acquire().then(() => {
      done = true;
    });
    await clock.advance(400);
    expect(done).toBe(false);
    await clock.advance(100);
    await pending;
    expect(done).toBe(true);
  });
});
