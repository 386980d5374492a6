import { createFakeClock } from '@s3kit/primitives';
import { beforeEach, describe, expect, it } from 'vitest';
import { createS3Engine } from './engine.js';
import type { S3Engine } from './engine.js';
import { bytes, expectS3Error, text } from './test-support/expect-s3-error.js';

let clock: ReturnType<typeof createFakeClock>;
let engine: S3Engine;
beforeEach(() => {
  clock = createFakeClock(Date.UTC(2025, 0, 1));
  engine = createS3Engine({ clock });
  engine.createBucket({ Bucket: 'tags' });
});

describe('object tagging', () => {
  it('put/get/delete tags without touching body, metadata, ETag or Last-Modified (fauxqs regression)', async () => {
    engine.putObject({ Bucket: 'tags', Key: 'k', Body: bytes('body'), ContentType: 'text/plain', Metadata: { m: '1' } });
    const before = engine.headObject({ Bucket: 'tags', Key: 'k' });
    expect(engine.getObjectTagging({ Bucket: 'tags', Key: 'k' })).toEqual({ TagSet: [] });
    await clock.advance(5000);
    engine.putObjectTagging({ Bucket: 'tags', Key: 'k', Tagging: { TagSet: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '' }] } });
    expect(engine.getObjectTagging({ Bucket: 'tags', Key: 'k' }).TagSet).toEqual([
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: '' },
    ]);
    const after = engine.getObject({ Bucket: 'tags', Key: 'k' });
    expect(text(after.Body)).toBe('body');
    expect(after).toMatchObject({
      ETag: before.ETag,
      LastModified: before.LastModified,
      ContentType: 'text/plain',
      Metadata: { m: '1' },
      TagCount: 2,
    });
    engine.deleteObjectTagging({ Bucket: 'tags', Key: 'k' });
    expect(engine.getObjectTagging({ Bucket: 'tags', Key: 'k' }).TagSet).toEqual([]);
    expect(engine.headObject({ Bucket: 'tags', Key: 'k' }).ETag).toBe(before.ETag);
  });

  it('returns copies that do not alias stored tags', () => {
    engine.putObject({ Bucket: 'tags', Key: 'k', Body: bytes(''), Tagging: [{ Key: 'a', Value: '1' }] });
    const got = engine.getObjectTagging({ Bucket: 'tags', Key: 'k' });
    got.TagSet[0]!.Value = 'changed';
    expect(engine.getObjectTagging({ Bucket: 'tags', Key: 'k' }).TagSet[0]?.Value).toBe('1');
  });

  it('validates tags and answers NoSuchKey / NoSuchBucket', () => {
    engine.putObject({ Bucket: 'tags', Key: 'k', Body: bytes('') });
    const eleven = Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: '' }));
    expectS3Error(() => {
      engine.putObjectTagging({ Bucket: 'tags', Key: 'k', Tagging: { TagSet: eleven } });
    }, 'BadRequest');
    expectS3Error(() => {
      engine.putObjectTagging({ Bucket: 'tags', Key: 'k', Tagging: { TagSet: [{ Key: 'x', Value: '1' }, { Key: 'x', Value: '2' }] } });
    }, 'InvalidTag');
    expectS3Error(() => engine.putObject({ Bucket: 'tags', Key: 'k2', Body: bytes(''), Tagging: eleven }), 'BadRequest');
    expectS3Error(() => engine.getObjectTagging({ Bucket: 'tags', Key: 'missing' }), 'NoSuchKey');
    expectS3Error(() => {
      engine.deleteObjectTagging({ Bucket: 'tags', Key: 'missing' });
    }, 'NoSuchKey');
    expectS3Error(() => engine.getObjectTagging({ Bucket: 'nope', Key: 'k' }), 'NoSuchBucket');
  });
});

describe('bucket tagging', () => {
  it('NoSuchTagSet until tagged, and again after delete or an empty set', () => {
    expectS3Error(() => engine.getBucketTagging({ Bucket: 'tags' }), 'NoSuchTagSet', { BucketName: 'tags' });
    const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: `${i}` }));
    engine.putBucketTagging({ Bucket: 'tags', Tagging: { TagSet: fifty } });
    expect(engine.getBucketTagging({ Bucket: 'tags' }).TagSet).toHaveLength(50);
    engine.deleteBucketTagging({ Bucket: 'tags' });
    expectS3Error(() => engine.getBucketTagging({ Bucket: 'tags' }), 'NoSuchTagSet');
    engine.putBucketTagging({ Bucket: 'tags', Tagging: { TagSet: [] } });
    expectS3Error(() => engine.getBucketTagging({ Bucket: 'tags' }), 'NoSuchTagSet');
  });

  it('caps bucket tags at 50 and answers NoSuchBucket', () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: '' }));
    expectS3Error(() => {
      engine.putBucketTagging({ Bucket: 'tags', Tagging: { TagSet: many } });
    }, 'BadRequest');
    expectS3Error(() => {
      engine.deleteBucketTagging({ Bucket: 'nope' });
    }, 'NoSuchBucket');
  });
});
