/** Running a sync plan: its actions a few at a time, each failure kept beside its action. */
import { runBounded } from '../manager/transfer-context.js';

/** What running a plan's actions did. */
export interface ActionsOutcome<A> {
  done: A[];
  failed: { action: A; error: unknown }[];
}

/**
 * Runs `perform` over `actions`, `concurrency` at a time, in plan order. A failed action is recorded
 * and the others go on; once `signal` is aborted the run stops with its reason.
 * @throws {AbortError} `ERR_ABORTED` when `signal` is aborted.
 */
export async function runActions<A>(actions: readonly A[], concurrency: number, signal: AbortSignal, perform: (action: A) => Promise<void>): Promise<ActionsOutcome<A>> {
  const outcome: ActionsOutcome<A> = { done: [], failed: [] };
  let next = 0;
  await runBounded(concurrency, signal, () => {
    const action = actions[next++];
    if (action === undefined) return Promise.resolve(undefined);
    return Promise.resolve(async () => {
      try {
        await perform(action);
        outcome.done.push(action);
      } catch (err) {
        if (signal.aborted) throw err;
        outcome.failed.push({ action, error: err });
      }
    });
  });
  return outcome;
}
