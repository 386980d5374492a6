import { createFakeClock } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { createS3Engine } from './engine.js';
import { bytes, expectS3Error } from './test-support/expect-s3-error.js';

const T0 = Date.UTC(2025, 0, 1);

describe('bucket operations', () => {
  it('creates, heads, lists sorted by name with creation dates and regions', async () => {
    const clock = createFakeClock(T0);
    const engine = createS3Engine({ clock, region: 'eu-west-1' });
    expect(engine.createBucket({ Bucket: 'zeta' })).toEqual({ Location: '/zeta' });
    await clock.advance(1000);
    engine.createBucket({ Bucket: 'alpha', CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } });
    expect(engine.headBucket({ Bucket: 'zeta' })).toEqual({ BucketRegion: 'eu-west-1' });
    const { Buckets, Owner } = engine.listBuckets();
    expect(Buckets).toEqual([
      { Name: 'alpha', CreationDate: new Date(T0 + 1000), BucketRegion: 'us-west-2' },
      { Name: 'zeta', CreationDate: new Date(T0), BucketRegion: 'eu-west-1' },
    ]);
    expect(Owner).toEqual(engine.owner);
    expect(engine.listBuckets({ Prefix: 'ze' }).Buckets.map((b) => b.Name)).toEqual(['zeta']);
  });

  it('reports GetBucketLocation with us-east-1 as an empty constraint', () => {
    const engine = createS3Engine();
    engine.createBucket({ Bucket: 'east' });
    engine.createBucket({ Bucket: 'west', CreateBucketConfiguration: { LocationConstraint: 'us-west-1' } });
    expect(engine.getBucketLocation({ Bucket: 'east' })).toEqual({ LocationConstraint: undefined });
    expect(engine.getBucketLocation({ Bucket: 'west' })).toEqual({ LocationConstraint: 'us-west-1' });
  });

  it('rejects invalid names and duplicates', () => {
    const engine = createS3Engine();
    expectS3Error(() => engine.createBucket({ Bucket: 'Bad_Name' }), 'InvalidBucketName');
    engine.createBucket({ Bucket: 'mine' });
    // Re-creating your own bucket: a no-op in us-east-1 (S3's legacy), BucketAlreadyOwnedByYou elsewhere.
    expect(engine.createBucket({ Bucket: 'mine' })).toEqual({ Location: '/mine' });
    engine.createBucket({ Bucket: 'mine-eu', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } });
    expectS3Error(() => engine.createBucket({ Bucket: 'mine-eu' }), 'BucketAlreadyOwnedByYou', { BucketName: 'mine-eu' });
    const other = { ID: 'other', DisplayName: 'other' };
    expectS3Error(() => engine.createBucket({ Bucket: 'mine' }, other), 'BucketAlreadyExists');
    engine.createBucket({ Bucket: 'theirs' }, other);
    expectS3Error(() => engine.createBucket({ Bucket: 'theirs' }), 'BucketAlreadyExists');
  });

  it('answers NoSuchBucket for a missing bucket', () => {
    const engine = createS3Engine();
    expectS3Error(() => engine.headBucket({ Bucket: 'nope' }), 'NoSuchBucket', { BucketName: 'nope' });
    expectS3Error(() => {
      engine.deleteBucket({ Bucket: 'nope' });
    }, 'NoSuchBucket');
    expectS3Error(() => engine.getBucketLocation({ Bucket: 'nope' }), 'NoSuchBucket');
  });

  it('refuses to delete a bucket holding objects', () => {
    const engine = createS3Engine();
    engine.createBucket({ Bucket: 'full' });
    engine.putObject({ Bucket: 'full', Key: 'k', Body: bytes('x') });
    expectS3Error(() => {
      engine.deleteBucket({ Bucket: 'full' });
    }, 'BucketNotEmpty', { BucketName: 'full' });
    engine.deleteObject({ Bucket: 'full', Key: 'k' });
    engine.deleteBucket({ Bucket: 'full' });
    expect(engine.listBuckets().Buckets).toEqual([]);
  });

  it('deletes a bucket with only incomplete multipart uploads, discarding them (AWS behaviour)', () => {
    const engine = createS3Engine();
    engine.createBucket({ Bucket: 'mpu' });
    engine.createMultipartUpload({ Bucket: 'mpu', Key: 'k' });
    engine.deleteBucket({ Bucket: 'mpu' });
    expect(engine.listAllMultipartUploads()).toEqual([]);
  });

  it('can be told to refuse deleting a bucket with incomplete uploads', () => {
    const engine = createS3Engine({ incompleteUploadsBlockBucketDelete: true });
    engine.createBucket({ Bucket: 'mpu' });
    engine.createMultipartUpload({ Bucket: 'mpu', Key: 'k' });
    expectS3Error(() => {
      engine.deleteBucket({ Bucket: 'mpu' });
    }, 'BucketNotEmpty');
  });
});
