import type { HttpMiddleware } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { mockClient } from '../../test/mock-client.js';
import { loadWaiters } from '../../scripts/s3-model.mjs';
import { HeadBucket } from '../operations/buckets.js';
import { waitFor } from './wait.js';
import * as waiters from './waiters.js';

/** A middleware that runs `action` before the n-th request (1-based) passes. */
function onRequest(n: number, action: () => void): HttpMiddleware {
  let seen = 0;
  return (next) => (request, options) => {
    seen++;
    if (seen === n) action();
    return next(request, options);
  };
}

describe('waiters', () => {
  it('are the model waiters (waiters-2.json), one waitUntil function each', () => {
    const model = loadWaiters();
    for (const [name, w] of Object.entries(model)) {
      const spec = (waiters as Record<string, unknown>)[name];
      expect(spec, name).toEqual({ name, delay: w.delay, acceptors: w.acceptors.map((a) => ({ state: a.state, matcher: a.matcher, expected: a.expected })) });
      expect(typeof (waiters as Record<string, unknown>)[`waitUntil${name}`]).toBe('function');
    }
  });

  it('waitUntilBucketExists polls with growing, jittered pauses until the bucket appears', async () => {
    let create = (): void => {
      throw new Error('not set');
    };
    const { client, mock, clock } = mockClient({ middleware: [onRequest(4, () => {
      create();
    })], retry: { maxAttempts: 1 } });
    create = () => {
      mock.seed({ buckets: { 'late-bucket': {} } });
    };
    const result = await waiters.waitUntilBucketExists(client, { Bucket: 'late-bucket' }, { maxWaitTimeMs: 600_000, clock, random: () => 0.5 });
    expect(result).toMatchObject({ state: 'success', attempts: 4 });
    // Pauses: 5 s, then halfway between 5 s and 10 s, then halfway between 5 s and 20 s.
    expect(clock.sleeps).toEqual([5000, 7500, 12_500]);
  });

  it('waitUntilObjectNotExists succeeds on the 404 at once; ObjectExists keeps trying on 404', async () => {
    const { client, mock, clock } = mockClient();
    mock.seed({ buckets: { 'bucket-1': { objects: { a: 'x' } } } });
    expect(await waiters.waitUntilObjectNotExists(client, { Bucket: 'bucket-1', Key: 'gone' }, { maxWaitTimeMs: 10_000, clock })).toMatchObject({
      attempts: 1,
      reason: expect.objectContaining({ statusCode: 404 }),
    });
    expect((await waiters.waitUntilObjectExists(client, { Bucket: 'bucket-1', Key: 'a' }, { maxWaitTimeMs: 10_000, clock })).attempts).toBe(1);
  });

  it('gives up with ERR_WAITER_TIMEOUT when the time limit would pass, having slept less than it', async () => {
    const { client, clock } = mockClient({ retry: { maxAttempts: 1 } });
    const err = await waiters.waitUntilBucketExists(client, { Bucket: 'never-bucket' }, { maxWaitTimeMs: 60_000, clock }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'WaiterError', code: 'ERR_WAITER_TIMEOUT' });
    expect(clock.slept).toBeLessThanOrEqual(60_000);
    expect((err as { attempts: number }).attempts).toBeGreaterThan(2);
  });

  it('ends with ERR_WAITER_FAILURE on an answer no acceptor expects (a 500 after retries)', async () => {
    const { client, mock, clock } = mockClient({ retry: { maxAttempts: 2 } });
    mock.seed({ buckets: { 'bucket-1': {} } });
    mock.faults.add({ match: { operation: 'HeadBucket' }, action: { status: 500, code: 'InternalError' }, times: 10 });
    await expect(waiters.waitUntilBucketNotExists(client, { Bucket: 'bucket-1' }, { maxWaitTimeMs: 60_000, clock })).rejects.toMatchObject({
      code: 'ERR_WAITER_FAILURE',
      cause: expect.objectContaining({ code: 'InternalError' }),
    });
  });

  it('stops on abort, during a pause, with AbortError', async () => {
    const { client, clock } = mockClient({ retry: { maxAttempts: 1 } });
    const controller = new AbortController();
    const sleep = clock.sleep.bind(clock);
    clock.sleep = (ms, signal) => {
      controller.abort();
      return sleep(ms, signal);
    };
    await expect(waiters.waitUntilBucketExists(client, { Bucket: 'never-bucket' }, { maxWaitTimeMs: 60_000, clock, signal: controller.signal })).rejects.toMatchObject({
      code: 'ERR_ABORTED',
    });
  });

  it('refuses options that would never end or never pause', async () => {
    const { client } = mockClient();
    await expect(waitFor(client, HeadBucket, { Bucket: 'bucket-1' }, waiters.BucketExists, { maxWaitTimeMs: 0 })).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
    await expect(waitFor(client, HeadBucket, { Bucket: 'bucket-1' }, waiters.BucketExists, { maxWaitTimeMs: 1000, minDelayMs: 10, maxDelayMs: 5 })).rejects.toMatchObject({
      code: 'ERR_VALIDATION',
    });
  });
});
