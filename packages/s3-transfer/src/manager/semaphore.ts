import { AbortError } from '@s3kit/primitives';

/**
 * A weighted FIFO semaphore: `acquire(n)` waits until `n` units are free (a request larger than
 * the capacity waits for all of it, so it can still run alone). Used for request slots and for
 * the memory budget (units are bytes).
 */
export interface Semaphore {
  /** Total units. */
  readonly capacity: number;
  /** Units not held. */
  readonly available: number;
  /**
   * Waits for `units` (clamped to the capacity), first come first served; returns the release function (idempotent).
   * @throws {AbortError} `ERR_ABORTED` when `signal` aborts while waiting (nothing is held then).
   */
  acquire(units: number, signal?: AbortSignal): Promise<() => void>;
}

interface Waiter {
  units: number;
  grant: () => void;
}

/** Creates a {@link Semaphore} of `capacity` units. */
export function createSemaphore(capacity: number): Semaphore {
  let available = capacity;
  const queue: Waiter[] = [];
  const pump = (): void => {
    while (queue.length > 0 && queue[0]!.units <= available) {
      const next = queue.shift()!;
      available -= next.units;
      next.grant();
    }
  };
  const releaser = (units: number): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      available += units;
      pump();
    };
  };
  return {
    capacity,
    get available() {
      return available;
    },
    acquire(requested, signal) {
      const units = Math.min(Math.max(0, requested), capacity);
      if (signal?.aborted) return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
      if (queue.length === 0 && units <= available) {
        available -= units;
        return Promise.resolve(releaser(units));
      }
      return new Promise((resolve, reject) => {
        const onAbort = (): void => {
          const i = queue.indexOf(waiter);
          if (i >= 0) queue.splice(i, 1);
          reject(new AbortError(undefined, { cause: signal?.reason }));
          pump();
        };
        const waiter: Waiter = {
          units,
          grant: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve(releaser(units));
          },
        };
        queue.push(waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
