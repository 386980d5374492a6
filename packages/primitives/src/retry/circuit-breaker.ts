import { systemClock } from '../clock/clock.js';
import type { Clock } from '../clock/clock.js';
import { CircuitOpenError, isAbortError, isNetworkError, isTimeoutError, ValidationError } from '../errors/errors.js';
import { requestOrigin } from '../http/http.js';
import type { HttpMiddleware, HttpRequest, HttpResponse } from '../http/http.js';

/** State of one breaker key: `closed` lets calls through, `open` rejects them, `half-open` lets a few trial calls through. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** A state transition, as passed to {@link CircuitBreakerOptions.onStateChange}. */
export interface CircuitStateChange {
  /** The breaker key. */
  key: string;
  /** State before the change. */
  from: CircuitState;
  /** State after the change. */
  to: CircuitState;
  /** Clock time of the change, ms since the epoch. */
  at: number;
}

/** Options of {@link createCircuitBreaker}. */
export interface CircuitBreakerOptions {
  /**
   * Consecutive failures (per key) that open the circuit.
   * @default 5
   */
  failureThreshold?: number;
  /**
   * How long an open circuit rejects calls before letting a trial call through, in ms.
   * @default 60_000
   */
  cooldownMs?: number;
  /**
   * Trial calls allowed in flight at once while half-open.
   * @default 1
   */
  halfOpenMaxCalls?: number;
  /**
   * Time source.
   * @default systemClock
   */
  clock?: Clock;
  /**
   * Whether a thrown error counts as a failure; errors for which it returns `false` count as a
   * success (the endpoint answered). `AbortError`s are never counted either way.
   * @default () => true
   */
  isFailure?: (error: unknown) => boolean;
  /**
   * Keys tracked at most; the least recently used key is forgotten beyond it (and starts closed again).
   * @default 1024
   */
  maxKeys?: number;
  /** Called synchronously on every state change. Errors it throws are ignored. */
  onStateChange?: (change: CircuitStateChange) => void;
}

/** Per-call options of {@link CircuitBreaker.run}. */
export interface CircuitRunOptions<T> {
  /** Overrides the breaker's `isFailure` for this call. */
  isFailure?: (error: unknown) => boolean;
  /** Whether a value that `fn` resolved with still counts as a failure (an HTTP 503 response, say). */
  isFailureResult?: (result: T) => boolean;
}

/** A circuit breaker with independent state per key (usually an endpoint origin). */
export interface CircuitBreaker {
  /**
   * Runs `fn` if the circuit for `key` lets it through, and records its outcome.
   * @throws {CircuitOpenError} `ERR_CIRCUIT_OPEN` without calling `fn` when the circuit is open
   *   (or half-open with all trial slots taken).
   */
  run<T>(key: string, fn: () => Promise<T>, options?: CircuitRunOptions<T>): Promise<T>;
  /** Current state of `key` (`closed` for a key never seen). */
  state(key: string): CircuitState;
  /** Forgets `key`, or every key when called without one; forgotten keys start closed. */
  reset(key?: string): void;
}

interface Entry {
  state: CircuitState;
  failures: number;
  openedAt: number;
  trials: number;
  /** Bumped on every transition so outcomes of calls started in an earlier state are ignored. */
  generation: number;
}

const DEFAULT_MAX_KEYS = 1024;

function positiveInteger(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new ValidationError({ field, rule: 'must be an integer >= 1', value });
  return value;
}

/**
 * Creates a {@link CircuitBreaker}: after `failureThreshold` consecutive failures on a key its circuit
 * opens and calls fail fast with `CircuitOpenError` for `cooldownMs`; then up to `halfOpenMaxCalls`
 * trial calls go through; a trial success closes the circuit, a trial failure opens it again.
 *
 * @throws {ValidationError} `ERR_VALIDATION` for a threshold, cooldown, trial count or key cap out of range.
 * @example
 * ```ts
 * const breaker = createCircuitBreaker({ failureThreshold: 5, cooldownMs: 30_000 });
 * const body = await breaker.run('https://s3.eu-west-1.amazonaws.com', () => fetchSomething());
 * ```
 */
export function createCircuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  const failureThreshold = positiveInteger('failureThreshold', options.failureThreshold ?? 5);
  const halfOpenMaxCalls = positiveInteger('halfOpenMaxCalls', options.halfOpenMaxCalls ?? 1);
  const maxKeys = positiveInteger('maxKeys', options.maxKeys ?? DEFAULT_MAX_KEYS);
  const cooldownMs = options.cooldownMs ?? 60_000;
  if (!Number.isFinite(cooldownMs) || cooldownMs < 0) {
    throw new ValidationError({ field: 'cooldownMs', rule: 'must be a finite number >= 0', value: cooldownMs });
  }
  const clock = options.clock ?? systemClock;
  const defaultIsFailure = options.isFailure ?? (() => true);
  const onStateChange = options.onStateChange;
  // Map iteration order is insertion order: re-inserting on use makes the first key the least recently used.
  const entries = new Map<string, Entry>();

  const transition = (key: string, entry: Entry, to: CircuitState): void => {
    const from = entry.state;
    entry.state = to;
    entry.generation++;
    entry.trials = 0;
    if (to === 'open') entry.openedAt = clock.now();
    if (to === 'closed') entry.failures = 0;
    if (onStateChange) {
      try {
        onStateChange({ key, from, to, at: clock.now() });
      } catch {
        // An observer's bug must not break the calls it observes.
      }
    }
  };

  const touch = (key: string): Entry => {
    let entry = entries.get(key);
    if (entry) entries.delete(key);
    else entry = { state: 'closed', failures: 0, openedAt: 0, trials: 0, generation: 0 };
    entries.set(key, entry);
    if (entries.size > maxKeys) entries.delete(entries.keys().next().value!);
    return entry;
  };

  /** Moves an open circuit whose cooldown has passed to half-open. */
  const refresh = (key: string, entry: Entry): void => {
    if (entry.state === 'open' && clock.now() - entry.openedAt >= cooldownMs) transition(key, entry, 'half-open');
  };

  const record = (key: string, entry: Entry, generation: number, outcome: 'success' | 'failure' | 'ignore'): void => {
    if (entry.generation !== generation || entries.get(key) !== entry) return;
    if (entry.state === 'half-open') {
      entry.trials--;
      if (outcome === 'success') transition(key, entry, 'closed');
      else if (outcome === 'failure') transition(key, entry, 'open');
      return;
    }
    if (outcome === 'success') entry.failures = 0;
    else if (outcome === 'failure' && ++entry.failures >= failureThreshold) transition(key, entry, 'open');
  };

  return {
    async run<T>(key: string, fn: () => Promise<T>, runOptions: CircuitRunOptions<T> = {}): Promise<T> {
      const entry = touch(key);
      refresh(key, entry);
      if (entry.state === 'open') throw new CircuitOpenError(key, entry.openedAt + cooldownMs - clock.now());
      if (entry.state === 'half-open') {
        // All trial slots are taken: the next chance comes when a trial finishes, so no wait can be promised.
        if (entry.trials >= halfOpenMaxCalls) throw new CircuitOpenError(key, 0);
        entry.trials++;
      }
      const generation = entry.generation;
      let result: T;
      try {
        result = await fn();
      } catch (error) {
        const isFailure = runOptions.isFailure ?? defaultIsFailure;
        record(key, entry, generation, isAbortError(error) ? 'ignore' : isFailure(error) ? 'failure' : 'success');
        throw error;
      }
      record(key, entry, generation, runOptions.isFailureResult?.(result) ? 'failure' : 'success');
      return result;
    },
    state(key) {
      const entry = entries.get(key);
      if (!entry) return 'closed';
      refresh(key, entry);
      return entry.state;
    },
    reset(key) {
      if (key === undefined) entries.clear();
      else entries.delete(key);
    },
  };
}

/** Options of {@link circuitBreakerMiddleware}. */
export interface CircuitBreakerMiddlewareOptions {
  /**
   * The breaker key of a request.
   * @default requestOrigin
   */
  keyOf?: (request: HttpRequest) => string;
  /**
   * Whether a response counts as a failure.
   * @default {@link isServerFailureResponse}: 5xx except 501 and 503
   */
  isFailureResponse?: (response: HttpResponse) => boolean;
}

/**
 * Whether a response says the server is failing: a 5xx status other than 501 (the server does not
 * implement the request: it answered) and 503 (S3's `SlowDown`, "reduce your request rate":
 * throttling is for backoff and adaptive rate limiting, not the breaker; 429 is a 4xx anyway).
 */
export function isServerFailureResponse(response: HttpResponse): boolean {
  const status = response.statusCode;
  return status >= 500 && status !== 501 && status !== 503;
}

/** Transport failures that say the endpoint is unhealthy; other errors (signing, validation) say nothing about it. */
function isEndpointFailure(error: unknown): boolean {
  return isNetworkError(error) || isTimeoutError(error);
}

/**
 * An {@link HttpMiddleware} that runs each request through `breaker`, keyed by endpoint origin
 * (or `keyOf`). 5xx responses other than 501 and 503 ({@link isServerFailureResponse}),
 * `NetworkError` and `TimeoutError` count as failures; throttling (503, 429), other 4xx responses
 * and other errors count as the endpoint answering. Place it inside the retry loop so each attempt
 * is counted and an open circuit stops retries early (`CircuitOpenError` is not retryable).
 *
 * @throws {CircuitOpenError} `ERR_CIRCUIT_OPEN` when the circuit of the request's key is open.
 * @example
 * ```ts
 * const transport = compose(createUndiciTransport(), retry(), circuitBreakerMiddleware(createCircuitBreaker()));
 * ```
 */
export function circuitBreakerMiddleware(breaker: CircuitBreaker, options: CircuitBreakerMiddlewareOptions = {}): HttpMiddleware {
  const keyOf = options.keyOf ?? requestOrigin;
  const isFailureResponse = options.isFailureResponse ?? isServerFailureResponse;
  return (next) => (request, sendOptions) =>
    breaker.run(keyOf(request), () => next(request, sendOptions), {
      isFailure: isEndpointFailure,
      isFailureResult: isFailureResponse,
    });
}
