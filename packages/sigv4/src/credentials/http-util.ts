/** Small HTTP helpers shared by the metadata and STS providers. */
import { AbortError, DEFAULT_TRANSPORT, TimeoutError, createDefaultTransport, createUndiciTransport, isAbortError, isNetworkError, isTimeoutError } from '@s3kit/primitives';
import type { Clock, HttpTransport } from '@s3kit/primitives';

/**
 * A transport that creates the default undici transport on its first request, so building a
 * provider (or importing this package) opens nothing.
 */
export function lazyTransport(): HttpTransport {
  let transport: HttpTransport | undefined;
  return {
    send: (request, options) => {
      transport ??= DEFAULT_TRANSPORT === 'undici' ? createUndiciTransport({ connectTimeoutMs: 5_000, keepAliveTimeoutMs: 1_000 }) : createDefaultTransport();
      return transport.send(request, options);
    },
    close: async () => {
      await transport?.close?.();
    },
  };
}

/**
 * Runs `fn` with a signal that aborts after `ms` on `clock` (or when `outer` aborts). A deadline
 * becomes a {@link TimeoutError} naming `what`; the caller's abort stays an `AbortError`.
 */
export async function withTimeout<T>(
  clock: Clock,
  ms: number,
  outer: AbortSignal | undefined,
  what: string,
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (outer?.aborted) throw new AbortError(undefined, { cause: outer.reason });
  const controller = new AbortController();
  const timer = new AbortController();
  const state = { timedOut: false };
  const onOuterAbort = (): void => {
    controller.abort(outer?.reason);
  };
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  clock.sleep(ms, timer.signal).then(
    () => {
      state.timedOut = true;
      controller.abort(new Error(`${what} timed out`));
    },
    () => undefined,
  );
  try {
    return await fn(controller.signal);
  } catch (err) {
    if (state.timedOut) throw new TimeoutError(`${what} timed out after ${ms} ms`, { phase: 'total', cause: err });
    if (outer?.aborted) throw new AbortError(undefined, { cause: outer.reason });
    throw err;
  } finally {
    timer.abort();
    outer?.removeEventListener('abort', onOuterAbort);
  }
}

/** Whether a failed request may succeed if sent again: network errors, timeouts (not the caller's abort). */
export function isTransient(err: unknown): boolean {
  return !isAbortError(err) && (isNetworkError(err) || isTimeoutError(err));
}

/** Parses a JSON object, or returns `undefined` (the text is never echoed: it may hold a secret). */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Splits `http(s)://host[:port][/base]` into request fields. */
export function parseEndpoint(url: string): { protocol: 'http:' | 'https:'; hostname: string; port?: number; basePath: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const hostname = parsed.hostname.startsWith('[') ? parsed.hostname.slice(1, -1) : parsed.hostname;
  const out: { protocol: 'http:' | 'https:'; hostname: string; port?: number; basePath: string } = {
    protocol: parsed.protocol,
    hostname,
    basePath: parsed.pathname === '/' ? '' : parsed.pathname.replace(/\/$/, ''),
  };
  if (parsed.port !== '') out.port = Number(parsed.port);
  return out;
}
