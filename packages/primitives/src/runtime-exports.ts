/**
 * The public face of primitives' `#platform/*` variants, declared with their own types so the
 * published `.d.ts` files never name a `#platform` import (TypeScript's `node10` resolution, still
 * common in consumers' tsconfigs, cannot follow package `imports`).
 */
import * as defaults from '#platform/default-transport';
import * as diagnostics from '#platform/diagnostics';
import * as undici from '#platform/undici-transport';
import type { HttpTransport } from './http/http.js';
import type { TracingChannelLike } from './platform/diagnostics-port.js';
import type { UndiciTransport, UndiciTransportOptions } from './http/undici-transport.js';

/**
 * Creates an `HttpTransport` on undici's `Agent` (keep-alive pool per origin, connect/headers/body
 * timeouts, typed errors; undici is loaded on the first request). Needs Node's sockets: Node, Bun, Deno.
 * @throws {ConfigError} `ERR_CONFIG` where undici cannot run (browsers, workerd): use {@link createFetchTransport}.
 * @example
 * ```ts
 * const transport = createUndiciTransport({ connections: 32, headersTimeoutMs: 30_000 });
 * ```
 */
export const createUndiciTransport: (options?: UndiciTransportOptions) => UndiciTransport = undici.createUndiciTransport;

/**
 * A new transport of this runtime's default kind ({@link DEFAULT_TRANSPORT}): undici where Node's
 * sockets exist (Node, Bun, Deno), else `createFetchTransport()` (workerd, browsers).
 * @example `const client = new S3Client({ region, transport: createDefaultTransport() });`
 */
export const createDefaultTransport: () => HttpTransport = defaults.createDefaultTransport;

/** Which transport {@link createDefaultTransport} makes in this runtime: `undici` or `fetch`. */
export const DEFAULT_TRANSPORT: 'undici' | 'fetch' = defaults.DEFAULT_TRANSPORT;

/**
 * The tracing channel `name` (`s3kit:operation`, `s3kit:request`): Node's `diagnostics_channel`
 * where it exists, an in-process registry elsewhere; check `hasSubscribers` before building a context.
 * @example `if (tracingChannel(OPERATION_CHANNEL).hasSubscribers) { ... }`
 */
export const tracingChannel: <C extends object>(name: string) => TracingChannelLike<C> = diagnostics.tracingChannel;
