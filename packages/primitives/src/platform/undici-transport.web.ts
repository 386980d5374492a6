/** `createUndiciTransport` where undici cannot run (browsers, workerd): it says so instead of failing to load. */
import { ConfigError } from '../errors/errors.js';
import type { UndiciTransport, UndiciTransportOptions } from '../http/undici-transport.js';

/**
 * Throws: undici needs Node's sockets. Use `createFetchTransport` (the default transport here).
 * @throws {ConfigError} `ERR_CONFIG` always.
 */
export function createUndiciTransport(_options: UndiciTransportOptions = {}): UndiciTransport {
  throw new ConfigError('The undici transport needs Node.js; this runtime uses createFetchTransport', { source: 'transport' });
}
