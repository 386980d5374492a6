import { throwIfAborted } from '@s3kit/primitives';

/** Outcome of one item run by {@link runPool}. */
export type PoolResult<T> = { item: T; ok: true } | { item: T; ok: false; error: unknown };

/**
 * Runs `work` over `items` with at most `concurrency` in flight, in order of start. With
 * `stopOnError` the first failure stops new starts and is rethrown once the running ones settle;
 * otherwise every item runs and the failures are returned.
 * @throws the first error when `stopOnError`; `AbortError` when `signal` aborts.
 */
export async function runPool<T>(
  items: Iterable<T>,
  concurrency: number,
  work: (item: T) => Promise<void>,
  options: { signal?: AbortSignal | undefined; stopOnError?: boolean } = {},
): Promise<PoolResult<T>[]> {
  const iterator = items[Symbol.iterator]();
  const results: PoolResult<T>[] = [];
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    for (;;) {
      if (failure && options.stopOnError === true) return;
      throwIfAborted(options.signal);
      const next = iterator.next();
      if (next.done === true) return;
      try {
        await work(next.value);
        results.push({ item: next.value, ok: true });
      } catch (error) {
        results.push({ item: next.value, ok: false, error });
        failure ??= { error };
      }
    }
  };
  const lanes = Array.from({ length: Math.max(1, concurrency) }, lane);
  const settled = await Promise.allSettled(lanes);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  if (failure && options.stopOnError === true) throw failure.error;
  return results;
}
