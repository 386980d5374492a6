import { createFakeClock } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { createS3Mock } from './create-s3-mock.js';
import { createTestClient } from './test-client.js';

const seed = { buckets: { bkt: { objects: { 'slow/k': 'x'.repeat(1000), fast: 'f' } } } };

describe('fault actions', () => {
  it('RequestTimeout answers 400 RequestTimeout without running the operation, and is journaled', async () => {
    const mock = createS3Mock({ seed });
    const { send } = createTestClient(mock);
    mock.faults.add({ name: 'stall', match: { operation: 'PutObject' }, action: 'RequestTimeout' });
    const before = mock.snapshot();
    const res = await send('PUT', '/bkt/new', { body: 'data' });
    expect([res.status, /<Code>([^<]+)</.exec(res.text)?.[1]]).toEqual([400, 'RequestTimeout']);
    expect(mock.snapshot()).toEqual(before);
    expect(mock.requests.at(-1)).toMatchObject({ operation: 'PutObject', status: 400, errorCode: 'RequestTimeout', fault: 'RequestTimeout' });
    expect(mock.faults.fired).toEqual([{ rule: 'stall', action: 'RequestTimeout', operation: 'PutObject', bucket: 'bkt', key: 'new', method: 'PUT', match: 1 }]);
    mock.reset();
    expect(mock.faults.fired).toEqual([]);
  });

  it('throttles the response body on the mock clock (in-process transport)', async () => {
    const clock = createFakeClock(Date.UTC(2026, 0, 1));
    const mock = createS3Mock({ seed, clock, auth: 'none' });
    const { send } = createTestClient(mock);
    mock.faults.add({ match: { keyPrefix: 'slow/' }, action: { bytesPerSecond: 200 } });
    const state = { done: false };
    const pending = send('GET', '/bkt/slow/k', { unsigned: true }).then((r) => {
      state.done = true;
      return r;
    });
    // Each step lets the serving code run to its next sleep (a macrotask turn) before time moves on.
    for (let i = 0; i < 200 && !state.done; i++) {
      await clock.advance(100);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const res = await pending;
    expect([res.status, res.text.length]).toEqual([200, 1000]);
    expect(clock.now() - Date.UTC(2026, 0, 1)).toBeGreaterThanOrEqual(4900); // 1000 bytes at 200 B/s
    expect((await send('GET', '/bkt/fast', { unsigned: true })).text).toBe('f'); // unmatched: not throttled
  });

  it('clock skew: far off gives 403 RequestTimeTooSkewed, slightly off serves with a skewed Date', async () => {
    const clock = createFakeClock(Date.UTC(2026, 0, 1, 12));
    const mock = createS3Mock({ seed, clock });
    const { deliver, signer } = createTestClient(mock);
    const signed = async (): Promise<Parameters<typeof deliver>[0]> =>
      signer('us-east-1').sign({ method: 'GET', protocol: 'http:', hostname: '127.0.0.1', path: '/bkt/fast', headers: {} }, { signingDate: clock.now() });
    mock.faults.add({ match: { operation: 'GetObject' }, action: { clockSkewMs: 20 * 60_000 } });
    const skewed = await deliver(await signed());
    expect([skewed.status, /<Code>([^<]+)</.exec(skewed.text)?.[1]]).toEqual([403, 'RequestTimeTooSkewed']);
    mock.faults.add({ match: { operation: 'GetObject' }, action: { clockSkewMs: 60_000 } });
    const near = await deliver(await signed());
    expect([near.status, near.text, near.headers.date]).toEqual([200, 'f', new Date(clock.now() + 60_000).toUTCString()]);
    expect(mock.requests.map((r) => r.fault)).toEqual([{ clockSkewMs: 1_200_000 }, { clockSkewMs: 60_000 }]);
  });

  it('throttles and resets over the real server too', async () => {
    const mock = createS3Mock({ seed, auth: 'none' });
    const server = await mock.start();
    try {
      mock.faults.add({ match: { keyPrefix: 'slow/' }, action: { bytesPerSecond: 100_000 } });
      const slow = await fetch(`${server.endpoint}/bkt/slow/k`);
      expect([slow.status, (await slow.text()).length]).toEqual([200, 1000]);
      mock.faults.add({ match: { keyPrefix: 'slow/' }, action: { truncateBodyAt: 10 } });
      const cut = await fetch(`${server.endpoint}/bkt/slow/k`);
      await expect(cut.text()).rejects.toThrow();
      mock.faults.add({ match: { key: 'fast' }, action: 'reset' });
      await expect(fetch(`${server.endpoint}/bkt/fast`)).rejects.toThrow();
      expect(mock.faults.fired.map((f) => f.action)).toEqual([{ bytesPerSecond: 100_000 }, { truncateBodyAt: 10 }, 'reset']);
    } finally {
      await server.stop();
    }
  });
});
