import { beforeEach, describe, expect, it } from 'vitest';
import type { S3Engine } from './engine.js';
import { freshObjectEngine } from './test-support/object-engine.js';
import { bytes, expectS3Error } from './test-support/expect-s3-error.js';


let engine: S3Engine;
beforeEach(() => {
  ({ engine } = freshObjectEngine());
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
