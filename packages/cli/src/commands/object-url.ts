import type { S3Location } from '../s3-url.js';
import { parseS3Url } from '../s3-url.js';
import { UsageError } from '../usage-error.js';

/**
 * An `s3://bucket/key` argument that must name one object (not a bucket or a prefix).
 * @throws {UsageError} `ERR_USAGE` when it is not an S3 URL or has no key.
 */
export function objectLocation(command: string, text: string): S3Location {
  const location = parseS3Url(text);
  if (location.key === '' || location.key.endsWith('/')) throw new UsageError(`${command} needs an object key, not ${text}`, `e.g. s3kit ${command} s3://${location.bucket}/path/to/key`);
  return location;
}
