/**
 * The hashing port of transfers: part and object checksums computed off the thread that feeds the
 * sockets. It lives in s3-transfer, not primitives, because the algorithms it runs are s3-core's and
 * the worker imports them; primitives cannot depend on s3-core.
 */
import { AbortError } from '@s3kit/primitives';
import { checksumBase64 } from '@s3kit/s3-core';
import type { ChecksumAlgorithm } from '@s3kit/s3-core';
import { Worker, cores, hashWorkerScript } from '#platform/hash-threads';
import { ERR_HASH_WORKER, TransferError } from '../manager/transfer-error.js';
import type { HashRequest, HashResponse } from './hash-messages.js';

/** Computes checksums for transfers, on worker threads or on the calling thread. */
export interface HashPool {
  /**
   * The checksum of `data` in `algorithm`, base64 (as `x-amz-checksum-*` carries it). `data` must
   * not change until the promise settles.
   * @throws {AbortError} `ERR_ABORTED` when `signal` aborts first.
   * @throws {TransferError} `ERR_HASH_WORKER` when the worker hashing it crashed or exited.
   */
  checksum(algorithm: ChecksumAlgorithm, data: Uint8Array, signal?: AbortSignal): Promise<string>;
  /** Stops the workers; jobs still waiting reject with `ERR_ABORTED`. The pool hashes in-thread afterwards. */
  close(): Promise<void>;
}

/** Options of {@link createHashPool}. */
export interface HashPoolOptions {
  /**
   * Worker threads at most (started on demand); `0` hashes on the calling thread.
   * @default one less than `os.availableParallelism()`, at least 1, at most 4
   */
  workers?: number;
  /**
   * Inputs below this many bytes are hashed on the calling thread: handing them over costs more than it saves.
   * @default 1 MiB
   */
  minBytes?: number;
  /**
   * Jobs waiting for a busy worker at most; beyond it the calling thread hashes the next one itself.
   * @default 4 per worker
   */
  maxQueued?: number;
  /**
   * Algorithms hashed on the calling thread when the bytes are not on a SharedArrayBuffer: a worker
   * needs a copy of them, and for these the copy costs about as much as the hash (native CRC32 runs
   * at memcpy-like speed; CRC32C, CRC64NVME and the SHAs are 4-10x slower than a copy).
   * @default ['CRC32']
   */
  copyNotWorth?: readonly ChecksumAlgorithm[];
  /** The worker script (a module answering {@link HashRequest}s). @default the one beside this module */
  script?: URL;
}

/** The default of {@link HashPoolOptions.workers} on this machine. */
export function defaultHashWorkers(): number {
  return Math.max(1, Math.min(4, cores() - 1));
}

let shared: HashPool | undefined;

/**
 * The pool every transfer manager uses unless given one: one set of workers for the process,
 * however many managers it creates. A pool per manager would start workers that no one closes (a
 * manager has no close), so a server creating a manager per request would gain a thread and its
 * ~15 MiB heap per request.
 */
export function sharedHashPool(): HashPool {
  return (shared ??= createHashPool());
}

/** A pool that hashes on the calling thread (where there are no worker threads, or none wanted). */
export function createInThreadHashPool(): HashPool {
  return {
    // eslint-disable-next-line @typescript-eslint/require-await -- async so that a throw becomes a rejection
    async checksum(algorithm, data, signal) {
      if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason as unknown });
      return checksumBase64(algorithm, data);
    },
    close: () => Promise.resolve(),
  };
}

function isShared(data: Uint8Array): boolean {
  return typeof SharedArrayBuffer === 'function' && data.buffer instanceof SharedArrayBuffer;
}

interface Job {
  id: number;
  algorithm: ChecksumAlgorithm;
  data: Uint8Array;
  resolve: (value: string) => void;
  reject: (err: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
  settled: boolean;
}

interface Slot {
  worker: InstanceType<NonNullable<typeof Worker>>;
  job: Job | undefined;
  /** Shared memory this worker reads copied bytes from, reused job after job (a fresh buffer per job costs page faults). */
  scratch: Uint8Array | undefined;
}

/**
 * Creates a hashing pool: inputs of at least `minBytes` go to up to `workers` worker threads (bytes
 * on a SharedArrayBuffer are shared, others copied once into a shared buffer each worker keeps), smaller ones and the
 * overflow of a full queue are hashed on the calling thread. Workers start on the first job, are
 * ref'd only while they hash (an idle pool never keeps a process alive), and a crashed worker fails
 * its job with `ERR_HASH_WORKER` and is replaced on the next one. Where `node:worker_threads` or
 * the worker script is missing (browsers, workerd, single-file bundles) it hashes in-thread.
 * @example
 * ```ts
 * const pool = createHashPool();
 * const crc = await pool.checksum('CRC32C', part, signal);
 * ```
 */
export function createHashPool(options: HashPoolOptions = {}): HashPool {
  const inThread = createInThreadHashPool();
  const workers = options.workers ?? defaultHashWorkers();
  const script = options.script ?? hashWorkerScript();
  if (Worker === undefined || script === undefined || workers < 1) return inThread;
  const WorkerClass = Worker;
  const minBytes = options.minBytes ?? 1024 * 1024;
  const maxQueued = options.maxQueued ?? 4 * workers;
  const copyNotWorth = new Set(options.copyNotWorth ?? ['CRC32']);
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  function settle(job: Job, outcome: { value: string } | { error: unknown }): void {
    if (job.settled) return;
    job.settled = true;
    job.signal?.removeEventListener('abort', job.onAbort);
    if ('value' in outcome) job.resolve(outcome.value);
    else job.reject(outcome.error);
  }

  function drop(slot: Slot, error: TransferError): void {
    const at = slots.indexOf(slot);
    if (at < 0) return;
    slots.splice(at, 1);
    if (slot.job) settle(slot.job, { error });
    slot.job = undefined;
    dispatch();
  }

  function spawn(): Slot {
    // No execArgv of the parent: `node --input-type=module -e ...` passes its flag on, and a worker
    // started from a file with it fails before its first line.
    const worker = new WorkerClass(script!, { execArgv: [] });
    const slot: Slot = { worker, job: undefined, scratch: undefined };
    worker.on('message', (response: HashResponse) => {
      const job = slot.job;
      if (!job || job.id !== response.id) return;
      slot.job = undefined;
      if ('value' in response) settle(job, { value: response.value });
      else settle(job, { error: new TransferError(ERR_HASH_WORKER, `Hashing ${job.algorithm} on a worker thread failed: ${response.error}`) });
      dispatch();
    });
    worker.on('error', (err) => {
      drop(slot, new TransferError(ERR_HASH_WORKER, `A hashing worker thread crashed: ${err.message}`, { cause: err, retryable: true }));
    });
    worker.on('exit', (code) => {
      drop(slot, new TransferError(ERR_HASH_WORKER, `A hashing worker thread exited with code ${code} while it hashed`, { retryable: true }));
    });
    slots.push(slot);
    return slot;
  }

  function send(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    let data = job.data;
    if (!isShared(data)) {
      // Posting a view of a plain buffer would clone all of its buffer: copy the view once into this worker's shared scratch.
      if (!slot.scratch || slot.scratch.byteLength < data.byteLength) slot.scratch = new Uint8Array(new SharedArrayBuffer(data.byteLength));
      slot.scratch.set(data);
      data = slot.scratch.subarray(0, data.byteLength);
    }
    const request: HashRequest = { id: job.id, algorithm: job.algorithm, data };
    slot.worker.postMessage(request);
  }

  function dispatch(): void {
    for (const slot of slots) if (!slot.job) slot.worker.unref();
    while (queue.length > 0 && !closed) {
      const slot = slots.find((s) => !s.job) ?? (slots.length < workers ? spawn() : undefined);
      if (!slot) return;
      const job = queue.shift()!;
      try {
        send(slot, job);
      } catch (err) {
        // A job the worker never received (postMessage refused it) leaves the worker free.
        slot.job = undefined;
        settle(job, { error: new TransferError(ERR_HASH_WORKER, `Handing ${job.algorithm} bytes to a hashing worker failed: ${(err as Error).message}`, { cause: err }) });
      }
    }
  }

  return {
    checksum(algorithm, data, signal) {
      if (closed || data.byteLength < minBytes || queue.length >= maxQueued || (copyNotWorth.has(algorithm) && !isShared(data))) {
        return inThread.checksum(algorithm, data, signal);
      }
      if (signal?.aborted) return Promise.reject(new AbortError(undefined, { cause: signal.reason as unknown }));
      return new Promise<string>((resolve, reject) => {
        const job: Job = {
          id: nextId++,
          algorithm,
          data,
          resolve,
          reject,
          signal,
          settled: false,
          onAbort: () => {
            const waiting = queue.indexOf(job);
            if (waiting >= 0) queue.splice(waiting, 1);
            // A job a worker already hashes keeps its worker busy until the answer, which is then ignored.
            settle(job, { error: new AbortError(undefined, { cause: signal?.reason as unknown }) });
          },
        };
        signal?.addEventListener('abort', job.onAbort, { once: true });
        queue.push(job);
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) settle(job, { error: new AbortError('The hashing pool was closed') });
      const stopping = slots.splice(0);
      for (const slot of stopping) if (slot.job) settle(slot.job, { error: new AbortError('The hashing pool was closed') });
      await Promise.all(stopping.map((slot) => slot.worker.terminate()));
    },
  };
}
