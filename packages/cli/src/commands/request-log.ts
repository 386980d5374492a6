import type { RecordedRequest } from '@s3kit/s3-mock';

/**
 * One line of `s3kit serve --log`: time, method, path (with its query, signatures redacted),
 * status, S3 error code (`-` when none) and how long serving took.
 * @example `2026-01-02T03:04:05.678Z PUT /photos/a.jpg 200 - 1.4ms`
 */
export function requestLogLine(request: RecordedRequest, elapsedMs: number, at: Date): string {
  const query = Object.entries(request.query)
    .map(([k, v]) => (v === '' ? k : `${k}=${typeof v === 'string' ? v : v.join(',')}`))
    .join('&');
  const target = query === '' ? request.path : `${request.path}?${query}`;
  const status = request.status === 0 ? 'reset' : String(request.status);
  return `${at.toISOString()} ${request.method} ${target} ${status} ${request.errorCode ?? '-'} ${elapsedMs.toFixed(1)}ms`;
}
