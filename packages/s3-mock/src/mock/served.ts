import type { HttpRequest } from '@s3kit/primitives';
import type { HandledRequest } from '../protocol/s3-handler.js';

/** The outcome of serving one request, for a transport or server to deliver. */
export type Served =
  | { kind: 'reply'; reply: HandledRequest; /** Cut the body after this many bytes, then fail the connection. */ truncateAt?: number }
  | { kind: 'reset' };

/** Serves one request (never rejects except on abort). */
export type ServeFunction = (request: HttpRequest, signal?: AbortSignal) => Promise<Served>;
