/** The undici transport, where undici runs (Node). */
export { createUndiciTransport } from '../http/undici-transport.js';
