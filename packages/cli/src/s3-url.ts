import { UsageError } from './usage-error.js';

/** An `s3://bucket/key` location. `key` is '' for the bucket itself. */
export interface S3Location {
  bucket: string;
  key: string;
}

/** Whether `arg` names an S3 location (`s3://...`). */
export function isS3Url(arg: string): boolean {
  return arg.startsWith('s3://');
}

/**
 * Parses `s3://bucket[/key]`.
 * @throws {UsageError} `ERR_USAGE` when it is not an S3 URL or has no bucket.
 */
export function parseS3Url(arg: string): S3Location {
  if (!isS3Url(arg)) throw new UsageError(`${JSON.stringify(arg)} is not an S3 URL`, 'write S3 locations as s3://bucket/key');
  const rest = arg.slice('s3://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  if (bucket === '') throw new UsageError(`${JSON.stringify(arg)} has no bucket name`, 'write S3 locations as s3://bucket/key');
  return { bucket, key: slash < 0 ? '' : rest.slice(slash + 1) };
}

/** Formats a location back as `s3://bucket/key`. */
export function formatS3Url(location: S3Location): string {
  return `s3://${location.bucket}/${location.key}`;
}
