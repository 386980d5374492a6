/** Test helper: an S3Client wired to an in-process s3-mock, with no environment or config files. */
import type { Clock } from '@s3kit/primitives';
import { createS3Mock } from '@s3kit/s3-mock';
import type { S3Mock, S3MockOptions } from '@s3kit/s3-mock';
import type { S3ClientOptions } from '../src/client/client-options.js';
import { S3Client } from '../src/client/s3-client.js';

/** Environment with no AWS settings and no readable shared files. */
export const EMPTY_ENV = { AWS_CONFIG_FILE: '/nonexistent/s3kit/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/s3kit/credentials' };

/** A clock whose sleeps return at once (and move time forward), so retries are not timed. */
export interface InstantClock extends Clock {
  /** Total time slept. */
  slept: number;
  /** Moves the clock. */
  advance(ms: number): void;
}

/** An {@link InstantClock} starting at `start`. */
export function instantClock(start = Date.UTC(2026, 10, 22, 12, 0, 0)): InstantClock {
  let now = start;
  const clock: InstantClock = {
    slept: 0,
    now: () => now,
    sleep: (ms) => {
      now += ms;
      clock.slept += ms;
      return Promise.resolve();
    },
    advance: (ms) => {
      now += ms;
    },
  };
  return clock;
}

export interface MockSetup {
  mock: S3Mock;
  client: S3Client;
  clock: InstantClock;
}

/** A mock plus a client talking to it through the in-process transport. */
export function mockClient(options: S3ClientOptions = {}, mockOptions: S3MockOptions = {}): MockSetup {
  const clock = instantClock();
  const mock = createS3Mock({ clock, ...mockOptions });
  const client = new S3Client({
    endpoint: 'http://127.0.0.1:9000',
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    transport: mock.transport,
    clock,
    random: () => 0.5,
    config: { env: EMPTY_ENV },
    ...options,
  });
  return { mock, client, clock };
}
