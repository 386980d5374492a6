import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { S3Engine } from './engine.js';
import { createS3Engine } from './engine.js';
import { T0, freshObjectEngine } from './test-support/object-engine.js';
import { bytes, expectS3Error, text } from './test-support/expect-s3-error.js';

const md5hex = (s: string | Uint8Array): string => createHash('md5').update(s).digest('hex');
const md5b64 = (s: string): string => createHash('md5').update(s).digest('base64');

let engine: S3Engine;
beforeEach(() => {
  ({ engine } = freshObjectEngine());
});

describe('PutObject / GetObject / HeadObject', () => {
  it('stores the body with a quoted MD5 ETag, second-precision Last-Modified and the default content type', () => {
    const put = engine.putObject({ Bucket: 'bkt', Key: 'k', Body: bytes('hello') });
    expect(put).toEqual({ ETag: `"${md5hex('hello')}"`, Size: 5, ServerSideEncryption: 'AES256' }); // SSE-S3 by default, as S3 since 2023
    const got = engine.getObject({ Bucket: 'bkt', Key: 'k' });
    expect(text(got.Body)).toBe('hello');
    expect(got).toMatchObject({
      StatusCode: 200,
      ETag: put.ETag,
      ContentLength: 5,
      ContentType: 'binary/octet-stream',
      StorageClass: 'STANDARD',
      Metadata: {},
      LastModified: new Date(T0 + 1000),
    });
    expect(got.ContentRange).toBeUndefined();
    expect(got.TagCount).toBeUndefined();
  });

  it('keeps content headers, lower-cased metadata, storage class, checksum and tags', () => {
    const checksum = { algorithm: 'CRC32', value: 'NhCmhg==', type: 'FULL_OBJECT' } as const;
    const put = engine.putObject({
      Bucket: 'bkt',
      Key: 'doc',
      Body: bytes('{}'),
      ContentType: 'application/json',
      ContentEncoding: 'gzip',
      ContentDisposition: 'attachment',
      ContentLanguage: 'en',
      CacheControl: 'no-cache',
      Expires: 'Wed, 21 Oct 2026 07:28:00 GMT',
      Metadata: { 'Color-Name': 'Blue' },
      StorageClass: 'STANDARD_IA',
      Checksum: checksum,
      Tagging: [{ Key: 'a', Value: '1' }],
    });
    expect(put.Checksum).toEqual(checksum);
    const head = engine.headObject({ Bucket: 'bkt', Key: 'doc' });
    expect(head).toMatchObject({
      ContentType: 'application/json',
      ContentEncoding: 'gzip',
      ContentDisposition: 'attachment',
      ContentLanguage: 'en',
      CacheControl: 'no-cache',
      Expires: 'Wed, 21 Oct 2026 07:28:00 GMT',
      Metadata: { 'color-name': 'Blue' },
      StorageClass: 'STANDARD_IA',
      Checksum: checksum,
      TagCount: 1,
    });
    expect('Body' in head).toBe(false);
  });

  it('copies the body in and out so callers cannot mutate stored bytes', () => {
    const body = bytes('abc');
    engine.putObject({ Bucket: 'bkt', Key: 'k', Body: body });
    body[0] = 0x7a;
    const out = engine.getObject({ Bucket: 'bkt', Key: 'k' }).Body;
    out[1] = 0x7a;
    expect(text(engine.getObject({ Bucket: 'bkt', Key: 'k' }).Body)).toBe('abc');
  });

  it('validates keys, metadata size, storage class and Content-MD5', () => {
    expectS3Error(() => engine.putObject({ Bucket: 'bkt', Key: 'x'.repeat(1025), Body: bytes('') }), 'KeyTooLongError', {
      Size: 1025,
      MaxSizeAllowed: 1024,
    });
    engine.putObject({ Bucket: 'bkt', Key: 'é'.repeat(512), Body: bytes('') });
    expectS3Error(() => engine.putObject({ Bucket: 'bkt', Key: 'é'.repeat(513), Body: bytes('') }), 'KeyTooLongError');
    expectS3Error(() => engine.putObject({ Bucket: 'bkt', Key: '', Body: bytes('') }), 'InvalidArgument');
    engine.putObject({ Bucket: 'bkt', Key: 'm', Body: bytes(''), Metadata: { k: 'v'.repeat(2047) } });
    expectS3Error(
      () => engine.putObject({ Bucket: 'bkt', Key: 'm', Body: bytes(''), Metadata: { k: 'v'.repeat(2048) } }),
      'MetadataTooLarge',
    );
    expectS3Error(() => engine.putObject({ Bucket: 'bkt', Key: 'k', Body: bytes(''), StorageClass: 'CHEAP' }), 'InvalidStorageClass');
    engine.putObject({ Bucket: 'bkt', Key: 'k', Body: bytes('abc'), ContentMD5: md5b64('abc') });
    expectS3Error(() => engine.putObject({ Bucket: 'bkt', Key: 'k', Body: bytes('abd'), ContentMD5: md5b64('abc') }), 'BadDigest');
    expectS3Error(() => engine.putObject({ Bucket: 'bkt', Key: 'k', Body: bytes('abc'), ContentMD5: 'nope' }), 'InvalidDigest');
    expectS3Error(() => engine.putObject({ Bucket: 'nope', Key: 'k', Body: bytes('') }), 'NoSuchBucket');
  });

  it('enforces the maximum object size', () => {
    const small = createS3Engine({ maxObjectSize: 3 });
    small.createBucket({ Bucket: 'bkt' });
    small.putObject({ Bucket: 'bkt', Key: 'k', Body: bytes('abc') });
    expectS3Error(() => small.putObject({ Bucket: 'bkt', Key: 'k', Body: bytes('abcd') }), 'EntityTooLarge');
  });

  it('answers NoSuchKey for a missing key', () => {
    expectS3Error(() => engine.getObject({ Bucket: 'bkt', Key: 'missing' }), 'NoSuchKey', { Key: 'missing' });
    expectS3Error(() => engine.headObject({ Bucket: 'bkt', Key: 'missing' }), 'NoSuchKey');
  });

  it('refuses GET of archived objects but allows HEAD', () => {
    engine.putObject({ Bucket: 'bkt', Key: 'cold', Body: bytes('x'), StorageClass: 'GLACIER' });
    expectS3Error(() => engine.getObject({ Bucket: 'bkt', Key: 'cold' }), 'InvalidObjectState');
    expect(engine.headObject({ Bucket: 'bkt', Key: 'cold' }).StorageClass).toBe('GLACIER');
  });
});

describe('conditional writes', () => {
  it('If-None-Match: * refuses to overwrite, allows creating', () => {
    engine.putObject({ Bucket: 'bkt', Key: 'k', Body: bytes('1'), IfNoneMatch: '*' });
    const err = expectS3Error(() => engine.putObject({ Bucket: 'bkt', Key: 'k', Body: bytes('2'), IfNoneMatch: '*' }), 'PreconditionFailed');
    expect(err.status).toBe(412);
    expect(text(engine.getObject({ Bucket: 'bkt', Key: 'k' }).Body)).toBe('1');
  });

  it('If-Match overwrites only the expected version', () => {
    const { ETag } = engine.putObject({ Bucket: 'bkt', Key: 'k', Body: bytes('1') });
    engine.putObject({ Bucket: 'bkt', Key: 'k', Body: bytes('2'), IfMatch: ETag });
    expectS3Error(() => engine.putObject({ Bucket: 'bkt', Key: 'k', Body: bytes('3'), IfMatch: ETag }), 'PreconditionFailed');
    expectS3Error(() => engine.putObject({ Bucket: 'bkt', Key: 'new', Body: bytes('3'), IfMatch: ETag }), 'NoSuchKey');
    expect(text(engine.getObject({ Bucket: 'bkt', Key: 'k' }).Body)).toBe('2');
  });
});
