/**
 * SigV2 request authentication (header `Authorization: AWS id:signature` and query string
 * `AWSAccessKeyId`/`Expires`/`Signature`): S3's legacy scheme, accepted only with the `sigV2` option,
 * as S3 refuses it on buckets it creates today.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html
 */
import { bytesToBase64 } from '@s3kit/primitives';
import type { Clock, HttpRequest } from '@s3kit/primitives';
import { S3MockError } from '../engine/errors.js';
import type { MockCredentials } from './auth.js';
import { hmac, sameSignature } from './hmac.js';

/** Sub-resources and query parameters that belong to the canonicalized resource. */
const SIGNED_QUERY = new Set([
  'acl', 'cors', 'delete', 'lifecycle', 'location', 'logging', 'notification', 'partNumber', 'policy', 'requestPayment',
  'restore', 'tagging', 'torrent', 'uploadId', 'uploads', 'versionId', 'versioning', 'versions', 'website', 'object-lock',
  'retention', 'legal-hold', 'publicAccessBlock', 'ownershipControls', 'encryption', 'accelerate', 'response-cache-control',
  'response-content-disposition', 'response-content-encoding', 'response-content-language', 'response-content-type', 'response-expires',
]);

const first = (v: string | readonly string[] | undefined): string | undefined => (typeof v === 'string' ? v : v?.[0]);

/** Whether `request` is signed with SigV2 (header or query). */
export function isSigV2(request: Pick<HttpRequest, 'headers' | 'query'>): boolean {
  return /^AWS [^:\s]+:/.test(request.headers.authorization ?? '') || (first(request.query?.AWSAccessKeyId) !== undefined && first(request.query?.Signature) !== undefined);
}

/** The string SigV2 signs for `request`; `bucket` is set for virtual-host addressing. */
export function stringToSign(request: HttpRequest, virtualHostBucket: string | undefined, date: string): string {
  const h = request.headers;
  const amz = Object.keys(h)
    .filter((n) => n.startsWith('x-amz-'))
    .sort()
    .map((n) => `${n}:${(h[n] ?? '').replace(/\r?\n[ \t]+/g, ' ').trim()}\n`)
    .join('');
  const query = Object.entries(request.query ?? {})
    .filter(([k]) => SIGNED_QUERY.has(k))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => (first(v) === '' ? k : `${k}=${first(v) ?? ''}`))
    .join('&');
  let path = `${virtualHostBucket === undefined ? '' : `/${virtualHostBucket}`}${request.path}`;
  // A bucket is signed as `/bucket/` (botocore and S3 agree), whether or not the request path ends in a slash.
  if (/^\/[^/]+$/.test(path)) path += '/';
  const resource = `${path}${query === '' ? '' : `?${query}`}`;
  return `${request.method.toUpperCase()}\n${h['content-md5'] ?? ''}\n${h['content-type'] ?? ''}\n${date}\n${amz}${resource}`;
}

/**
 * Verifies a SigV2 request and returns the credentials that signed it.
 * @throws S3MockError `InvalidAccessKeyId`, `SignatureDoesNotMatch`, `AccessDenied` (expired query signature), `RequestTimeTooSkewed`
 */
export function verifySigV2(request: HttpRequest, credentials: readonly MockCredentials[], clock: Clock, virtualHostBucket: string | undefined, maxSkewMs = 900_000): MockCredentials {
  const header = /^AWS ([^:\s]+):(\S+)$/.exec(request.headers.authorization ?? '');
  const accessKeyId = header?.[1] ?? first(request.query?.AWSAccessKeyId) ?? '';
  const signature = header?.[2] ?? first(request.query?.Signature) ?? '';
  const found = credentials.find((c) => c.accessKeyId === accessKeyId);
  if (!found) throw new S3MockError('InvalidAccessKeyId', { AWSAccessKeyId: accessKeyId.slice(0, 128) });
  let date: string;
  if (header) {
    // The Date header is signed when present (botocore sends it beside any x-amz-date).
    date = request.headers.date ?? '';
    const sent = Date.parse(request.headers['x-amz-date'] ?? request.headers.date ?? '');
    if (Number.isNaN(sent)) throw new S3MockError('AccessDenied', {}, 'AWS authentication requires a valid Date or x-amz-date header');
    if (Math.abs(sent - clock.now()) > maxSkewMs) throw new S3MockError('RequestTimeTooSkewed');
  } else {
    date = first(request.query?.Expires) ?? '';
    if (!/^\d+$/.test(date) || Number(date) * 1000 < clock.now()) throw new S3MockError('AccessDenied', {}, 'Request has expired');
  }
  const expected = bytesToBase64(hmac('sha1', found.secretAccessKey, stringToSign(request, virtualHostBucket, date)));
  if (!sameSignature(expected, signature)) throw new S3MockError('SignatureDoesNotMatch');
  return found;
}
