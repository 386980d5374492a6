import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isConditionalRequestConflict, isPreconditionFailed, isS3ServiceError } from '../errors/s3-service-error.js';
import { GetObject } from '../operations/objects.js';
import { ListObjectsV2 } from '../operations/listing.js';
import { mockClient } from '../../test/mock-client.js';

const md5hex = (s: string | Uint8Array): string => createHash('md5').update(s).digest('hex');

async function setup(options: Parameters<typeof mockClient>[0] = {}, mockOptions: Parameters<typeof mockClient>[1] = {}) {
  const ctx = mockClient(options, mockOptions);
  await ctx.client.createBucket({ Bucket: 'bucket-1' });
  return ctx;
}

describe('S3Client objects and buckets (s3-mock)', () => {
  it('creates a bucket, puts, gets, heads, lists and deletes an object', async () => {
    const { client } = await setup();
    const put = await client.putObject({
      Bucket: 'bucket-1',
      Key: 'dir/a b.txt',
      Body: 'hello',
      ContentType: 'text/plain',
      Metadata: { color: 'blue' },
      CacheControl: 'max-age=60',
      ContentDisposition: 'inline',
      Expires: new Date('2030-01-01T00:00:00Z'),
    });
    expect(put.ETag).toBe(`"${md5hex('hello')}"`);
    expect(put.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 });
    const got = await client.getObject({ Bucket: 'bucket-1', Key: 'dir/a b.txt' });
    expect(await got.Body.text()).toBe('hello');
    expect(got).toMatchObject({ ContentType: 'text/plain', Metadata: { color: 'blue' }, ContentLength: 5, CacheControl: 'max-age=60' });
    expect(got.LastModified).toBeInstanceOf(Date);
    expect(got.Expires?.toISOString()).toBe('2030-01-01T00:00:00.000Z');
    const head = await client.headObject({ Bucket: 'bucket-1', Key: 'dir/a b.txt' });
    expect(head.ETag).toBe(put.ETag);
    const list = await client.listObjectsV2({ Bucket: 'bucket-1' });
    expect(list.Contents?.map((c) => c.Key)).toEqual(['dir/a b.txt']);
    expect(list.Contents?.[0]?.Size).toBe(5);
    expect(list.KeyCount).toBe(1);
    expect(list.EncodingType).toBeUndefined();
    const buckets = await client.listBuckets();
    expect(buckets.Buckets?.map((b) => b.Name)).toEqual(['bucket-1']);
    expect(buckets.Buckets?.[0]?.CreationDate).toBeInstanceOf(Date);
    await client.headBucket({ Bucket: 'bucket-1' });
    const del = await client.deleteObject({ Bucket: 'bucket-1', Key: 'dir/a b.txt' });
    expect(del.$metadata.httpStatusCode).toBe(204);
    await expect(client.headObject({ Bucket: 'bucket-1', Key: 'dir/a b.txt' })).rejects.toMatchObject({ code: 'NotFound', statusCode: 404 });
    await client.deleteBucket({ Bucket: 'bucket-1' });
    await expect(client.headBucket({ Bucket: 'bucket-1' })).rejects.toMatchObject({ statusCode: 404 });
  });

  it('maps S3 errors with operation, bucket and key', async () => {
    const { client } = await setup();
    const err: unknown = await client.getObject({ Bucket: 'bucket-1', Key: 'missing' }).catch((e: unknown) => e);
    expect(isS3ServiceError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'NoSuchKey', statusCode: 404, operation: 'GetObject', bucket: 'bucket-1', key: 'missing' });
    expect((err as Error).message).toContain('GetObject bucket-1/missing failed: NoSuchKey (404)');
  });

  it('reads keys that XML 1.0 cannot carry through encoding-type=url, and odd keys round-trip', async () => {
    const { client, mock } = await setup();
    const keys = ['a+b c', 'x/../y', 'ümlaut/é', 'ctl\u0008char', '%41'];
    for (const Key of keys) await client.putObject({ Bucket: 'bucket-1', Key, Body: Key });
    const list = await client.listObjectsV2({ Bucket: 'bucket-1' });
    expect(list.Contents?.map((c) => c.Key).sort()).toEqual([...keys].sort());
    expect(mock.requests.at(-1)?.query['encoding-type']).toBe('url');
    for (const Key of keys) expect(await (await client.getObject({ Bucket: 'bucket-1', Key })).Body.text()).toBe(Key);
    const raw = await client.listObjectsV2({ Bucket: 'bucket-1', EncodingType: 'url', Prefix: 'a+' });
    expect(raw.Contents?.map((c) => c.Key)).toEqual(['a%2Bb+c']);
    expect(raw.EncodingType).toBe('url');
  });

  it('lists with delimiter and prefixes, and paginates with send()', async () => {
    const { client } = await setup();
    for (const Key of ['a/1', 'a/2', 'b/1', 'c']) await client.putObject({ Bucket: 'bucket-1', Key, Body: '' });
    const out = await client.send(ListObjectsV2, { Bucket: 'bucket-1', Delimiter: '/' });
    expect(out.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['a/', 'b/']);
    expect(out.Contents?.map((c) => c.Key)).toEqual(['c']);
    const page1 = await client.listObjectsV2({ Bucket: 'bucket-1', MaxKeys: 2 });
    expect(page1.IsTruncated).toBe(true);
    const page2 = await client.listObjectsV2({ Bucket: 'bucket-1', MaxKeys: 2, ContinuationToken: page1.NextContinuationToken! });
    expect(page2.Contents?.map((c) => c.Key)).toEqual(['b/1', 'c']);
    expect(page2.IsTruncated).toBe(false);
  });

  it('sends ranges, part numbers, conditions and response overrides', async () => {
    const { client, clock } = await setup();
    const tomorrow = new Date(clock.now() + 86_400_000);
    const put = await client.putObject({ Bucket: 'bucket-1', Key: 'k', Body: '0123456789' });
    const ranged = await client.getObject({ Bucket: 'bucket-1', Key: 'k', Range: 'bytes=2-4' });
    expect(ranged.$metadata.httpStatusCode).toBe(206);
    expect(ranged.ContentRange).toBe('bytes 2-4/10');
    expect(await ranged.Body.text()).toBe('234');
    await expect(client.getObject({ Bucket: 'bucket-1', Key: 'k', IfNoneMatch: put.ETag! })).rejects.toMatchObject({ statusCode: 304 });
    await expect(client.getObject({ Bucket: 'bucket-1', Key: 'k', IfMatch: '"nope"' })).rejects.toMatchObject({ code: 'PreconditionFailed' });
    await expect(client.getObject({ Bucket: 'bucket-1', Key: 'k', IfModifiedSince: tomorrow })).rejects.toMatchObject({
      statusCode: 304,
    });
    const unmod = await client.getObject({ Bucket: 'bucket-1', Key: 'k', IfUnmodifiedSince: tomorrow });
    await unmod.Body.dump();
    const overridden = await client.getObject({
      Bucket: 'bucket-1',
      Key: 'k',
      ResponseContentType: 'application/x-test',
      ResponseContentDisposition: 'attachment; filename="k.txt"',
      ResponseCacheControl: 'no-store',
    });
    expect(overridden).toMatchObject({ ContentType: 'application/x-test', ContentDisposition: 'attachment; filename="k.txt"', CacheControl: 'no-store' });
    await overridden.Body.dump();
    const part = await client.headObject({ Bucket: 'bucket-1', Key: 'k', PartNumber: 1 });
    expect(part.ContentLength).toBe(10);
  });

  it('writes conditionally (If-None-Match: *, If-Match)', async () => {
    const { client } = await setup();
    const first = await client.putObject({ Bucket: 'bucket-1', Key: 'c', Body: 'one', IfNoneMatch: '*' });
    await expect(client.putObject({ Bucket: 'bucket-1', Key: 'c', Body: 'two', IfNoneMatch: '*' })).rejects.toMatchObject({
      code: 'PreconditionFailed',
      statusCode: 412,
    });
    await client.putObject({ Bucket: 'bucket-1', Key: 'c', Body: 'three', IfMatch: first.ETag! });
    expect(await (await client.getObject({ Bucket: 'bucket-1', Key: 'c' })).Body.text()).toBe('three');
    const stale = await client.putObject({ Bucket: 'bucket-1', Key: 'c', Body: 'four', IfMatch: first.ETag! }).catch((e: unknown) => e);
    expect(isPreconditionFailed(stale)).toBe(true);
    expect(isConditionalRequestConflict(stale)).toBe(false);
  });

  it('completes a multipart upload conditionally: 412 when the key exists, typed', async () => {
    const { client } = await setup({}, { minPartSize: 1 });
    await client.putObject({ Bucket: 'bucket-1', Key: 'taken', Body: 'x' });
    const { UploadId } = await client.createMultipartUpload({ Bucket: 'bucket-1', Key: 'taken' });
    const { ETag } = await client.uploadPart({ Bucket: 'bucket-1', Key: 'taken', UploadId: UploadId!, PartNumber: 1, Body: 'y' });
    const err = await client
      .completeMultipartUpload({ Bucket: 'bucket-1', Key: 'taken', UploadId: UploadId!, IfNoneMatch: '*', MultipartUpload: { Parts: [{ PartNumber: 1, ETag: ETag! }] } })
      .catch((e: unknown) => e);
    expect(isPreconditionFailed(err)).toBe(true);
    expect(err).toMatchObject({ operation: 'CompleteMultipartUpload', key: 'taken' });
    await client.abortMultipartUpload({ Bucket: 'bucket-1', Key: 'taken', UploadId: UploadId! });
  });

  it('stores tagging, storage class, ACL and SSE-C headers', async () => {
    const { client, mock } = await setup();
    const key = new Uint8Array(32).fill(7);
    await client.putObject({
      Bucket: 'bucket-1',
      Key: 't',
      Body: 'x',
      Tagging: { project: 'a b', team: 'x&y' },
      StorageClass: 'STANDARD_IA',
      ACL: 'private',
      SSECustomerAlgorithm: 'AES256',
      SSECustomerKey: key,
    });
    const sent = mock.requests.at(-1)!;
    expect(sent.headers['x-amz-tagging']).toBe('project=a%20b&team=x%26y');
    expect(sent.headers['x-amz-server-side-encryption-customer-key-md5']).toBe(createHash('md5').update(key).digest('base64'));
    const tags = await client.getObjectTagging({ Bucket: 'bucket-1', Key: 't' });
    expect(tags.TagSet).toEqual([
      { Key: 'project', Value: 'a b' },
      { Key: 'team', Value: 'x&y' },
    ]);
    const head = await client.headObject({ Bucket: 'bucket-1', Key: 't', SSECustomerAlgorithm: 'AES256', SSECustomerKey: key });
    expect(head.StorageClass).toBe('STANDARD_IA');
    expect(head.TagCount).toBe(2);
  });

  it('reads bodies as bytes, json, Node and web streams, files; dump releases', async () => {
    const { client } = await setup();
    await client.putObject({ Bucket: 'bucket-1', Key: 'j', Body: new TextEncoder().encode('{"a":1}') });
    const get = () => client.getObject({ Bucket: 'bucket-1', Key: 'j' });
    expect(await (await get()).Body.json()).toEqual({ a: 1 });
    expect(new TextDecoder().decode(await (await get()).Body.bytes())).toBe('{"a":1}');
    const chunks: Buffer[] = [];
    for await (const c of (await get()).Body.toNodeReadable()) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('{"a":1}');
    const web = (await get()).Body.toWebStream();
    expect(await new Response(web).text()).toBe('{"a":1}');
    const webCancelled = (await get()).Body.toWebStream();
    await webCancelled.cancel();
    const dir = await mkdtemp(join(tmpdir(), 's3kit-body-'));
    try {
      await (await get()).Body.pipeTo(join(dir, 'out.json'));
      expect(await readFile(join(dir, 'out.json'), 'utf8')).toBe('{"a":1}');
    } finally {
      await rm(dir, { recursive: true });
    }
    const iterated: Uint8Array[] = [];
    for await (const c of (await get()).Body) iterated.push(c);
    expect(Buffer.concat(iterated).toString()).toBe('{"a":1}');
    const body = (await get()).Body;
    await body.dump();
    await body.dump();
  });

  it('uploads a stream with ContentLength (UNSIGNED-PAYLOAD on custom endpoints) and refuses one without', async () => {
    const { client, mock } = await setup();
    await client.putObject({ Bucket: 'bucket-1', Key: 's', Body: Readable.from([Buffer.from('ab'), Buffer.from('cd')]), ContentLength: 4 });
    expect(mock.requests.at(-1)?.headers['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
    expect(await (await client.getObject({ Bucket: 'bucket-1', Key: 's' })).Body.text()).toBe('abcd');
    const web = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('web'));
        c.close();
      },
    });
    await client.putObject({ Bucket: 'bucket-1', Key: 'w', Body: web, ContentLength: 3 });
    expect(await (await client.getObject({ Bucket: 'bucket-1', Key: 'w' })).Body.text()).toBe('web');
    await expect(client.putObject({ Bucket: 'bucket-1', Key: 's2', Body: Readable.from([Buffer.from('x')]) })).rejects.toMatchObject({
      code: 'ERR_VALIDATION',
      details: { field: 'ContentLength' },
    });
  });

  it('sends CRC32 only when asked on custom endpoints, always on AWS-like settings', async () => {
    const { client, mock } = await setup();
    await client.putObject({ Bucket: 'bucket-1', Key: 'n', Body: 'abc' });
    expect(mock.requests.at(-1)?.headers['x-amz-checksum-crc32']).toBeUndefined();
    await client.putObject({ Bucket: 'bucket-1', Key: 'n', Body: 'abc', ChecksumAlgorithm: 'CRC32C' });
    expect(mock.requests.at(-1)?.headers['x-amz-checksum-crc32c']).toBe('Nks/tw==');
    const forced = await setup({ requestChecksumCalculation: 'when_supported' });
    await forced.client.putObject({ Bucket: 'bucket-1', Key: 'n', Body: 'abc' });
    expect(forced.mock.requests.at(-1)?.headers['x-amz-checksum-crc32']).toBe('NSRBwg==');
    await forced.client.putObject({ Bucket: 'bucket-1', Key: 'm', Body: Readable.from([Buffer.from('abc')]), ContentLength: 3 });
    const streamed = forced.mock.requests.at(-1)!;
    // Custom endpoint: no trailer (RGW rejects trailers), chunks signed instead.
    expect(streamed.headers['x-amz-content-sha256']).toBe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD');
    expect(streamed.headers['x-amz-trailer']).toBeUndefined();
    const got = await forced.client.getObject({ Bucket: 'bucket-1', Key: 'm' });
    expect(await got.Body.text()).toBe('abc');
  });

  it('validates a full-object checksum on read and detects corruption', async () => {
    const { client, mock } = await setup();
    await client.putObject({ Bucket: 'bucket-1', Key: 'v', Body: 'abc', ChecksumAlgorithm: 'CRC32' });
    const ok = await client.getObject({ Bucket: 'bucket-1', Key: 'v', ChecksumMode: 'ENABLED' });
    expect(await ok.Body.text()).toBe('abc');
    mock.faults.add({ match: { operation: 'GetObject' }, action: { truncateBodyAt: 2 } });
    const cut = await client.getObject({ Bucket: 'bucket-1', Key: 'v', ChecksumMode: 'ENABLED' });
    await expect(cut.Body.text()).rejects.toMatchObject({ name: 'NetworkError', retryable: true });
    // A middleware that corrupts the stored checksum the server reports.
    const corrupt = mockClient({
      middleware: [
        (next) => async (request, options) => {
          const response = await next(request, options);
          if (response.headers['x-amz-checksum-crc32']) response.headers['x-amz-checksum-crc32'] = 'AAAAAA==';
          return response;
        },
      ],
    });
    corrupt.mock.seed({ buckets: { 'bucket-2': { objects: {} } } });
    await corrupt.client.putObject({ Bucket: 'bucket-2', Key: 'v', Body: 'abc', ChecksumAlgorithm: 'CRC32' });
    const bad = await corrupt.client.getObject({ Bucket: 'bucket-2', Key: 'v', ChecksumMode: 'ENABLED' });
    await expect(bad.Body.text()).rejects.toMatchObject({ code: 'ERR_CHECKSUM_MISMATCH' });
    const badStream = await corrupt.client.getObject({ Bucket: 'bucket-2', Key: 'v', ChecksumMode: 'ENABLED' });
    await expect(new Response(badStream.Body.toWebStream()).text()).rejects.toMatchObject({ code: 'ERR_CHECKSUM_MISMATCH' });
    const noCheck = await corrupt.client.getObject({ Bucket: 'bucket-2', Key: 'v' });
    expect(await noCheck.Body.text()).toBe('abc');
  });

  it('deletes many keys with Content-MD5, reporting per-key errors', async () => {
    const { client, mock } = await setup();
    for (const Key of ['d1', 'd2']) await client.putObject({ Bucket: 'bucket-1', Key, Body: '' });
    const out = await client.deleteObjects({ Bucket: 'bucket-1', Delete: { Objects: [{ Key: 'd1' }, { Key: 'd2' }, { Key: 'd3' }] } });
    expect(out.Deleted?.map((d) => d.Key).sort()).toEqual(['d1', 'd2', 'd3']);
    expect(mock.requests.at(-1)?.headers['content-md5']).toMatch(/==$/);
    const quiet = await client.deleteObjects({ Bucket: 'bucket-1', Delete: { Objects: [{ Key: 'x' }], Quiet: true } });
    expect(quiet.Deleted).toBeUndefined();
  });

  it('copies objects (metadata COPY and REPLACE, object source form)', async () => {
    const { client } = await setup();
    await client.putObject({ Bucket: 'bucket-1', Key: 'src key', Body: 'data', Metadata: { a: '1' } });
    const copy = await client.copyObject({ Bucket: 'bucket-1', Key: 'dst', CopySource: 'bucket-1/src%20key' });
    expect(copy.CopyObjectResult?.ETag).toBe(`"${md5hex('data')}"`);
    expect(copy.CopyObjectResult?.LastModified).toBeInstanceOf(Date);
    expect((await client.headObject({ Bucket: 'bucket-1', Key: 'dst' })).Metadata).toEqual({ a: '1' });
    await client.copyObject({
      Bucket: 'bucket-1',
      Key: 'dst2',
      CopySource: { Bucket: 'bucket-1', Key: 'src key' },
      MetadataDirective: 'REPLACE',
      Metadata: { b: '2' },
    });
    expect((await client.headObject({ Bucket: 'bucket-1', Key: 'dst2' })).Metadata).toEqual({ b: '2' });
  });

  it('retries a 200 response carrying an <Error> (CopyObject)', async () => {
    const { client, mock } = await setup();
    await client.putObject({ Bucket: 'bucket-1', Key: 'src', Body: 'data' });
    mock.faults.add({ match: { operation: 'CopyObject' }, action: '200-error' });
    const copy = await client.copyObject({ Bucket: 'bucket-1', Key: 'dst', CopySource: 'bucket-1/src' });
    expect(copy.$metadata.attempts).toBe(2);
    mock.faults.add({ match: { operation: 'CopyObject' }, action: '200-error', times: 5 });
    await expect(client.copyObject({ Bucket: 'bucket-1', Key: 'dst', CopySource: 'bucket-1/src' })).rejects.toMatchObject({
      code: 'InternalError',
      statusCode: 200,
    });
  });
});

describe('S3Client multipart and tagging (s3-mock)', () => {
  it('runs a multipart upload with UploadPartCopy, ListParts, ListMultipartUploads and conditional complete', async () => {
    const { client } = await setup({}, { minPartSize: 4 });
    await client.putObject({ Bucket: 'bucket-1', Key: 'source', Body: 'SOURCE-DATA' });
    const created = await client.createMultipartUpload({ Bucket: 'bucket-1', Key: 'big', ContentType: 'text/plain', Metadata: { m: 'v' } });
    const UploadId = created.UploadId!;
    expect(created.Key).toBe('big');
    const p1 = await client.uploadPart({ Bucket: 'bucket-1', Key: 'big', UploadId, PartNumber: 1, Body: 'part-one-' });
    const p2 = await client.uploadPartCopy({ Bucket: 'bucket-1', Key: 'big', UploadId, PartNumber: 2, CopySource: 'bucket-1/source', CopySourceRange: 'bytes=0-5' });
    expect(p2.CopyPartResult?.ETag).toBe(`"${md5hex('SOURCE')}"`);
    const parts = await client.listParts({ Bucket: 'bucket-1', Key: 'big', UploadId });
    expect(parts.Parts?.map((p) => [p.PartNumber, p.Size])).toEqual([
      [1, 9],
      [2, 6],
    ]);
    const uploads = await client.listMultipartUploads({ Bucket: 'bucket-1' });
    expect(uploads.Uploads?.map((u) => u.UploadId)).toEqual([UploadId]);
    const done = await client.completeMultipartUpload({
      Bucket: 'bucket-1',
      Key: 'big',
      UploadId,
      IfNoneMatch: '*',
      MultipartUpload: {
        Parts: [
          { PartNumber: 1, ETag: p1.ETag! },
          { PartNumber: 2, ETag: p2.CopyPartResult!.ETag! },
        ],
      },
    });
    expect(done.ETag).toMatch(/-2"$/);
    const got = await client.getObject({ Bucket: 'bucket-1', Key: 'big' });
    expect(await got.Body.text()).toBe('part-one-SOURCE');
    expect(got.Metadata).toEqual({ m: 'v' });
    const second = await client.createMultipartUpload({ Bucket: 'bucket-1', Key: 'gone' });
    await client.abortMultipartUpload({ Bucket: 'bucket-1', Key: 'gone', UploadId: second.UploadId! });
    await expect(client.listParts({ Bucket: 'bucket-1', Key: 'gone', UploadId: second.UploadId! })).rejects.toMatchObject({ code: 'NoSuchUpload' });
  });

  it('puts, gets and deletes object and bucket tags', async () => {
    const { client } = await setup();
    await client.putObject({ Bucket: 'bucket-1', Key: 'o', Body: '' });
    await client.putObjectTagging({ Bucket: 'bucket-1', Key: 'o', Tagging: { TagSet: [{ Key: 'k', Value: 'v' }] } });
    expect((await client.getObjectTagging({ Bucket: 'bucket-1', Key: 'o' })).TagSet).toEqual([{ Key: 'k', Value: 'v' }]);
    await client.deleteObjectTagging({ Bucket: 'bucket-1', Key: 'o' });
    expect((await client.getObjectTagging({ Bucket: 'bucket-1', Key: 'o' })).TagSet).toEqual([]);
    await client.putBucketTagging({ Bucket: 'bucket-1', Tagging: { TagSet: [{ Key: 'env', Value: 'test' }] } });
    expect((await client.getBucketTagging({ Bucket: 'bucket-1' })).TagSet).toEqual([{ Key: 'env', Value: 'test' }]);
    await client.deleteBucketTagging({ Bucket: 'bucket-1' });
    await expect(client.getBucketTagging({ Bucket: 'bucket-1' })).rejects.toMatchObject({ code: 'NoSuchTagSet' });
  });
});

describe('S3Client faults (s3-mock)', () => {
  it('retries a SlowDown storm and a 500, with backoff on the injected clock', async () => {
    const { client, mock, clock } = await setup();
    await client.putObject({ Bucket: 'bucket-1', Key: 'k', Body: 'v' });
    mock.faults.add({ match: { operation: 'GetObject' }, action: { slowDown: true }, times: 2 });
    const got = await client.getObject({ Bucket: 'bucket-1', Key: 'k' });
    expect(await got.Body.text()).toBe('v');
    expect(got.$metadata.attempts).toBe(3);
    expect(clock.slept).toBeGreaterThan(0);
    mock.faults.add({ match: { operation: 'HeadObject' }, action: { status: 500, code: 'InternalError' } });
    expect((await client.headObject({ Bucket: 'bucket-1', Key: 'k' })).$metadata.attempts).toBe(2);
    mock.faults.add({ match: { operation: 'HeadObject' }, action: { slowDown: true }, times: 3 });
    await expect(client.headObject({ Bucket: 'bucket-1', Key: 'k' })).rejects.toMatchObject({ statusCode: 503 });
  });

  it('retries a connection reset and a truncated XML body', async () => {
    const { client, mock } = await setup();
    await client.putObject({ Bucket: 'bucket-1', Key: 'k', Body: 'v' });
    mock.faults.add({ match: { operation: 'HeadObject' }, action: 'reset' });
    expect((await client.headObject({ Bucket: 'bucket-1', Key: 'k' })).$metadata.attempts).toBe(2);
    mock.faults.add({ match: { operation: 'ListObjectsV2' }, action: { truncateBodyAt: 60 } });
    const list = await client.listObjectsV2({ Bucket: 'bucket-1' });
    expect(list.$metadata.attempts).toBe(2);
    expect(list.Contents).toHaveLength(1);
  });

  it('sends once with maxAttempts: 1 (a caller that retries itself keeps one budget per request)', async () => {
    const { client, mock } = await setup();
    mock.faults.add({ match: { operation: 'HeadObject' }, action: { status: 500, code: 'InternalError' }, times: 5 });
    await expect(client.headObject({ Bucket: 'bucket-1', Key: 'k' }, { maxAttempts: 1 })).rejects.toMatchObject({ code: 'InternalError' });
    expect(mock.requests.filter((r) => r.operation === 'HeadObject')).toHaveLength(1);
  });

  it('never retries a streamed body', async () => {
    const { client, mock } = await setup();
    mock.faults.add({ match: { operation: 'PutObject' }, action: { status: 500, code: 'InternalError' } });
    await expect(client.putObject({ Bucket: 'bucket-1', Key: 's', Body: Readable.from([Buffer.from('x')]), ContentLength: 1 })).rejects.toMatchObject({
      code: 'InternalError',
    });
    expect(mock.requests.filter((r) => r.operation === 'PutObject')).toHaveLength(1);
  });

  it('corrects clock skew from the Date header and retries', async () => {
    const server = mockClient();
    // Client clock 30 minutes behind the server's.
    const behind = { now: () => server.clock.now() - 30 * 60_000, sleep: () => Promise.resolve() };
    const { S3Client } = await import('./s3-client.js');
    const c2 = new S3Client({
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      transport: server.mock.transport,
      clock: behind,
      config: { env: { AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' } },
    });
    const out = await c2.listBuckets();
    expect(out.$metadata.attempts).toBe(2);
    expect((await c2.listBuckets()).$metadata.attempts).toBe(1);
  });

  it('corrects clock skew on a HEAD, whose 403 has no body to name it (regression: HeadObject failed Forbidden, found by the chaos matrix)', async () => {
    const { client, mock } = await setup();
    await client.putObject({ Bucket: 'bucket-1', Key: 'k', Body: 'v' });
    // The server's clock stays 20 minutes ahead.
    mock.faults.add({ match: { operation: 'HeadObject' }, times: 10, action: { clockSkewMs: 20 * 60_000 } });
    const out = await client.headObject({ Bucket: 'bucket-1', Key: 'k' });
    expect(out.$metadata.attempts).toBe(2);
    // A HEAD refused with the clocks in step is not retried.
    const fresh = await setup();
    fresh.mock.faults.add({ match: { operation: 'HeadObject' }, action: { status: 403, code: 'AccessDenied' } });
    await expect(fresh.client.headObject({ Bucket: 'bucket-1', Key: 'k' })).rejects.toMatchObject({ statusCode: 403, code: 'Forbidden' });
    expect(fresh.mock.requests.filter((r) => r.operation === 'HeadObject')).toHaveLength(1);
  });

  it('times out a call and honours abort signals', async () => {
    const { client } = await setup();
    const controller = new AbortController();
    controller.abort();
    await expect(client.listBuckets({}, { signal: controller.signal })).rejects.toMatchObject({ code: 'ERR_ABORTED' });
  });

  it('uses the typed send() with operation values', async () => {
    const { client } = await setup();
    await client.putObject({ Bucket: 'bucket-1', Key: 'k', Body: 'v' });
    const out = await client.send(GetObject, { Bucket: 'bucket-1', Key: 'k' });
    expect(await out.Body.text()).toBe('v');
  });
});
