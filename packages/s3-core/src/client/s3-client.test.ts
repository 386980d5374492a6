import { describe, expect, it } from 'vitest';
import { mockClient } from '../../test/mock-client.js';

describe('S3Client against s3-mock', () => {
  it('creates a bucket, puts, gets, heads, lists and deletes an object', async () => {
    const { client } = mockClient();
    await client.createBucket({ Bucket: 'bucket-1' });
    const put = await client.putObject({ Bucket: 'bucket-1', Key: 'dir/a b.txt', Body: 'hello', ContentType: 'text/plain', Metadata: { color: 'blue' } });
    expect(put.ETag).toBe('"5d41402abc4b2a76b9719d911017c592"');
    const got = await client.getObject({ Bucket: 'bucket-1', Key: 'dir/a b.txt' });
    expect(await got.Body.text()).toBe('hello');
    expect(got.ContentType).toBe('text/plain');
    expect(got.Metadata).toEqual({ color: 'blue' });
    expect(got.ContentLength).toBe(5);
    expect(got.LastModified).toBeInstanceOf(Date);
    const head = await client.headObject({ Bucket: 'bucket-1', Key: 'dir/a b.txt' });
    expect(head.ETag).toBe(put.ETag);
    const list = await client.listObjectsV2({ Bucket: 'bucket-1' });
    expect(list.Contents?.map((c) => c.Key)).toEqual(['dir/a b.txt']);
    expect(list.KeyCount).toBe(1);
    const buckets = await client.listBuckets();
    expect(buckets.Buckets?.map((b) => b.Name)).toEqual(['bucket-1']);
    await client.deleteObject({ Bucket: 'bucket-1', Key: 'dir/a b.txt' });
    await expect(client.headObject({ Bucket: 'bucket-1', Key: 'dir/a b.txt' })).rejects.toMatchObject({ code: 'NotFound', statusCode: 404 });
    await client.deleteBucket({ Bucket: 'bucket-1' });
  });
});
