/** Test helper: an S3Client wired to an in-process s3-mock, with no environment or config files. */
import { createFakeClock } from '@s3kit/primitives';
import type { FakeClock, HttpTransport } from '@s3kit/primitives';
import { createS3Mock } from '@s3kit/s3-mock';
import type { S3Mock, S3MockOptions } from '@s3kit/s3-mock';
import type { S3ClientOptions } from '../src/client/client-options.js';
import { S3Client } from '../src/client/s3-client.js';

/** Environment with no AWS settings and no readable shared files. */
export const EMPTY_ENV = { AWS_CONFIG_FILE: '/nonexistent/s3kit/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/s3kit/credentials' };

export interface MockSetup {
  mock: S3Mock;
  client: S3Client;
  clock: FakeClock;
}

/** A mock plus a client talking to it through the in-process transport (through `wrap`, a misbehaving proxy, if given). */
export function mockClient(
  options: S3ClientOptions = {},
  mockOptions: S3MockOptions = {},
  wrap: (transport: HttpTransport) => HttpTransport = (transport) => transport,
): MockSetup {
  const clock = createFakeClock({ instant: true });
  const mock = createS3Mock({ clock, ...mockOptions });
  const client = new S3Client({
    endpoint: 'http://127.0.0.1:9000',
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    transport: wrap(mock.transport),
    clock,
    random: () => 0.5,
    config: { env: EMPTY_ENV },
    ...options,
  });
  return { mock, client, clock };
}
