import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { S3Engine } from './engine.js';
import { T0, freshObjectEngine } from './test-support/object-engine.js';
import { bytes, expectS3Error, text } from './test-support/expect-s3-error.js';

const md5hex = (s: string | Uint8Array): string => createHash('md5').update(s).digest('hex');

let clock: ReturnType<typeof freshObjectEngine>['clock'];
let engine: S3Engine;
beforeEach(() => {
  ({ engine, clock } = freshObjectEngine());
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
    expect(out).toEqual({ ETag: `"${md5hex('payload')}"`, LastModified: new Date(T0 + 6000), ServerSideEncryption: 'AES256' });
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
