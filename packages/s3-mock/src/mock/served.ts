import type { HttpRequest } from '@s3kit/primitives';
import type { ConnectionInfo } from '../protocol/condition-context.js';
import type { HandledRequest } from '../protocol/s3-handler.js';

/** Bandwidth limit of an injected slow response. */
export interface Throttle {
  bytesPerSecond: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Splits `payload` into about ten slices per second of `bytesPerSecond`, with the pause after each. */
export function throttleSlices(payload: Uint8Array, bytesPerSecond: number): { slice: Uint8Array; pauseMs: number }[] {
  const size = Math.max(1, Math.floor(bytesPerSecond / 10));
  const out: { slice: Uint8Array; pauseMs: number }[] = [];
  for (let at = 0; at < payload.byteLength; at += size) {
    const slice = payload.subarray(at, at + size);
    out.push({ slice, pauseMs: (slice.byteLength / bytesPerSecond) * 1000 });
  }
  return out;
}

/** The outcome of serving one request, for a transport or server to deliver. */
export type Served =
  | {
      kind: 'reply';
      reply: HandledRequest;
      /** Cut the body after this many bytes, then fail the connection. */
      truncateAt?: number;
      /** Deliver the body at this rate, sleeping on the mock's clock between slices. */
      throttle?: Throttle;
    }
  | { kind: 'reset' };

/** Serves one request (never rejects except on abort); `connection` says where it came from (default loopback). */
export type ServeFunction = (request: HttpRequest, signal?: AbortSignal, connection?: ConnectionInfo) => Promise<Served>;
