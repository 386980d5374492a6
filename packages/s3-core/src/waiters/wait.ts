/**
 * Waiters: poll an operation until its answer says the resource reached the state wanted (the
 * model's `waiters-2.json` acceptors), with exponential backoff and jitter between the waiter's
 * delay and `maxDelayMs`, a time limit, and an AbortSignal.
 */
import { S3kitError, isS3kitError, isTimeoutError, systemClock, throwIfAborted } from '@s3kit/primitives';
import type { Clock, Random } from '@s3kit/primitives';
import type { S3BaseClient } from '../client/base-client.js';
import type { Operation } from '../interpreter/spec.js';
import { isS3ServiceError } from '../errors/s3-service-error.js';

/** One acceptor: which answer ends the wait (`success`, `failure`) or asks for another try (`retry`). */
export interface WaiterAcceptor {
  readonly state: 'success' | 'retry' | 'failure';
  /** `status`: the HTTP status equals `expected`; `error`: the error code equals `expected`. */
  readonly matcher: 'status' | 'error';
  readonly expected: number | string;
}

/** A waiter of the model: the operation polled, its default delay, and its acceptors. */
export interface WaiterSpec {
  readonly name: string;
  /** Seconds between tries at first. */
  readonly delay: number;
  readonly acceptors: readonly WaiterAcceptor[];
}

/** Options of a waiter. */
export interface WaiterOptions {
  /** Longest time to wait, in milliseconds (required: a waiter never waits for ever). */
  maxWaitTimeMs: number;
  /** Shortest pause between tries. @default the waiter's delay (5000 for S3's waiters) */
  minDelayMs?: number;
  /** Longest pause between tries. @default 120000 */
  maxDelayMs?: number;
  /** Aborts the wait (and the request in flight). */
  signal?: AbortSignal;
  /** Time source of the pauses and the time limit. @default systemClock */
  clock?: Clock;
  /** Jitter source. @default Math.random */
  random?: Random;
}

/** What a finished wait reports. */
export interface WaiterResult {
  /** `success`. */
  state: 'success';
  /** Tries made. */
  attempts: number;
  /** The last answer: an output, or the error that matched a `success` acceptor (a 404 for NotExists). */
  reason: unknown;
}

/** Codes of {@link WaiterError}. */
export type WaiterErrorCode = 'ERR_WAITER_TIMEOUT' | 'ERR_WAITER_FAILURE';

/** A wait that ended without success: out of time, or an answer the waiter counts as failure. */
export class WaiterError extends S3kitError {
  override readonly name = 'WaiterError' as const;
  declare readonly code: WaiterErrorCode;
  /** Tries made. */
  readonly attempts: number;
  constructor(code: WaiterErrorCode, message: string, options: { attempts: number; cause?: unknown }) {
    super(message, { code, cause: options.cause, details: { attempts: options.attempts } });
    this.attempts = options.attempts;
  }
}

/** Whether `value` is a {@link WaiterError}. */
export function isWaiterError(value: unknown): value is WaiterError {
  return isS3kitError(value) && value.name === 'WaiterError';
}

function matches(acceptor: WaiterAcceptor, status: number | undefined, code: string | undefined): boolean {
  return acceptor.matcher === 'status' ? status === acceptor.expected : code === acceptor.expected;
}

/**
 * Polls `op` with `input` until an acceptor says `success` (resolves) or `failure` (rejects), or the
 * time runs out. An answer no acceptor matches is a retry when it succeeded, a failure when it
 * failed.
 * @throws {WaiterError} `ERR_WAITER_TIMEOUT` when `maxWaitTimeMs` passes; `ERR_WAITER_FAILURE`
 *   for a failure answer (the error, if any, as `cause`).
 * @throws {AbortError} `ERR_ABORTED` when `signal` aborts.
 * @throws {ValidationError} `ERR_VALIDATION` for bad options.
 * @example
 * ```ts
 * await waitFor(client, HeadBucket, { Bucket: 'photos' }, BUCKET_EXISTS, { maxWaitTimeMs: 60_000 });
 * ```
 */
export async function waitFor<I, O>(client: S3BaseClient, op: Operation<I, O>, input: I, waiter: WaiterSpec, options: WaiterOptions): Promise<WaiterResult> {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const minDelay = options.minDelayMs ?? waiter.delay * 1000;
  const maxDelay = options.maxDelayMs ?? 120_000;
  if (!(options.maxWaitTimeMs > 0)) throw new S3kitError('maxWaitTimeMs must be a positive number of milliseconds', { code: 'ERR_VALIDATION' });
  if (!(minDelay > 0) || !(maxDelay >= minDelay)) throw new S3kitError('delays must satisfy 0 < minDelayMs <= maxDelayMs', { code: 'ERR_VALIDATION' });
  const deadline = clock.now() + options.maxWaitTimeMs;
  for (let attempt = 1; ; attempt++) {
    throwIfAborted(options.signal);
    let status: number | undefined;
    let code: string | undefined;
    let reason: unknown;
    let failed = false;
    try {
      const remaining = Math.max(1, Math.ceil(deadline - clock.now()));
      reason = await client.send(op, input, options.signal ? { signal: options.signal, timeoutMs: remaining } : { timeoutMs: remaining });
      status = (reason as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode;
    } catch (err) {
      if (isTimeoutError(err) && options.signal?.aborted !== true && clock.now() >= deadline - 1) {
        throw new WaiterError('ERR_WAITER_TIMEOUT', `${waiter.name}: not reached within ${options.maxWaitTimeMs} ms (${attempt} tries)`, { attempts: attempt, cause: err });
      }
      if (!isS3ServiceError(err)) throw err;
      failed = true;
      reason = err;
      status = err.statusCode;
      code = err.code;
    }
    const acceptor = waiter.acceptors.find((a) => matches(a, status, code));
    const state = acceptor?.state ?? (failed ? 'failure' : 'retry');
    if (state === 'success') return { state, attempts: attempt, reason };
    if (state === 'failure') {
      throw new WaiterError('ERR_WAITER_FAILURE', `${waiter.name}: ${op.name} answered ${status}${code === undefined ? '' : ` ${code}`}, which ends the wait`, {
        attempts: attempt,
        cause: failed ? reason : undefined,
      });
    }
    // Exponential backoff with jitter: a random pause between the minimum and the doubled ceiling.
    const ceiling = Math.min(maxDelay, minDelay * 2 ** (attempt - 1));
    const pause = Math.round(minDelay + random() * (ceiling - minDelay));
    const left = deadline - clock.now();
    if (left <= 0 || pause > left) {
      throw new WaiterError('ERR_WAITER_TIMEOUT', `${waiter.name}: not reached within ${options.maxWaitTimeMs} ms (${attempt} tries)`, { attempts: attempt });
    }
    await clock.sleep(pause, options.signal);
  }
}
