/** Reads an operation's output from the response headers and XML body. */
import { S3kitError } from '@s3kit/primitives';
import type { HttpResponse } from '@s3kit/primitives';
import { parseXmlFast } from '../xml/fast-xml-reader.js';
import type { XmlObject } from '../xml/xml-parser.js';
import type { CompiledOperation } from './compile.js';
import { readScalar, readShape, readStructure } from './xml-shapes.js';

/** Code of the error thrown for an `encoding-type=url` value that does not decode. */
export const ERR_URL_ENCODING = 'ERR_URL_ENCODING';

function undecodable(what: string, value: string, cause: unknown): S3kitError {
  const shown = value.length > 200 ? `${value.slice(0, 200)}...` : value;
  return new S3kitError(`${what} that is not valid percent-encoded UTF-8 (encoding-type=url): ${JSON.stringify(shown)}`, {
    code: ERR_URL_ENCODING,
    cause,
    details: { value: shown },
  });
}

/**
 * Decodes an `encoding-type=url` value as S3 encodes it (`+` for space, as botocore's
 * `unquote_plus`).
 * @throws {S3kitError} `ERR_URL_ENCODING` for a malformed escape or bytes that are not UTF-8 (S3
 *   never sends them; returning them verbatim would pass `%FF` off as a key of that literal name).
 */
export function urlDecode(value: string): string {
  return decodeAs('A value', value);
}

/** {@link urlDecode}, saying in the error what the value was (`ListObjectsV2 answered a Contents.Key`). */
function decodeAs(what: string, value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch (err) {
    throw undecodable(what, value, err);
  }
}

/** Fills `out` from the response headers bound in the spec. */
export function readHeaders(op: CompiledOperation, response: HttpResponse, out: Record<string, unknown>): void {
  const headers = response.headers;
  for (const name in headers) {
    const targets = op.outputHeaders.get(name);
    if (targets !== undefined) {
      const raw = headers[name]!;
      for (const target of targets) {
        const value = target.type === 'string' ? raw : readScalar(target.type, raw);
        if (value !== undefined) out[target.member] = value;
      }
      continue;
    }
    for (const [member, prefix] of op.outputPrefix) {
      if (name.startsWith(prefix)) ((out[member] ??= {}) as Record<string, string>)[name.slice(prefix.length)] = headers[name]!;
    }
  }
  if (op.outputStatus !== undefined) out[op.outputStatus] = response.statusCode;
}

function decodeField(operation: string, out: Record<string, unknown>, field: string): void {
  const dot = field.indexOf('.');
  if (dot === -1) {
    const value = out[field];
    if (typeof value === 'string') out[field] = decodeAs(`${operation} answered a ${field}`, value);
    return;
  }
  const list = out[field.slice(0, dot)];
  const member = field.slice(dot + 1);
  if (!Array.isArray(list)) return;
  for (const item of list as Record<string, unknown>[]) {
    const value = item[member];
    if (typeof value === 'string') item[member] = decodeAs(`${operation} answered a ${field}`, value);
  }
}

/**
 * Fills `out` from an XML response body. `autoUrlEncoding`: s3kit asked for `encoding-type=url`
 * itself, so the spec's listed fields are decoded and `EncodingType` is not reported.
 * @throws {XmlParseError} `ERR_XML` for malformed (also truncated) XML.
 * @throws {S3kitError} `ERR_URL_ENCODING` for a listed field that does not decode.
 */
export function readXmlBody(op: CompiledOperation, text: string, out: Record<string, unknown>, autoUrlEncoding: boolean): void {
  if (text.trim() === '') return;
  const doc = parseXmlFast(text, { arrayPaths: op.arrayPaths });
  const rootValue = Object.values(doc)[0];
  const root: XmlObject = typeof rootValue === 'object' && !Array.isArray(rootValue) ? rootValue : {};
  if (op.xmlRoot) out[op.xmlRoot[0]] = readStructure(op.xmlRoot[1], root);
  for (const [member, name, shape] of op.xmlMembers) {
    const raw = root[name];
    if (raw === undefined) continue;
    const value =
      typeof shape !== 'string' && shape.type === 'list' && shape.flattened
        ? (Array.isArray(raw) ? raw : [raw]).map((item) => readShape(shape.member, item))
        : readShape(shape, raw);
    if (value !== undefined) out[member] = value;
  }
  const encoding = op.spec.urlEncoding;
  if (encoding && autoUrlEncoding) {
    for (const field of encoding.fields) decodeField(op.spec.name, out, field);
    Reflect.deleteProperty(out, encoding.member);
  }
}
