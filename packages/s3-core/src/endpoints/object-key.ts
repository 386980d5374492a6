import { ValidationError, encodeRfc3986, utf8ByteLength } from '@s3kit/primitives';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Longest object key S3 accepts, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;

/**
 * Checks an object key before anything is sent: a non-empty string of at most 1024 UTF-8 bytes,
 * with no lone UTF-16 surrogate (which has no UTF-8 form, so could not be sent as written).
 *
 * @throws {ValidationError} `ERR_VALIDATION` naming `field` (default `Key`) and the rule broken.
 * @example `validateObjectKey('photos/2024/a.jpg')`
 */
export function validateObjectKey(key: string, field = 'Key'): void {
  if (typeof key !== 'string' || key.length === 0) throw new ValidationError({ field, rule: 'must be a non-empty string', value: key });
  if (LONE_SURROGATE.test(key)) throw new ValidationError({ field, rule: 'must not contain a lone UTF-16 surrogate', value: key });
  const bytes = utf8ByteLength(key);
  if (bytes > MAX_KEY_BYTES) throw new ValidationError({ field, rule: `must be at most ${MAX_KEY_BYTES} UTF-8 bytes (got ${bytes})`, value: key });
}

/**
 * Encodes an object key for the request path: every UTF-8 byte is percent-encoded except RFC 3986
 * unreserved characters and `/`. Nothing is normalized: `a//b`, `./x` and `../x` reach S3 as
 * written (smithy S3 protocol tests `S3PreservesLeadingDotSegmentInUriLabel` and friends).
 *
 * @throws {ValidationError} `ERR_VALIDATION` for a key with a lone surrogate.
 * @example `encodeKeyPath('foo/bar/my key.txt') // 'foo/bar/my%20key.txt'`
 */
export function encodeKeyPath(key: string): string {
  if (LONE_SURROGATE.test(key)) throw new ValidationError({ field: 'Key', rule: 'must not contain a lone UTF-16 surrogate', value: key });
  return key.split('/').map(encodeRfc3986).join('/');
}
