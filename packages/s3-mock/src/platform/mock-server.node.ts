/** The mock's HTTP server (Node's `node:http`; Bun and Deno run it through their Node compatibility). */
export { listenS3Mock } from '../server/listen.js';
export { startS3MockServer } from '../server/start-server.js';
