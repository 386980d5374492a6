import type { S3ServiceError } from '../errors/s3-service-error.js';

/** Codes with which S3 says "this bucket lives in another region" (with the region in the body or headers). */
const REDIRECT_CODES: ReadonlySet<string> = new Set([
  'PermanentRedirect',
  'TemporaryRedirect',
  'AuthorizationHeaderMalformed',
  'IllegalLocationConstraintException',
]);

/**
 * The region to retry in when `error` is a wrong-region answer about the request's bucket, else
 * `undefined`: only on the first hop, with a bucket, when the error names another region.
 */
export function redirectRegion(error: S3ServiceError, region: string, hop: number, bucket: string | undefined): string | undefined {
  if (hop !== 0 || bucket === undefined || error.region === undefined || error.region === region) return undefined;
  return REDIRECT_CODES.has(error.code) || error.statusCode === 301 ? error.region : undefined;
}
