/**
 * Worker threads for the hashing pool (Node, Bun, Deno): `node:worker_threads`, the core count, and
 * the worker script beside this module when it is there (a bundle that inlined s3-transfer into one
 * file has no script to start, and hashes on the calling thread instead).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker as NodeWorker } from 'node:worker_threads';

/** `node:worker_threads`' Worker (typed as possibly missing, as the web variant has none). */
export const Worker: typeof NodeWorker | undefined = NodeWorker;

/** Cores this process may use. */
export const cores: () => number = availableParallelism;

/** The URL of the hashing worker script, or `undefined` when it is not beside this module. */
export function hashWorkerScript(): URL | undefined {
  const url = new URL('./hash-worker.node.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}
