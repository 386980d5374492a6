/** The default transport where undici cannot run (workerd, browsers): the runtime's own fetch. */
import { createFetchTransport } from '../http/fetch-transport.js';
import type { HttpTransport } from '../http/http.js';

/** A new transport of this runtime's default kind (fetch here). */
export function createDefaultTransport(): HttpTransport {
  return createFetchTransport();
}

/** Which transport {@link createDefaultTransport} makes here. */
export const DEFAULT_TRANSPORT: 'undici' | 'fetch' = 'fetch';
