/** The default transport where Node's sockets exist (Node, and Bun and Deno through their Node compatibility): undici. */
import { createUndiciTransport } from '../http/undici-transport.js';
import type { UndiciTransport } from '../http/undici-transport.js';

/** A new transport of this runtime's default kind (undici on Node). */
export function createDefaultTransport(): UndiciTransport {
  return createUndiciTransport();
}

/** Which transport {@link createDefaultTransport} makes here. */
export const DEFAULT_TRANSPORT: 'undici' | 'fetch' = 'undici';
