import { describe, expect, it } from 'vitest';
import { resolveCopySourceRange, resolveRange } from './range.js';
import { expectS3Error } from './test-support/expect-s3-error.js';

describe('resolveRange (object of 10 bytes)', () => {
  it.each([
    ['bytes=0-0', { start: 0, end: 0 }],
    ['bytes=2-5', { start: 2, end: 5 }],
    ['bytes=2-', { start: 2, end: 9 }],
    ['bytes=5-100', { start: 5, end: 9 }],
    ['bytes=-3', { start: 7, end: 9 }],
    ['bytes=-100', { start: 0, end: 9 }],
    ['bytes=9-9', { start: 9, end: 9 }],
    [' bytes=1-2 ', { start: 1, end: 2 }],
  ])('%s -> %o', (header, want) => {
    expect(resolveRange(header, 10)).toEqual(want);
  });

  it.each(['bytes=0-1,4-5', 'items=0-1', 'bytes=5-2', 'bytes=-', 'bytes=a-b', 'bytes 0-1', ''])(
    '%s is ignored: whole object (S3 answers 200)',
    (header) => {
      expect(resolveRange(header, 10)).toBeUndefined();
    },
  );

  it.each(['bytes=10-', 'bytes=10-20', 'bytes=-0', 'bytes=50-60'])('%s is unsatisfiable: InvalidRange with the size', (header) => {
    const err = expectS3Error(() => resolveRange(header, 10), 'InvalidRange', { ActualObjectSize: 10, RangeRequested: header });
    expect(err.status).toBe(416);
  });

  it('any range of an empty object is unsatisfiable', () => {
    expectS3Error(() => resolveRange('bytes=0-', 0), 'InvalidRange', { ActualObjectSize: 0 });
    expectS3Error(() => resolveRange('bytes=-5', 0), 'InvalidRange');
  });
});

describe('resolveCopySourceRange', () => {
  it('accepts a range within the source', () => {
    expect(resolveCopySourceRange('bytes=0-4', 10)).toEqual({ start: 0, end: 4 });
    expect(resolveCopySourceRange('bytes=9-9', 10)).toEqual({ start: 9, end: 9 });
  });

  it.each(['bytes=0-', 'bytes=-5', 'bytes=1-2,3-4', '0-4'])('rejects malformed %s', (header) => {
    expectS3Error(() => resolveCopySourceRange(header, 10), 'InvalidArgument', { ArgumentName: 'x-amz-copy-source-range' });
  });

  it.each(['bytes=0-10', 'bytes=5-4'])('rejects %s outside a 10-byte source', (header) => {
    const err = expectS3Error(() => resolveCopySourceRange(header, 10), 'InvalidArgument');
    expect(err.message).toContain('size: 10');
  });
});
