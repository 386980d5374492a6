/** Interop: @aws-sdk/client-s3 (default flexible checksums) against the mock's HTTP server. */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
  UploadPartCommand,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import { createSigner } from '@s3kit/sigv4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3MockServer } from '../../src/server/start-server.js';
import type { StandaloneS3MockServer } from '../../src/server/start-server.js';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('@aws-sdk/client-s3 against the mock server', () => {
  let server: StandaloneS3MockServer;
  let s3: S3Client;
  beforeAll(async () => {
    server = await startS3MockServer({ minPartSize: 1024 });
    s3 = new S3Client({ region: 'us-east-1', endpoint: server.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    await s3.send(new CreateBucketCommand({ Bucket: 'sdk' }));
  });
  afterAll(async () => {
    s3.destroy();
    await server.stop();
  });

  it('put (stream: aws-chunked with a CRC32 trailer), get, head, copy, delete', async () => {
    const data = randomBytes(200_000);
    await s3.send(new PutObjectCommand({ Bucket: 'sdk', Key: 'dir/stream.bin', Body: Readable.from([data]), ContentLength: data.length, Metadata: { a: '1' } }));
    const put = server.mock.requests.find((r) => r.operation === 'PutObject')!;
    expect(put.headers['content-encoding']).toContain('aws-chunked');
    expect(put.headers['x-amz-trailer']).toBe('x-amz-checksum-crc32');
    expect(server.engine.headObject({ Bucket: 'sdk', Key: 'dir/stream.bin' }).Checksum).toMatchObject({ algorithm: 'CRC32' });

    const got = await s3.send(new GetObjectCommand({ Bucket: 'sdk', Key: 'dir/stream.bin', ChecksumMode: 'ENABLED' }));
    expect(sha(await got.Body!.transformToByteArray())).toBe(sha(data));
    expect(got.ChecksumCRC32).toBeDefined();
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'sdk', Key: 'dir/stream.bin' }));
    expect([head.ContentLength, head.Metadata]).toEqual([data.length, { a: '1' }]);

    await s3.send(new CopyObjectCommand({ Bucket: 'sdk', Key: 'copy.bin', CopySource: 'sdk/dir/stream.bin' }));
    expect((await s3.send(new HeadObjectCommand({ Bucket: 'sdk', Key: 'copy.bin' }))).ETag).toBe(head.ETag);
    await s3.send(new DeleteObjectCommand({ Bucket: 'sdk', Key: 'copy.bin' }));
    await expect(s3.send(new HeadObjectCommand({ Bucket: 'sdk', Key: 'copy.bin' }))).rejects.toMatchObject({ name: 'NotFound' });
  });

  it('lists with the paginator and reads tagging', async () => {
    for (let i = 0; i < 7; i++) await s3.send(new PutObjectCommand({ Bucket: 'sdk', Key: `list/${i}`, Body: `v${i}`, Tagging: 'k=v' }));
    const keys: string[] = [];
    for await (const page of paginateListObjectsV2({ client: s3, pageSize: 3 }, { Bucket: 'sdk', Prefix: 'list/' })) keys.push(...(page.Contents ?? []).map((o) => o.Key!));
    expect(keys).toEqual(['list/0', 'list/1', 'list/2', 'list/3', 'list/4', 'list/5', 'list/6']);
    const delimited = await s3.send(new ListObjectsV2Command({ Bucket: 'sdk', Delimiter: '/' }));
    expect(delimited.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['dir/', 'list/']);
    await s3.send(new PutObjectTaggingCommand({ Bucket: 'sdk', Key: 'list/0', Tagging: { TagSet: [{ Key: 'env', Value: 'prod' }] } }));
    expect((await s3.send(new GetObjectTaggingCommand({ Bucket: 'sdk', Key: 'list/0' }))).TagSet).toEqual([{ Key: 'env', Value: 'prod' }]);
  });

  it('multipart upload with CRC32 part checksums', async () => {
    const parts = [randomBytes(2048), randomBytes(2048), randomBytes(100)];
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'sdk', Key: 'mp.bin', ChecksumAlgorithm: 'CRC32' }));
    const done = [];
    for (const [i, body] of parts.entries()) {
      const out = await s3.send(new UploadPartCommand({ Bucket: 'sdk', Key: 'mp.bin', UploadId, PartNumber: i + 1, Body: body, ChecksumAlgorithm: 'CRC32' }));
      done.push({ PartNumber: i + 1, ETag: out.ETag, ChecksumCRC32: out.ChecksumCRC32 });
    }
    const complete = await s3.send(new CompleteMultipartUploadCommand({ Bucket: 'sdk', Key: 'mp.bin', UploadId, MultipartUpload: { Parts: done } }));
    expect(complete.ETag).toMatch(/-3"$/);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'sdk', Key: 'mp.bin' }));
    expect(sha(await got.Body!.transformToByteArray())).toBe(sha(Buffer.concat(parts)));
    expect(server.mock.uploadsInFlight()).toEqual([]);
  });

  it('serves a presigned GET built with @s3kit/sigv4 to fetch', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'sdk', Key: 'shared.txt', Body: 'shared' }));
    const url = new URL(server.endpoint);
    const signer = createSigner({ credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, region: 'us-east-1', service: 's3' });
    const presigned = await signer.presign({ method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/sdk/shared.txt', headers: {} }, { expiresIn: 60 });
    const res = await fetch(presigned.url);
    expect([res.status, await res.text()]).toEqual([200, 'shared']);
  });
});
