/** The model's request URIs (`/{Bucket}/{Key+}?uploads`): parsed once per spec, expanded per request. */
import { ValidationError, encodeRfc3986 } from '@s3kit/primitives';
import { encodeKeyPath } from '../endpoints/object-key.js';

/** A parsed path part: literal text, or a label (`{Key+}` is greedy: its slashes stay). */
export type UriPart = string | { readonly label: string; readonly greedy: boolean };

/** A parsed request URI. */
export interface UriTemplate {
  /** The leading label that names the bucket (`/{Bucket}`), which the endpoint places in the host or path prefix. */
  readonly bucketLabel: string | undefined;
  /** The path after the bucket label (all of it without one). */
  readonly parts: readonly UriPart[];
  /** Fixed query parameters (`uploads` -> '', `list-type` -> '2'). */
  readonly query: Readonly<Record<string, string>>;
  /** Every label of the path, in order. */
  readonly labels: readonly { readonly label: string; readonly greedy: boolean }[];
  /** Whether there are fixed query parameters. */
  readonly hasQuery: boolean;
}

const LABEL = /\{(\w+)(\+?)\}/g;
/** Keys made only of RFC 3986 unreserved characters and `/`: their path encoding is themselves. */
const PLAIN_KEY = /^[A-Za-z0-9\-._~/]+$/;

/**
 * Parses `uri`. `bucketLabel` is the label the endpoint places (the member bound to the `Bucket`
 * endpoint parameter); when the path starts with it, it is taken out of the parts.
 */
export function parseUriTemplate(uri: string, bucketLabel: string | undefined): UriTemplate {
  const q = uri.indexOf('?');
  let path = q === -1 ? uri : uri.slice(0, q);
  const query: Record<string, string> = {};
  if (q !== -1) {
    for (const pair of uri.slice(q + 1).split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      if (eq === -1) query[pair] = '';
      else query[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  }
  const labels = [...path.matchAll(LABEL)].map((m) => ({ label: m[1]!, greedy: m[2] === '+' }));
  let bucket: string | undefined;
  if (bucketLabel !== undefined && path.startsWith(`/{${bucketLabel}}`)) {
    bucket = bucketLabel;
    path = path.slice(bucketLabel.length + 3);
  }
  const parts: UriPart[] = [];
  let last = 0;
  for (const m of path.matchAll(LABEL)) {
    if (m.index > last) parts.push(path.slice(last, m.index));
    parts.push({ label: m[1]!, greedy: m[2] === '+' });
    last = m.index + m[0].length;
  }
  if (last < path.length) parts.push(path.slice(last));
  return { bucketLabel: bucket, parts, query, labels, hasQuery: Object.keys(query).length > 0 };
}

/**
 * The request path of `template` after the endpoint's `prefix` (`/bucket` in path style, `''`
 * virtual-hosted, plus a custom endpoint's own path). `values` are the labels' member values.
 * @throws {ValidationError} `ERR_VALIDATION` for a label without a value.
 */
export function expandPath(template: UriTemplate, values: (label: string) => unknown, prefix: string, pathStyle: boolean): string {
  const { parts } = template;
  // Bucket operations in path style go to `/bucket` (as botocore sends them), everything else ends in `/`.
  if (parts.length === 0) return template.bucketLabel !== undefined && pathStyle && prefix !== '' ? prefix : `${prefix}/`;
  let path = prefix;
  for (const part of parts) {
    if (typeof part === 'string') {
      path += part;
      continue;
    }
    const value = values(part.label);
    if (value === undefined || value === null || value === '') throw new ValidationError({ field: part.label, rule: 'is required' });
    if (typeof value !== 'string' && typeof value !== 'number') throw new ValidationError({ field: part.label, rule: 'must be a string', value });
    const text = String(value);
    path += part.greedy ? (PLAIN_KEY.test(text) ? text : encodeKeyPath(text)) : encodeRfc3986(text);
  }
  return path;
}
