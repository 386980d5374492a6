/**
 * No HTTP server where there is no `node:http` (browsers, workerd): the in-process transport
 * (`mock.transport`) is the way to use the mock there.
 */
import { ConfigError } from '@s3kit/primitives';

const serverless = (): Promise<never> =>
  Promise.reject(new ConfigError("The mock's HTTP server needs Node (or Bun or Deno); here use the in-process transport, mock.transport", { source: 'runtime' }));

/**
 * Rejects: no HTTP server in this runtime.
 * @throws {ConfigError} `ERR_CONFIG` always.
 */
export function listenS3Mock(..._args: unknown[]): Promise<never> {
  return serverless();
}

/**
 * Rejects: no HTTP server in this runtime.
 * @throws {ConfigError} `ERR_CONFIG` always.
 */
export function startS3MockServer(..._args: unknown[]): Promise<never> {
  return serverless();
}
