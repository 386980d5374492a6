import { describe, expect, it } from 'vitest';
import { isAbortError } from '@s3kit/primitives';
import { createSemaphore } from './semaphore.js';

describe('createSemaphore', () => {
  it('grants in order, clamps oversized requests and releases once', async () => {
    const sem = createSemaphore(10);
    const a = await sem.acquire(6);
    const order: string[] = [];
    const big = sem.acquire(50).then((r) => {
      order.push('big');
      return r;
    });
    const small = sem.acquire(1).then((r) => {
      order.push('small');
      return r;
    });
    await Promise.resolve();
    expect(sem.available).toBe(4);
    a();
    a();
    const releaseBig = await big;
    expect(sem.available).toBe(0);
    releaseBig();
    (await small)();
    expect(order).toEqual(['big', 'small']);
    expect(sem.available).toBe(10);
    expect(sem.capacity).toBe(10);
  });

  it('rejects an aborted wait without holding anything, and lets the next waiter through', async () => {
    const sem = createSemaphore(2);
    const held = await sem.acquire(2);
    const controller = new AbortController();
    const waiting = sem.acquire(2, controller.signal);
    const after = sem.acquire(1);
    controller.abort();
    await expect(waiting).rejects.toSatisfy(isAbortError);
    held();
    (await after)();
    expect(sem.available).toBe(2);
    await expect(sem.acquire(1, AbortSignal.abort())).rejects.toSatisfy(isAbortError);
  });
});
