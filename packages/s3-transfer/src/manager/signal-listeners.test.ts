import { getEventListeners } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HttpTransport } from '@s3kit/primitives';
import { S3Client } from '@s3kit/s3-core';
import { PART, bytes, setup, tempDir } from '../test-support/setup.js';

let dir: string;
let cleanup: () => Promise<void>;
let warnings: Error[];
const onWarning = (warning: Error): void => {
  warnings.push(warning);
};
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  warnings = [];
  process.on('warning', onWarning);
});
afterEach(async () => {
  process.off('warning', onWarning);
  await cleanup();
});

/**
 * Like undici: one abort listener on the request's signal while the request is in flight. Each
 * request waits a turn of the event loop first, so every part of a batch is in flight at once.
 */
function listeningTransport(inner: HttpTransport, peak: { listeners: number }): HttpTransport {
  return {
    send: async (request, options) => {
      const signal = options?.signal;
      const onAbort = (): void => undefined;
      signal?.addEventListener('abort', onAbort);
      try {
        if (signal) peak.listeners = Math.max(peak.listeners, getEventListeners(signal, 'abort').length);
        await new Promise((resolve) => setImmediate(resolve));
        return await inner.send(request, options);
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}

describe('abort listeners (regression: parts shared one signal, MaxListenersExceededWarning)', () => {
  it('a 50-part upload, download and copy with 16 in flight add no more than one listener to any signal', async () => {
    const s = await setup();
    const peak = { listeners: 0 };
    const client = new S3Client({
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      transport: listeningTransport(s.mock.transport, peak),
      clock: s.clock,
      circuitBreaker: false,
      config: { env: { AWS_CONFIG_FILE: '/nonexistent/s3kit/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/s3kit/credentials' } },
    });
    const tm = s.make({ client, concurrency: 16, copyThreshold: PART });
    const data = bytes(50 * PART, 9);
    await writeFile(join(dir, 'big.bin'), data);
    const signal = new AbortController().signal;
    const up = await tm.upload({ Bucket: 'bkt', Key: 'big', Body: join(dir, 'big.bin') }, { signal });
    expect(up.parts).toBe(50);
    await tm.upload({ Bucket: 'bkt', Key: 'big-no-signal', Body: data });
    await tm.download({ Bucket: 'bkt', Key: 'big' }, { to: join(dir, 'back.bin'), signal });
    const copy = await tm.copy({ source: { Bucket: 'bkt', Key: 'big' }, destination: { Bucket: 'bkt', Key: 'copy' } }, { signal });
    expect(copy.multipart).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(peak.listeners).toBe(1);
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  });
});
