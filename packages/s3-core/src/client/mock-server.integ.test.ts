/**
 * The operation surface over real sockets: the client on its default undici transport against the
 * s3-mock HTTP server (`createS3Mock().start()`), with the mock's fault injection for the failures
 * a real network and a real S3 produce (throttling storms, 500s, resets before the headers and in
 * the middle of a body, cut bodies, a skewed server clock, credentials expiring mid-run, 200 OK
 * carrying an `<Error>`).
 */
import { createHash } from 'node:crypto';
import { createFakeClock, isNetworkError, systemClock } from '@s3kit/primitives';
import type { Clock, HttpMiddleware } from '@s3kit/primitives';
import { createS3Mock } from '@s3kit/s3-mock';
import type { S3Mock, S3MockOptions, S3MockServer } from '@s3kit/s3-mock';
import { memoize } from '@s3kit/sigv4';
import type { AwsCredentials } from '@s3kit/sigv4';
import { afterEach, describe, expect, it } from 'vitest';
import { isS3ServiceError } from '../errors/s3-service-error.js';
import { operations } from '../operations/index.js';
import { EMPTY_ENV } from '../../test/mock-client.js';
import type { S3ClientOptions } from './client-options.js';
import { S3Client } from './s3-client.js';

const KEYS = { accessKeyId: 'test', secretAccessKey: 'test' };
const md5hex = (data: Uint8Array | string): string => createHash('md5').update(data).digest('hex');

interface Setup {
  mock: S3Mock;
  server: S3MockServer;
  client: S3Client;
}

const running: Setup[] = [];
afterEach(async () => {
  for (const { client, server } of running.splice(0)) {
    await client.close();
    await server.stop();
  }
});

/** A mock server on 127.0.0.1:0 and a client on its own undici transport (retries back off 1 ms). */
async function serve(clientOptions: S3ClientOptions = {}, mockOptions: S3MockOptions = {}): Promise<Setup> {
  const mock = createS3Mock({ minPartSize: 5, ...mockOptions });
  const server = await mock.start();
  const client = new S3Client({
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: KEYS,
    config: { env: EMPTY_ENV },
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...clientOptions,
  });
  const setup = { mock, server, client };
  running.push(setup);
  await client.createBucket({ Bucket: 'bucket-1' });
  return setup;
}

describe('S3Client over the s3-mock HTTP server (undici)', () => {
  it('runs every operation the mock serves once', async () => {
    const { client, mock } = await serve();
    await client.headBucket({ Bucket: 'bucket-1' });
    expect((await client.listBuckets()).Buckets?.map((b) => b.Name)).toEqual(['bucket-1']);
    const put = await client.putObject({ Bucket: 'bucket-1', Key: 'dir/a b.txt', Body: 'hello', ContentType: 'text/plain' });
    expect(put.ETag).toBe(`"${md5hex('hello')}"`);
    const got = await client.getObject({ Bucket: 'bucket-1', Key: 'dir/a b.txt' });
    expect(await got.Body.text()).toBe('hello');
    expect(got.ContentType).toBe('text/plain');
    expect((await client.headObject({ Bucket: 'bucket-1', Key: 'dir/a b.txt' })).ContentLength).toBe(5);
    await client.copyObject({ Bucket: 'bucket-1', Key: 'copy.txt', CopySource: 'bucket-1/dir/a b.txt' });
    expect((await client.listObjectsV2({ Bucket: 'bucket-1' })).Contents?.map((c) => c.Key)).toEqual(['copy.txt', 'dir/a b.txt']);
    expect((await client.listObjects({ Bucket: 'bucket-1', Prefix: 'dir/' })).Contents?.map((c) => c.Key)).toEqual(['dir/a b.txt']);
    expect((await client.getBucketLocation({ Bucket: 'bucket-1' })).$metadata.httpStatusCode).toBe(200);

    await client.putObjectTagging({ Bucket: 'bucket-1', Key: 'copy.txt', Tagging: { TagSet: [{ Key: 'k', Value: 'v' }] } });
    expect((await client.getObjectTagging({ Bucket: 'bucket-1', Key: 'copy.txt' })).TagSet).toEqual([{ Key: 'k', Value: 'v' }]);
    await client.deleteObjectTagging({ Bucket: 'bucket-1', Key: 'copy.txt' });
    await client.putBucketTagging({ Bucket: 'bucket-1', Tagging: { TagSet: [{ Key: 'team', Value: 'a' }] } });
    expect((await client.getBucketTagging({ Bucket: 'bucket-1' })).TagSet).toEqual([{ Key: 'team', Value: 'a' }]);
    await client.deleteBucketTagging({ Bucket: 'bucket-1' });

    const { UploadId } = await client.createMultipartUpload({ Bucket: 'bucket-1', Key: 'big.bin' });
    const part1 = await client.uploadPart({ Bucket: 'bucket-1', Key: 'big.bin', UploadId: UploadId!, PartNumber: 1, Body: 'part-one-' });
    const part2 = await client.uploadPartCopy({ Bucket: 'bucket-1', Key: 'big.bin', UploadId: UploadId!, PartNumber: 2, CopySource: 'bucket-1/copy.txt' });
    expect((await client.listParts({ Bucket: 'bucket-1', Key: 'big.bin', UploadId: UploadId! })).Parts?.map((p) => p.PartNumber)).toEqual([1, 2]);
    expect((await client.listMultipartUploads({ Bucket: 'bucket-1' })).Uploads?.map((u) => u.Key)).toEqual(['big.bin']);
    await client.completeMultipartUpload({
      Bucket: 'bucket-1',
      Key: 'big.bin',
      UploadId: UploadId!,
      MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part1.ETag! }, { PartNumber: 2, ETag: part2.CopyPartResult!.ETag! }] },
    });
    expect(await (await client.getObject({ Bucket: 'bucket-1', Key: 'big.bin' })).Body.text()).toBe('part-one-hello');
    const aborted = await client.createMultipartUpload({ Bucket: 'bucket-1', Key: 'dropped.bin' });
    await client.abortMultipartUpload({ Bucket: 'bucket-1', Key: 'dropped.bin', UploadId: aborted.UploadId! });

    const deleted = await client.deleteObjects({ Bucket: 'bucket-1', Delete: { Objects: [{ Key: 'copy.txt' }, { Key: 'big.bin' }] } });
    expect(deleted.Deleted?.map((d) => d.Key).sort()).toEqual(['big.bin', 'copy.txt']);
    await client.deleteObject({ Bucket: 'bucket-1', Key: 'dir/a b.txt' });
    await client.deleteBucket({ Bucket: 'bucket-1' });

    const served = new Set(mock.requests.filter((r) => r.status >= 200 && r.status < 300).map((r) => r.operation));
    // The mock serves every modelled operation; this run covers the object, multipart, listing and
    // bucket basics over real sockets. The other operations are tested against RGW, over model round
    // trips (src/operations) and by s3-mock's own contract suite.
    const overSockets = [
      'AbortMultipartUpload', 'CompleteMultipartUpload', 'CopyObject', 'CreateBucket', 'CreateMultipartUpload', 'DeleteBucket',
      'DeleteBucketTagging', 'DeleteObject', 'DeleteObjectTagging', 'DeleteObjects', 'GetBucketLocation', 'GetBucketTagging',
      'GetObject', 'GetObjectTagging', 'HeadBucket', 'HeadObject', 'ListBuckets', 'ListMultipartUploads', 'ListObjects',
      'ListObjectsV2', 'ListParts', 'PutBucketTagging', 'PutObject', 'PutObjectTagging', 'UploadPart', 'UploadPartCopy',
    ];
    expect(overSockets.filter((name) => name in operations && !served.has(name as never))).toEqual([]);
  });

  it('retries a SlowDown storm, then succeeds', async () => {
    const { client, mock } = await serve();
    mock.faults.add({ match: { operation: 'PutObject' }, times: 2, action: { slowDown: true } });
    const put = await client.putObject({ Bucket: 'bucket-1', Key: 'a', Body: 'x' });
    expect(put.$metadata.attempts).toBe(3);
    expect(mock.requests.filter((r) => r.errorCode === 'SlowDown')).toHaveLength(2);
  });

  it('retries a 500 InternalError', async () => {
    const { client, mock } = await serve();
    mock.faults.add({ match: { operation: 'ListObjectsV2' }, action: { status: 500, code: 'InternalError' } });
    const list = await client.listObjectsV2({ Bucket: 'bucket-1' });
    expect(list.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 2 });
  });

  it('retries a connection reset before the headers, and reports it typed when out of attempts', async () => {
    const { client, mock, server } = await serve();
    await client.putObject({ Bucket: 'bucket-1', Key: 'a', Body: 'abc' });
    mock.faults.add({ match: { operation: 'GetObject' }, action: 'reset' });
    const got = await client.getObject({ Bucket: 'bucket-1', Key: 'a' });
    expect(got.$metadata.attempts).toBe(2);
    expect(await got.Body.text()).toBe('abc');

    const once = new S3Client({ endpoint: server.endpoint, region: 'us-east-1', credentials: KEYS, config: { env: EMPTY_ENV }, retry: { maxAttempts: 1 } });
    try {
      mock.faults.add({ match: { operation: 'HeadObject' }, action: 'reset' });
      const err: unknown = await once.headObject({ Bucket: 'bucket-1', Key: 'a' }).catch((e: unknown) => e);
      expect(isNetworkError(err)).toBe(true);
    } finally {
      await once.close();
    }
  });

  it('fails a GetObject body read with a NetworkError when the connection drops mid-body (no hang)', async () => {
    const { client, mock } = await serve();
    const data = new Uint8Array(64 * 1024).fill(7);
    await client.putObject({ Bucket: 'bucket-1', Key: 'big', Body: data });
    mock.faults.add({ match: { operation: 'GetObject' }, times: 2, action: { truncateBodyAt: 1000 } });

    const whole = await client.getObject({ Bucket: 'bucket-1', Key: 'big' });
    expect(whole.ContentLength).toBe(data.byteLength);
    const err: unknown = await whole.Body.bytes().catch((e: unknown) => e);
    expect(isNetworkError(err)).toBe(true);

    const streamed = await client.getObject({ Bucket: 'bucket-1', Key: 'big' });
    let received = 0;
    const iterated: unknown = await (async () => {
      for await (const chunk of streamed.Body) received += chunk.byteLength;
    })().catch((e: unknown) => e);
    expect(isNetworkError(iterated)).toBe(true);
    expect(received).toBeLessThan(data.byteLength);

    // The faults are spent and the pool recovered: a new read is whole.
    expect((await (await client.getObject({ Bucket: 'bucket-1', Key: 'big' })).Body.bytes()).byteLength).toBe(data.byteLength);
  });

  it('detects a cut XML body (Content-Length mismatch) as a typed, retried error', async () => {
    const { client, mock, server } = await serve();
    await client.putObject({ Bucket: 'bucket-1', Key: 'a', Body: 'abc' });
    mock.faults.add({ match: { operation: 'ListObjectsV2' }, action: { truncateBodyAt: 40 } });
    const list = await client.listObjectsV2({ Bucket: 'bucket-1' });
    expect(list.$metadata.attempts).toBe(2);
    expect(list.Contents?.map((c) => c.Key)).toEqual(['a']);

    const once = new S3Client({ endpoint: server.endpoint, region: 'us-east-1', credentials: KEYS, config: { env: EMPTY_ENV }, retry: { maxAttempts: 1 } });
    try {
      mock.faults.add({ match: { operation: 'ListObjectsV2' }, action: { truncateBodyAt: 40 } });
      const err: unknown = await once.listObjectsV2({ Bucket: 'bucket-1' }).catch((e: unknown) => e);
      expect(isNetworkError(err)).toBe(true);
      expect(err).toMatchObject({ retryable: true });
    } finally {
      await once.close();
    }
  });

  it('corrects the clock skew of a server whose clock is 20 minutes ahead', async () => {
    const skewed: Clock = { now: () => systemClock.now() + 20 * 60_000, sleep: (ms, signal) => systemClock.sleep(ms, signal) };
    const { client, mock } = await serve({}, { clock: skewed });
    // createBucket in serve() already met the skew: the first attempt was refused, the retry signed with the offset.
    expect(mock.requests.map((r) => r.errorCode)).toEqual(['RequestTimeTooSkewed', undefined]);
    const put = await client.putObject({ Bucket: 'bucket-1', Key: 'a', Body: 'x' });
    expect(put.$metadata.attempts).toBe(1);
  });

  it('asks the credentials provider again once the first credentials expire mid-run', async () => {
    const first: AwsCredentials = { accessKeyId: 'first', secretAccessKey: 'first-secret', expiration: new Date(Date.now() + 10 * 60_000) };
    const second: AwsCredentials = { accessKeyId: 'second', secretAccessKey: 'second-secret' };
    let calls = 0;
    const clock = createFakeClock({ instant: true });
    const provider = memoize(() => Promise.resolve(calls++ === 0 ? first : second), { clock });
    const keys: string[] = [];
    const recordKey: HttpMiddleware = (next) => (request, options) => {
      keys.push(/Credential=([^/]+)\//.exec(request.headers.authorization ?? '')?.[1] ?? '');
      return next(request, options);
    };
    const { client } = await serve(
      { credentials: provider, middleware: [recordKey] },
      { credentials: [{ accessKeyId: 'first', secretAccessKey: 'first-secret' }, { accessKeyId: 'second', secretAccessKey: 'second-secret' }] },
    );
    await client.putObject({ Bucket: 'bucket-1', Key: 'a', Body: 'x' });
    await clock.advance(6 * 60_000); // within the 5-minute refresh window of the first credentials' expiry
    await client.putObject({ Bucket: 'bucket-1', Key: 'b', Body: 'y' });
    expect(calls).toBe(2);
    expect(keys).toEqual(['first', 'first', 'second']);
  });

  it('retries a 200 OK carrying an <Error> on CopyObject and CompleteMultipartUpload', async () => {
    const { client, mock, server } = await serve();
    await client.putObject({ Bucket: 'bucket-1', Key: 'src', Body: 'abc' });
    mock.faults.add({ match: { operation: 'CopyObject' }, action: '200-error' });
    const copy = await client.copyObject({ Bucket: 'bucket-1', Key: 'dst', CopySource: 'bucket-1/src' });
    expect(copy.$metadata.attempts).toBe(2);
    expect(copy.CopyObjectResult?.ETag).toBe(`"${md5hex('abc')}"`);

    const { UploadId } = await client.createMultipartUpload({ Bucket: 'bucket-1', Key: 'mp' });
    const part = await client.uploadPart({ Bucket: 'bucket-1', Key: 'mp', UploadId: UploadId!, PartNumber: 1, Body: 'only' });
    mock.faults.add({ match: { operation: 'CompleteMultipartUpload' }, action: '200-error' });
    const done = await client.completeMultipartUpload({
      Bucket: 'bucket-1',
      Key: 'mp',
      UploadId: UploadId!,
      MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag! }] },
    });
    expect(done.$metadata.attempts).toBe(2);
    expect(await (await client.getObject({ Bucket: 'bucket-1', Key: 'mp' })).Body.text()).toBe('only');

    const once = new S3Client({ endpoint: server.endpoint, region: 'us-east-1', credentials: KEYS, config: { env: EMPTY_ENV }, retry: { maxAttempts: 1 } });
    try {
      mock.faults.add({ match: { operation: 'CopyObject' }, action: '200-error' });
      const err: unknown = await once.copyObject({ Bucket: 'bucket-1', Key: 'dst2', CopySource: 'bucket-1/src' }).catch((e: unknown) => e);
      expect(isS3ServiceError(err) && err.code).toBe('InternalError');
      expect(err).toMatchObject({ statusCode: 200 });
    } finally {
      await once.close();
    }
  });

  it("close() dumps a GetObject body that was never read (regression: the undici Agent's close() waited on it for ever)", async () => {
    const { client } = await serve();
    await client.putObject({ Bucket: 'bucket-1', Key: 'a', Body: new Uint8Array(256 * 1024) });
    const unread = await client.getObject({ Bucket: 'bucket-1', Key: 'a' });
    await client.close();
    await expect(unread.Body.bytes()).rejects.toThrow();
  });
});
