import { getEventListeners } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFakeClock, createSeededRandom, systemClock, throwIfAborted } from './clock.js';
import { isAbortError } from '../errors/errors.js';

describe('createFakeClock', () => {
  it('starts at the given time and only moves when told', async () => {
    const clock = createFakeClock(1000);
    expect(clock.now()).toBe(1000);
    await clock.advance(250);
    expect(clock.now()).toBe(1250);
    clock.set(5000);
    expect(clock.now()).toBe(5000);
    expect(createFakeClock(0).now()).toBe(0);
  });

  it('resolves sleeps in due order, ties in the order they were made, each at its own time', async () => {
    const clock = createFakeClock(0);
    const woke: string[] = [];
    const sleeper = (name: string, ms: number) =>
      clock.sleep(ms).then(() => {
        woke.push(`${name}@${clock.now()}`);
      });
    const all = [sleeper('c', 30), sleeper('a', 10), sleeper('b1', 20), sleeper('b2', 20)];
    expect(clock.pending()).toBe(4);
    await clock.advance(25);
    expect(woke).toEqual(['a@10', 'b1@20', 'b2@20']);
    expect(clock.pending()).toBe(1);
    expect(clock.now()).toBe(25);
    await clock.advance(5);
    await Promise.all(all);
    expect(woke).toEqual(['a@10', 'b1@20', 'b2@20', 'c@30']);
    expect(clock.pending()).toBe(0);
  });

  it('runs sleeps scheduled by woken code when they fall inside the same advance', async () => {
    const clock = createFakeClock(0);
    const times: number[] = [];
    const loop = (async () => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(10);
        times.push(clock.now());
      }
    })();
    await clock.advance(100);
    await loop;
    expect(times).toEqual([10, 20, 30]);
    expect(clock.now()).toBe(100);
  });

  it('treats zero and negative sleeps as due now', async () => {
    const clock = createFakeClock(50);
    const done: number[] = [];
    const a = clock.sleep(0).then(() => done.push(0));
    const b = clock.sleep(-10).then(() => done.push(-10));
    await clock.advance(0);
    await Promise.all([a, b]);
    expect(done).toEqual([0, -10]);
    expect(clock.now()).toBe(50);
  });

  it('rejects at once with AbortError when the signal is already aborted', async () => {
    const clock = createFakeClock(0);
    const controller = new AbortController();
    const reason = new Error('stop');
    controller.abort(reason);
    const err: unknown = await clock.sleep(10, controller.signal).catch((e: unknown) => e);
    expect(isAbortError(err)).toBe(true);
    expect((err as Error).cause).toBe(reason);
    expect(clock.pending()).toBe(0);
  });

  it('rejects a pending sleep on abort and forgets it', async () => {
    const clock = createFakeClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(100, controller.signal);
    const other = clock.sleep(100);
    expect(clock.pending()).toBe(2);
    controller.abort('user');
    await expect(sleeping).rejects.toSatisfy(isAbortError);
    expect(clock.pending()).toBe(1);
    await clock.advance(100);
    await expect(other).resolves.toBeUndefined();
  });

  // Regression: a finished sleep used to leave its abort listener on the signal.
  it('removes its abort listener once the sleep is over', async () => {
    const clock = createFakeClock(0);
    const controller = new AbortController();
    const sleeps = [clock.sleep(1, controller.signal), clock.sleep(2, controller.signal)];
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(2);
    await clock.advance(2);
    await Promise.all(sleeps);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
  it('starts from the real time by default, so fake dates and real file times share one axis', () => {
    const before = Date.now();
    const clock = createFakeClock();
    expect(clock.now()).toBeGreaterThanOrEqual(before);
    expect(clock.now()).toBeLessThanOrEqual(Date.now());
    expect(createFakeClock({ instant: true }).now()).toBeGreaterThanOrEqual(before);
  });

  it('counts every sleep asked for, in order', async () => {
    const clock = createFakeClock(0);
    const a = clock.sleep(30);
    const b = clock.sleep(-4);
    expect(clock.sleeps).toEqual([30, 0]);
    expect(clock.slept).toBe(30);
    await clock.advance(30);
    await Promise.all([a, b]);
  });
});

describe('createFakeClock({ instant: true })', () => {
  it('returns from a sleep at once, moving time by its length', async () => {
    const clock = createFakeClock({ start: 1000, instant: true });
    await clock.sleep(250);
    await clock.sleep(-5);
    expect(clock.now()).toBe(1250);
    expect(clock.slept).toBe(250);
    expect(clock.sleeps).toEqual([250, 0]);
    expect(clock.pending()).toBe(0);
    await clock.advance(50);
    expect(clock.now()).toBe(1300);
    clock.set(7);
    expect(clock.now()).toBe(7);
  });

  it('rejects with AbortError when the signal is already aborted, without moving time', async () => {
    const clock = createFakeClock({ start: 0, instant: true });
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    const err: unknown = await clock.sleep(10, controller.signal).catch((e: unknown) => e);
    expect(isAbortError(err)).toBe(true);
    expect(clock.now()).toBe(0);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('systemClock', () => {
  it('reads Date.now()', () => {
    const before = Date.now();
    const now = systemClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('keeps the process alive while sleeping (regression: its unref\'d timer let a process waiting only on a backoff or a waiter exit silently, code 13)', async () => {
    const timers = (): number => process.getActiveResourcesInfo().filter((type) => type === 'Timeout').length;
    const before = timers();
    const sleeping = systemClock.sleep(30);
    expect(timers()).toBe(before + 1);
    await sleeping;
    expect(timers()).toBe(before);
  });

  it('resolves a tiny sleep (and a negative one) and leaves no listener behind', async () => {
    const controller = new AbortController();
    await expect(systemClock.sleep(1, controller.signal)).resolves.toBeUndefined();
    await expect(systemClock.sleep(-5)).resolves.toBeUndefined();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('rejects with AbortError when already aborted or aborted while sleeping', async () => {
    const aborted = new AbortController();
    aborted.abort('early');
    const early: unknown = await systemClock.sleep(1, aborted.signal).catch((e: unknown) => e);
    expect(isAbortError(early)).toBe(true);
    expect((early as Error).cause).toBe('early');

    const controller = new AbortController();
    // A long sleep that only an abort can end; the timer is cleared, so nothing keeps running.
    const sleeping = systemClock.sleep(60_000, controller.signal);
    controller.abort('late');
    const late: unknown = await sleeping.catch((e: unknown) => e);
    expect(isAbortError(late)).toBe(true);
    expect((late as Error).cause).toBe('late');
  });
});

describe('throwIfAborted', () => {
  it('does nothing without a signal or with a live one, and throws AbortError with the reason otherwise', () => {
    expect(() => {
      throwIfAborted(undefined);
    }).not.toThrow();
    const controller = new AbortController();
    expect(() => {
      throwIfAborted(controller.signal);
    }).not.toThrow();
    const reason = new Error('why');
    controller.abort(reason);
    let caught: unknown;
    try {
      throwIfAborted(controller.signal);
    } catch (err) {
      caught = err;
    }
    expect(isAbortError(caught)).toBe(true);
    expect((caught as Error).cause).toBe(reason);
  });
});

describe('createSeededRandom', () => {
  it('is reproducible for a seed and matches the documented first value', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const seqA = Array.from({ length: 20 }, a);
    expect(Array.from({ length: 20 }, b)).toEqual(seqA);
    expect(seqA[0]).toBeCloseTo(0.6011, 4);
    expect(Array.from({ length: 20 }, createSeededRandom(43))).not.toEqual(seqA);
  });

  it('returns values in [0, 1) for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 32 }), (seed) => {
        const random = createSeededRandom(seed);
        for (let i = 0; i < 50; i++) {
          const v = random();
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThan(1);
        }
      }),
    );
  });

  it('spreads values over the interval', () => {
    const random = createSeededRandom(7);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) buckets[Math.floor(random() * 10)]!++;
    for (const count of buckets) expect(count).toBeGreaterThan(800);
  });
});
