import { createS3Mock } from '../mock/create-s3-mock.js';
import type { S3Mock, S3MockOptions } from '../mock/create-s3-mock.js';
import type { ListenOptions, S3MockServer } from './listen.js';

/** Options of {@link startS3MockServer}: the mock's options and where to listen. */
export interface StartS3MockServerOptions extends S3MockOptions, ListenOptions {}

/** A standalone mock server, with its mock (faults, recorded requests, reset). */
export interface StandaloneS3MockServer extends S3MockServer {
  /** The mock behind the server. */
  readonly mock: S3Mock;
}

/**
 * Starts an S3 mock on a real HTTP port (loopback by default), for clients that need a socket
 * (the AWS CLI, other SDKs, `fetch` of presigned URLs).
 * @throws Error when the port cannot be bound
 * @example
 * ```ts
 * const server = await startS3MockServer({ credentials: [{ accessKeyId: 'test', secretAccessKey: 'test' }] });
 * // aws --endpoint-url ${server.endpoint} s3 ls
 * await server.stop();
 * ```
 */
export async function startS3MockServer(options: StartS3MockServerOptions = {}): Promise<StandaloneS3MockServer> {
  const { port, host, cors, ...mockOptions } = options;
  const mock = createS3Mock(mockOptions);
  const listen: ListenOptions = {};
  if (port !== undefined) listen.port = port;
  if (host !== undefined) listen.host = host;
  if (cors !== undefined) listen.cors = cors;
  const server = await mock.start(listen);
  return { ...server, stop: () => server.stop(), mock };
}
