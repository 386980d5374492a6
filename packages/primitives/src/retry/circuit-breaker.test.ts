import { describe, expect, it } from 'vitest';
import { circuitBreakerMiddleware, createCircuitBreaker, isServerFailureResponse } from './circuit-breaker.js';
import type { CircuitStateChange } from './circuit-breaker.js';
import { createFakeClock } from '../clock/clock.js';
import { AbortError, CircuitOpenError, isCircuitOpenError, NetworkError, TimeoutError, ValidationError } from '../errors/errors.js';
import { compose, emptyResponseBody } from '../http/http.js';
import type { HttpRequest, HttpResponse } from '../http/http.js';

const ok = (): Promise<string> => Promise.resolve('ok');
const fail = (): Promise<string> => Promise.reject(new Error('boom'));

async function failTimes(breaker: ReturnType<typeof createCircuitBreaker>, key: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await expect(breaker.run(key, fail)).rejects.toThrow('boom');
}

describe('createCircuitBreaker', () => {
  it('opens after failureThreshold consecutive failures and then fails fast without calling fn', async () => {
    const clock = createFakeClock(1_000);
    const breaker = createCircuitBreaker({ failureThreshold: 3, cooldownMs: 10_000, clock });
    await failTimes(breaker, 'a', 2);
    expect(breaker.state('a')).toBe('closed');
    await failTimes(breaker, 'a', 1);
    expect(breaker.state('a')).toBe('open');

    let called = false;
    await clock.advance(4_000);
    const error: unknown = await breaker
      .run('a', () => {
        called = true;
        return ok();
      })
      .catch((e: unknown) => e);
    expect(called).toBe(false);
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect(isCircuitOpenError(error) && error.key).toBe('a');
    expect(isCircuitOpenError(error) && error.retryAfterMs).toBe(6_000);
    expect(isCircuitOpenError(error) && error.code).toBe('ERR_CIRCUIT_OPEN');
  });

  it('counts only consecutive failures: a success resets the count', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 2, clock: createFakeClock(0) });
    await failTimes(breaker, 'a', 1);
    await breaker.run('a', ok);
    await failTimes(breaker, 'a', 1);
    expect(breaker.state('a')).toBe('closed');
    await failTimes(breaker, 'a', 1);
    expect(breaker.state('a')).toBe('open');
  });

  it('keeps state per key', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 1, clock: createFakeClock(0) });
    await failTimes(breaker, 'a', 1);
    expect(breaker.state('a')).toBe('open');
    expect(breaker.state('b')).toBe('closed');
    await expect(breaker.run('b', ok)).resolves.toBe('ok');
  });

  it('goes half-open after the cooldown; a trial success closes the circuit', async () => {
    const clock = createFakeClock(0);
    const changes: CircuitStateChange[] = [];
    const breaker = createCircuitBreaker({ failureThreshold: 1, cooldownMs: 100, clock, onStateChange: (c) => changes.push(c) });
    await failTimes(breaker, 'a', 1);
    await clock.advance(99);
    expect(breaker.state('a')).toBe('open');
    await clock.advance(1);
    expect(breaker.state('a')).toBe('half-open');
    await expect(breaker.run('a', ok)).resolves.toBe('ok');
    expect(breaker.state('a')).toBe('closed');
    expect(changes).toEqual([
      { key: 'a', from: 'closed', to: 'open', at: 0 },
      { key: 'a', from: 'open', to: 'half-open', at: 100 },
      { key: 'a', from: 'half-open', to: 'closed', at: 100 },
    ]);
  });

  it('reopens on a trial failure with a fresh cooldown', async () => {
    const clock = createFakeClock(0);
    const breaker = createCircuitBreaker({ failureThreshold: 1, cooldownMs: 100, clock });
    await failTimes(breaker, 'a', 1);
    await clock.advance(150);
    await failTimes(breaker, 'a', 1);
    expect(breaker.state('a')).toBe('open');
    const error = await breaker.run('a', ok).catch((e: unknown) => e);
    expect(isCircuitOpenError(error) && error.retryAfterMs).toBe(100);
  });

  it('lets only halfOpenMaxCalls trial calls through at once', async () => {
    const clock = createFakeClock(0);
    const breaker = createCircuitBreaker({ failureThreshold: 1, cooldownMs: 10, halfOpenMaxCalls: 2, clock });
    await failTimes(breaker, 'a', 1);
    await clock.advance(10);
    const releases: (() => void)[] = [];
    const slow = (): Promise<string> =>
      new Promise((resolve) => {
        releases.push(() => {
          resolve('slow');
        });
      });
    const t1 = breaker.run('a', slow);
    const t2 = breaker.run('a', slow);
    const third = await breaker.run('a', ok).catch((e: unknown) => e);
    expect(isCircuitOpenError(third) && third.retryAfterMs).toBe(0);
    expect(releases).toHaveLength(2);
    releases[0]!();
    await expect(t1).resolves.toBe('slow');
    expect(breaker.state('a')).toBe('closed');
    // The second trial belongs to the half-open period that already ended: its outcome is ignored.
    releases[1]!();
    await expect(t2).resolves.toBe('slow');
    expect(breaker.state('a')).toBe('closed');
  });

  it('ignores the outcome of calls that started before the state changed', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 1, clock: createFakeClock(0) });
    let release!: () => void;
    const late = breaker.run('a', () => new Promise<string>((resolve) => (release = () => {
      resolve('late');
    })));
    await failTimes(breaker, 'a', 1);
    expect(breaker.state('a')).toBe('open');
    release();
    await late;
    expect(breaker.state('a')).toBe('open');
  });

  it('does not count AbortError, and counts errors isFailure rejects as successes', async () => {
    const breaker = createCircuitBreaker({
      failureThreshold: 2,
      clock: createFakeClock(0),
      isFailure: (e) => !(e instanceof ValidationError),
    });
    await failTimes(breaker, 'a', 1);
    await expect(breaker.run('a', () => Promise.reject(new AbortError()))).rejects.toThrow(AbortError);
    expect(breaker.state('a')).toBe('closed');
    await expect(breaker.run('a', () => Promise.reject(new ValidationError({ field: 'x', rule: 'r' })))).rejects.toThrow(
      ValidationError,
    );
    await failTimes(breaker, 'a', 1);
    expect(breaker.state('a')).toBe('closed');
  });

  it('releases a trial slot on abort without changing state', async () => {
    const clock = createFakeClock(0);
    const breaker = createCircuitBreaker({ failureThreshold: 1, cooldownMs: 10, clock });
    await failTimes(breaker, 'a', 1);
    await clock.advance(10);
    await expect(breaker.run('a', () => Promise.reject(new AbortError()))).rejects.toThrow(AbortError);
    expect(breaker.state('a')).toBe('half-open');
    await expect(breaker.run('a', ok)).resolves.toBe('ok');
    expect(breaker.state('a')).toBe('closed');
  });

  it('counts a resolved value as a failure when isFailureResult says so', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 1, clock: createFakeClock(0) });
    await expect(breaker.run('a', () => Promise.resolve(503), { isFailureResult: (s) => s >= 500 })).resolves.toBe(503);
    expect(breaker.state('a')).toBe('open');
  });

  it('bounds memory: the least recently used key is forgotten beyond maxKeys', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 1, maxKeys: 2, clock: createFakeClock(0) });
    await failTimes(breaker, 'a', 1);
    await failTimes(breaker, 'b', 1);
    await expect(breaker.run('a', ok)).rejects.toThrow(CircuitOpenError); // touches a: b is now least recent
    await breaker.run('c', ok);
    expect(breaker.state('a')).toBe('open');
    expect(breaker.state('b')).toBe('closed');
  });

  it('reset forgets one key or all keys', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 1, clock: createFakeClock(0) });
    await failTimes(breaker, 'a', 1);
    await failTimes(breaker, 'b', 1);
    breaker.reset('a');
    expect([breaker.state('a'), breaker.state('b')]).toEqual(['closed', 'open']);
    breaker.reset();
    expect(breaker.state('b')).toBe('closed');
  });

  it('survives an onStateChange observer that throws', async () => {
    const breaker = createCircuitBreaker({
      failureThreshold: 1,
      clock: createFakeClock(0),
      onStateChange: () => {
        throw new Error('observer bug');
      },
    });
    await failTimes(breaker, 'a', 1);
    expect(breaker.state('a')).toBe('open');
  });

  it('validates its options', () => {
    expect(() => createCircuitBreaker({ failureThreshold: 0 })).toThrow(ValidationError);
    expect(() => createCircuitBreaker({ halfOpenMaxCalls: 1.5 })).toThrow(/halfOpenMaxCalls/);
    expect(() => createCircuitBreaker({ maxKeys: -1 })).toThrow(/maxKeys/);
    expect(() => createCircuitBreaker({ cooldownMs: Number.NaN })).toThrow(/cooldownMs/);
    expect(createCircuitBreaker().state('x')).toBe('closed');
  });
});

describe('circuitBreakerMiddleware', () => {
  const request = (hostname: string): HttpRequest => ({ method: 'GET', protocol: 'https:', hostname, path: '/', headers: {} });
  const response = (statusCode: number): HttpResponse => ({ statusCode, headers: {}, body: emptyResponseBody() });

  function setup(outcomes: (number | Error)[]) {
    const clock = createFakeClock(0);
    const breaker = createCircuitBreaker({ failureThreshold: 2, cooldownMs: 1_000, clock });
    let sent = 0;
    const transport = compose(
      {
        send: () => {
          const next = outcomes[sent++] ?? 200;
          return typeof next === 'number' ? Promise.resolve(response(next)) : Promise.reject(next);
        },
      },
      circuitBreakerMiddleware(breaker),
    );
    return { breaker, transport, sent: () => sent };
  }

  it('counts 5xx responses as failures, keyed by origin', async () => {
    const { breaker, transport, sent } = setup([502, 500]);
    expect((await transport.send(request('a.example'))).statusCode).toBe(502);
    expect((await transport.send(request('a.example'))).statusCode).toBe(500);
    expect(breaker.state('https://a.example')).toBe('open');
    await expect(transport.send(request('a.example'))).rejects.toThrow(CircuitOpenError);
    expect(sent()).toBe(2);
    expect((await transport.send(request('b.example'))).statusCode).toBe(200);
  });

  it('counts NetworkError and TimeoutError as failures', async () => {
    const { breaker, transport } = setup([new NetworkError('reset'), new TimeoutError('slow', { phase: 'headers' })]);
    await expect(transport.send(request('a.example'))).rejects.toThrow(NetworkError);
    await expect(transport.send(request('a.example'))).rejects.toThrow(TimeoutError);
    expect(breaker.state('https://a.example')).toBe('open');
  });

  it('does not count throttling (503 SlowDown, 429) or 501 (regression: a throttled bucket locked out the whole endpoint)', async () => {
    const { breaker, transport } = setup([503, 503, 429, 503, 501, 503, 503]);
    for (let i = 0; i < 7; i++) await transport.send(request('a.example'));
    expect(breaker.state('https://a.example')).toBe('closed');
    expect(isServerFailureResponse(response(504))).toBe(true);
  });

  it('does not count 4xx responses or unrelated errors', async () => {
    const { breaker, transport } = setup([500, 404, 500, new Error('signing bug'), 500, 403]);
    for (let i = 0; i < 6; i++) await transport.send(request('a.example')).catch(() => undefined);
    expect(breaker.state('https://a.example')).toBe('closed');
  });

  it('accepts a custom key', async () => {
    const clock = createFakeClock(0);
    const breaker = createCircuitBreaker({ failureThreshold: 1, clock });
    const transport = compose({ send: () => Promise.resolve(response(500)) }, circuitBreakerMiddleware(breaker, { keyOf: (r) => r.path }));
    await transport.send(request('a.example'));
    expect(breaker.state('/')).toBe('open');
  });
});
