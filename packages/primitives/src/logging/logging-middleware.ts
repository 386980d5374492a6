import { systemClock } from '../clock/clock.js';
import type { Clock } from '../clock/clock.js';
import { requestOrigin, requestTarget } from '../http/http.js';
import type { HttpHandler, HttpMiddleware, HttpRequest, HttpResponse, HttpSendOptions } from '../http/http.js';
import type { Logger, LogLevel } from './logger.js';
import { redactHeaders, redactText, redactValue } from './redact.js';

/** Options of {@link loggingMiddleware}. */
export interface LoggingMiddlewareOptions {
  /**
   * Level of request and (non-5xx) response lines.
   * @default 'debug'
   */
  level?: LogLevel;
  /**
   * Level of 5xx responses and failed requests.
   * @default 'warn'
   */
  errorLevel?: LogLevel;
  /**
   * Time source for `durationMs`.
   * @default systemClock
   */
  clock?: Clock;
}

function describe(request: HttpRequest): { method: string; origin: string; target: string } {
  // The target holds the query, which for a presigned-style request carries the signature.
  return { method: request.method, origin: requestOrigin(request), target: redactText(requestTarget(request)) };
}

/**
 * An {@link HttpMiddleware} that logs each request (method, origin, target with secret query
 * parameters redacted, redacted headers), its response (status, duration, `x-amz-request-id` as
 * `requestId`, `x-amz-id-2` as `hostId`) or its error (`toJSON()` of s3kit errors, redacted).
 * Put it innermost to log every attempt, outermost to log each call once.
 *
 * Lines: `http request`, `http response`, `http error`.
 * @example
 * ```ts
 * const transport = compose(createUndiciTransport(), retry(), loggingMiddleware(createConsoleLogger({ level: 'debug' })));
 * ```
 */
export function loggingMiddleware(logger: Logger, options: LoggingMiddlewareOptions = {}): HttpMiddleware {
  const level = options.level ?? 'debug';
  const errorLevel = options.errorLevel ?? 'warn';
  const clock = options.clock ?? systemClock;
  const enabled = logger.isLevelEnabled?.bind(logger) ?? (() => true);
  return (next) => (request, sendOptions) => {
    // Skip the redaction work entirely when neither level would be written.
    if (!enabled(level) && !enabled(errorLevel)) return next(request, sendOptions);
    return logged(next, request, sendOptions);
  };

  async function logged(next: HttpHandler, request: HttpRequest, sendOptions: HttpSendOptions): Promise<HttpResponse> {
    const summary = describe(request);
    if (enabled(level)) logger[level]('http request', { ...summary, headers: redactHeaders(request.headers) });
    const start = clock.now();
    try {
      const response = await next(request, sendOptions);
      const fields: Record<string, unknown> = { ...summary, statusCode: response.statusCode, durationMs: clock.now() - start };
      const requestId = response.headers['x-amz-request-id'];
      const hostId = response.headers['x-amz-id-2'];
      if (requestId !== undefined) fields.requestId = requestId;
      if (hostId !== undefined) fields.hostId = hostId;
      logger[response.statusCode >= 500 ? errorLevel : level]('http response', fields);
      return response;
    } catch (error) {
      logger[errorLevel]('http error', { ...summary, durationMs: clock.now() - start, error: redactValue(error) });
      throw error;
    }
  }
}
