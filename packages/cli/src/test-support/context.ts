import type { HttpTransport } from '@s3kit/primitives';
import { createS3Mock } from '@s3kit/s3-mock';
import type { S3Mock, SeedSpec } from '@s3kit/s3-mock';
import type { RunContext } from '../context.js';

/** A string sink that also records writes, for asserting on command output. */
export interface Capture {
  text: string;
  write(chunk: string): boolean;
}

/** A {@link Capture}. */
export function capture(): Capture {
  const sink: Capture = {
    text: '',
    write(chunk: string) {
      sink.text += chunk;
      return true;
    },
  };
  return sink;
}

/** A test context: captured streams, mock credentials, no AWS files from the machine. */
export interface TestContext extends RunContext {
  stdout: Capture;
  stderr: Capture;
}

/** Builds a {@link TestContext}; `transport` routes the S3 client in-process. */
export function testContext(options: { transport?: HttpTransport; cwd?: string; env?: Record<string, string>; isTTY?: boolean; signal?: AbortSignal } = {}): TestContext {
  const ctx: TestContext = {
    stdout: capture(),
    stderr: capture(),
    env: {
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/nonexistent/s3kit-test-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/s3kit-test-credentials',
      AWS_EC2_METADATA_DISABLED: 'true',
      ...options.env,
    },
    cwd: options.cwd ?? process.cwd(),
    isTTY: options.isTTY ?? false,
  };
  if (options.transport) ctx.transport = options.transport;
  if (options.signal) ctx.signal = options.signal;
  return ctx;
}

/** An in-process s3-mock and a test context whose S3 clients reach it (no sockets). */
export function mockContext(seed?: SeedSpec, options: { cwd?: string; isTTY?: boolean } = {}): { mock: S3Mock; ctx: TestContext } {
  const mock = createS3Mock(seed ? { seed } : {});
  return { mock, ctx: testContext({ transport: mock.transport, ...options }) };
}
