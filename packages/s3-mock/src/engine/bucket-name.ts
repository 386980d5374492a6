import { S3MockError } from './errors.js';

const NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * Why `name` is not a valid general purpose bucket name, or `undefined` when it is.
 * Rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'must be 3 to 63 characters long';
  if (!NAME.test(name)) {
    return 'may hold only lowercase letters, digits, dots and hyphens, and must start and end with a letter or digit';
  }
  if (name.includes('..')) return 'must not contain two adjacent periods';
  if (IPV4.test(name)) return 'must not be formatted as an IP address';
  if (name.startsWith('xn--')) return 'must not start with xn--';
  if (name.startsWith('sthree-')) return 'must not start with sthree-';
  if (name.endsWith('-s3alias')) return 'must not end with -s3alias';
  if (name.endsWith('--ol-s3')) return 'must not end with --ol-s3';
  return undefined;
}

/**
 * Throws unless `name` is a valid general purpose bucket name.
 * @throws S3MockError `InvalidBucketName`
 */
export function assertBucketName(name: string): void {
  if (bucketNameProblem(name) !== undefined) throw new S3MockError('InvalidBucketName', { BucketName: name });
}
