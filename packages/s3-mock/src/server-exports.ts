/**
 * The public face of the mock's HTTP server, declared with its own types so the published `.d.ts`
 * never names the `#platform/mock-server` import (TypeScript's `node10` resolution cannot follow it).
 */
import * as server from '#platform/mock-server';
import type * as listen from './server/listen.js';
import type * as start from './server/start-server.js';

/**
 * Starts a server that answers with `serve`. Prefer `createS3Mock().start()` or `startS3MockServer()`.
 * Node only (also Bun and Deno); elsewhere it rejects with `ERR_CONFIG` (use `mock.transport`).
 * @throws Error when the port cannot be bound
 */
export const listenS3Mock: typeof listen.listenS3Mock = server.listenS3Mock;

/**
 * Starts a standalone mock server (its own engine) for real clients: the AWS CLI, SDKs, a browser page.
 * Node only (also Bun and Deno); elsewhere it rejects with `ERR_CONFIG` (use `mock.transport`).
 * @example
 * ```ts
 * const server = await startS3MockServer({ credentials: [{ accessKeyId: 'test', secretAccessKey: 'test' }] });
 * // aws --endpoint-url ${server.endpoint} s3 ls
 * await server.stop();
 * ```
 */
export const startS3MockServer: typeof start.startS3MockServer = server.startS3MockServer;
