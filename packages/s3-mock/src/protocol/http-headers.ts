/** Reading S3 request headers into engine inputs, and small wire-format helpers. */
import type { ContentHeaders } from '../engine/records.js';
import type { Tag } from '../engine/tags.js';
import { S3ProtocolError } from './protocol-error.js';

type Headers = Readonly<Record<string, string>>;

/** Drops `undefined` members, so optional engine inputs stay absent (`exactOptionalPropertyTypes`). */
export function compact<T extends Record<string, unknown>>(
  o: T,
): { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & { [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as never;
}

/** RFC 7231 IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), as S3 writes Last-Modified. */
export function httpDate(ms: number | Date): string {
  return new Date(ms).toUTCString();
}

/** Parses an HTTP date; `undefined` when absent or invalid (S3 ignores invalid conditional dates). */
export function parseHttpDate(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** User metadata from `x-amz-meta-*` headers (names lower-case, prefix removed). */
export function metadataFrom(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (name.startsWith('x-amz-meta-')) out[name.slice(11)] = value;
  return out;
}

/** Standard content headers to store. */
export function contentHeadersFrom(headers: Headers): ContentHeaders {
  return compact({
    ContentType: headers['content-type'],
    ContentEncoding: stripAwsChunked(headers['content-encoding']),
    ContentDisposition: headers['content-disposition'],
    ContentLanguage: headers['content-language'],
    CacheControl: headers['cache-control'],
    Expires: headers.expires,
  });
}

/** `aws-chunked` is transfer framing, not a stored content encoding; S3 drops it. */
function stripAwsChunked(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const rest = value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '' && v.toLowerCase() !== 'aws-chunked');
  return rest.length === 0 ? undefined : rest.join(', ');
}

/** Tags from an `x-amz-tagging` header (form-encoded `k=v&k2=v2`). @throws S3ProtocolError `InvalidArgument` on repeated keys */
export function parseTaggingHeader(text: string | undefined): Tag[] | undefined {
  if (text === undefined) return undefined;
  const tags: Tag[] = [];
  for (const [Key, Value] of new URLSearchParams(text)) {
    if (tags.some((t) => t.Key === Key)) throw S3ProtocolError.of('InvalidArgument', { ArgumentName: 'x-amz-tagging' }, 'The header \'x-amz-tagging\' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.');
    tags.push({ Key, Value });
  }
  return tags;
}

/** `x-amz-copy-source` (`/bucket/key` or `bucket/key`, URL-encoded, optional `?versionId=`). @throws S3ProtocolError `InvalidArgument` */
export function parseCopySource(text: string): { Bucket: string; Key: string; VersionId?: string } {
  const bad = (): S3ProtocolError =>
    S3ProtocolError.of('InvalidArgument', { ArgumentName: 'x-amz-copy-source', ArgumentValue: text.slice(0, 1024) }, 'Copy Source must mention the source bucket and key: sourcebucket/sourcekey');
  const q = text.indexOf('?');
  const path = q < 0 ? text : text.slice(0, q);
  const query = q < 0 ? undefined : new URLSearchParams(text.slice(q + 1));
  const VersionId = query?.get('versionId') ?? undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.replace(/^\//, ''));
  } catch {
    throw bad();
  }
  const slash = decoded.indexOf('/');
  if (slash <= 0 || slash === decoded.length - 1) throw bad();
  const source = { Bucket: decoded.slice(0, slash), Key: decoded.slice(slash + 1) };
  return VersionId === undefined || VersionId === '' ? source : { ...source, VersionId };
}

/** A header that must be one of `allowed`. @throws S3ProtocolError `InvalidArgument` */
export function enumHeader<T extends string>(headers: Headers, name: string, allowed: readonly T[]): T | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw S3ProtocolError.of('InvalidArgument', { ArgumentName: name, ArgumentValue: value.slice(0, 256) }, `Unknown ${name} value`);
  }
  return value as T;
}

/** An integer query parameter. @throws S3ProtocolError `InvalidArgument` */
export function intParam(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d{1,10}$/.test(value)) {
    throw S3ProtocolError.of('InvalidArgument', { ArgumentName: name, ArgumentValue: value.slice(0, 256) }, `Provided ${name} not an integer or within integer range`);
  }
  return Number(value);
}
