/** Client behaviour over canned responses: redirects, AWS defaults, presigning, configuration. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createFakeClock, createRetryStrategy } from '@s3kit/primitives';
import type { LogFields } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { EMPTY_ENV } from '../../test/mock-client.js';
import { replayTransport } from '../../test/replay-transport.js';
import type { CannedResponse } from '../../test/replay-transport.js';
import { isConditionalRequestConflict, isPreconditionFailed } from '../errors/s3-service-error.js';
import { GetObject } from '../operations/objects.js';
import { presignGetObject, presignPost, presignPutObject } from '../presign/presign.js';
import type { S3ClientOptions } from './client-options.js';
import { S3Client } from './s3-client.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/xml');
const fixture = (name: string): string => readFileSync(join(FIXTURES, `${name}.xml`), 'utf8');
const LIST = '<ListBucketResult><Name>photos</Name><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

function awsClient(responses: CannedResponse[], options: S3ClientOptions = {}) {
  const transport = replayTransport(...responses);
  const client = new S3Client({ region: 'us-west-2', credentials, transport, clock: createFakeClock({ instant: true }), config: { env: EMPTY_ENV }, ...options });
  return { client, transport };
}

describe('conditional writes', () => {
  it('a raced conditional write (409 ConditionalRequestConflict) is typed, not retried, and names the key', async () => {
    const body = '<Error><Code>ConditionalRequestConflict</Code><Message>A conflicting operation occurred</Message><RequestId>r1</RequestId></Error>';
    const { client, transport } = awsClient([{ status: 409, body }]);
    const err = await client.putObject({ Bucket: 'photos', Key: 'lock', Body: 'me', IfNoneMatch: '*' }).catch((e: unknown) => e);
    expect(isConditionalRequestConflict(err)).toBe(true);
    expect(isPreconditionFailed(err)).toBe(false);
    expect(err).toMatchObject({ statusCode: 409, retryable: false, key: 'lock', operation: 'PutObject' });
    expect(transport.requests).toHaveLength(1);
    expect(transport.requests[0]!.headers['if-none-match']).toBe('*');
  });
});

describe('region redirects', () => {
  it('follows a 301 PermanentRedirect once, re-signs for the bucket region and caches it', async () => {
    const { client, transport } = awsClient([
      { status: 301, headers: { 'x-amz-bucket-region': 'eu-central-1' }, body: fixture('botocore-permanent-redirect-301') },
      { status: 200, body: LIST },
    ]);
    const out = await client.listObjectsV2({ Bucket: 'photos' });
    expect(out.Name).toBe('photos');
    expect(transport.requests.map((r) => r.hostname)).toEqual(['photos.s3.us-west-2.amazonaws.com', 'photos.s3.eu-central-1.amazonaws.com']);
    expect(transport.requests[1]?.headers.authorization).toContain('/eu-central-1/s3/aws4_request');
    expect(client.bucketRegion('photos')).toBe('eu-central-1');
    await client.listObjectsV2({ Bucket: 'photos' });
    expect(transport.requests[2]?.hostname).toBe('photos.s3.eu-central-1.amazonaws.com');
  });

  it('follows AuthorizationHeaderMalformed with the expected region (and a bodiless HEAD 301)', async () => {
    const { client, transport } = awsClient([
      { status: 400, body: fixture('botocore-authorizationheadermalformed-region') },
      { status: 200, body: LIST },
    ]);
    await client.listObjectsV2({ Bucket: 'photos' });
    expect(transport.requests[1]?.headers.authorization).toContain('/eu-central-1/');
    const head = awsClient([{ status: 301, headers: { 'x-amz-bucket-region': 'ap-south-1' } }, { status: 200, headers: { 'x-amz-bucket-region': 'ap-south-1' } }]);
    expect((await head.client.headBucket({ Bucket: 'photos' })).BucketRegion).toBe('ap-south-1');
  });

  it('follows only once, and not when disabled', async () => {
    const redirect = { status: 301, headers: { 'x-amz-bucket-region': 'eu-central-1' }, body: fixture('botocore-permanent-redirect-301') };
    const loop = awsClient([redirect, { ...redirect, headers: { 'x-amz-bucket-region': 'eu-west-3' } }]);
    await expect(loop.client.listObjectsV2({ Bucket: 'photos' })).rejects.toMatchObject({ code: 'PermanentRedirect', region: 'eu-west-3' });
    const off = awsClient([redirect], { followRegionRedirects: false });
    await expect(off.client.listObjectsV2({ Bucket: 'photos' })).rejects.toMatchObject({ code: 'PermanentRedirect' });
    expect(off.transport.requests).toHaveLength(1);
  });
});

describe('AWS endpoint defaults', () => {
  it('sends CRC32 on PutObject and asks for checksums on GetObject', async () => {
    const { client, transport } = awsClient([{ status: 200, headers: { etag: '"e"' } }]);
    await client.putObject({ Bucket: 'photos', Key: 'a', Body: 'abc' });
    expect(transport.requests[0]?.headers).toMatchObject({ 'x-amz-checksum-crc32': 'NSRBwg==', 'x-amz-sdk-checksum-algorithm': 'CRC32' });
    transport.push({ status: 200, headers: { 'x-amz-checksum-crc32': 'NSRBwg==' }, body: 'abc' });
    const got = await client.getObject({ Bucket: 'photos', Key: 'a' });
    expect(await got.Body.text()).toBe('abc');
    expect(transport.requests[1]?.headers['x-amz-checksum-mode']).toBe('ENABLED');
  });

  it('skips validation of composite (multipart) checksums and of ranged reads', async () => {
    const { client } = awsClient([
      { status: 200, headers: { 'x-amz-checksum-crc32': 'AAAAAA==-2' }, body: 'abc' },
      { status: 206, headers: { 'x-amz-checksum-crc32': 'AAAAAA==', 'content-range': 'bytes 0-2/10' }, body: 'abc' },
    ]);
    expect(await (await client.getObject({ Bucket: 'photos', Key: 'a' })).Body.text()).toBe('abc');
    expect(await (await client.getObject({ Bucket: 'photos', Key: 'a', Range: 'bytes=0-2' })).Body.text()).toBe('abc');
  });

  it('streams with an unsigned CRC32 trailer over HTTPS', async () => {
    const { client, transport } = awsClient([{ status: 200 }]);
    await client.putObject({ Bucket: 'photos', Key: 'a', Body: Readable.from([Buffer.from('abc')]), ContentLength: 3 });
    const sent = transport.requests[0]!;
    expect(sent.headers).toMatchObject({
      'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      'x-amz-trailer': 'x-amz-checksum-crc32',
      'x-amz-decoded-content-length': '3',
      'content-encoding': 'aws-chunked',
    });
  });

  it('signs with a credentials provider (async path)', async () => {
    let calls = 0;
    const { client, transport } = awsClient([{ status: 200, body: LIST }], {
      credentials: () => {
        calls++;
        return Promise.resolve(credentials);
      },
    });
    await client.listObjectsV2({ Bucket: 'photos' });
    expect(calls).toBe(1);
    expect(transport.requests[0]?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);
  });
});

describe('clock skew', () => {
  it('retries once the offset changed, and not a signature error with a right clock', async () => {
    const clock = createFakeClock({ instant: true });
    const serverDate = new Date(clock.now() + 20 * 60_000).toUTCString();
    const skew = { status: 403, headers: { date: serverDate }, body: '<Error><Code>RequestTimeTooSkewed</Code></Error>' };
    const { client, transport } = awsClient([skew, { status: 200, body: LIST }], { clock });
    expect((await client.listObjectsV2({ Bucket: 'photos' })).$metadata.attempts).toBe(2);
    const first = transport.requests[0]!.headers['x-amz-date']!;
    const second = transport.requests[1]!.headers['x-amz-date']!;
    expect(second > first).toBe(true);
    const badKey = awsClient([{ status: 403, headers: { date: new Date(clock.now()).toUTCString() }, body: '<Error><Code>SignatureDoesNotMatch</Code></Error>' }], {
      clock,
    });
    await expect(badKey.client.listObjectsV2({ Bucket: 'photos' })).rejects.toMatchObject({ code: 'SignatureDoesNotMatch' });
    expect(badKey.transport.requests).toHaveLength(1);
  });
});

describe('presigning', () => {
  it('presigns GetObject and PutObject URLs and a POST form', async () => {
    const { client } = awsClient([{ status: 200 }]);
    const get = await presignGetObject(client, { Bucket: 'photos', Key: 'a b.jpg', ResponseContentDisposition: 'attachment' }, { expiresIn: 600 });
    expect(get.method).toBe('GET');
    expect(get.url).toMatch(/^https:\/\/photos\.s3\.us-west-2\.amazonaws\.com\/a%20b\.jpg\?/);
    expect(get.url).toContain('X-Amz-Expires=600');
    expect(get.url).toContain('response-content-disposition=attachment');
    const put = await presignPutObject(client, { Bucket: 'photos', Key: 'up', ContentType: 'image/png' });
    expect(put.method).toBe('PUT');
    expect(put.headers['content-type']).toBe('image/png');
    expect(put.url).toContain('X-Amz-SignedHeaders=content-type%3Bhost');
    await expect(client.presign(GetObject, { Bucket: 'photos', Key: 'a' }, { expiresIn: 604_801 })).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
    const post = await presignPost(client, { bucket: 'photos', keyStartsWith: 'u/', contentLengthRange: [1, 100] });
    expect(post.url).toBe('https://photos.s3.us-west-2.amazonaws.com/');
    expect(post.fields['x-amz-algorithm']).toBe('AWS4-HMAC-SHA256');
    const custom = new S3Client({ endpoint: 'http://127.0.0.1:9000', credentials, transport: replayTransport({ status: 200 }), config: { env: EMPTY_ENV } });
    expect((await custom.presignPost({ bucket: 'photos', key: 'k' })).url).toBe('http://127.0.0.1:9000/photos');
    expect((await custom.presign(GetObject, { Bucket: 'photos', Key: 'k' })).url).toMatch(/^http:\/\/127\.0\.0\.1:9000\/photos\/k\?.*X-Amz-Expires=900/);
  });
});

describe('configuration', () => {
  it('needs a region for AWS, defaults to us-east-1 for custom endpoints', async () => {
    const none = new S3Client({ credentials, transport: replayTransport({ status: 200 }), config: { env: EMPTY_ENV } });
    await expect(none.listBuckets()).rejects.toMatchObject({ code: 'ERR_CONFIG' });
    const custom = new S3Client({ endpoint: 'http://127.0.0.1:9000', credentials, transport: replayTransport({ status: 200 }), config: { env: EMPTY_ENV } });
    expect((await custom.resolvedConfig()).endpointUrl).toBe('http://127.0.0.1:9000');
  });

  it('reads region, endpoint and retry settings from the environment', async () => {
    const transport = replayTransport({ status: 503, body: '<Error><Code>SlowDown</Code></Error>' });
    const client = new S3Client({
      credentials,
      transport,
      clock: createFakeClock({ instant: true }),
      config: { env: { ...EMPTY_ENV, AWS_REGION: 'eu-west-1', AWS_ENDPOINT_URL: 'http://127.0.0.1:9999', AWS_MAX_ATTEMPTS: '2' } },
    });
    await expect(client.listBuckets()).rejects.toMatchObject({ code: 'SlowDown' });
    expect(transport.requests).toHaveLength(2);
    expect(transport.requests[0]?.port).toBe(9999);
    expect(transport.requests[0]?.headers.authorization).toContain('/eu-west-1/');
  });

  it('rejects bad retry options at construction and uses a shared strategy as given', async () => {
    expect(() => new S3Client({ retry: { maxAttempts: 0 } })).toThrow(expect.objectContaining({ code: 'ERR_VALIDATION' }));
    const transport = replayTransport({ status: 500, body: '<Error><Code>InternalError</Code></Error>' });
    const client = new S3Client({
      endpoint: 'http://127.0.0.1:9000',
      credentials,
      transport,
      retry: createRetryStrategy({ maxAttempts: 4, clock: createFakeClock({ instant: true }) }),
      config: { env: EMPTY_ENV },
    });
    await expect(client.listBuckets()).rejects.toMatchObject({ code: 'InternalError' });
    expect(transport.requests).toHaveLength(4);
  });

  it('logs requests without secrets, converts deadlines to TimeoutError, and refuses calls after close', async () => {
    const lines: [string, LogFields | undefined][] = [];
    const log = (msg: string, fields?: LogFields): void => void lines.push([msg, fields]);
    const slow = {
      send: (_request: unknown, options: { signal?: AbortSignal } = {}) =>
        new Promise<never>((_resolve, reject) => {
          options.signal?.addEventListener('abort', () => { reject(Object.assign(new Error('aborted'), { name: 'AbortError', code: 'ERR_ABORTED' })); });
        }),
    };
    const client = new S3Client({
      endpoint: 'http://127.0.0.1:9000',
      credentials,
      transport: slow,
      logger: { debug: log, info: log, warn: log, error: log },
      config: { env: EMPTY_ENV },
    });
    await expect(client.listBuckets({}, { timeoutMs: 5 })).rejects.toMatchObject({ name: 'TimeoutError', code: 'ERR_TIMEOUT' });
    expect(JSON.stringify(lines)).not.toContain(credentials.secretAccessKey);
    await client.close();
    await expect(client.listBuckets()).rejects.toMatchObject({ code: 'ERR_CONFIG' });
  });
});
