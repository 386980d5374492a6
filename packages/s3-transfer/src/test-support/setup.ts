/**
 * Test helper: an S3Client over an in-process s3-mock (small parts allowed), an instant clock that
 * starts now (so object times and real file mtimes compare as they would in production), a temp dir.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { S3Client } from '@s3kit/s3-core';
import { createFakeClock } from '@s3kit/primitives';
import type { FakeClock, HttpTransport } from '@s3kit/primitives';
import { createS3Mock } from '@s3kit/s3-mock';
import type { S3Mock, S3MockOptions, S3MockServer } from '@s3kit/s3-mock';
import { createTransferManager } from '../manager/transfer-manager.js';
import type { TransferManager, TransferManagerOptions } from '../manager/transfer-manager.js';
import type { TransferClient } from '../manager/transfer-client.js';

/** Smallest part in these tests (s3-mock's `minPartSize`). */
export const PART = 1024;

export interface Setup {
  mock: S3Mock;
  client: S3Client;
  clock: FakeClock;
  tm: TransferManager;
  make(options?: Partial<TransferManagerOptions>): TransferManager;
}

/**
 * A mock with bucket `bkt`, a client and a transfer manager using 1 KiB parts. `wrap` puts a
 * misbehaving proxy between the client and the mock.
 */
export async function setup(
  options: Partial<TransferManagerOptions> = {},
  mockOptions: S3MockOptions = {},
  wrap: (transport: HttpTransport) => HttpTransport = (transport) => transport,
): Promise<Setup> {
  const clock = createFakeClock({ instant: true });
  const mock = createS3Mock({ clock, minPartSize: PART, ...mockOptions });
  const client = new S3Client({
    endpoint: 'http://127.0.0.1:9000',
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    transport: wrap(mock.transport),
    clock,
    random: () => 0.5,
    circuitBreaker: false,
    config: { env: { AWS_CONFIG_FILE: '/nonexistent/s3kit/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/s3kit/credentials' } },
  });
  await client.createBucket({ Bucket: 'bkt' });
  const make = (o: Partial<TransferManagerOptions> = {}): TransferManager =>
    createTransferManager({ client, clock, minPartSize: PART, partSize: PART, multipartThreshold: 2 * PART, concurrency: 4, ...options, ...o });
  return { mock, client, clock, tm: make(), make };
}

/** Deterministic bytes. */
export function bytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A fresh temp directory for each test of the file (`scratch.dir`), removed after it. */
export function useTempDir(): { readonly dir: string } {
  let current: { dir: string; cleanup: () => Promise<void> } | undefined;
  beforeEach(async () => {
    current = await tempDir();
  });
  afterEach(async () => {
    await current?.cleanup();
  });
  return {
    get dir() {
      if (!current) throw new Error('useTempDir: no test is running');
      return current.dir;
    },
  };
}

/** A fresh temp directory and its cleanup. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 's3-transfer-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

const CLIENT_METHODS = [
  'putObject',
  'headObject',
  'getObject',
  'createMultipartUpload',
  'uploadPart',
  'uploadPartCopy',
  'completeMultipartUpload',
  'abortMultipartUpload',
  'listParts',
  'copyObject',
  'getObjectTagging',
  'listObjectsV2',
  'deleteObject',
] as const;

/** A TransferClient forwarding to `client`, with some methods replaced (to observe or tamper). */
export function wrapClient(client: S3Client, overrides: Partial<TransferClient>): TransferClient {
  const out: Record<string, unknown> = {};
  for (const name of CLIENT_METHODS) {
    const method = client[name].bind(client) as (...args: unknown[]) => unknown;
    out[name] = (...args: unknown[]) => method(...args);
  }
  return { ...(out as unknown as TransferClient), ...overrides };
}

/** An s3-mock listening on loopback for the tests of a block (1 MiB parts, bucket `scripts`), for scripts run in child processes. */
export function useScriptServer(): { readonly mock: S3Mock; readonly server: S3MockServer } {
  let current: { mock: S3Mock; server: S3MockServer } | undefined;
  beforeAll(async () => {
    const mock = createS3Mock({ minPartSize: 1024 * 1024, seed: { buckets: { scripts: {} } } });
    current = { mock, server: await mock.start() };
  });
  afterAll(async () => {
    await current?.server.stop();
  });
  return {
    get mock() {
      if (!current) throw new Error('useScriptServer: no test is running');
      return current.mock;
    },
    get server() {
      if (!current) throw new Error('useScriptServer: no test is running');
      return current.server;
    },
  };
}
