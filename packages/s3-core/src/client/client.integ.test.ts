/**
 * The client against a real Ceph RGW (tooling/rgw-harness), and interop with the real AWS CLI.
 * RGW differences from AWS (see /work/shared/notes/real-s3-servers.md) are asserted explicitly, so a
 * server upgrade that changes them shows up here.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { testS3 } from '@s3kit/rgw-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paginateListObjectsV2 } from '../paginate/paginators.js';
import { presignGetObject, presignPost, presignPutObject } from '../presign/presign.js';
import { S3Client } from './s3-client.js';

const exec = promisify(execFile);
const s3 = testS3();
const bucket = `s3kit-core-${randomBytes(4).toString('hex')}`;
const MiB = 1024 * 1024;
const md5hex = (data: Uint8Array | string): string => createHash('md5').update(data).digest('hex');

const client = new S3Client({
  endpoint: s3.endpoint,
  region: s3.region,
  credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  config: { env: { AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' } },
});

const awsEnv: NodeJS.ProcessEnv = {
  ...process.env,
  AWS_ACCESS_KEY_ID: s3.accessKeyId,
  AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
  AWS_DEFAULT_REGION: s3.region,
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_EC2_METADATA_DISABLED: 'true',
};
delete awsEnv.AWS_PROFILE;
delete awsEnv.AWS_SESSION_TOKEN;
const aws = async (...args: string[]): Promise<string> => (await exec('aws', ['--endpoint-url', s3.endpoint, ...args], { env: awsEnv, timeout: 30_000 })).stdout;

async function emptyBucket(): Promise<void> {
  for await (const page of paginateListObjectsV2(client, { Bucket: bucket })) {
    const keys = (page.Contents ?? []).map((c) => ({ Key: c.Key! }));
    if (keys.length) await client.deleteObjects({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } });
  }
  const uploads = await client.listMultipartUploads({ Bucket: bucket });
  for (const u of uploads.Uploads ?? []) await client.abortMultipartUpload({ Bucket: bucket, Key: u.Key!, UploadId: u.UploadId! });
}

beforeAll(async () => {
  await client.createBucket({ Bucket: bucket });
});
afterAll(async () => {
  await emptyBucket().catch(() => undefined);
  await client.deleteBucket({ Bucket: bucket }).catch(() => undefined);
  await client.close();
});

describe('S3Client against Ceph RGW', () => {
  it('puts, gets, heads, copies, lists and deletes with the real options', async () => {
    const put = await client.putObject({
      Bucket: bucket,
      Key: 'dir/hello world.txt',
      Body: 'hello',
      ContentType: 'text/plain',
      CacheControl: 'max-age=60',
      ContentDisposition: 'inline',
      Metadata: { color: 'blue' },
      Tagging: { team: 'core' },
    });
    expect(put.ETag).toBe(`"${md5hex('hello')}"`);
    const got = await client.getObject({ Bucket: bucket, Key: 'dir/hello world.txt' });
    expect(await got.Body.text()).toBe('hello');
    expect(got).toMatchObject({ ContentType: 'text/plain', CacheControl: 'max-age=60', Metadata: { color: 'blue' }, ContentLength: 5 });
    const ranged = await client.getObject({ Bucket: bucket, Key: 'dir/hello world.txt', Range: 'bytes=1-3', ResponseContentType: 'x/y' });
    expect(await ranged.Body.text()).toBe('ell');
    expect(ranged.ContentType).toBe('x/y');
    await expect(client.getObject({ Bucket: bucket, Key: 'dir/hello world.txt', IfNoneMatch: put.ETag! })).rejects.toMatchObject({ statusCode: 304 });
    const copy = await client.copyObject({ Bucket: bucket, Key: 'copy', CopySource: { Bucket: bucket, Key: 'dir/hello world.txt' } });
    // RGW: the CopyObjectResult ETag comes without the quotes AWS puts around it.
    expect(copy.CopyObjectResult?.ETag).toBe(md5hex('hello'));
    expect((await client.headObject({ Bucket: bucket, Key: 'copy' })).Metadata).toEqual({ color: 'blue' });
    const list = await client.listObjectsV2({ Bucket: bucket, Delimiter: '/' });
    expect(list.CommonPrefixes).toEqual([{ Prefix: 'dir/' }]);
    expect(list.Contents?.map((c) => c.Key)).toEqual(['copy']);
    await client.deleteObject({ Bucket: bucket, Key: 'copy' });
    const missing = await client.getObject({ Bucket: bucket, Key: 'copy' }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'NoSuchKey', statusCode: 404 });
  });

  it('round-trips keys with spaces, plus, unicode and dot segments (encoding-type=url listings)', async () => {
    const keys = ['a+b c', 'x/../y', 'ümlaut/é', '%41', 'tab\tkey'];
    for (const Key of keys) await client.putObject({ Bucket: bucket, Key: `odd/${Key}`, Body: Key });
    const listed = (await client.listObjectsV2({ Bucket: bucket, Prefix: 'odd/' })).Contents?.map((c) => c.Key);
    expect(listed?.sort()).toEqual(keys.map((k) => `odd/${k}`).sort());
    for (const Key of keys) expect(await (await client.getObject({ Bucket: bucket, Key: `odd/${Key}` })).Body.text()).toBe(Key);
  });

  it('RGW: accepts x-amz-checksum-* but neither validates, stores nor returns them', async () => {
    await client.putObject({ Bucket: bucket, Key: 'sum', Body: 'abc', ChecksumAlgorithm: 'CRC32' });
    const got = await client.getObject({ Bucket: bucket, Key: 'sum', ChecksumMode: 'ENABLED' });
    expect(await got.Body.text()).toBe('abc');
    expect(got.ChecksumCRC32).toBeUndefined();
    // A wrong checksum is accepted too (AWS would answer BadDigest).
    await client.putObject({ Bucket: bucket, Key: 'sum2', Body: 'abc', ChecksumCRC32: 'AAAAAA==' });
    // Content-MD5 is validated.
    await expect(client.putObject({ Bucket: bucket, Key: 'sum3', Body: 'abc', ContentMD5: '1B2M2Y8AsgTpgAmY7PhCfg==' })).rejects.toMatchObject({
      code: 'BadDigest',
    });
  });

  it('uploads streams with a length (UNSIGNED-PAYLOAD; signed aws-chunked when a checksum is asked, RGW refusing trailers)', async () => {
    const data = randomBytes(200_000);
    await client.putObject({ Bucket: bucket, Key: 'stream', Body: Readable.from([data.subarray(0, 1000), data.subarray(1000)]), ContentLength: data.length });
    expect(Buffer.from(await (await client.getObject({ Bucket: bucket, Key: 'stream' })).Body.bytes()).equals(data)).toBe(true);
    await client.putObject({ Bucket: bucket, Key: 'stream-crc', Body: Readable.from([data]), ContentLength: data.length, ChecksumAlgorithm: 'CRC32' });
    expect(Buffer.from(await (await client.getObject({ Bucket: bucket, Key: 'stream-crc' })).Body.bytes()).equals(data)).toBe(true);
    await expect(client.putObject({ Bucket: bucket, Key: 'nolen', Body: Readable.from([data]) })).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
  });

  it('runs multipart uploads (RGW: empty ETag in the Complete answer, partNumber GET ignored)', async () => {
    const part1 = randomBytes(5 * MiB);
    const { UploadId } = await client.createMultipartUpload({ Bucket: bucket, Key: 'mp', ContentType: 'application/x-test', Metadata: { m: '1' } });
    const p1 = await client.uploadPart({ Bucket: bucket, Key: 'mp', UploadId: UploadId!, PartNumber: 1, Body: part1 });
    await client.putObject({ Bucket: bucket, Key: 'mp-src', Body: 'COPY-SOURCE' });
    const p2 = await client.uploadPartCopy({ Bucket: bucket, Key: 'mp', UploadId: UploadId!, PartNumber: 2, CopySource: `${bucket}/mp-src`, CopySourceRange: 'bytes=0-3' });
    const parts = await client.listParts({ Bucket: bucket, Key: 'mp', UploadId: UploadId! });
    expect(parts.Parts?.map((p) => p.PartNumber)).toEqual([1, 2]);
    expect((await client.listMultipartUploads({ Bucket: bucket, Prefix: 'mp' })).Uploads?.map((u) => u.UploadId)).toContain(UploadId);
    const done = await client.completeMultipartUpload({
      Bucket: bucket,
      Key: 'mp',
      UploadId: UploadId!,
      MultipartUpload: { Parts: [{ PartNumber: 1, ETag: p1.ETag! }, { PartNumber: 2, ETag: p2.CopyPartResult!.ETag! }] },
    });
    expect(done.ETag ?? '').toBe('');
    const head = await client.headObject({ Bucket: bucket, Key: 'mp' });
    expect(head.ETag).toMatch(/-2"$/);
    expect(head.ContentLength).toBe(5 * MiB + 4);
    expect(head.Metadata).toEqual({ m: '1' });
    const partGet = await client.getObject({ Bucket: bucket, Key: 'mp', PartNumber: 2 });
    expect(partGet.ContentLength).toBe(5 * MiB + 4);
    await partGet.Body.dump();
    const small = await client.createMultipartUpload({ Bucket: bucket, Key: 'small' });
    const s1 = await client.uploadPart({ Bucket: bucket, Key: 'small', UploadId: small.UploadId!, PartNumber: 1, Body: 'tiny' });
    const s2 = await client.uploadPart({ Bucket: bucket, Key: 'small', UploadId: small.UploadId!, PartNumber: 2, Body: 'tiny' });
    await expect(
      client.completeMultipartUpload({
        Bucket: bucket,
        Key: 'small',
        UploadId: small.UploadId!,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: s1.ETag! }, { PartNumber: 2, ETag: s2.ETag! }] },
      }),
    ).rejects.toMatchObject({ code: 'EntityTooSmall' });
    await client.abortMultipartUpload({ Bucket: bucket, Key: 'small', UploadId: small.UploadId! });
  });

  it('manages object and bucket tags and deletes in bulk', async () => {
    await client.putObject({ Bucket: bucket, Key: 'tagged', Body: '' });
    await client.putObjectTagging({ Bucket: bucket, Key: 'tagged', Tagging: { TagSet: [{ Key: 'a', Value: '1' }] } });
    expect((await client.getObjectTagging({ Bucket: bucket, Key: 'tagged' })).TagSet).toEqual([{ Key: 'a', Value: '1' }]);
    await client.deleteObjectTagging({ Bucket: bucket, Key: 'tagged' });
    expect((await client.getObjectTagging({ Bucket: bucket, Key: 'tagged' })).TagSet).toEqual([]);
    await client.putBucketTagging({ Bucket: bucket, Tagging: { TagSet: [{ Key: 'env', Value: 'test' }] } });
    expect((await client.getBucketTagging({ Bucket: bucket })).TagSet).toEqual([{ Key: 'env', Value: 'test' }]);
    await client.deleteBucketTagging({ Bucket: bucket });
    await expect(client.getBucketTagging({ Bucket: bucket })).rejects.toMatchObject({ code: 'NoSuchTagSet' });
    const keys = Array.from({ length: 25 }, (_, i) => `bulk/${i}`);
    for (const Key of keys) await client.putObject({ Bucket: bucket, Key, Body: '' });
    const pages = [];
    for await (const page of paginateListObjectsV2(client, { Bucket: bucket, Prefix: 'bulk/' }, { pageSize: 10 })) pages.push(page);
    expect(pages).toHaveLength(3);
    const del = await client.deleteObjects({ Bucket: bucket, Delete: { Objects: keys.map((Key) => ({ Key })) } });
    expect(del.Deleted).toHaveLength(25);
    expect(del.Errors).toBeUndefined();
  });

  it('presigns GET and PUT URLs and a POST form that RGW accepts', async () => {
    const put = await presignPutObject(client, { Bucket: bucket, Key: 'presigned', ContentType: 'text/plain' }, { expiresIn: 300 });
    const res = await fetch(put.url, { method: 'PUT', headers: put.headers, body: 'via url' });
    expect(res.status).toBe(200);
    const get = await presignGetObject(client, { Bucket: bucket, Key: 'presigned', ResponseContentDisposition: 'attachment' });
    const got = await fetch(get.url);
    expect(await got.text()).toBe('via url');
    expect(got.headers.get('content-disposition')).toBe('attachment');
    const post = await presignPost(client, { bucket, key: 'posted', contentLengthRange: [1, 100], successActionStatus: 201 });
    const form = new FormData();
    for (const [name, value] of Object.entries(post.fields)) form.append(name, value);
    form.append('file', new Blob(['posted body']));
    const posted = await fetch(post.url, { method: 'POST', body: form });
    expect(posted.status).toBe(201);
    expect(await (await client.getObject({ Bucket: bucket, Key: 'posted' })).Body.text()).toBe('posted body');
  });

  it('RGW: error messages are often empty, codes are right', async () => {
    const err = await client.headBucket({ Bucket: `${bucket}-missing` }).catch((e: unknown) => e);
    expect(err).toMatchObject({ statusCode: 404, code: 'NotFound' });
    const nsb = await client.listObjectsV2({ Bucket: `${bucket}-missing` }).catch((e: unknown) => e);
    expect(nsb).toMatchObject({ code: 'NoSuchBucket', statusCode: 404 });
  });
});

describe('interop with the AWS CLI (botocore)', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 's3kit-interop-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('aws s3api get-object reads what s3kit wrote: bytes, metadata, tags', async () => {
    const body = randomBytes(70_000);
    await client.putObject({ Bucket: bucket, Key: 'from-s3kit', Body: body, ContentType: 'application/x-s3kit', Metadata: { origin: 's3kit' }, Tagging: 'k=v' });
    const target = join(work, 'out.bin');
    const head = JSON.parse(await aws('s3api', 'get-object', '--bucket', bucket, '--key', 'from-s3kit', target)) as {
      ContentType: string;
      Metadata: Record<string, string>;
    };
    expect((await readFile(target)).equals(body)).toBe(true);
    expect(head.ContentType).toBe('application/x-s3kit');
    expect(head.Metadata).toEqual({ origin: 's3kit' });
    const tags = JSON.parse(await aws('s3api', 'get-object-tagging', '--bucket', bucket, '--key', 'from-s3kit')) as { TagSet: unknown[] };
    expect(tags.TagSet).toEqual([{ Key: 'k', Value: 'v' }]);
  });

  it('s3kit reads what aws s3api put-object wrote', async () => {
    const body = randomBytes(50_000);
    const source = join(work, 'in.bin');
    await writeFile(source, body);
    await aws('s3api', 'put-object', '--bucket', bucket, '--key', 'from-cli', '--body', source, '--metadata', 'origin=cli', '--tagging', 'a=b', '--content-type', 'x/cli');
    const got = await client.getObject({ Bucket: bucket, Key: 'from-cli' });
    expect(Buffer.from(await got.Body.bytes()).equals(body)).toBe(true);
    expect(got.Metadata).toEqual({ origin: 'cli' });
    expect(got.ContentType).toBe('x/cli');
    expect((await client.getObjectTagging({ Bucket: bucket, Key: 'from-cli' })).TagSet).toEqual([{ Key: 'a', Value: 'b' }]);
  });
});
