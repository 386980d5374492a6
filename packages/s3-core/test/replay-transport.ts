/** Test helper: a transport that answers from a queue of canned responses and records requests. */
import { createResponseBody } from '@s3kit/primitives';
import type { HttpRequest, HttpTransport } from '@s3kit/primitives';

/** A canned response. */
export interface CannedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** A replay transport: `requests` holds what was sent (bodies of streams are drained). */
export interface ReplayTransport extends HttpTransport {
  requests: HttpRequest[];
  push(...responses: CannedResponse[]): void;
}

/** Creates a transport answering each request with the next canned response (the last one repeats). */
export function replayTransport(...responses: CannedResponse[]): ReplayTransport {
  const queue = [...responses];
  // The last response repeats until more are pushed; once used, pushing replaces it.
  let lastUsed = false;
  const transport: ReplayTransport = {
    requests: [],
    push: (...more) => {
      if (lastUsed && queue.length === 1) queue.pop();
      lastUsed = false;
      queue.push(...more);
    },
    send: async (request) => {
      transport.requests.push(request);
      let drained = 0;
      const body = request.body;
      if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) for await (const chunk of body) drained += chunk.byteLength;
      let next: CannedResponse;
      if (queue.length > 1) next = queue.shift()!;
      else {
        next = queue[0]!;
        lastUsed = true;
      }
      const bytes = typeof next.body === 'string' ? new TextEncoder().encode(next.body) : (next.body ?? new Uint8Array(0));
      const headers: Record<string, string> = { 'content-length': String(bytes.byteLength), ...next.headers };
      return {
        statusCode: next.status,
        headers,
        body: createResponseBody(
          (async function* () {
            await Promise.resolve(drained);
            if (bytes.byteLength > 0) yield bytes;
          })(),
        ),
      };
    },
  };
  return transport;
}
