import fc from 'fast-check';
import { isValidationError } from '@s3kit/primitives';
import type { ValidationError } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { isVirtualHostableBucket, validateBucketName } from './bucket-name.js';
import { MAX_KEY_BYTES, encodeKeyPath, validateObjectKey } from './object-key.js';

function failure(fn: () => void): ValidationError {
  try {
    fn();
  } catch (err) {
    expect(isValidationError(err)).toBe(true);
    return err as ValidationError;
  }
  throw new Error('did not throw');
}

describe('encodeKeyPath', () => {
  it('encodes every byte but unreserved characters and /', () => {
    expect(encodeKeyPath('foo/bar/my key.txt')).toBe('foo/bar/my%20key.txt');
    expect(encodeKeyPath("a+b=c&d?e#f%g!h'i(j)k*l~m_n-o.p")).toBe('a%2Bb%3Dc%26d%3Fe%23f%25g%21h%27i%28j%29k%2Al~m_n-o.p');
    expect(encodeKeyPath('ü😀\r\n')).toBe('%C3%BC%F0%9F%98%80%0D%0A');
  });

  it('keeps dot segments and empty segments (S3 does not normalize)', () => {
    expect(encodeKeyPath('../key.txt')).toBe('../key.txt');
    expect(encodeKeyPath('foo/../key.txt')).toBe('foo/../key.txt');
    expect(encodeKeyPath('a//b/./c/')).toBe('a//b/./c/');
  });

  it('decodes back to the key, with only unreserved characters, % and / in the output', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (key) => {
        const encoded = encodeKeyPath(key);
        expect(encoded).toMatch(/^[A-Za-z0-9\-._~%/]*$/);
        expect(decodeURIComponent(encoded)).toBe(key);
        expect(encoded.split('/').length).toBe(key.split('/').length);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses lone surrogates', () => {
    expect(failure(() => encodeKeyPath('a\uD800b')).field).toBe('Key');
  });
});

describe('validateObjectKey', () => {
  it('accepts keys up to 1024 UTF-8 bytes', () => {
    validateObjectKey('a'.repeat(MAX_KEY_BYTES));
    validateObjectKey('é'.repeat(512));
    validateObjectKey('😀');
    validateObjectKey(' ');
  });

  it('refuses empty, too long (in bytes) and lone-surrogate keys, naming the field', () => {
    expect(failure(() => { validateObjectKey(''); }).field).toBe('Key');
    expect(failure(() => { validateObjectKey('é'.repeat(513)); }).rule).toMatch(/1024 UTF-8 bytes \(got 1026\)/);
    expect(failure(() => { validateObjectKey('\uDC00x', 'CopySource'); }).field).toBe('CopySource');
    expect(failure(() => { validateObjectKey('x\uD83D'); }).rule).toMatch(/surrogate/);
  });
});

describe('validateBucketName', () => {
  it('accepts names S3 accepts for new buckets', () => {
    for (const name of ['abc', 'my-bucket', 'my.bucket.name', 'a1b2c3', '123', 'a'.repeat(63)]) validateBucketName(name, 'create');
  });

  it('refuses names S3 refuses for new buckets, with the rule', () => {
    const cases: [string, RegExp][] = [
      ['ab', /3 to 63/],
      ['a'.repeat(64), /3 to 63/],
      ['MyBucket', /lower-case/],
      ['my_bucket', /lower-case/],
      ['-abc', /start and end/],
      ['abc-', /start and end/],
      ['a..b', /adjacent periods/],
      ['192.168.5.4', /IP address/],
      ['xn--abc', /prefix "xn--"/],
      ['sthree-abc', /prefix/],
      ['amzn-s3-demo-bucket', /prefix/],
      ['abc-s3alias', /suffix "-s3alias"/],
      ['abc--ol-s3', /suffix/],
      ['abc.mrap', /suffix/],
      ['abc--x-s3', /suffix/],
      ['abc--table-s3', /suffix/],
    ];
    for (const [name, rule] of cases) {
      const err = failure(() => {
        validateBucketName(name, 'create');
      });
      expect(err.field).toBe('Bucket');
      expect(err.rule).toMatch(rule);
    }
  });

  it('accepts legacy and directory bucket names for access, refuses impossible ones', () => {
    for (const name of ['My_Legacy.Bucket', 'a', 'b'.repeat(255), 'name--usw2-az1--x-s3']) validateBucketName(name);
    for (const name of ['', 'a/b', 'a b', 'b'.repeat(256), 'ü']) {
      expect(failure(() => {
        validateBucketName(name);
      }).field).toBe('Bucket');
    }
  });
});

describe('isVirtualHostableBucket', () => {
  it('accepts DNS-compatible names and refuses the rest', () => {
    for (const name of ['abc', 'my-bucket', 'my.bucket', 'a-b.c-d']) expect(isVirtualHostableBucket(name)).toBe(true);
    for (const name of ['ab', 'MyBucket', 'my_bucket', '-ab', 'ab-', 'a..b', 'a.-b', '10.0.0.1', 'a'.repeat(64)]) expect(isVirtualHostableBucket(name)).toBe(false);
  });
});
