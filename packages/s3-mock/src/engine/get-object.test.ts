import { beforeEach, describe, expect, it } from 'vitest';
import type { S3Engine } from './engine.js';
import { freshObjectEngine } from './test-support/object-engine.js';
import { bytes, expectS3Error, text } from './test-support/expect-s3-error.js';


let clock: ReturnType<typeof freshObjectEngine>['clock'];
let engine: S3Engine;
beforeEach(() => {
  ({ engine, clock } = freshObjectEngine());
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
