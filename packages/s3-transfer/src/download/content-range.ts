/**
 * `Content-Range` of ranged GETs: every answer must be the slice asked for. A server or proxy that
 * answers another range of the same length would otherwise write wrong bytes at the right offset,
 * which only a checksum or an MD5 ETag could catch (`verifiedBy: 'size'` objects have neither).
 */
import { ERR_INTEGRITY, TransferError } from '../manager/transfer-error.js';

/** A parsed `Content-Range: bytes start-end/size` (`end` inclusive; `size` undefined for `*`). */
export interface ContentRange {
  start: number;
  end: number;
  size: number | undefined;
}

/** Parses a `bytes` `Content-Range` header; `undefined` when it is not one. */
export function parseContentRange(value: string): ContentRange | undefined {
  const m = /^\s*bytes\s+(\d+)-(\d+)\/(\d+|\*)\s*$/i.exec(value);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = Number(m[2]);
  const size = m[3] === '*' ? undefined : Number(m[3]);
  if (end < start || (size !== undefined && end >= size)) return undefined;
  return { start, end, size };
}

/**
 * Checks the `Content-Range` of the answer to a GET of bytes `[start, end)` of an object of
 * `size` bytes. No header is fine only when the range is the whole object (a plain 200).
 * @throws {TransferError} `ERR_INTEGRITY`, retryable (the range is fetched again), naming both ranges.
 */
export function checkContentRange(range: { start: number; end: number }, size: number, header: string | undefined, where: string): void {
  const asked = `bytes ${range.start}-${range.end - 1}/${size}`;
  if (header === undefined || header === '') {
    if (range.start === 0 && range.end === size) return;
    throw new TransferError(ERR_INTEGRITY, `${where}: asked for ${asked}, got an answer without Content-Range`, { retryable: true, details: { asked } });
  }
  const got = parseContentRange(header);
  if (got && got.start === range.start && got.end === range.end - 1 && got.size === size) return;
  throw new TransferError(ERR_INTEGRITY, `${where}: asked for ${asked}, got ${header.trim()}`, { retryable: true, details: { asked, got: header } });
}
