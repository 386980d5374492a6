/** Vitest matchers over a mock's recorded requests. Imports nothing from vitest itself. */
import type { S3Mock, RecordedRequest } from '../mock/create-s3-mock.js';
import type { S3Operation } from '../protocol/route.js';

/** Filters for {@link S3MockMatchers.toHaveReceived}. */
export interface ReceivedFilter {
  bucket?: string;
  key?: string;
  /** Header values the request must have carried (names lower-case). */
  headers?: Record<string, string>;
}

/** The matchers `@s3kit/s3-mock/testing` adds to `expect`. */
export interface S3MockMatchers<R = unknown> {
  /** The mock served at least one `operation` request matching `filter`. */
  toHaveReceived(operation: S3Operation, filter?: ReceivedFilter): R;
  /** The mock served exactly `times` `operation` requests. */
  toHaveReceivedTimes(operation: S3Operation, times: number): R;
  /** The operations occurred in this relative order (other requests may come between). */
  toHaveReceivedInOrder(operations: readonly S3Operation[]): R;
  /** No multipart upload is left in flight. */
  toHaveNoUploadsInFlight(): R;
}

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

function asMock(received: unknown): S3Mock {
  if (typeof received !== 'object' || received === null || !('requests' in received) || !('uploadsInFlight' in received)) {
    throw new TypeError('expected an S3Mock (from createS3Mock or useS3Mock)');
  }
  return received as S3Mock;
}

const summary = (requests: readonly RecordedRequest[]): string =>
  requests.length === 0 ? '(none)' : requests.map((r) => `${r.operation ?? r.method} ${r.bucket ?? ''}/${r.key ?? ''} -> ${r.status}`).join('\n  ');

function matchesFilter(r: RecordedRequest, operation: S3Operation, f: ReceivedFilter): boolean {
  if (r.operation !== operation) return false;
  if (f.bucket !== undefined && r.bucket !== f.bucket) return false;
  if (f.key !== undefined && r.key !== f.key) return false;
  for (const [name, value] of Object.entries(f.headers ?? {})) if (r.headers[name.toLowerCase()] !== value) return false;
  return true;
}

/** Matcher implementations, for `expect.extend(s3MockMatchers)`. */
export const s3MockMatchers = {
  toHaveReceived(received: unknown, operation: S3Operation, filter: ReceivedFilter = {}): MatcherResult {
    const mock = asMock(received);
    const pass = mock.requests.some((r) => matchesFilter(r, operation, filter));
    return {
      pass,
      message: () =>
        `expected the mock ${pass ? 'not ' : ''}to have received ${operation} ${JSON.stringify(filter)}; received:\n  ${summary(mock.requests)}`,
    };
  },
  toHaveReceivedTimes(received: unknown, operation: S3Operation, times: number): MatcherResult {
    const mock = asMock(received);
    const count = mock.requests.filter((r) => r.operation === operation).length;
    return {
      pass: count === times,
      message: () => `expected ${operation} ${count === times ? 'not ' : ''}to have been received ${times} time(s), got ${count}`,
    };
  },
  toHaveReceivedInOrder(received: unknown, operations: readonly S3Operation[]): MatcherResult {
    const mock = asMock(received);
    let i = 0;
    for (const r of mock.requests) if (i < operations.length && r.operation === operations[i]) i++;
    const pass = i === operations.length;
    return {
      pass,
      message: () => `expected operations ${pass ? 'not ' : ''}in order [${operations.join(', ')}]; received:\n  ${summary(mock.requests)}`,
    };
  },
  toHaveNoUploadsInFlight(received: unknown): MatcherResult {
    const uploads = asMock(received).uploadsInFlight();
    return {
      pass: uploads.length === 0,
      message: () =>
        uploads.length === 0
          ? 'expected multipart uploads in flight, found none'
          : `expected no multipart uploads in flight, found ${uploads.length}: ${uploads.map((u) => `${u.Bucket}/${u.Key} (${u.UploadId})`).join(', ')}`,
    };
  },
};
