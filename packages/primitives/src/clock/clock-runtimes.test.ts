import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from './clock.js';

describe('systemClock beyond Node', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  // Regression: sleep called timer.unref(), which workerd and browsers do not have (their
  // setTimeout returns a number), so every retry backoff there threw a TypeError.
  it('sleeps where setTimeout returns a plain number with no unref (workerd, browsers)', async () => {
    const realSetTimeout = globalThis.setTimeout;
    let calls = 0;
    vi.stubGlobal('setTimeout', (fn: () => void, ms: number) => {
      calls++;
      realSetTimeout(fn, ms);
      return 7;
    });
    await expect(systemClock.sleep(1)).resolves.toBeUndefined();
    expect(calls).toBe(1);
  });
});
