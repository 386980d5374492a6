/**
 * SigV4 canonicalization: canonical URI (generic AWS or S3 rules), canonical query string,
 * canonical headers with the signed-headers list, and the canonical request itself.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 */
import { encodeRfc3986 } from '@s3kit/primitives';
import type { HttpQuery } from '@s3kit/primitives';
import { UNSIGNABLE_HEADERS } from './constants.js';
import { assertHeaderName } from './validate.js';

const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
const UNRESERVED_OR_SLASH = /^[A-Za-z0-9\-._~/]*$/;
// An S3 path already in canonical form: unreserved characters, '/', and upper-case escapes of ASCII
// bytes that are not unreserved (decoding then re-encoding such a path gives it back unchanged).
const CANONICAL_S3_PATH = /^[A-Za-z0-9\-._~/]*(?:%(?:[01][0-9A-F]|2[0-9A-CF]|3[A-F]|40|5[B-E]|60|7[BCDF])[A-Za-z0-9\-._~/]*)*$/;
const NEEDS_NORMALIZING = /\/\/|\/\.\.?(?:\/|$)|^[^/]/;
const NEEDS_TRIM = /^\s|\s$|\s\s|[\t\n\r\v\f]/;

/** Percent-encodes a string as SigV4 requires; skips the work when nothing needs escaping. */
export function encodeComponent(value: string): string {
  return UNRESERVED.test(value) ? value : encodeRfc3986(value);
}

/**
 * Removes `.` and `..` segments and empty segments (`//`) from a path, keeping a trailing slash, as
 * AWS services other than S3 expect (the `*-normalized` vectors).
 */
export function normalizePath(path: string): string {
  if (path === '' || path === '/') return '/';
  if (!NEEDS_NORMALIZING.test(path)) return path;
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return out.length === 0 ? '/' : `/${out.join('/')}${path.endsWith('/') ? '/' : ''}`;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a stray '%': take the segment literally
  }
}

/**
 * The canonical URI of a request path.
 *
 * - `uriEscapePath: true` (every service but S3): the path is normalized, then URI-encoded once more
 *   (an already encoded `%20` becomes `%2520`: AWS services "double encode").
 * - `uriEscapePath: false` (S3): no normalization (`a//b/../c` is a valid key); each segment is
 *   brought to the single RFC 3986 encoding S3 computes (so `$` becomes `%24`, `%20` stays).
 */
export function canonicalUri(path: string, uriEscapePath: boolean): string {
  if (uriEscapePath) {
    const normalized = normalizePath(path);
    return UNRESERVED_OR_SLASH.test(normalized) ? normalized : encodeRfc3986(normalized).replace(/%2F/g, '/');
  }
  if (path === '') return '/';
  if (CANONICAL_S3_PATH.test(path)) return path;
  return path
    .split('/')
    .map((segment) => encodeComponent(decodeSegment(segment)))
    .join('/');
}

function comparePairs(a: readonly [string, string], b: readonly [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/**
 * The canonical query string: every name and value RFC 3986-encoded, pairs sorted by encoded name
 * then encoded value, joined with `&` (a key with value `''` gives `key=`).
 * @param skip a parameter name left out (`X-Amz-Signature` when verifying a presigned URL).
 */
export function canonicalQuery(query: HttpQuery | undefined, skip?: string): string {
  if (!query) return '';
  const pairs: [string, string][] = [];
  for (const key in query) {
    if (key === skip) continue;
    const value = query[key]!;
    const k = encodeComponent(key);
    if (typeof value === 'string') pairs.push([k, encodeComponent(value)]);
    else for (const v of value) pairs.push([k, encodeComponent(v)]);
  }
  if (pairs.length === 0) return '';
  if (pairs.length === 1) return `${pairs[0]![0]}=${pairs[0]![1]}`;
  pairs.sort(comparePairs);
  let out = `${pairs[0]![0]}=${pairs[0]![1]}`;
  for (let i = 1; i < pairs.length; i++) out += `&${pairs[i]![0]}=${pairs[i]![1]}`;
  return out;
}

/** A header name matcher: an exact lower-case name, or a pattern. */
export type HeaderMatcher = string | RegExp;

/** Which headers to sign, on top of the defaults. */
export interface SignedHeadersOption {
  /**
   * When set, only these headers are signed, plus `host` and every `x-amz-*` header (S3 requires
   * all `x-amz-*` headers sent to be signed).
   */
  allow?: readonly HeaderMatcher[] | undefined;
  /**
   * Headers never signed, added to {@link UNSIGNABLE_HEADERS}. `host`, `x-amz-date`,
   * `x-amz-content-sha256` and `x-amz-security-token` are signed regardless.
   */
  deny?: readonly HeaderMatcher[] | undefined;
}

/** Decides whether a lower-case header name is signed. */
export type HeaderFilter = (name: string) => boolean;

const ALWAYS_SIGNED: ReadonlySet<string> = new Set(['host', 'x-amz-date', 'x-amz-content-sha256', 'x-amz-security-token']);

function matches(list: readonly HeaderMatcher[], name: string): boolean {
  for (const m of list) if (typeof m === 'string' ? m.toLowerCase() === name : m.test(name)) return true;
  return false;
}

/**
 * Builds the header filter for {@link canonicalHeaders}: never the {@link UNSIGNABLE_HEADERS},
 * `proxy-*` or `sec-*`; then the caller's `deny` and `allow` lists. Decisions are memoized.
 */
export function createHeaderFilter(option: SignedHeadersOption = {}): HeaderFilter {
  const { allow, deny } = option;
  const memo = new Map<string, boolean>();
  return (name) => {
    let result = memo.get(name);
    if (result !== undefined) return result;
    if (ALWAYS_SIGNED.has(name)) result = true;
    else if (UNSIGNABLE_HEADERS.has(name) || name.startsWith('proxy-') || name.startsWith('sec-')) result = false;
    else if (deny && matches(deny, name)) result = false;
    else if (allow) result = name.startsWith('x-amz-') || matches(allow, name);
    else result = true;
    if (memo.size >= 512) memo.clear();
    memo.set(name, result);
    return result;
  };
}

/** Canonical headers and the signed-headers list. */
export interface CanonicalHeaders {
  /** `name:value\n` lines, sorted by name. */
  canonical: string;
  /** Sorted lower-case names joined with `;`. */
  signedHeaders: string;
}

/** Trims a header value and collapses runs of whitespace (including folded lines) to one space. */
export function canonicalHeaderValue(value: string): string {
  return NEEDS_TRIM.test(value) ? value.trim().replace(/\s+/g, ' ') : value;
}

/**
 * Canonicalizes the headers to sign: lower-case names, values trimmed with inner whitespace
 * collapsed, duplicates (array values or names differing in case) joined with `,`, sorted by name.
 * @throws ValidationError `ERR_VALIDATION` for a header name that is not an ASCII token.
 */
export function canonicalHeaders(
  headers: Readonly<Record<string, string | readonly string[]>>,
  filter: HeaderFilter,
): CanonicalHeaders {
  // Few headers per request: keep parallel arrays sorted by insertion (faster than a dictionary + sort).
  const names: string[] = [];
  const values: string[] = [];
  for (const rawName in headers) {
    assertHeaderName(rawName);
    const name = rawName.toLowerCase();
    if (!filter(name)) continue;
    const raw = headers[rawName]!;
    const value = typeof raw === 'string' ? canonicalHeaderValue(raw) : raw.map(canonicalHeaderValue).join(',');
    let i = names.length;
    while (i > 0 && names[i - 1]! > name) i--;
    if (i > 0 && names[i - 1] === name) {
      values[i - 1] = `${values[i - 1]!},${value}`;
    } else if (i === names.length) {
      names.push(name);
      values.push(value);
    } else {
      names.splice(i, 0, name);
      values.splice(i, 0, value);
    }
  }
  let canonical = '';
  let signedHeaders = '';
  for (let i = 0; i < names.length; i++) {
    canonical += `${names[i]!}:${values[i]!}\n`;
    signedHeaders += i === 0 ? names[i]! : `;${names[i]!}`;
  }
  return { canonical, signedHeaders };
}

/** Joins the six parts of a canonical request. */
export function canonicalRequest(
  method: string,
  uri: string,
  query: string,
  headers: CanonicalHeaders,
  payloadHash: string,
): string {
  return `${method}\n${uri}\n${query}\n${headers.canonical}\n${headers.signedHeaders}\n${payloadHash}`;
}

/** The credential scope `yyyymmdd/region/service/aws4_request`. */
export function credentialScope(shortDate: string, region: string, service: string): string {
  return `${shortDate}/${region}/${service}/aws4_request`;
}

/** The string to sign: algorithm, `x-amz-date`, scope, hex SHA-256 of the canonical request. */
export function stringToSign(algorithm: string, amzDate: string, scope: string, canonicalRequestHash: string): string {
  return `${algorithm}\n${amzDate}\n${scope}\n${canonicalRequestHash}`;
}
