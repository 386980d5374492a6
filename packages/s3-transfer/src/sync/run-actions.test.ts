import { describe, expect, it } from 'vitest';
import { runActions } from './run-actions.js';

describe('runActions', () => {
  it('runs every action at most `concurrency` at a time, in plan order, keeping each failure beside its action', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const boom = new Error('boom');
    let open!: () => void;
    // The first two actions wait for each other: both must be running at once.
    const gate = new Promise<void>((resolve) => (open = resolve));
    const outcome = await runActions([1, 2, 3, 4, 5], 2, new AbortController().signal, async (n) => {
      started.push(n);
      running++;
      most = Math.max(most, running);
      if (running === 2) open();
      if (n <= 2) await gate;
      running--;
      if (n === 3) throw boom;
    });
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(outcome.done.sort()).toEqual([1, 2, 4, 5]);
    expect(outcome.failed).toEqual([{ action: 3, error: boom }]);
  });

  it('stops with the abort instead of recording it as a failed action', async () => {
    const controller = new AbortController();
    const run = runActions(['a', 'b', 'c'], 1, controller.signal, (action) => {
      if (action === 'b') controller.abort(new Error('stop'));
      return controller.signal.aborted ? Promise.reject(controller.signal.reason as Error) : Promise.resolve();
    });
    await expect(run).rejects.toThrow();
  });
});
