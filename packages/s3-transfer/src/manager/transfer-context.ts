/** What every transfer of a manager shares: the client, budgets, retry strategy and ports. */
import { AbortError, ValidationError } from '@s3kit/primitives';
import type { Clock, RateLimiter, RetryStrategy } from '@s3kit/primitives';
import { isS3ServiceError } from '@s3kit/s3-core';
import type { ChecksumAlgorithm } from '@s3kit/s3-core';
import type { TransferFileSystem } from '../files/file-system.js';
import type { HashPool } from '../hashing/hash-pool.js';
import type { Semaphore } from './semaphore.js';
import type { TransferClient } from './transfer-client.js';
import { ERR_OBJECT_CHANGED, TransferError } from './transfer-error.js';

/** How multipart uploads are checksummed. */
export type ChecksumMode = 'full-object' | 'composite' | 'none';

/** Shared state of one transfer manager. */
export interface TransferContext {
  readonly client: TransferClient;
  readonly clock: Clock;
  readonly fs: TransferFileSystem;
  /** Requests in flight across all transfers. */
  readonly slots: Semaphore;
  /** Bytes buffered across all transfers. */
  readonly memory: Semaphore;
  /** Bytes per second across all transfers, if limited. */
  readonly bandwidth: RateLimiter | undefined;
  /** Largest token request the bandwidth limiter accepts. */
  readonly bandwidthBurst: number;
  /**
   * Retries of the requests a transfer sends with a body it meters (PutObject, UploadPart, ranged
   * GetObject) and of CompleteMultipartUpload. Those calls pass `maxAttempts: 1` to the client, so
   * each request has this one budget; the other calls (HeadObject, ListParts...) use the client's.
   */
  readonly retry: RetryStrategy;
  readonly partSize: number | undefined;
  readonly minPartSize: number;
  readonly multipartThreshold: number;
  readonly copyThreshold: number;
  /** Parts in flight per transfer. */
  readonly concurrency: number;
  readonly checksum: ChecksumMode;
  /** The algorithm of upload checksums (unless `checksum` is `none`). */
  readonly checksumAlgorithm: ChecksumAlgorithm;
  /** Where part and object checksums are computed. */
  readonly hashes: HashPool;
  /** Body chunk size (progress and bandwidth granularity). */
  readonly chunkSize: number;
  /** Aborted by `manager.abort()`. */
  readonly cancelled: AbortSignal;
}

/**
 * A signal of its own for one request of a part or range, following `signal`. The HTTP transport
 * (undici) adds an abort listener to the signal of every request in flight; parts sharing one
 * transfer signal would pile more than ten listeners on it (`MaxListenersExceededWarning`), while
 * `AbortSignal.any` follows its source without adding a listener to it.
 */
export function requestSignal(signal: AbortSignal): AbortSignal {
  return AbortSignal.any([signal]);
}

/** The signal of one transfer: the caller's and the manager's. */
export function transferSignal(ctx: TransferContext, signal: AbortSignal | undefined): AbortSignal {
  return signal ? AbortSignal.any([signal, ctx.cancelled]) : ctx.cancelled;
}

/** Waits for bandwidth tokens for `bytes`, in burst-sized steps. */
export async function takeBandwidth(ctx: TransferContext, bytes: number, signal: AbortSignal): Promise<void> {
  const limiter = ctx.bandwidth;
  if (!limiter) return;
  for (let left = bytes; left > 0; left -= ctx.bandwidthBurst) {
    await limiter.acquire('bytes', { tokens: Math.min(left, ctx.bandwidthBurst), signal });
  }
}

/** Throws an `AbortError` if `signal` is aborted. */
export function checkAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new AbortError(undefined, { cause: signal.reason as unknown });
}

/** Maps S3's `412 PreconditionFailed` on an `If-Match` read or copy to `ERR_OBJECT_CHANGED`. */
export function mapPrecondition(err: unknown, Bucket: string, Key: string, etag: string): unknown {
  if (isS3ServiceError(err) && (err.code === 'PreconditionFailed' || err.statusCode === 412)) {
    return new TransferError(ERR_OBJECT_CHANGED, `s3://${Bucket}/${Key} changed during the transfer (it no longer has ETag ${etag})`, { cause: err });
  }
  return err;
}

/** Serializes async writes (checkpoints): each runs after the previous one settled. */
export function createSerialQueue(): { run(task: () => Promise<void>): Promise<void>; idle(): Promise<void> } {
  let tail: Promise<void> = Promise.resolve();
  return {
    run(task) {
      const next = tail.then(task, task);
      tail = next.catch(() => undefined);
      return next;
    },
    idle: () => tail,
  };
}

/**
 * Runs the jobs `next` hands out (until it returns `undefined`) with at most `limit` at once, stopping at the first failure (the others see
 * `signal` aborted) and rethrowing it once all started jobs settled.
 * @throws {ValidationError} `ERR_VALIDATION` when `limit` is not an integer >= 1.
 */
export async function runBounded(
  limit: number,
  signal: AbortSignal,
  next: (inner: AbortSignal) => Promise<(() => Promise<void>) | undefined>,
): Promise<void> {
  if (!Number.isInteger(limit) || limit < 1) throw new ValidationError({ field: 'concurrency', rule: 'must be an integer >= 1', value: limit });
  const inner = new AbortController();
  const onAbort = (): void => { inner.abort(signal.reason); };
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  try {
    for (;;) {
      while (running.size >= limit) await Promise.race(running);
      if (failure) break;
      let job: (() => Promise<void>) | undefined;
      try {
        checkAborted(inner.signal);
        job = await next(inner.signal);
      } catch (err) {
        failure ??= { error: err };
        inner.abort(err);
        break;
      }
      if (!job) break;
      const p = job().catch((err: unknown) => {
        failure ??= { error: err };
        inner.abort(err);
      });
      const tracked = p.finally(() => {
        running.delete(tracked);
      });
      running.add(tracked);
    }
    await Promise.all(running);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  if (failure) throw failure.error;
}
