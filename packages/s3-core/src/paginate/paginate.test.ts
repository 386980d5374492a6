import { describe, expect, it } from 'vitest';
import { mockClient } from '../../test/mock-client.js';
import { replayTransport } from '../../test/replay-transport.js';
import { EMPTY_ENV } from '../../test/mock-client.js';
import { S3Client } from '../client/s3-client.js';
import { GetObject } from '../operations/objects.js';
import { ListObjectsV2 } from '../operations/listing.js';
import { paginate } from './paginate.js';
import { paginateListBuckets, paginateListMultipartUploads, paginateListObjectsV2, paginateListParts } from './paginators.js';

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe('paginators (s3-mock)', () => {
  it('walks ListObjectsV2, ListBuckets, ListParts and ListMultipartUploads page by page', async () => {
    const { client } = mockClient({}, { minPartSize: 1 });
    for (const b of ['bucket-a', 'bucket-b', 'bucket-c']) await client.createBucket({ Bucket: b });
    for (let i = 0; i < 5; i++) await client.putObject({ Bucket: 'bucket-a', Key: `k${i}`, Body: '' });
    const pages = await collect(paginateListObjectsV2(client, { Bucket: 'bucket-a' }, { pageSize: 2 }));
    expect(pages.map((p) => p.Contents?.map((c) => c.Key))).toEqual([['k0', 'k1'], ['k2', 'k3'], ['k4']]);
    expect(await collect(paginateListObjectsV2(client, { Bucket: 'bucket-a' }, { pageSize: 2, maxPages: 1 }))).toHaveLength(1);
    const buckets = await collect(paginateListBuckets(client, {}, { pageSize: 2 }));
    expect(buckets.flatMap((p) => p.Buckets?.map((b) => b.Name))).toEqual(['bucket-a', 'bucket-b', 'bucket-c']);
    const { UploadId } = await client.createMultipartUpload({ Bucket: 'bucket-a', Key: 'mp' });
    for (let n = 1; n <= 3; n++) await client.uploadPart({ Bucket: 'bucket-a', Key: 'mp', UploadId: UploadId!, PartNumber: n, Body: `p${n}` });
    const parts = await collect(paginateListParts(client, { Bucket: 'bucket-a', Key: 'mp', UploadId: UploadId! }, { pageSize: 2 }));
    expect(parts.flatMap((p) => p.Parts?.map((x) => x.PartNumber))).toEqual([1, 2, 3]);
    await client.createMultipartUpload({ Bucket: 'bucket-a', Key: 'mp2' });
    await client.createMultipartUpload({ Bucket: 'bucket-a', Key: 'mp3' });
    const uploads = await collect(paginateListMultipartUploads(client, { Bucket: 'bucket-a' }, { pageSize: 2 }));
    expect(uploads.flatMap((p) => p.Uploads?.map((u) => u.Key))).toEqual(['mp', 'mp2', 'mp3']);
  });

  it('stops on a repeated token instead of looping, and refuses unpaginated operations', async () => {
    const page = '<ListBucketResult><IsTruncated>true</IsTruncated><NextContinuationToken>same</NextContinuationToken></ListBucketResult>';
    const client = new S3Client({
      endpoint: 'http://127.0.0.1:9000',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      transport: replayTransport({ status: 200, body: page }),
      config: { env: EMPTY_ENV },
    });
    await expect(collect(paginate(client, ListObjectsV2, { Bucket: 'bucket-1' }))).rejects.toMatchObject({ code: 'ERR_PAGINATION_LOOP' });
    await expect(collect(paginate(client, GetObject, { Bucket: 'bucket-1', Key: 'k' }))).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
    const controller = new AbortController();
    controller.abort();
    await expect(collect(paginate(client, ListObjectsV2, { Bucket: 'bucket-1' }, { signal: controller.signal, timeoutMs: 1000 }))).rejects.toMatchObject({
      code: 'ERR_ABORTED',
    });
  });
});
