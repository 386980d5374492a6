import { createHash } from 'node:crypto';
import { createFakeClock } from '@s3kit/primitives';
import { beforeEach, describe, expect, it } from 'vitest';
import { createS3Engine } from './engine.js';
import type { S3Engine } from './engine.js';
import { bytes, expectS3Error, text } from './test-support/expect-s3-error.js';

const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const md5hex = (s: string | Uint8Array): string => createHash('md5').update(s).digest('hex');
const md5b64 = (s: string): string => createHash('md5').update(s).digest('base64');

let clock: ReturnType<typeof createFakeClock>;
let engine: S3Engine;
beforeEach(() => {
  clock = createFakeClock(T0 + 1234);
  engine = createS3Engine({ clock, minPartSize: 5 });
  engine.createBucket({ Bucket: 'bkt' });
});

describe('PutObject / GetObject / HeadObject', () => {
  it('stores the body with a quoted MD5 ETag, second-precision Last-Modified and the default content type', () => {
    const put = engine.putObject({ Bucket: 'bkt', Key: 'k', Body: bytes('hello') });
    expect(put).toEqual({ ETag: `"${md5hex('hello')}"`, Size: 5 });
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

describe('conditional reads against the stored object', () => {
  it('uses the clock: If-Modified-Since after a write in a later second', async () => {
    const { ETag } = engine.putObject({ Bucket: 'bkt', Key: 'k', Body: bytes('1') });
    const seen = new Date(clock.now());
    expectS3Error(() => engine.getObject({ Bucket: 'bkt', Key: 'k', IfModifiedSince: seen }), 'NotModified', { ETag });
    await clock.advance(2000);
    engine.putObject({ Bucket: 'bkt', Key: 'k', Body: bytes('2') });
    expect(text(engine.getObject({ Bucket: 'bkt', Key: 'k', IfModifiedSince: seen }).Body)).toBe('2');
    expectS3Error(() => engine.headObject({ Bucket: 'bkt', Key: 'k', IfUnmodifiedSince: seen }), 'PreconditionFailed');
    expectS3Error(() => engine.getObject({ Bucket: 'bkt', Key: 'k', IfMatch: ETag }), 'PreconditionFailed');
    expect(engine.getObject({ Bucket: 'bkt', Key: 'k', IfNoneMatch: ETag }).StatusCode).toBe(200);
  });
});

describe('ranges and part numbers', () => {
  beforeEach(() => {
    engine.putObject({ Bucket: 'bkt', Key: 'digits', Body: bytes('0123456789') });
  });

  it('serves a single range with 206 and Content-Range', () => {
    const got = engine.getObject({ Bucket: 'bkt', Key: 'digits', Range: 'bytes=2-4' });
    expect(text(got.Body)).toBe('234');
    expect(got).toMatchObject({ StatusCode: 206, ContentLength: 3, ContentRange: 'bytes 2-4/10' });
    expect(text(engine.getObject({ Bucket: 'bkt', Key: 'digits', Range: 'bytes=-2' }).Body)).toBe('89');
    expect(text(engine.getObject({ Bucket: 'bkt', Key: 'digits', Range: 'bytes=8-' }).Body)).toBe('89');
    expect(engine.headObject({ Bucket: 'bkt', Key: 'digits', Range: 'bytes=0-0' }).ContentRange).toBe('bytes 0-0/10');
  });

  it('ignores multiple ranges and returns the whole object with 200', () => {
    const got = engine.getObject({ Bucket: 'bkt', Key: 'digits', Range: 'bytes=0-1,3-4' });
    expect(got.StatusCode).toBe(200);
    expect(text(got.Body)).toBe('0123456789');
  });

  it('answers InvalidRange with the object size when unsatisfiable', () => {
    expectS3Error(() => engine.getObject({ Bucket: 'bkt', Key: 'digits', Range: 'bytes=10-' }), 'InvalidRange', {
      ActualObjectSize: 10,
    });
  });

  it('omits the checksum on ranged reads', () => {
    engine.putObject({ Bucket: 'bkt', Key: 'c', Body: bytes('abc'), Checksum: { algorithm: 'SHA256', value: 'x', type: 'FULL_OBJECT' } });
    expect(engine.getObject({ Bucket: 'bkt', Key: 'c', Range: 'bytes=0-0' }).Checksum).toBeUndefined();
    expect(engine.getObject({ Bucket: 'bkt', Key: 'c', PartNumber: 1 }).Checksum?.value).toBe('x');
  });

  it('treats a single-part object as one part', () => {
    const got = engine.getObject({ Bucket: 'bkt', Key: 'digits', PartNumber: 1 });
    expect(text(got.Body)).toBe('0123456789');
    expect(got.PartsCount).toBeUndefined();
    expectS3Error(() => engine.getObject({ Bucket: 'bkt', Key: 'digits', PartNumber: 2 }), 'InvalidPartNumber', {
      ActualPartCount: 1,
    });
    expectS3Error(() => engine.getObject({ Bucket: 'bkt', Key: 'digits', PartNumber: 0 }), 'InvalidArgument');
    expectS3Error(() => engine.getObject({ Bucket: 'bkt', Key: 'digits', PartNumber: 1.5 }), 'InvalidArgument');
    expectS3Error(
      () => engine.getObject({ Bucket: 'bkt', Key: 'digits', PartNumber: 1, Range: 'bytes=0-1' }),
      'InvalidRequest',
    );
  });
});

describe('DeleteObject / DeleteObjects', () => {
  it('deleting a missing key succeeds', () => {
    expect(() => {
      engine.deleteObject({ Bucket: 'bkt', Key: 'never' });
    }).not.toThrow();
  });

  it('supports conditional delete with If-Match', () => {
    const { ETag } = engine.putObject({ Bucket: 'bkt', Key: 'k', Body: bytes('1') });
    expectS3Error(() => {
      engine.deleteObject({ Bucket: 'bkt', Key: 'k', IfMatch: '"other"' });
    }, 'PreconditionFailed');
    engine.deleteObject({ Bucket: 'bkt', Key: 'k', IfMatch: ETag });
    expectS3Error(() => engine.headObject({ Bucket: 'bkt', Key: 'k' }), 'NoSuchKey');
  });

  it('reports per key, with errors, and only errors in quiet mode', () => {
    engine.putObject({ Bucket: 'bkt', Key: 'a', Body: bytes('1') });
    const long = 'x'.repeat(1025);
    const out = engine.deleteObjects({ Bucket: 'bkt', Objects: [{ Key: 'a' }, { Key: 'missing' }, { Key: long }] });
    expect(out.Deleted).toEqual([{ Key: 'a' }, { Key: 'missing' }]);
    expect(out.Errors).toEqual([{ Key: long, Code: 'KeyTooLongError', Message: 'Your key is too long' }]);
    engine.putObject({ Bucket: 'bkt', Key: 'a', Body: bytes('1') });
    const quiet = engine.deleteObjects({ Bucket: 'bkt', Objects: [{ Key: 'a' }], Quiet: true });
    expect(quiet).toEqual({ Deleted: [], Errors: [] });
    expectS3Error(() => engine.headObject({ Bucket: 'bkt', Key: 'a' }), 'NoSuchKey');
  });

  it('accepts 1000 keys and refuses 1001 or none with MalformedXML', () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}` }));
    expect(engine.deleteObjects({ Bucket: 'bkt', Objects: keys(1000) }).Deleted).toHaveLength(1000);
    expectS3Error(() => engine.deleteObjects({ Bucket: 'bkt', Objects: keys(1001) }), 'MalformedXML');
    expectS3Error(() => engine.deleteObjects({ Bucket: 'bkt', Objects: [] }), 'MalformedXML');
    expectS3Error(() => engine.deleteObjects({ Bucket: 'nope', Objects: keys(1) }), 'NoSuchBucket');
  });
});

describe('CopyObject', () => {
  beforeEach(() => {
    engine.createBucket({ Bucket: 'dest' });
    engine.putObject({
      Bucket: 'bkt',
      Key: 'src',
      Body: bytes('payload'),
      ContentType: 'text/plain',
      CacheControl: 'max-age=1',
      Metadata: { a: '1' },
      Tagging: [{ Key: 't', Value: '1' }],
      StorageClass: 'STANDARD_IA',
    });
  });

  it('copies body, metadata and tags by default; storage class resets to STANDARD', async () => {
    await clock.advance(5000);
    const out = engine.copyObject({ Bucket: 'dest', Key: 'copy', CopySource: { Bucket: 'bkt', Key: 'src' } });
    expect(out).toEqual({ ETag: `"${md5hex('payload')}"`, LastModified: new Date(T0 + 6000) });
    const got = engine.getObject({ Bucket: 'dest', Key: 'copy' });
    expect(text(got.Body)).toBe('payload');
    expect(got).toMatchObject({ ContentType: 'text/plain', CacheControl: 'max-age=1', Metadata: { a: '1' }, StorageClass: 'STANDARD' });
    expect(engine.getObjectTagging({ Bucket: 'dest', Key: 'copy' }).TagSet).toEqual([{ Key: 't', Value: '1' }]);
  });

  it('replaces metadata and tags with the REPLACE directives', () => {
    engine.copyObject({
      Bucket: 'dest',
      Key: 'copy',
      CopySource: { Bucket: 'bkt', Key: 'src' },
      MetadataDirective: 'REPLACE',
      Metadata: { B: '2' },
      TaggingDirective: 'REPLACE',
      Tagging: [{ Key: 'n', Value: 'new' }],
    });
    const head = engine.headObject({ Bucket: 'dest', Key: 'copy' });
    expect(head.Metadata).toEqual({ b: '2' });
    expect(head.ContentType).toBe('binary/octet-stream');
    expect(head.CacheControl).toBeUndefined();
    expect(engine.getObjectTagging({ Bucket: 'dest', Key: 'copy' }).TagSet).toEqual([{ Key: 'n', Value: 'new' }]);
  });

  it('refuses to copy onto itself without a change, allows it with REPLACE or a new storage class', () => {
    const self = { Bucket: 'bkt', Key: 'src', CopySource: { Bucket: 'bkt', Key: 'src' } };
    expect(expectS3Error(() => engine.copyObject(self), 'InvalidRequest').message).toContain('copy an object to itself');
    expectS3Error(() => engine.copyObject({ ...self, StorageClass: 'STANDARD_IA' }), 'InvalidRequest');
    engine.copyObject({ ...self, StorageClass: 'STANDARD' });
    engine.copyObject({ ...self, MetadataDirective: 'REPLACE', Metadata: { c: '3' } });
    expect(engine.headObject({ Bucket: 'bkt', Key: 'src' }).Metadata).toEqual({ c: '3' });
  });

  it('honours copy-source conditions with 412 only', () => {
    const { ETag } = engine.headObject({ Bucket: 'bkt', Key: 'src' });
    const base = { Bucket: 'dest', Key: 'c', CopySource: { Bucket: 'bkt', Key: 'src' } };
    expectS3Error(() => engine.copyObject({ ...base, CopySourceIfNoneMatch: ETag }), 'PreconditionFailed');
    expectS3Error(() => engine.copyObject({ ...base, CopySourceIfMatch: '"x"' }), 'PreconditionFailed');
    engine.copyObject({ ...base, CopySourceIfMatch: ETag });
    expectS3Error(() => engine.copyObject({ ...base, IfNoneMatch: '*' }), 'PreconditionFailed');
  });

  it('validates directives, source and archive state', () => {
    const base = { Bucket: 'dest', Key: 'c', CopySource: { Bucket: 'bkt', Key: 'src' } };
    expectS3Error(() => engine.copyObject({ ...base, MetadataDirective: 'MOVE' as 'COPY' }), 'InvalidArgument');
    expectS3Error(() => engine.copyObject({ ...base, CopySource: { Bucket: 'bkt', Key: 'none' } }), 'NoSuchKey');
    expectS3Error(() => engine.copyObject({ ...base, CopySource: { Bucket: 'nobucket', Key: 'x' } }), 'NoSuchBucket');
    engine.putObject({ Bucket: 'bkt', Key: 'cold', Body: bytes('x'), StorageClass: 'DEEP_ARCHIVE' });
    expectS3Error(() => engine.copyObject({ ...base, CopySource: { Bucket: 'bkt', Key: 'cold' } }), 'InvalidObjectState');
  });

  it('keeps a full-object checksum and drops a composite one', () => {
    engine.putObject({ Bucket: 'bkt', Key: 'f', Body: bytes('x'), Checksum: { algorithm: 'CRC32', value: 'A', type: 'FULL_OBJECT' } });
    engine.putObject({ Bucket: 'bkt', Key: 'c', Body: bytes('x'), Checksum: { algorithm: 'CRC32', value: 'B-2', type: 'COMPOSITE' } });
    expect(engine.copyObject({ Bucket: 'dest', Key: 'f', CopySource: { Bucket: 'bkt', Key: 'f' } }).Checksum?.value).toBe('A');
    expect(engine.copyObject({ Bucket: 'dest', Key: 'c', CopySource: { Bucket: 'bkt', Key: 'c' } }).Checksum).toBeUndefined();
  });
});
