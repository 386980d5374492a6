/**
 * How errors of undici (and of Node's fetch, which is undici) map to s3kit's typed errors; shared by
 * the undici and fetch transports. No Node built-in here: the fetch transport runs everywhere.
 */
import { AbortError, NetworkError, TimeoutError, ValidationError } from '../errors/errors.js';
import type { TimeoutPhase } from '../errors/errors.js';

/** undici's error codes that mean the connection failed or broke (retryable {@link NetworkError}). */
const UNDICI_NETWORK_CODES: ReadonlySet<string> = new Set([
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
]);

const TIMEOUT_CODES: Readonly<Record<string, TimeoutPhase>> = {
  UND_ERR_CONNECT_TIMEOUT: 'connect',
  UND_ERR_HEADERS_TIMEOUT: 'headers',
  UND_ERR_BODY_TIMEOUT: 'body',
};

/** The string `code` of an error-like value, if it has one. */
export function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return undefined;
}

/**
 * Maps an error undici threw (while sending or while the body was read) to an s3kit error.
 * Unknown errors are returned unchanged.
 */
export function mapUndiciError(err: unknown, signal?: AbortSignal): unknown {
  if (signal?.aborted) return new AbortError(undefined, { cause: err });
  const code = errorCode(err);
  if (code !== undefined) {
    const phase = TIMEOUT_CODES[code];
    if (phase) return new TimeoutError(`HTTP ${phase} timeout`, { phase, cause: err });
    if (code === 'UND_ERR_ABORTED' || code === 'UND_ERR_ABORT') return new AbortError(undefined, { cause: err });
    if (code === 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH') {
      return new ValidationError({ field: 'headers["content-length"]', rule: 'must equal the number of body bytes', cause: err });
    }
    if (code === 'UND_ERR_INVALID_ARG') {
      const rule = err instanceof Error ? err.message : 'rejected by the HTTP client';
      return new ValidationError({ field: 'request', rule, cause: err });
    }
    if (UNDICI_NETWORK_CODES.has(code)) {
      // A SocketError usually wraps nothing, but an OS error may sit one level down as `cause`.
      const inner = errorCode((err as { cause?: unknown }).cause);
      const errno = inner !== undefined && UNDICI_NETWORK_CODES.has(inner) ? inner : code;
      const message = err instanceof Error ? err.message : code;
      return new NetworkError(`Network error: ${message} (${errno})`, { cause: err, details: { errno } });
    }
  }
  if (err instanceof Error && err.name === 'AbortError') return new AbortError(undefined, { cause: err });
  return err;
}
