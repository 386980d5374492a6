/**
 * Retry classification as data: which error codes, HTTP statuses and socket errors are worth
 * repeating, and why. The tables follow smithy-typescript's `service-error-classification`
 * constants (the AWS SDK for JavaScript v3), extended with S3's own transient codes.
 *
 * Errors are read duck-typed (`code`, `name`, `statusCode`, `retryable`, `cause`) so s3-core's
 * service error classifies without this package knowing its class.
 */

/** Service error codes that mean "you are sending too fast". Always retried, with a longer backoff. */
export const THROTTLING_ERROR_CODES: ReadonlySet<string> = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
]);

/** Service error codes for a passing server-side failure. */
export const TRANSIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'RequestTimeout',
  'RequestTimeoutException',
  'InternalError',
  'ServiceUnavailable',
  'InternalFailure',
  'OperationAborted',
]);

/** HTTP statuses that are retried whatever the error code says. */
export const TRANSIENT_STATUS_CODES: ReadonlySet<number> = new Set([500, 502, 503, 504]);

/** HTTP status that means throttling even when the code is unknown. */
export const THROTTLING_STATUS_CODE = 429;

/**
 * Service error codes caused by the client clock disagreeing with the server's. Only worth a retry
 * once the signer corrected its clock offset (see {@link isRetryableClassification}).
 */
export const CLOCK_SKEW_ERROR_CODES: ReadonlySet<string> = new Set([
  'RequestTimeTooSkewed',
  'RequestExpired',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'AuthFailure',
  'RequestInTheFuture',
]);

/** Socket and DNS error codes (Node's `code`/`errno`, undici's socket codes) of a failed connection. */
export const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);

/** Why an error may be retried; `undefined` from {@link classifyError} means "do not retry". */
export type RetryClassification = 'throttling' | 'transient' | 'clock-skew' | 'network' | 'timeout';

const NEVER_RETRIED_NAMES: ReadonlySet<string> = new Set(['AbortError', 'ValidationError']);
const NEVER_RETRIED_CODES: ReadonlySet<string> = new Set(['ERR_ABORTED', 'ERR_VALIDATION']);
const MAX_CAUSE_DEPTH = 5;

interface ErrorLike {
  code?: unknown;
  errno?: unknown;
  name?: unknown;
  statusCode?: unknown;
  retryable?: unknown;
  cause?: unknown;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null;
}

/**
 * Classifies an error for retry: `'throttling'`, `'transient'` (5xx, service timeouts, `retryable:
 * true`), `'clock-skew'`, `'network'` (connection failed or broke) or `'timeout'` (a client-side
 * deadline), or `undefined` when it must not be retried.
 *
 * Never retried: `AbortError`, `ValidationError`, and errors that say `retryable: false` unless their
 * code or status is in a table. When nothing matches, a non-s3kit error's `cause` chain is examined
 * (a wrapped `ECONNRESET` still counts as network).
 *
 * @example
 * ```ts
 * classifyError({ code: 'SlowDown', statusCode: 503 }); // 'throttling'
 * classifyError(Object.assign(new Error('reset'), { code: 'ECONNRESET' })); // 'network'
 * ```
 */
export function classifyError(error: unknown): RetryClassification | undefined {
  return classify(error, 0);
}

function classify(error: unknown, depth: number): RetryClassification | undefined {
  if (!isErrorLike(error)) return undefined;
  const code = str(error.code);
  const name = str(error.name);
  const errno = str(error.errno);
  if ((name !== undefined && NEVER_RETRIED_NAMES.has(name)) || (code !== undefined && NEVER_RETRIED_CODES.has(code))) return undefined;

  const notRetryable = error.retryable === false;
  if (code === 'ERR_TIMEOUT' || (code === undefined && name === 'TimeoutError')) return notRetryable ? undefined : 'timeout';
  if (code === 'ERR_NETWORK') return notRetryable ? undefined : 'network';

  const statusCode = typeof error.statusCode === 'number' ? error.statusCode : undefined;
  const has = (table: ReadonlySet<string>): boolean =>
    (code !== undefined && table.has(code)) || (name !== undefined && table.has(name));

  if (has(THROTTLING_ERROR_CODES) || statusCode === THROTTLING_STATUS_CODE) return 'throttling';
  // A client that corrected its clock from the answer says so (a HEAD's bodiless 403 has no code to tell).
  if (has(CLOCK_SKEW_ERROR_CODES) || (error as { clockSkewCorrected?: unknown }).clockSkewCorrected === true) return 'clock-skew';
  if (has(TRANSIENT_ERROR_CODES) || (statusCode !== undefined && TRANSIENT_STATUS_CODES.has(statusCode))) return 'transient';
  if (has(NETWORK_ERROR_CODES) || (errno !== undefined && NETWORK_ERROR_CODES.has(errno))) return 'network';
  if (error.retryable === true) return 'transient';
  // An error that states its own retryability (ours, or a service error) is taken at its word.
  if (notRetryable || depth >= MAX_CAUSE_DEPTH) return undefined;
  return classify(error.cause, depth + 1);
}

/**
 * Whether the standard strategy retries an error of this classification. Clock-skew errors are
 * retried only when the error reports `clockSkewCorrected: true` (the signer adjusted its offset);
 * otherwise the same signature would fail again.
 */
export function isRetryableClassification(classification: RetryClassification | undefined, error: unknown): boolean {
  if (classification === undefined) return false;
  if (classification === 'clock-skew') return isErrorLike(error) && (error as { clockSkewCorrected?: unknown }).clockSkewCorrected === true;
  return true;
}

/**
 * Parses an HTTP `Retry-After` value (delay seconds or an HTTP date) into milliseconds from `now`.
 * Returns `undefined` for a missing or unparsable value; a date in the past gives `0`.
 * @example `parseRetryAfter('2', Date.now()) // 2000`
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * The server's requested delay carried by an error: its `retryAfterMs` (s3-core sets it from the
 * response), else a `retry-after` header in `error.headers` or `error.response.headers`.
 */
export function retryAfterFromError(error: unknown, now: number): number | undefined {
  if (!isErrorLike(error)) return undefined;
  const direct = (error as { retryAfterMs?: unknown }).retryAfterMs;
  if (typeof direct === 'number' && Number.isFinite(direct) && direct >= 0) return direct;
  const headerOf = (holder: unknown): string | undefined => {
    if (!isErrorLike(holder)) return undefined;
    const headers = (holder as { headers?: unknown }).headers;
    if (!isErrorLike(headers)) return undefined;
    return str((headers as Record<string, unknown>)['retry-after']);
  };
  return parseRetryAfter(headerOf(error) ?? headerOf((error as { response?: unknown }).response), now);
}
