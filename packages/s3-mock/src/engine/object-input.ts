import { base64ToBytes, bytesToBase64, bytesToHex } from '@s3kit/primitives';
import { md5 } from './etag.js';
import { S3MockError } from './errors.js';
import { STORAGE_CLASSES } from './records.js';
import type { ContentHeaders, StoredContentHeaders } from './records.js';
import { utf8Length } from './utf8-order.js';

/** Longest key S3 accepts, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;
/** Largest total of user metadata keys and values, in UTF-8 bytes. */
export const MAX_METADATA_BYTES = 2048;
/** Content-Type S3 stores when a write names none. */
export const DEFAULT_CONTENT_TYPE = 'binary/octet-stream';

/**
 * Throws unless `key` is a usable object key.
 * @throws S3MockError `KeyTooLongError` (over 1024 UTF-8 bytes), `InvalidArgument` (empty)
 */
export function assertKey(key: string): void {
  if (key.length === 0) {
    throw new S3MockError('InvalidArgument', { ArgumentName: 'key', ArgumentValue: '' }, 'Object key must not be empty');
  }
  const size = utf8Length(key);
  if (size > MAX_KEY_BYTES) throw new S3MockError('KeyTooLongError', { Size: size, MaxSizeAllowed: MAX_KEY_BYTES });
}

/**
 * User metadata with keys lower-cased (HTTP headers are case-insensitive and S3 returns them lower-cased).
 * The 2 KB limit counts the UTF-8 bytes of every key (without `x-amz-meta-`) and value.
 * @throws S3MockError `MetadataTooLarge`
 */
export function normalizeMetadata(metadata: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  let size = 0;
  for (const [k, v] of Object.entries(metadata ?? {})) {
    const key = k.toLowerCase();
    out[key] = v;
    size += utf8Length(key) + utf8Length(v);
  }
  if (size > MAX_METADATA_BYTES) {
    throw new S3MockError('MetadataTooLarge', { Size: size, MaxSizeAllowed: MAX_METADATA_BYTES });
  }
  return out;
}

/**
 * The storage class to store, `STANDARD` when absent.
 * @throws S3MockError `InvalidStorageClass`
 */
export function storageClass(value: string | undefined): string {
  if (value === undefined) return 'STANDARD';
  if (!STORAGE_CLASSES.has(value)) throw new S3MockError('InvalidStorageClass', { StorageClassRequested: value });
  return value;
}

/**
 * Checks a `Content-MD5` header (base64 of the 16-byte MD5) against `body`.
 * @throws S3MockError `InvalidDigest` (not a base64 MD5), `BadDigest` (mismatch)
 */
export function checkContentMD5(contentMD5: string | undefined, body: Uint8Array): void {
  if (contentMD5 === undefined) return;
  const digest = base64ToBytes(contentMD5);
  if (digest?.length !== 16 || bytesToBase64(digest) !== contentMD5) {
    throw new S3MockError('InvalidDigest', { 'Content-MD5': contentMD5 });
  }
  const actual = md5(body);
  if (bytesToHex(actual) !== bytesToHex(digest)) {
    throw new S3MockError('BadDigest', { ExpectedDigest: contentMD5, CalculatedDigest: bytesToBase64(actual) });
  }
}

/** Splits content headers into the always-set Content-Type and the optional rest. */
export function splitContentHeaders(h: ContentHeaders): { ContentType: string; headers: StoredContentHeaders } {
  const headers: Omit<ContentHeaders, 'ContentType'> = {};
  if (h.ContentEncoding !== undefined) headers.ContentEncoding = h.ContentEncoding;
  if (h.ContentDisposition !== undefined) headers.ContentDisposition = h.ContentDisposition;
  if (h.ContentLanguage !== undefined) headers.ContentLanguage = h.ContentLanguage;
  if (h.CacheControl !== undefined) headers.CacheControl = h.CacheControl;
  if (h.Expires !== undefined) headers.Expires = h.Expires;
  return { ContentType: h.ContentType ?? DEFAULT_CONTENT_TYPE, headers };
}

/** Bytes `start..end` (inclusive) of a body stored as segments, as a fresh array. */
export function readSegments(segments: readonly Uint8Array[], start: number, end: number): Uint8Array {
  const out = new Uint8Array(Math.max(0, end - start + 1));
  let offset = 0;
  let written = 0;
  for (const seg of segments) {
    const segEnd = offset + seg.length;
    if (segEnd > start && offset <= end) {
      const from = Math.max(start, offset) - offset;
      const to = Math.min(end + 1, segEnd) - offset;
      out.set(seg.subarray(from, to), written);
      written += to - from;
    }
    offset = segEnd;
    if (offset > end) break;
  }
  return out;
}

/** Whole-second precision, as S3 reports Last-Modified. */
export const toSeconds = (ms: number): number => Math.floor(ms / 1000) * 1000;
