import { describe, expect, it } from 'vitest';
import { createS3Engine } from './engine.js';
import { bytes, expectS3Error } from './test-support/expect-s3-error.js';

describe('GetObjectAttributes and ListBuckets pages', () => {
  it('answers only the attributes asked for; parts of multipart objects page by number', () => {
    const e = createS3Engine({ minPartSize: 1 });
    e.createBucket({ Bucket: 'attrs' });
    e.putObject({ Bucket: 'attrs', Key: 'one', Body: bytes('foo'), Checksum: { algorithm: 'CRC32', value: 'AAAAAA==', type: 'FULL_OBJECT' } });
    expect(e.getObjectAttributes({ Bucket: 'attrs', Key: 'one', ObjectAttributes: ['ETag', 'ObjectSize', 'Checksum', 'ObjectParts'] })).toMatchObject({
      ETag: 'acbd18db4cc2f85cedef654fccc4a4d8',
      ObjectSize: 3,
      Checksum: { algorithm: 'CRC32' },
    });
    expect(e.getObjectAttributes({ Bucket: 'attrs', Key: 'one', ObjectAttributes: ['StorageClass'] })).not.toHaveProperty('ETag');
    expectS3Error(() => e.getObjectAttributes({ Bucket: 'attrs', Key: 'one', ObjectAttributes: ['Colour'] }), 'InvalidArgument');
    const { UploadId } = e.createMultipartUpload({ Bucket: 'attrs', Key: 'mp' });
    const parts = [1, 2, 3].map((PartNumber) => ({ PartNumber, ETag: e.uploadPart({ Bucket: 'attrs', Key: 'mp', UploadId, PartNumber, Body: bytes('ab') }).ETag }));
    e.completeMultipartUpload({ Bucket: 'attrs', Key: 'mp', UploadId, Parts: parts });
    const page = e.getObjectAttributes({ Bucket: 'attrs', Key: 'mp', ObjectAttributes: ['ObjectParts'], MaxParts: 1, PartNumberMarker: 1 }).ObjectParts;
    expect(page).toEqual({ TotalPartsCount: 3, PartNumberMarker: 1, MaxParts: 1, IsTruncated: true, NextPartNumberMarker: 2, Parts: [{ PartNumber: 2, Size: 2 }] });
  });

  it('ListBuckets pages with max-buckets and continuation tokens', () => {
    const e = createS3Engine();
    for (const b of ['aaa', 'bbb', 'ccc']) e.createBucket({ Bucket: b });
    const first = e.listBuckets({ MaxBuckets: 2 });
    expect([first.Buckets.map((b) => b.Name), typeof first.ContinuationToken]).toEqual([['aaa', 'bbb'], 'string']);
    const rest = e.listBuckets({ MaxBuckets: 2, ContinuationToken: first.ContinuationToken! });
    expect([rest.Buckets.map((b) => b.Name), rest.ContinuationToken]).toEqual([['ccc'], undefined]);
    expectS3Error(() => e.listBuckets({ MaxBuckets: 0 }), 'InvalidArgument');
  });
});
