/**
 * Batch deletes: many keys of one bucket removed with DeleteObjects, up to 1000 keys a request and
 * a few requests in flight; keys S3 refuses for a passing reason (`SlowDown`, `InternalError`) are
 * tried again after a backoff, the others are reported with S3's code.
 */
import { systemClock, THROTTLING_ERROR_CODES, TRANSIENT_ERROR_CODES, throwIfAborted, ValidationError } from '@s3kit/primitives';
import type { Clock } from '@s3kit/primitives';
import type { S3Client } from '@s3kit/s3-core';

/** Most keys one DeleteObjects request takes. */
export const MAX_DELETE_BATCH = 1000;

/** Which keys to delete. */
export interface DeleteObjectsInput {
  Bucket: string;
  /** Keys to delete, in any number (a generator is read as batches fill). */
  Keys: Iterable<string> | AsyncIterable<string>;
  ExpectedBucketOwner?: string;
}

/** Options of {@link deleteObjects}. */
export interface DeleteObjectsOptions {
  /** Keys per request. @default 1000 (S3's limit) */
  batchSize?: number;
  /** Requests in flight at once. @default 4 */
  concurrency?: number;
  /** Attempts per key refused with a retryable code (`SlowDown`, `InternalError`...). @default 3 */
  maxAttempts?: number;
  /** Time source for the backoff between attempts. @default systemClock */
  clock?: Clock;
  /** Stops after the requests in flight; keys not yet sent are neither deleted nor reported. */
  signal?: AbortSignal;
  /** Called after each request with the keys it deleted. */
  onDeleted?: (keys: readonly string[]) => void;
}

/** What {@link deleteObjects} did: keys deleted, and keys S3 refused with its code and message. */
export interface DeleteObjectsResult {
  deleted: string[];
  failed: { Key: string; Code: string; Message: string }[];
}

function retryable(code: string): boolean {
  return THROTTLING_ERROR_CODES.has(code) || TRANSIENT_ERROR_CODES.has(code);
}

/**
 * Deletes `input.Keys` with DeleteObjects (`Quiet: false`, so each key's outcome is known).
 * A request that fails as a whole (after the client's own retries) rejects, with what earlier
 * requests deleted already gone.
 * @throws {ValidationError} `ERR_VALIDATION` for a batch size outside 1..1000 or a concurrency below 1.
 * @throws {AbortError} `ERR_ABORTED` when `signal` aborts.
 * @throws {S3ServiceError} when a whole request fails (`AccessDenied`, `NoSuchBucket`...).
 * @example
 * ```ts
 * const { deleted, failed } = await deleteObjects(client, { Bucket: 'logs', Keys: ['2023/a.gz', '2023/b.gz'] });
 * ```
 */
export async function deleteObjects(client: Pick<S3Client, 'deleteObjects'>, input: DeleteObjectsInput, options: DeleteObjectsOptions = {}): Promise<DeleteObjectsResult> {
  const batchSize = options.batchSize ?? MAX_DELETE_BATCH;
  const concurrency = options.concurrency ?? 4;
  const maxAttempts = options.maxAttempts ?? 3;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_DELETE_BATCH) throw new ValidationError({ field: 'batchSize', rule: `must be a whole number from 1 to ${MAX_DELETE_BATCH}`, value: batchSize });
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new ValidationError({ field: 'concurrency', rule: 'must be a whole number >= 1', value: concurrency });
  const clock = options.clock ?? systemClock;
  const signal = options.signal;
  const result: DeleteObjectsResult = { deleted: [], failed: [] };

  const send = async (keys: readonly string[], attempt: number): Promise<void> => {
    throwIfAborted(signal);
    const out = await client.deleteObjects(
      {
        Bucket: input.Bucket,
        Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: false },
        ...(input.ExpectedBucketOwner === undefined ? {} : { ExpectedBucketOwner: input.ExpectedBucketOwner }),
      },
      signal ? { signal } : {},
    );
    const deleted = (out.Deleted ?? []).map((d) => d.Key ?? '');
    result.deleted.push(...deleted);
    if (deleted.length > 0) options.onDeleted?.(deleted);
    const again: string[] = [];
    for (const e of out.Errors ?? []) {
      const code = e.Code ?? 'Unknown';
      if (retryable(code) && attempt < maxAttempts) again.push(e.Key ?? '');
      else result.failed.push({ Key: e.Key ?? '', Code: code, Message: e.Message ?? '' });
    }
    if (again.length > 0) {
      await clock.sleep(100 * 2 ** (attempt - 1), signal);
      await send(again, attempt + 1);
    }
  };

  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const launch = (keys: string[]): void => {
    const p = send(keys, 1)
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  let batch: string[] = [];
  for await (const key of input.Keys) {
    if (failure) break;
    batch.push(key);
    if (batch.length < batchSize) continue;
    launch(batch);
    batch = [];
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  if (batch.length > 0 && !failure) launch(batch);
  await Promise.all(inFlight);
  if (failure) throw failure.error;
  return result;
}
