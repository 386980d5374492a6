import { bytesToHex, hexToBytes } from '@s3kit/primitives';
import { createHash } from '#platform/mock-crypto';

/** Raw MD5 digest of the concatenation of `chunks`. */
export function md5(...chunks: readonly Uint8Array[]): Uint8Array {
  const hash = createHash('md5');
  for (const c of chunks) hash.update(c);
  return hash.digest();
}

/** The ETag S3 gives a single-part object: the hex MD5 of its body, in double quotes. */
export function singlePartETag(body: Uint8Array): string {
  return `"${bytesToHex(md5(body))}"`;
}

/**
 * The ETag S3 gives a completed multipart object: the MD5 of the concatenated binary MD5s of its
 * parts, in hex, then `-` and the part count, in double quotes.
 */
export function multipartETag(partETags: readonly string[]): string {
  const digests = partETags.map((e) => hexToBytes(unquote(e)) ?? new Uint8Array(0));
  return `"${bytesToHex(md5(...digests))}-${partETags.length}"`;
}

/** `etag` without surrounding double quotes (S3 accepts both forms in conditions and part lists). */
export function unquote(etag: string): string {
  const t = etag.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

/** Whether an `If-Match` / `If-None-Match` style list (`*`, or comma-separated ETags) matches `etag`. */
export function etagListMatches(list: string, etag: string): boolean {
  const want = unquote(etag);
  return list.split(',').some((item) => {
    const t = item.trim().replace(/^W\//, '');
    return t === '*' || unquote(t) === want;
  });
}
