/**
 * Named codecs: how a richer input value becomes a header or query text (and back, for outputs).
 * A binding names one (`codec: 'copySource'`) or carries its own {@link Codec} object. Each is
 * chosen per member in the generator's hand-written data, never by the interpreter.
 */
import { ValidationError, bytesToBase64, encodeRfc3986, utf8Bytes } from '@s3kit/primitives';
import { checksumBase64 } from '../checksums/checksum.js';
import { encodeKeyPath } from '../endpoints/object-key.js';
import { taggingEntries } from './rules.js';

/** Turns an input value into header or query text, and optionally header text back into a value. */
export interface Codec {
  /**
   * The wire text of `value` for member `member`. `headers` is the request's header map, for codecs
   * that derive a companion header (the SSE-C key's MD5).
   * @throws {ValidationError} `ERR_VALIDATION` for a value the codec cannot write.
   */
  encode(value: unknown, member: string, wireName: string, headers: Record<string, string>): string;
  /** The value of a received header; `undefined` to leave the member out. @default the text */
  decode?(text: string): unknown;
}

/** A copy source: AWS's encoded `bucket/key[?versionId=]` string, or its parts. */
export interface CopySourceInput {
  Bucket: string;
  Key: string;
  VersionId?: string;
}

function fail(member: string, rule: string, value?: unknown): never {
  throw new ValidationError(value === undefined ? { field: member, rule } : { field: member, rule, value });
}

function keyBytes(value: unknown, member: string): Uint8Array {
  if (typeof value === 'string') return utf8Bytes(value);
  if (value instanceof Uint8Array) return value;
  return fail(member, 'must be a string or a Uint8Array');
}

/** `x-amz-copy-source`: a string as given, or `{ Bucket, Key, VersionId? }` encoded. */
const copySource: Codec = {
  encode(value, member) {
    if (typeof value === 'string') {
      if (value === '' || value === '/') fail(member, 'must be "bucket/key"', value);
      return value;
    }
    const source = value as { Bucket?: unknown; Key?: unknown; VersionId?: unknown };
    if (typeof source.Bucket !== 'string' || typeof source.Key !== 'string') fail(member, 'must be "bucket/key" or { Bucket, Key, VersionId? }');
    const path = `${encodeKeyPath(source.Bucket)}/${encodeKeyPath(source.Key)}`;
    return typeof source.VersionId === 'string' ? `${path}?versionId=${encodeRfc3986(source.VersionId)}` : path;
  },
};

/** `x-amz-tagging`: a URL query string as given, or a record of tags encoded as one. */
const tagging: Codec = {
  encode(value) {
    if (typeof value === 'string') return value;
    return taggingEntries(value as Record<string, string>)
      .map((t) => `${encodeRfc3986(t.Key)}=${encodeRfc3986(t.Value)}`)
      .join('&');
  },
};

/** An SSE-C key (bytes or a string) sent base64, with `<header>-md5` filled unless given. */
const sseCustomerKey: Codec = {
  encode(value, member, wireName, headers) {
    const key = keyBytes(value, member);
    headers[`${wireName}-md5`] ??= checksumBase64('MD5', key);
    return bytesToBase64(key);
  },
};

/** The built-in codecs by name. */
export const CODECS = { copySource, tagging, sseCustomerKey } as const satisfies Readonly<Record<string, Codec>>;

/** Name of a built-in codec. */
export type CodecName = keyof typeof CODECS;

/** The codec a binding names or carries. */
export function codecOf(codec: CodecName | Codec): Codec {
  return typeof codec === 'string' ? CODECS[codec] : codec;
}
