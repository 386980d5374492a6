/** No worker threads here (browsers, workerd): the hashing pool hashes on the calling thread. */

/** Absent where `node:worker_threads` is missing. */
export const Worker: undefined = undefined;

/** One core as far as hashing is concerned. */
export function cores(): number {
  return 1;
}

/** No worker script where there are no worker threads. */
export function hashWorkerScript(): URL | undefined {
  return undefined;
}
