import { createFakeClock } from '@s3kit/primitives';
import { createS3Mock } from '@s3kit/s3-mock';
import { describe, expect, it } from 'vitest';
import { EMPTY_ENV } from '../../test/mock-client.js';
import { GetObject, PutObject } from '../operations/objects.js';
import { CreateBucket } from '../operations/buckets.js';
import { paginateListObjectsV2 } from '../paginate/paginators.js';
import { S3BaseClient } from './base-client.js';

describe('S3BaseClient (send only, no per-operation methods)', () => {
  it('runs operations given as data, paginates and presigns', async () => {
    const clock = createFakeClock({ instant: true });
    const mock = createS3Mock({ clock });
    const client = new S3BaseClient({
      endpoint: 'http://127.0.0.1:9000',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      transport: mock.transport,
      clock,
      config: { env: EMPTY_ENV },
    });
    expect('getObject' in client).toBe(false);
    await client.send(CreateBucket, { Bucket: 'bucket-1' });
    await client.send(PutObject, { Bucket: 'bucket-1', Key: 'a.txt', Body: 'hello' });
    const { Body } = await client.send(GetObject, { Bucket: 'bucket-1', Key: 'a.txt' });
    expect(await Body.text()).toBe('hello');
    const keys: string[] = [];
    for await (const page of paginateListObjectsV2(client, { Bucket: 'bucket-1' })) keys.push(...(page.Contents ?? []).map((o) => o.Key!));
    expect(keys).toEqual(['a.txt']);
    const { url } = await client.presign(GetObject, { Bucket: 'bucket-1', Key: 'a.txt' });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:9000\/bucket-1\/a\.txt\?X-Amz-Algorithm=AWS4-HMAC-SHA256&/);
    await client.close();
    await expect(client.send(GetObject, { Bucket: 'bucket-1', Key: 'a.txt' })).rejects.toMatchObject({ code: 'ERR_CONFIG' });
  });
});
