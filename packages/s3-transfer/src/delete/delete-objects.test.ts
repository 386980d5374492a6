import { createFakeClock } from '@s3kit/primitives';
import { S3Client } from '@s3kit/s3-core';
import { createS3Mock } from '@s3kit/s3-mock';
import { describe, expect, it } from 'vitest';
import { deleteObjects } from './delete-objects.js';

function mockClient(keys: number): { client: S3Client; remaining: () => number } {
  const mock = createS3Mock({ seed: { buckets: { bkt: {} } } });
  for (let i = 0; i < keys; i++) mock.engine.putObject({ Bucket: 'bkt', Key: `k/${String(i).padStart(5, '0')}`, Body: new Uint8Array(1) });
  const client = new S3Client({ transport: mock.transport, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  return { client, remaining: () => mock.engine.listObjectsV2({ Bucket: 'bkt' }).KeyCount };
}

const keys = (n: number): string[] => Array.from({ length: n }, (_, i) => `k/${String(i).padStart(5, '0')}`);

describe('deleteObjects', () => {
  it('deletes 2500 keys from a generator in requests of at most 1000', async () => {
    const { client, remaining } = mockClient(2500);
    const sizes: number[] = [];
    const counting = { deleteObjects: (input: Parameters<S3Client['deleteObjects']>[0], o?: Parameters<S3Client['deleteObjects']>[1]) => (sizes.push(input.Delete.Objects.length), client.deleteObjects(input, o)) };
    const reported: number[] = [];
    const out = await deleteObjects(counting, { Bucket: 'bkt', Keys: (function* () { yield* keys(2500); })() }, { concurrency: 2, onDeleted: (k) => reported.push(k.length) });
    expect(out.deleted).toHaveLength(2500);
    expect(out.failed).toEqual([]);
    expect(sizes.sort()).toEqual([1000, 1000, 500]);
    expect(reported.reduce((a, b) => a + b, 0)).toBe(2500);
    expect(remaining()).toBe(0);
  });

  it('tries keys refused with SlowDown again after a backoff, and reports the others with their code', async () => {
    const { client } = mockClient(3);
    let calls = 0;
    const flaky = {
      deleteObjects: async (input: Parameters<S3Client['deleteObjects']>[0]) => {
        calls++;
        const out = await client.deleteObjects({ ...input, Delete: { ...input.Delete, Objects: input.Delete.Objects.filter((o) => calls > 1 || o.Key === 'k/00000') } });
        const errors = calls > 1 ? [] : [{ Key: 'k/00001', Code: 'SlowDown', Message: 'slow down' }, { Key: 'k/00002', Code: 'AccessDenied', Message: 'no' }];
        return { ...out, Errors: errors };
      },
    };
    const clock = createFakeClock({ instant: true });
    const out = await deleteObjects(flaky, { Bucket: 'bkt', Keys: keys(3) }, { clock });
    expect(out.deleted.sort()).toEqual(['k/00000', 'k/00001']);
    expect(out.failed).toEqual([{ Key: 'k/00002', Code: 'AccessDenied', Message: 'no' }]);
    expect(clock.sleeps).toEqual([100]);
  });

  it('rejects a request that fails as a whole, and bad options', async () => {
    const mock = createS3Mock();
    const client = new S3Client({ transport: mock.transport, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    await expect(deleteObjects(client, { Bucket: 'missing', Keys: ['a'] })).rejects.toMatchObject({ code: 'NoSuchBucket' });
    await expect(deleteObjects(client, { Bucket: 'missing', Keys: [] }, { batchSize: 1001 })).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
    await expect(deleteObjects(client, { Bucket: 'missing', Keys: [] }, { concurrency: 0 })).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
    const aborted = AbortSignal.abort();
    await expect(deleteObjects(client, { Bucket: 'missing', Keys: ['a'] }, { signal: aborted })).rejects.toMatchObject({ code: 'ERR_ABORTED' });
  });
});
