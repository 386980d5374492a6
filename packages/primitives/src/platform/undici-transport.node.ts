/** The undici transport, where undici runs (Node). */
export { createUndiciTransport } from '../undici-transport.js';
