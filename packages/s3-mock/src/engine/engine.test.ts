import { ValidationError, createFakeClock } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { createS3Engine } from './engine.js';
import { bytes, expectS3Error, text } from './test-support/expect-s3-error.js';

describe('seed', () => {
  it('creates buckets and objects from strings, bytes and full specs', () => {
    const engine = createS3Engine({ clock: createFakeClock(0) });
    engine.seed({
      buckets: {
        photos: {
          region: 'eu-central-1',
          objects: {
            'a.txt': 'hello',
            'b.bin': new Uint8Array([1, 2, 3]),
            'c.json': { Body: '{}', ContentType: 'application/json', Metadata: { x: 'y' }, Tagging: [{ Key: 't', Value: 'v' }] },
            'd.raw': { Body: new Uint8Array([9]) },
          },
        },
        empty: {},
      },
    });
    expect(engine.listBuckets().Buckets.map((b) => [b.Name, b.BucketRegion])).toEqual([
      ['empty', 'us-east-1'],
      ['photos', 'eu-central-1'],
    ]);
    expect(text(engine.getObject({ Bucket: 'photos', Key: 'a.txt' }).Body)).toBe('hello');
    expect([...engine.getObject({ Bucket: 'photos', Key: 'b.bin' }).Body]).toEqual([1, 2, 3]);
    expect(engine.headObject({ Bucket: 'photos', Key: 'c.json' })).toMatchObject({ ContentType: 'application/json', Metadata: { x: 'y' }, TagCount: 1 });
    expect(engine.headObject({ Bucket: 'photos', Key: 'd.raw' }).ContentLength).toBe(1);
    // Seeding an existing bucket adds to it.
    engine.seed({ buckets: { photos: { objects: { 'e.txt': 'more' } } } });
    expect(engine.listObjectsV2({ Bucket: 'photos' }).KeyCount).toBe(5);
  });

  it('applies the normal validation', () => {
    const engine = createS3Engine();
    expectS3Error(() => {
      engine.seed({ buckets: { BAD: {} } });
    }, 'InvalidBucketName');
  });
});

describe('snapshot / restore / reset', () => {
  it('snapshots are independent of later changes, and restorable more than once', () => {
    const engine = createS3Engine({ minPartSize: 1 });
    engine.seed({ buckets: { snap: { objects: { keep: 'v1' } } } });
    engine.putObjectTagging({ Bucket: 'snap', Key: 'keep', Tagging: { TagSet: [{ Key: 't', Value: '1' }] } });
    engine.putBucketTagging({ Bucket: 'snap', Tagging: { TagSet: [{ Key: 'b', Value: '1' }] } });
    const { UploadId } = engine.createMultipartUpload({ Bucket: 'snap', Key: 'mp' });
    engine.uploadPart({ Bucket: 'snap', Key: 'mp', UploadId, PartNumber: 1, Body: bytes('p1'), Checksum: { algorithm: 'CRC32', value: 'c', type: 'FULL_OBJECT' } });
    const snap = engine.snapshot();

    engine.putObject({ Bucket: 'snap', Key: 'keep', Body: bytes('v2') });
    engine.putObjectTagging({ Bucket: 'snap', Key: 'keep', Tagging: { TagSet: [] } });
    engine.deleteBucketTagging({ Bucket: 'snap' });
    engine.putObject({ Bucket: 'snap', Key: 'new', Body: bytes('n') });
    engine.uploadPart({ Bucket: 'snap', Key: 'mp', UploadId, PartNumber: 2, Body: bytes('p2') });
    engine.createBucket({ Bucket: 'later' });

    engine.restore(snap);
    expect(text(engine.getObject({ Bucket: 'snap', Key: 'keep' }).Body)).toBe('v1');
    expect(engine.getObjectTagging({ Bucket: 'snap', Key: 'keep' }).TagSet).toEqual([{ Key: 't', Value: '1' }]);
    expect(engine.getBucketTagging({ Bucket: 'snap' }).TagSet).toEqual([{ Key: 'b', Value: '1' }]);
    expect(engine.listObjectsV2({ Bucket: 'snap' }).Contents.map((c) => c.Key)).toEqual(['keep']);
    expect(engine.listParts({ Bucket: 'snap', Key: 'mp', UploadId }).Parts.map((p) => p.PartNumber)).toEqual([1]);
    expect(engine.listBuckets().Buckets.map((b) => b.Name)).toEqual(['snap']);

    // Changing the restored state does not leak into the snapshot.
    const done = engine.completeMultipartUpload({ Bucket: 'snap', Key: 'mp', UploadId, Parts: [{ PartNumber: 1, ETag: engine.listParts({ Bucket: 'snap', Key: 'mp', UploadId }).Parts[0]!.ETag }] });
    expect(done.ETag).toMatch(/-1"$/);
    engine.restore(snap);
    expect(engine.listAllMultipartUploads()).toHaveLength(1);
    expectS3Error(() => engine.headObject({ Bucket: 'snap', Key: 'mp' }), 'NoSuchKey');
  });

  it('snapshots a completed multipart object with its part layout', () => {
    const engine = createS3Engine({ minPartSize: 1 });
    engine.createBucket({ Bucket: 'snap' });
    const { UploadId } = engine.createMultipartUpload({ Bucket: 'snap', Key: 'mp' });
    const p1 = engine.uploadPart({ Bucket: 'snap', Key: 'mp', UploadId, PartNumber: 1, Body: bytes('ab'), Checksum: { algorithm: 'CRC32', value: 'c', type: 'FULL_OBJECT' } });
    const p2 = engine.uploadPart({ Bucket: 'snap', Key: 'mp', UploadId, PartNumber: 2, Body: bytes('cd') });
    engine.completeMultipartUpload({ Bucket: 'snap', Key: 'mp', UploadId, Parts: [{ PartNumber: 1, ETag: p1.ETag }, { PartNumber: 2, ETag: p2.ETag }], Checksum: { algorithm: 'CRC32', value: 'x-2', type: 'COMPOSITE' } });
    const snap = engine.snapshot();
    engine.reset();
    expect(engine.listBuckets().Buckets).toEqual([]);
    engine.restore(snap);
    const part = engine.getObject({ Bucket: 'snap', Key: 'mp', PartNumber: 2 });
    expect(text(part.Body)).toBe('cd');
    expect(part.PartsCount).toBe(2);
    expect(engine.headObject({ Bucket: 'snap', Key: 'mp', PartNumber: 1 }).Checksum?.value).toBe('c');
    // The completed-upload memory survives too: a retried completion still succeeds.
    expect(engine.completeMultipartUpload({ Bucket: 'snap', Key: 'mp', UploadId, Parts: [{ PartNumber: 1, ETag: p1.ETag }, { PartNumber: 2, ETag: p2.ETag }] }).Checksum?.value).toBe('x-2');
  });

  it('refuses a snapshot it did not make, and restores one into another engine', () => {
    const engine = createS3Engine();
    expect(() => {
      engine.restore({ kind: 'S3EngineSnapshot' });
    }).toThrow(ValidationError);
    engine.seed({ buckets: { moved: { objects: { k: 'v' } } } });
    const other = createS3Engine();
    other.restore(engine.snapshot());
    expect(text(other.getObject({ Bucket: 'moved', Key: 'k' }).Body)).toBe('v');
  });

  it('reset empties everything', () => {
    const engine = createS3Engine();
    engine.seed({ buckets: { gone: { objects: { k: 'v' } } } });
    engine.createMultipartUpload({ Bucket: 'gone', Key: 'k' });
    engine.reset();
    expect(engine.listBuckets().Buckets).toEqual([]);
    expect(engine.listAllMultipartUploads()).toEqual([]);
  });
});

describe('defaults', () => {
  it('uses the system clock, Math.random and us-east-1 when not injected', () => {
    const engine = createS3Engine();
    const before = Date.now();
    engine.createBucket({ Bucket: 'real' });
    const created = engine.listBuckets().Buckets[0]!.CreationDate.getTime();
    expect(created).toBeGreaterThanOrEqual(before);
    expect(engine.headBucket({ Bucket: 'real' }).BucketRegion).toBe('us-east-1');
    expect(engine.createMultipartUpload({ Bucket: 'real', Key: 'k' }).UploadId).toHaveLength(64);
    expect(engine.owner.DisplayName).toBe('s3kit-mock');
    const custom = createS3Engine({ owner: { ID: 'id', DisplayName: 'me' } });
    expect(custom.listBuckets().Owner).toEqual({ ID: 'id', DisplayName: 'me' });
  });
});
