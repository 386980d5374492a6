import { describe, expect, it } from 'vitest';
import { assertBucketName, bucketNameProblem } from './bucket-name.js';
import { expectS3Error } from './test-support/expect-s3-error.js';

describe('bucket names', () => {
  it.each(['abc', 'my-bucket', 'my.bucket.1', '1bucket', 'a'.repeat(63), 'xn-bucket', 'bucket-s3alias-x', 'a1.b2'])(
    'accepts %s',
    (name) => {
      expect(bucketNameProblem(name)).toBeUndefined();
      expect(() => {
        assertBucketName(name);
      }).not.toThrow();
    },
  );

  it.each([
    ['ab', 'must be 3 to 63'],
    ['a'.repeat(64), 'must be 3 to 63'],
    ['MyBucket', 'lowercase'],
    ['my_bucket', 'lowercase'],
    ['-bucket', 'start and end'],
    ['bucket-', 'start and end'],
    ['.bucket', 'start and end'],
    ['bucket.', 'start and end'],
    ['my..bucket', 'adjacent periods'],
    ['192.168.5.4', 'IP address'],
    ['xn--bucket', 'xn--'],
    ['sthree-bucket', 'sthree-'],
    ['bucket-s3alias', '-s3alias'],
    ['bucket--ol-s3', '--ol-s3'],
    ['buc ket', 'lowercase'],
  ])('rejects %s (%s)', (name, rule) => {
    expect(bucketNameProblem(name)).toContain(rule);
    expectS3Error(() => {
      assertBucketName(name);
    }, 'InvalidBucketName', { BucketName: name });
  });
});
