import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDeadline } from './deadline.js';

describe('startDeadline', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('aborts its signal with a TimeoutError when the time is up', async () => {
    const deadline = startDeadline(1);
    await new Promise((resolve) => {
      deadline.signal.addEventListener('abort', resolve);
    });
    expect((deadline.signal.reason as DOMException).name).toBe('TimeoutError');
    deadline.release();
  });

  // Regression: release() called timer.unref(), which workerd and browsers do not have (their
  // setTimeout returns a number): the TypeError replaced the call's result (the runtime matrix's
  // stalled GET ended without ERR_TIMEOUT there).
  it('releases where setTimeout returns a plain number (workerd, browsers)', () => {
    vi.stubGlobal('setTimeout', () => 7);
    const deadline = startDeadline(1000);
    expect(() => {
      deadline.release();
    }).not.toThrow();
  });
});
