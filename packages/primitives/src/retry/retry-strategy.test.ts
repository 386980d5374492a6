import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAdaptiveRateLimiter } from '../rate-limit/adaptive-rate-limiter.js';
import { createFakeClock, createSeededRandom } from '../clock/clock.js';
import { AbortError, NetworkError, TimeoutError, ValidationError, isAbortError, isValidationError } from '../errors/errors.js';
import type { RetryClassification } from './retry-classification.js';
import { computeBackoffDelay, createRetryStrategy, getRetryAttempts, validateRetryOptions } from './retry-strategy.js';
import type { RetryInfo, RetryStrategyOptions } from './retry-strategy.js';
import { retry } from './retry.js';

function serviceError(code: string, statusCode: number, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(code), { name: 'S3ServiceError', code, statusCode, retryable: false, ...extra });
}

const transient = (): Error => serviceError('InternalError', 500);
const reset = (): NetworkError => new NetworkError('socket hang up');

/** Runs `fn` failing with `errors` in order, then returning 'ok'. */
function script(errors: Error[]): { fn: () => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    fn: () => {
      const err = errors[calls++];
      return err === undefined ? Promise.resolve('ok') : Promise.reject(err);
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

function strategy(options: RetryStrategyOptions = {}) {
  const clock = createFakeClock({ instant: true });
  return { clock, strategy: createRetryStrategy({ clock, random: createSeededRandom(7), ...options }) };
}

describe('createRetryStrategy (standard)', () => {
  it('returns the first success without sleeping', async () => {
    const { clock, strategy: s } = strategy();
    const { fn, calls } = script([]);
    await expect(s.run(fn)).resolves.toBe('ok');
    expect(calls()).toBe(1);
    expect(clock.sleeps).toEqual([]);
    expect(s.quota()).toBe(500);
  });

  it('retries a transient error and succeeds, refunding the retry cost', async () => {
    const { clock, strategy: s } = strategy();
    const seenQuota: number[] = [];
    const { fn, calls } = script([transient()]);
    await expect(s.run(fn, { onRetry: () => seenQuota.push(s.quota()) })).resolves.toBe('ok');
    expect(calls()).toBe(2);
    expect(clock.sleeps).toHaveLength(1);
    expect(seenQuota).toEqual([495]);
    expect(s.quota()).toBe(500);
  });

  it('passes the attempt number and signal to each attempt', async () => {
    const { strategy: s } = strategy();
    const controller = new AbortController();
    const seen: [number, AbortSignal | undefined][] = [];
    let n = 0;
    await s.run(
      ({ attempt, signal }) => {
        seen.push([attempt, signal]);
        return n++ < 2 ? Promise.reject(transient()) : Promise.resolve(1);
      },
      { signal: controller.signal },
    );
    expect(seen).toEqual([
      [1, controller.signal],
      [2, controller.signal],
      [3, controller.signal],
    ]);
  });

  it('gives up after maxAttempts and rethrows the last error with the attempt count', async () => {
    const { strategy: s } = strategy();
    const errors = [transient(), transient(), transient(), transient()];
    const { fn, calls } = script(errors);
    const err = await rejection(s.run(fn));
    expect(err).toBe(errors[2]);
    expect(calls()).toBe(3);
    expect(getRetryAttempts(err)).toBe(3);
    expect(s.maxAttempts).toBe(3);
    expect(s.mode).toBe('standard');
  });

  it('takes a per-call maxAttempts instead of its own (1: the caller retries itself), and validates it', async () => {
    const { strategy: s } = strategy();
    const once = script([transient(), transient()]);
    expect(getRetryAttempts(await rejection(s.run(once.fn, { maxAttempts: 1 })))).toBe(1);
    expect(once.calls()).toBe(1);
    const more = script([transient(), transient(), transient(), transient()]);
    await expect(s.run(more.fn, { maxAttempts: 5 })).resolves.toBe('ok');
    expect(more.calls()).toBe(5);
    expect(isValidationError(await rejection(s.run(more.fn, { maxAttempts: 0 })))).toBe(true);
  });

  it('does not retry a client error', async () => {
    const { strategy: s } = strategy();
    const { fn, calls } = script([serviceError('NoSuchKey', 404)]);
    const err = await rejection(s.run(fn));
    expect(err).toMatchObject({ code: 'NoSuchKey' });
    expect(calls()).toBe(1);
    expect(getRetryAttempts(err)).toBe(1);
  });

  it.each([
    ['ValidationError', new ValidationError({ field: 'Key', rule: 'must not be empty' })],
    ['AbortError', new AbortError()],
  ])('never retries %s', async (_name, error) => {
    const { strategy: s } = strategy();
    const { fn, calls } = script([error]);
    expect(await rejection(s.run(fn))).toBe(error);
    expect(calls()).toBe(1);
  });

  it('never retries when the body cannot be replayed, even a GET with a retryable error', async () => {
    const { strategy: s, clock } = strategy();
    for (const error of [transient(), reset(), serviceError('SlowDown', 503)]) {
      const { fn, calls } = script([error]);
      expect(await rejection(s.run(fn, { replayable: false }))).toBe(error);
      expect(calls()).toBe(1);
    }
    expect(clock.sleeps).toEqual([]);
    expect(s.quota()).toBe(500);
  });

  it('retries clock skew only when the signer corrected its clock', async () => {
    const { strategy: s } = strategy();
    const plain = script([serviceError('RequestTimeTooSkewed', 403)]);
    await expect(s.run(plain.fn)).rejects.toMatchObject({ code: 'RequestTimeTooSkewed' });
    expect(plain.calls()).toBe(1);
    const corrected = script([serviceError('RequestTimeTooSkewed', 403, { clockSkewCorrected: true })]);
    await expect(s.run(corrected.fn)).resolves.toBe('ok');
    expect(corrected.calls()).toBe(2);
  });

  it('charges 10 tokens after timeouts and network errors, 5 otherwise', async () => {
    const { strategy: s } = strategy({ maxAttempts: 4 });
    const quotas: number[] = [];
    const { fn } = script([new TimeoutError('t', { phase: 'headers' }), reset(), transient()]);
    await s.run(fn, { onRetry: () => quotas.push(s.quota()) });
    expect(quotas).toEqual([490, 480, 475]);
    expect(s.quota()).toBe(480); // refund of the last retry's cost, 5
  });

  it('stops retrying when the quota is empty, and refills on success', async () => {
    const { strategy: s } = strategy({ retryQuota: 10, maxAttempts: 5 });
    const first = script([reset(), reset(), reset()]);
    const err = await rejection(s.run(first.fn));
    expect(first.calls()).toBe(2); // one retry spent all 10 tokens
    expect(getRetryAttempts(err)).toBe(2);
    expect(s.quota()).toBe(0);

    const second = script([transient()]);
    await rejection(s.run(second.fn));
    expect(second.calls()).toBe(1);

    for (let i = 0; i < 5; i++) await s.run(script([]).fn);
    expect(s.quota()).toBe(5);
    const third = script([transient()]);
    await expect(s.run(third.fn)).resolves.toBe('ok');
    expect(third.calls()).toBe(2);
    expect(s.quota()).toBe(5);
  });

  it('never refills the quota above its size', async () => {
    const { strategy: s } = strategy();
    for (let i = 0; i < 3; i++) await s.run(script([]).fn);
    expect(s.quota()).toBe(500);
  });

  it('honours Retry-After from retryAfterMs, capped at maxDelayMs', async () => {
    const { strategy: s, clock } = strategy({ maxAttempts: 3 });
    await s.run(script([serviceError('SlowDown', 503, { retryAfterMs: 3000 }), serviceError('SlowDown', 503, { retryAfterMs: 60_000 })]).fn);
    expect(clock.sleeps).toEqual([3000, 20_000]);
  });

  it('honours a retry-after response header on the error', async () => {
    const { strategy: s, clock } = strategy();
    await s.run(script([serviceError('ServiceUnavailable', 503, { response: { headers: { 'retry-after': '2' } } })]).fn);
    expect(clock.sleeps).toEqual([2000]);
  });

  it('uses the larger backoff base for throttling', async () => {
    const clock = createFakeClock({ instant: true });
    const s = createRetryStrategy({ clock, random: () => 0.999, maxAttempts: 2 });
    await s.run(script([serviceError('Throttling', 400)]).fn);
    const t = createRetryStrategy({ clock, random: () => 0.999, maxAttempts: 2 });
    await t.run(script([transient()]).fn);
    expect(clock.sleeps).toEqual([499, 99]);
  });

  it('tells onRetry the attempt, delay and classification', async () => {
    const { strategy: s, clock } = strategy({ maxAttempts: 4 });
    const infos: Omit<RetryInfo, 'error'>[] = [];
    await s.run(script([serviceError('SlowDown', 503), reset(), transient()]).fn, {
      onRetry: ({ attempt, delayMs, classification }) => infos.push({ attempt, delayMs, classification }),
    });
    expect(infos.map((i) => [i.attempt, i.classification])).toEqual([
      [1, 'throttling'],
      [2, 'network'],
      [3, 'transient'],
    ]);
    expect(infos.map((i) => i.delayMs)).toEqual(clock.sleeps);
  });

  it('keeps every delay within [0, min(cap, base * 2^n)] (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 12 }), async (seed, maxAttempts) => {
        const clock = createFakeClock({ instant: true });
        const s = createRetryStrategy({ clock, random: createSeededRandom(seed), maxAttempts, maxDelayMs: 5000 });
        const err = await rejection(s.run(() => Promise.reject(transient())));
        expect(getRetryAttempts(err)).toBe(maxAttempts);
        expect(clock.sleeps).toHaveLength(maxAttempts - 1);
        clock.sleeps.forEach((d, n) => {
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(Math.min(5000, 100 * 2 ** n));
        });
      }),
    );
  });

  it('computeBackoffDelay stays within bounds for any inputs (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        fc.double({ min: 0, max: 100_000, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, base, cap, r) => {
          const d = computeBackoffDelay(n, base, cap, () => r);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(Math.min(cap, base * 2 ** n));
        },
      ),
    );
  });
});

describe('aborting', () => {
  it('does not call fn when the signal is already aborted', async () => {
    const { strategy: s } = strategy();
    const { fn, calls } = script([]);
    const err = await rejection(s.run(fn, { signal: AbortSignal.abort() }));
    expect(isAbortError(err)).toBe(true);
    expect(calls()).toBe(0);
    expect(getRetryAttempts(err)).toBe(0);
  });

  it('stops during the backoff wait with AbortError', async () => {
    const clock = createFakeClock();
    const s = createRetryStrategy({ clock, random: () => 0.5 });
    const controller = new AbortController();
    const { fn, calls } = script([transient(), transient()]);
    const pending = rejection(s.run(fn, { signal: controller.signal, onRetry: () => { queueMicrotask(() => { controller.abort(); }); } }));
    const err = await pending;
    expect(isAbortError(err)).toBe(true);
    expect(getRetryAttempts(err)).toBe(1);
    expect(calls()).toBe(1);
    expect(clock.pending()).toBe(0);
  });

  it('turns an attempt failure after abort into AbortError instead of retrying', async () => {
    const { strategy: s } = strategy();
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const err = await rejection(
      s.run(
        () => {
          controller.abort(reason);
          return Promise.reject(reset());
        },
        { signal: controller.signal },
      ),
    );
    expect(isAbortError(err)).toBe(true);
    expect((err as Error).cause).toBe(reason);
  });

  it('rethrows the attempt’s own AbortError as is', async () => {
    const { strategy: s } = strategy();
    const controller = new AbortController();
    const own = new AbortError('transport aborted');
    const err = await rejection(
      s.run(
        () => {
          controller.abort();
          return Promise.reject(own);
        },
        { signal: controller.signal },
      ),
    );
    expect(err).toBe(own);
  });
});

describe('validateRetryOptions', () => {
  it.each<[string, RetryStrategyOptions]>([
    ['maxAttempts', { maxAttempts: 0 }],
    ['maxAttempts', { maxAttempts: 1.5 }],
    ['maxAttempts', { maxAttempts: Number.NaN }],
    ['mode', { mode: 'fast' as 'standard' }],
    ['baseDelayMs', { baseDelayMs: -1 }],
    ['throttlingBaseDelayMs', { throttlingBaseDelayMs: Number.POSITIVE_INFINITY }],
    ['maxDelayMs', { maxDelayMs: Number.POSITIVE_INFINITY }],
    ['retryQuota', { retryQuota: -5 }],
    ['maxAttempts', { maxAttempts: '3' as unknown as number }],
  ])('rejects a bad %s', (field, options) => {
    let caught: unknown;
    try {
      createRetryStrategy(options);
    } catch (err) {
      caught = err;
    }
    expect(isValidationError(caught)).toBe(true);
    expect(caught).toMatchObject({ field });
  });

  it('accepts the documented knobs', () => {
    expect(() => {
      validateRetryOptions({ maxAttempts: 1, mode: 'adaptive', baseDelayMs: 0, maxDelayMs: 0, retryQuota: 0 });
    }).not.toThrow();
  });

  it('maxAttempts 1 disables retries', async () => {
    const { strategy: s } = strategy({ maxAttempts: 1 });
    const { fn, calls } = script([transient()]);
    await rejection(s.run(fn));
    expect(calls()).toBe(1);
  });
});

describe('adaptive mode', () => {
  it('slows sends down after throttling', async () => {
    const clock = createFakeClock({ instant: true });
    const s = createRetryStrategy({ mode: 'adaptive', clock, random: () => 0, maxAttempts: 2 });
    expect(s.mode).toBe('adaptive');
    // Before any throttle the limiter adds no waits.
    for (let i = 0; i < 20; i++) await s.run(script([]).fn);
    expect(clock.sleeps).toEqual([]);
    await s.run(script([serviceError('SlowDown', 503)]).fn);
    const before = clock.sleeps.length;
    await s.run(script([]).fn);
    await s.run(script([]).fn);
    expect(clock.sleeps.length).toBeGreaterThan(before);
    expect(clock.sleeps.slice(before).every((d) => d > 0)).toBe(true);
  });

  it('uses an injected limiter and lets abort interrupt its wait', async () => {
    const clock = createFakeClock(10_000);
    const limiter = createAdaptiveRateLimiter({ clock });
    limiter.update(true); // throttled: limiting on, bucket empty
    const s = createRetryStrategy({ mode: 'adaptive', clock, rateLimiter: limiter });
    const controller = new AbortController();
    const { fn, calls } = script([]);
    const pending = rejection(s.run(fn, { signal: controller.signal }));
    await Promise.resolve();
    expect(clock.pending()).toBe(1);
    controller.abort();
    const err = await pending;
    expect(isAbortError(err)).toBe(true);
    expect(calls()).toBe(0);
  });
});

describe('retry()', () => {
  it('runs with a default standard strategy', async () => {
    let n = 0;
    const classes: RetryClassification[] = [];
    const result = await retry(
      () => (n++ === 0 ? Promise.reject(Object.assign(new Error('reset'), { code: 'ECONNRESET' })) : Promise.resolve(n)),
      { strategy: createRetryStrategy({ clock: createFakeClock({ instant: true }) }), onRetry: (i) => classes.push(i.classification) },
    );
    expect(result).toBe(2);
    expect(classes).toEqual(['network']);
  });

  it('creates its own strategy when none is given', async () => {
    await expect(retry(() => Promise.resolve('x'))).resolves.toBe('x');
  });

  it('getRetryAttempts is undefined for errors from elsewhere', () => {
    expect(getRetryAttempts(new Error('x'))).toBeUndefined();
    expect(getRetryAttempts('x')).toBeUndefined();
    expect(getRetryAttempts(null)).toBeUndefined();
  });
});
