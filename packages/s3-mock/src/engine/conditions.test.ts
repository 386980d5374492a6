import { describe, expect, it } from 'vitest';
import { checkCopySourceConditions, checkReadConditions, checkWriteConditions } from './conditions.js';
import type { ReadConditions } from './conditions.js';
import { expectS3Error } from './test-support/expect-s3-error.js';

const T = Date.UTC(2025, 0, 10, 12, 0, 0);
const target = { ETag: '"abc"', LastModified: T };
const before = new Date(T - 60_000);
const after = new Date(T + 60_000);
const same = new Date(T + 999); // same second as Last-Modified

type Want = 'ok' | 'PreconditionFailed' | 'NotModified';

function outcome(c: ReadConditions): Want {
  try {
    checkReadConditions(c, target);
    return 'ok';
  } catch (err) {
    return (err as { code: Want }).code;
  }
}

describe('checkReadConditions (GetObject/HeadObject)', () => {
  // [conditions, expected] — S3's documented pairs first, then singles.
  const table: [string, ReadConditions, Want][] = [
    ['If-Match true + If-Unmodified-Since false -> 200', { IfMatch: '"abc"', IfUnmodifiedSince: before }, 'ok'],
    ['If-Match false + If-Unmodified-Since true -> 412', { IfMatch: '"zzz"', IfUnmodifiedSince: after }, 'PreconditionFailed'],
    ['If-None-Match false + If-Modified-Since true -> 304', { IfNoneMatch: '"abc"', IfModifiedSince: before }, 'NotModified'],
    ['If-None-Match true + If-Modified-Since false -> 200', { IfNoneMatch: '"zzz"', IfModifiedSince: after }, 'ok'],
    ['If-Match false + If-None-Match false -> 412 wins', { IfMatch: '"zzz"', IfNoneMatch: '"abc"' }, 'PreconditionFailed'],
    ['If-Unmodified-Since false + If-Modified-Since false -> 412 wins', { IfUnmodifiedSince: before, IfModifiedSince: after }, 'PreconditionFailed'],
    ['If-Match true + If-None-Match false -> 304', { IfMatch: '"abc"', IfNoneMatch: '*' }, 'NotModified'],
    ['If-Match matches', { IfMatch: '"abc"' }, 'ok'],
    ['If-Match unquoted', { IfMatch: 'abc' }, 'ok'],
    ['If-Match list', { IfMatch: '"x", "abc"' }, 'ok'],
    ['If-Match *', { IfMatch: '*' }, 'ok'],
    ['If-Match differs', { IfMatch: '"x"' }, 'PreconditionFailed'],
    ['If-None-Match differs', { IfNoneMatch: '"x"' }, 'ok'],
    ['If-None-Match matches', { IfNoneMatch: 'abc' }, 'NotModified'],
    ['If-None-Match weak matches', { IfNoneMatch: 'W/"abc"' }, 'NotModified'],
    ['If-None-Match *', { IfNoneMatch: '*' }, 'NotModified'],
    ['If-Modified-Since before', { IfModifiedSince: before }, 'ok'],
    ['If-Modified-Since same second', { IfModifiedSince: same }, 'NotModified'],
    ['If-Modified-Since after', { IfModifiedSince: after }, 'NotModified'],
    ['If-Unmodified-Since after', { IfUnmodifiedSince: after }, 'ok'],
    ['If-Unmodified-Since same second', { IfUnmodifiedSince: same }, 'ok'],
    ['If-Unmodified-Since before', { IfUnmodifiedSince: before }, 'PreconditionFailed'],
    ['nothing', {}, 'ok'],
  ];
  it.each(table)('%s', (_name, c, want) => {
    expect(outcome(c)).toBe(want);
  });

  it('names the failed condition and gives 304 the validators', () => {
    expectS3Error(() => {
      checkReadConditions({ IfUnmodifiedSince: before }, target);
    }, 'PreconditionFailed', { Condition: 'If-Unmodified-Since' });
    expectS3Error(() => {
      checkReadConditions({ IfMatch: 'x' }, target);
    }, 'PreconditionFailed', { Condition: 'If-Match' });
    expectS3Error(() => {
      checkReadConditions({ IfNoneMatch: '*' }, target);
    }, 'NotModified', { ETag: '"abc"', LastModified: T });
  });
});

describe('checkCopySourceConditions', () => {
  it.each([
    [{ CopySourceIfMatch: '"abc"', CopySourceIfUnmodifiedSince: before }, 'ok'],
    [{ CopySourceIfNoneMatch: '"abc"', CopySourceIfModifiedSince: before }, 'x-amz-copy-source-If-None-Match'],
    [{ CopySourceIfMatch: '"x"' }, 'x-amz-copy-source-If-Match'],
    [{ CopySourceIfModifiedSince: after }, 'x-amz-copy-source-If-Modified-Since'],
    [{ CopySourceIfUnmodifiedSince: before }, 'x-amz-copy-source-If-Unmodified-Since'],
    [{ CopySourceIfNoneMatch: '"x"', CopySourceIfModifiedSince: before }, 'ok'],
  ] as const)('%o -> %s (never 304)', (c, want) => {
    if (want === 'ok') {
      expect(() => {
        checkCopySourceConditions(c, target);
      }).not.toThrow();
    } else {
      expectS3Error(() => {
        checkCopySourceConditions(c, target);
      }, 'PreconditionFailed', { Condition: want });
    }
  });
});

describe('checkWriteConditions', () => {
  it('If-None-Match: * fails when the key exists, passes when absent', () => {
    expectS3Error(() => {
      checkWriteConditions({ IfNoneMatch: '*' }, target, 'k');
    }, 'PreconditionFailed', { Condition: 'If-None-Match' });
    expect(() => {
      checkWriteConditions({ IfNoneMatch: '*' }, undefined, 'k');
    }).not.toThrow();
  });

  it('If-None-Match with ETags fails only when one matches the current object', () => {
    expect(() => {
      checkWriteConditions({ IfNoneMatch: '"abc"' }, undefined, 'k');
    }).not.toThrow();
    expect(() => {
      checkWriteConditions({ IfNoneMatch: '"other"' }, { ETag: '"abc"', LastModified: 0 }, 'k');
    }).not.toThrow();
    expectS3Error(() => {
      checkWriteConditions({ IfNoneMatch: 'abc' }, { ETag: '"abc"', LastModified: 0 }, 'k');
    }, 'PreconditionFailed');
  });

  it('If-Match needs the object and a matching ETag', () => {
    expect(() => {
      checkWriteConditions({ IfMatch: '"abc"' }, target, 'k');
    }).not.toThrow();
    expectS3Error(() => {
      checkWriteConditions({ IfMatch: '"x"' }, target, 'k');
    }, 'PreconditionFailed', { Condition: 'If-Match' });
    expectS3Error(() => {
      checkWriteConditions({ IfMatch: '"abc"' }, undefined, 'k');
    }, 'NoSuchKey', { Key: 'k' });
  });
});
