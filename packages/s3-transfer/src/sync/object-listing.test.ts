import { describe, expect, it } from 'vitest';
import { listObjects } from './object-listing.js';
import { setup, wrapClient } from '../test-support/setup.js';
import type { TransferClient } from '../manager/transfer-client.js';

/** A bucket of `n` objects and a client listing it 5 keys a page, counting requests. */
async function listed(n: number, failOnCall?: number) {
  const s = await setup();
  for (let i = 0; i < n; i++) await s.client.putObject({ Bucket: 'bkt', Key: `k${String(i).padStart(3, '0')}`, Body: 'x' });
  const calls = { count: 0 };
  const client: TransferClient = wrapClient(s.client, {
    listObjectsV2: (input, options) => {
      calls.count++;
      if (calls.count === failOnCall) return Promise.reject(new Error(`listing failed on call ${calls.count}`));
      return s.client.listObjectsV2({ ...input, MaxKeys: 5 }, options);
    },
  });
  return { ctx: { client }, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('listObjects', () => {
  it('yields every key in order across pages', async () => {
    const { ctx, calls } = await listed(23);
    const keys: string[] = [];
    for await (const o of listObjects(ctx, 'bkt', '')) keys.push(o.Key);
    expect(keys).toEqual(Array.from({ length: 23 }, (_, i) => `k${String(i).padStart(3, '0')}`));
    expect(calls.count).toBe(5);
  });

  it('fetches at most `ahead` pages before they are consumed', async () => {
    const { ctx, calls } = await listed(50);
    const it = listObjects(ctx, 'bkt', '', undefined, 2);
    expect((await it.next()).value?.Key).toBe('k000');
    await settle();
    // Page 1 is being consumed (taken off the queue), pages 2 and 3 wait: three requests, no more.
    expect(calls.count).toBe(3);
    await it.return(undefined);
    await settle();
    expect(calls.count).toBe(3);
  });

  it('stopping early stops the requests', async () => {
    const { ctx, calls } = await listed(50);
    for await (const o of listObjects(ctx, 'bkt', '', undefined, 1)) if (o.Key === 'k006') break;
    await settle();
    expect(calls.count).toBeLessThanOrEqual(3);
  });

  it('delivers the pages before a failure, then the failure', async () => {
    const { ctx } = await listed(23, 3);
    const keys: string[] = [];
    await expect(
      (async () => {
        for await (const o of listObjects(ctx, 'bkt', '')) keys.push(o.Key);
      })(),
    ).rejects.toThrow('listing failed on call 3');
    expect(keys).toHaveLength(10);
  });

  it('honours the caller signal', async () => {
    const { ctx } = await listed(12);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    const keys: string[] = [];
    await expect(
      (async () => {
        for await (const o of listObjects(ctx, 'bkt', '', controller.signal)) keys.push(o.Key);
      })(),
    ).rejects.toThrow();
    expect(keys).toEqual([]);
  });
});
