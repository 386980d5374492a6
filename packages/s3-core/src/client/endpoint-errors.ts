/**
 * Names the endpoint URL in connection failures, as the AWS CLI does ("Could not connect to the
 * endpoint URL: ..."): a bare `connect ECONNREFUSED 127.0.0.1:9000` does not say which setting
 * (`--endpoint-url`, `AWS_ENDPOINT_URL_S3`, the region) sent the request there.
 */
import { NetworkError, TimeoutError, isNetworkError, isTimeoutError, redactUrl, requestOrigin, requestTarget } from '@s3kit/primitives';
import type { HttpMiddleware, HttpRequest } from '@s3kit/primitives';

/** OS and resolver codes that mean no connection was made at all (nothing reached the server). */
const CONNECT_FAILURES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN']);

function errnoOf(error: NetworkError): string | undefined {
  const errno = error.details?.errno;
  return typeof errno === 'string' ? errno : undefined;
}

/** The request's URL with anything secret in its query redacted. */
export function endpointUrlOf(request: HttpRequest): string {
  return redactUrl(`${requestOrigin(request)}${requestTarget(request)}`);
}

/**
 * Rewrites a transport's connection errors to name the request URL: `NetworkError`s (same `code`,
 * `retryable` and `details`, plus `details.url`; the original as `cause`) and connect timeouts.
 * Errors of other kinds, and errors while reading a body, pass unchanged.
 */
export function endpointErrorsMiddleware(): HttpMiddleware {
  return (next) => async (request, options) => {
    try {
      return await next(request, options);
    } catch (error) {
      if (isNetworkError(error)) {
        const url = endpointUrlOf(request);
        const errno = errnoOf(error);
        const message =
          errno !== undefined && CONNECT_FAILURES.has(errno)
            ? `Could not connect to the endpoint URL: "${url}" (${errno})`
            : `Connection to the endpoint URL "${url}" failed: ${error.message}`;
        throw new NetworkError(message, { cause: error, code: error.code, retryable: error.retryable, details: { ...error.details, url } });
      }
      if (isTimeoutError(error) && error.phase === 'connect') {
        throw new TimeoutError(`Connect timeout on endpoint URL: "${endpointUrlOf(request)}"`, { phase: 'connect', cause: error, retryable: error.retryable });
      }
      throw error;
    }
  };
}
