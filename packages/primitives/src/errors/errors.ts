import { redactText, redactValue } from '../logging/redact.js';

const BRAND = Symbol.for('@s3kit/error');

/** Options shared by every s3kit error. */
export interface S3kitErrorOptions {
  /** Stable machine-readable code (`ERR_*` for ours, S3's own codes verbatim for service errors). */
  code: string;
  /** The underlying error, if any. */
  cause?: unknown;
  /**
   * Whether repeating the same request may succeed.
   * @default false
   */
  retryable?: boolean;
  /** Structured, non-secret context (field names, limits, operation). Redacted again in `toJSON`. */
  details?: Readonly<Record<string, unknown>>;
}

/** JSON shape of an s3kit error, as produced by `toJSON()`. Never contains a secret. */
export interface S3kitErrorJSON {
  name: string;
  code: string;
  message: string;
  retryable: boolean;
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * Base class of every error s3kit throws.
 *
 * Errors carry a literal `name`, a stable `code`, an optional `cause` and a `retryable` flag. They
 * are branded with a `Symbol.for` key so the `isX()` guards work even when two copies of
 * `@s3kit/primitives` are installed (where `instanceof` would fail).
 *
 * @example
 * ```ts
 * try { await client.getObject({ Bucket, Key }); }
 * catch (err) { if (isS3kitError(err) && err.retryable) scheduleRetry(); }
 * ```
 */
export class S3kitError extends Error {
  override readonly name: string = 'S3kitError';
  /** Stable machine-readable code. */
  readonly code: string;
  /** Whether repeating the same request may succeed. */
  readonly retryable: boolean;
  /** Structured, non-secret context. */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(message: string, options: S3kitErrorOptions) {
    super(redactText(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.retryable = options.retryable ?? false;
    this.details = options.details;
    Object.defineProperty(this, BRAND, { value: true, enumerable: false });
  }

  /** A JSON-safe view: name, code, message, retryable, redacted details and cause; never a secret. */
  toJSON(): S3kitErrorJSON {
    const json: S3kitErrorJSON = { name: this.name, code: this.code, message: this.message, retryable: this.retryable };
    if (this.details) json.details = redactValue(this.details) as Record<string, unknown>;
    if (this.cause !== undefined) json.cause = redactValue(this.cause);
    return json;
  }
}

/** Code of {@link ValidationError}. */
export const ERR_VALIDATION = 'ERR_VALIDATION';
/** Code of {@link NetworkError}. */
export const ERR_NETWORK = 'ERR_NETWORK';
/** Code of {@link TimeoutError}. */
export const ERR_TIMEOUT = 'ERR_TIMEOUT';
/** Code of {@link AbortError}. */
export const ERR_ABORTED = 'ERR_ABORTED';
/** Code of {@link CircuitOpenError}. */
export const ERR_CIRCUIT_OPEN = 'ERR_CIRCUIT_OPEN';
/** Code of {@link CredentialsError}. */
export const ERR_CREDENTIALS = 'ERR_CREDENTIALS';
/** Code of {@link ConfigError}. */
export const ERR_CONFIG = 'ERR_CONFIG';

/**
 * Codes of {@link NetworkError}: a transport failure (`ERR_NETWORK`, the system code in
 * `details.errno`), or a response body that ended early, ran long, was not what it claimed, or was
 * too large to read whole.
 */
export type NetworkErrorCode = typeof ERR_NETWORK | 'ERR_BODY_TRUNCATED' | 'ERR_BODY_TOO_LONG' | 'ERR_BODY_INVALID' | 'ERR_BODY_TOO_LARGE';

/** Every code of the errors this package defines, for an exhaustive `switch`. */
export type PrimitivesErrorCode =
  | typeof ERR_VALIDATION
  | NetworkErrorCode
  | typeof ERR_TIMEOUT
  | typeof ERR_ABORTED
  | typeof ERR_CIRCUIT_OPEN
  | typeof ERR_CREDENTIALS
  | typeof ERR_CONFIG;

/** Options of {@link ValidationError}. */
export interface ValidationErrorOptions {
  /** The input field at fault, as the caller wrote it (`Key`, `expiresIn`, `headers["x-y"]`). */
  field: string;
  /** The rule that was broken, in words (`must be 1 to 10000`). */
  rule: string;
  /** The offending value, when it is safe and short enough to show. Never pass a secret here. */
  value?: unknown;
  cause?: unknown;
}

/**
 * Bad input detected before anything was sent. Names the field and the rule.
 * @example `new ValidationError({ field: 'PartNumber', rule: 'must be an integer from 1 to 10000', value: 0 })`
 */
export class ValidationError extends S3kitError {
  override readonly name = 'ValidationError' as const;
  declare readonly code: typeof ERR_VALIDATION;
  /** The input field at fault. */
  readonly field: string;
  /** The rule that was broken. */
  readonly rule: string;

  constructor(options: ValidationErrorOptions) {
    const shown = options.value === undefined ? '' : ` (got ${describeValue(options.value)})`;
    super(`Invalid ${options.field}: ${options.rule}${shown}`, {
      code: ERR_VALIDATION,
      cause: options.cause,
      details: { field: options.field, rule: options.rule },
    });
    this.field = options.field;
    this.rule = options.rule;
  }
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === null) {
    return String(value);
  }
  if (Array.isArray(value)) return `array of ${value.length}`;
  return typeof value;
}

/** A transport-level failure (connection refused or reset, DNS, TLS, socket closed mid-body). */
export class NetworkError extends S3kitError {
  override readonly name = 'NetworkError' as const;
  declare readonly code: NetworkErrorCode;
  constructor(
    message: string,
    options: { cause?: unknown; code?: NetworkErrorCode; retryable?: boolean; details?: Readonly<Record<string, unknown>> } = {},
  ) {
    const base: S3kitErrorOptions = { code: options.code ?? ERR_NETWORK, cause: options.cause, retryable: options.retryable ?? true };
    if (options.details) base.details = options.details;
    super(message, base);
  }
}

/** Which phase of a request timed out. */
export type TimeoutPhase = 'connect' | 'headers' | 'body' | 'total' | 'acquire';

/** A deadline passed: connecting, waiting for headers, between body chunks, or the whole call. */
export class TimeoutError extends S3kitError {
  override readonly name = 'TimeoutError' as const;
  declare readonly code: typeof ERR_TIMEOUT;
  /** The phase that timed out. */
  readonly phase: TimeoutPhase;
  constructor(message: string, options: { phase: TimeoutPhase; cause?: unknown; retryable?: boolean }) {
    super(message, { code: ERR_TIMEOUT, cause: options.cause, retryable: options.retryable ?? true, details: { phase: options.phase } });
    this.phase = options.phase;
  }
}

/** The caller aborted the operation through its `AbortSignal`. Never retried. */
export class AbortError extends S3kitError {
  override readonly name = 'AbortError' as const;
  declare readonly code: typeof ERR_ABORTED;
  constructor(message = 'The operation was aborted', options: { cause?: unknown } = {}) {
    super(message, { code: ERR_ABORTED, cause: options.cause });
  }
}

/** A circuit breaker is open for this key; the call was not attempted. */
export class CircuitOpenError extends S3kitError {
  override readonly name = 'CircuitOpenError' as const;
  declare readonly code: typeof ERR_CIRCUIT_OPEN;
  /** The breaker key (usually an endpoint origin). */
  readonly key: string;
  /** Milliseconds until the breaker lets a trial call through. */
  readonly retryAfterMs: number;
  constructor(key: string, retryAfterMs: number) {
    super(`Circuit open for ${key}: too many recent failures, next trial in ${Math.ceil(retryAfterMs)} ms`, {
      code: ERR_CIRCUIT_OPEN,
      retryable: false,
      details: { key, retryAfterMs },
    });
    this.key = key;
    this.retryAfterMs = retryAfterMs;
  }
}

/** Credentials could not be found or loaded. Lists what was tried; never contains a secret. */
export class CredentialsError extends S3kitError {
  override readonly name = 'CredentialsError' as const;
  declare readonly code: typeof ERR_CREDENTIALS;
  /** One line per provider tried, saying why it did not apply. */
  readonly attempts: readonly string[];
  constructor(message: string, options: { cause?: unknown; attempts?: readonly string[]; retryable?: boolean } = {}) {
    const attempts = (options.attempts ?? []).map(redactText);
    const base: S3kitErrorOptions = { code: ERR_CREDENTIALS, cause: options.cause, retryable: options.retryable ?? false };
    if (attempts.length) base.details = { attempts };
    super(attempts.length ? `${message}\n${attempts.map((a) => `  - ${a}`).join('\n')}` : message, base);
    this.attempts = attempts;
  }
}

/** A configuration value (option, environment variable or config file entry) is invalid. */
export class ConfigError extends S3kitError {
  override readonly name = 'ConfigError' as const;
  declare readonly code: typeof ERR_CONFIG;
  /** Where the bad value came from (`AWS_MAX_ATTEMPTS`, `~/.aws/config [profile dev] region`). */
  readonly source: string;
  constructor(message: string, options: { source: string; cause?: unknown }) {
    super(message, { code: ERR_CONFIG, cause: options.cause, details: { source: options.source } });
    this.source = options.source;
  }
}

/** Whether `value` is an s3kit error (from any installed copy of this package). */
export function isS3kitError(value: unknown): value is S3kitError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

function hasName(value: unknown, name: string): boolean {
  return isS3kitError(value) && value.name === name;
}

/** Whether `value` is a {@link ValidationError}. */
export const isValidationError: (value: unknown) => value is ValidationError = (v): v is ValidationError => hasName(v, 'ValidationError');
/** Whether `value` is a {@link NetworkError}. */
export const isNetworkError: (value: unknown) => value is NetworkError = (v): v is NetworkError => hasName(v, 'NetworkError');
/** Whether `value` is a {@link TimeoutError}. */
export const isTimeoutError: (value: unknown) => value is TimeoutError = (v): v is TimeoutError => hasName(v, 'TimeoutError');
/** Whether `value` is an {@link AbortError}. */
export const isAbortError: (value: unknown) => value is AbortError = (v): v is AbortError => hasName(v, 'AbortError');
/** Whether `value` is a {@link CircuitOpenError}. */
export const isCircuitOpenError: (value: unknown) => value is CircuitOpenError = (v): v is CircuitOpenError => hasName(v, 'CircuitOpenError');
/** Whether `value` is a {@link CredentialsError}. */
export const isCredentialsError: (value: unknown) => value is CredentialsError = (v): v is CredentialsError => hasName(v, 'CredentialsError');
/** Whether `value` is a {@link ConfigError}. */
export const isConfigError: (value: unknown) => value is ConfigError = (v): v is ConfigError => hasName(v, 'ConfigError');
