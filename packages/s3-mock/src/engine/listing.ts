import { compareUtf8 } from './utf8-order.js';

/** Options of {@link listPage}. */
export interface PageOptions<E> {
  /** Only entries whose key starts with this. */
  prefix: string;
  /** Groups keys by the text up to and including the first delimiter after the prefix. */
  delimiter: string | undefined;
  /** Most entries plus common prefixes to return. */
  max: number;
  /** Exclusive resume point: keys and common prefixes at or before it are skipped. */
  marker: string | undefined;
  /** Finer resume test for entries sharing `marker` as key (multipart uploads); default: key must be past marker. */
  isPastMarker?: (entry: E) => boolean;
  /** Entries to list at all (others are skipped before any roll-up); default all. */
  include?: (entry: E) => boolean;
}

/** One page: entries and common prefixes in listing order. */
export interface Page<E> {
  /** Entries rolled up by no common prefix. */
  entries: E[];
  /** Distinct common prefixes. */
  prefixes: string[];
  /** Whether more entries or prefixes follow. */
  truncated: boolean;
  /** The last thing returned, to resume after. */
  last: { kind: 'entry'; entry: E; key: string } | { kind: 'prefix'; key: string } | undefined;
}

/** Index of the first element of `sorted` whose key is >= `target` (UTF-8 order). */
function lowerBound<E>(sorted: readonly E[], keyOf: (e: E) => string, target: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareUtf8(keyOf(sorted[mid]!), target) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One page of a listing over entries already sorted by key in UTF-8 order: prefix filter, delimiter
 * roll-up into common prefixes, exclusive marker, and a cap counting entries plus prefixes (as S3's
 * KeyCount does). Shared by ListObjects (v1, v2) and ListMultipartUploads.
 */
export function listPage<E>(sorted: readonly E[], keyOf: (e: E) => string, o: PageOptions<E>): Page<E> {
  const page: Page<E> = { entries: [], prefixes: [], truncated: false, last: undefined };
  const { prefix, delimiter, marker } = o;
  const from = marker !== undefined && compareUtf8(marker, prefix) > 0 ? marker : prefix;
  let lastPrefix: string | undefined;
  for (let i = lowerBound(sorted, keyOf, from); i < sorted.length; i++) {
    const entry = sorted[i]!;
    if (o.include && !o.include(entry)) continue;
    const key = keyOf(entry);
    if (!key.startsWith(prefix)) {
      if (compareUtf8(key, prefix) > 0) break;
      continue;
    }
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    if (cut >= 0 && delimiter) {
      const cp = key.slice(0, cut + delimiter.length);
      if (cp === lastPrefix || (marker !== undefined && compareUtf8(cp, marker) <= 0)) continue;
      if (page.entries.length + page.prefixes.length >= o.max) {
        page.truncated = o.max > 0;
        break;
      }
      page.prefixes.push(cp);
      lastPrefix = cp;
      page.last = { kind: 'prefix', key: cp };
      continue;
    }
    if (marker !== undefined) {
      const past = o.isPastMarker ? o.isPastMarker(entry) : compareUtf8(key, marker) > 0;
      if (!past) continue;
    }
    if (page.entries.length + page.prefixes.length >= o.max) {
      page.truncated = o.max > 0;
      break;
    }
    page.entries.push(entry);
    page.last = { kind: 'entry', entry, key };
  }
  return page;
}
