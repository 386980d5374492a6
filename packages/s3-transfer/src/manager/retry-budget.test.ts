import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PART, bytes, setup, useTempDir } from '../test-support/setup.js';

const scratch = useTempDir();

const ATTEMPTS = 5;

describe('one retry budget per request (the manager retries, the client does not retry again)', () => {
  it('a CompleteMultipartUpload that keeps failing is sent at most 5 times (regression: 5 manager x 3 client attempts = 15)', async () => {
    const s = await setup();
    s.mock.faults.add({ match: { operation: 'CompleteMultipartUpload' }, times: 100, action: { status: 500, code: 'InternalError' } });
    await expect(s.tm.upload({ Bucket: 'bkt', Key: 'c', Body: bytes(3 * PART) })).rejects.toMatchObject({ code: 'InternalError' });
    expect(s.mock.requests.filter((r) => r.operation === 'CompleteMultipartUpload')).toHaveLength(ATTEMPTS);
    expect(s.mock.uploadsInFlight()).toEqual([]);
  });

  it('an UploadPart that keeps failing is sent at most 5 times', async () => {
    const s = await setup({ concurrency: 1 });
    s.mock.faults.add({ match: { operation: 'UploadPart' }, nth: 2, times: 100, action: { slowDown: true } });
    await expect(s.tm.upload({ Bucket: 'bkt', Key: 'p', Body: bytes(3 * PART) })).rejects.toMatchObject({ code: 'SlowDown' });
    expect(s.mock.requests.filter((r) => r.operation === 'UploadPart')).toHaveLength(1 + ATTEMPTS);
  });

  it('a range whose GET keeps failing is fetched at most 5 times (regression: 15)', async () => {
    const s = await setup({ concurrency: 1 });
    s.mock.engine.putObject({ Bucket: 'bkt', Key: 'g', Body: bytes(3 * PART) });
    s.mock.faults.add({ match: { operation: 'GetObject' }, nth: 2, times: 100, action: { status: 503, code: 'ServiceUnavailable' } });
    await expect(s.tm.download({ Bucket: 'bkt', Key: 'g' }, { to: join(scratch.dir, 'g') })).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    expect(s.mock.requests.filter((r) => r.operation === 'GetObject')).toHaveLength(1 + ATTEMPTS);
  });

  it('the manager retry option sets the budget', async () => {
    const s = await setup({ retry: { maxAttempts: 2 } });
    s.mock.faults.add({ match: { operation: 'CompleteMultipartUpload' }, times: 100, action: 'reset' });
    await expect(s.tm.upload({ Bucket: 'bkt', Key: 'c', Body: bytes(3 * PART) })).rejects.toMatchObject({ name: 'NetworkError' });
    expect(s.mock.requests.filter((r) => r.operation === 'CompleteMultipartUpload')).toHaveLength(2);
  });
});
