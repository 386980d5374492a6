/**
 * Issue 14's runtime matrix: the same smoke suite (smoke-suite.mjs) over the built packages in Node,
 * Bun, Deno, workerd and headless Chromium, against s3-mock's HTTP server on loopback, plus s3-mock
 * itself running in the runtime behind its in-process transport. A runtime that cannot start fails
 * its test; none is skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandaloneS3MockServer } from '@s3kit/s3-mock';
import { join } from 'node:path';
import { RUNTIMES, bundle } from './runtimes.mjs';
import type { Runtime } from './runtimes.mjs';
import { runSmoke, startSmokeEndpoint } from './smoke-matrix.mjs';

/** What each runtime must resolve to: undici where Node's sockets exist, node:crypto where it exists. */
const EXPECTED: Record<Runtime, { transport: string; crypto: string }> = {
  node: { transport: 'undici', crypto: 'node:crypto' },
  bun: { transport: 'undici', crypto: 'node:crypto' },
  deno: { transport: 'undici', crypto: 'node:crypto' },
  workerd: { transport: 'fetch', crypto: 'js' },
  chromium: { transport: 'fetch', crypto: 'js' },
};

const STEPS = [
  'sign: shared vectors',
  'put/get/head',
  'list with pagination',
  'delete-objects',
  'presigned GET with plain fetch',
  'multipart upload with progress',
  'aborted multipart upload leaves no upload behind',
  'ranged parallel download',
  'retries a reset and a SlowDown; a stalled answer times out',
  's3-mock in-process transport',
];

describe('runtime matrix', () => {
  let server: StandaloneS3MockServer;
  beforeAll(async () => {
    server = await startSmokeEndpoint();
  });
  afterAll(async () => {
    await server.stop();
  });

  it.each(['browser', 'workerd'] as const)('every package bundles for %s with no externals, no shims and no warnings', async (target) => {
    const { code, warnings } = await bundle(join(import.meta.dirname, 'every-package.mjs'), 'exportCounts', target, { minify: true });
    expect(warnings).toEqual([]);
    // No Node built-in and no Buffer (s3-transfer's allocBytes tests `typeof Buffer` before its
    // allocUnsafe); the one import left to run time is OpenTelemetry's optional one.
    expect(code).not.toMatch(/["']node:[a-z_/]+["']/);
    expect(code).not.toMatch(/\bBuffer\.(?:from|alloc|concat|byteLength)\b/);
    expect(code.match(/\bimport\(/g)).toHaveLength(1);
    expect(code).toContain('"@opentelemetry/api"');
  });

  it.each(RUNTIMES)('%s passes every step of the smoke suite', async (runtime) => {
    const result = await runSmoke(runtime, server, { timeoutMs: 90_000 });
    expect(result.runtime).toEqual(EXPECTED[runtime]);
    expect(result.steps.map((s) => s.name)).toEqual(STEPS);
    expect(result.steps.filter((s) => !s.ok).map((s) => `${s.name}: ${s.detail}`)).toEqual([]);
  }, 120_000);
});
