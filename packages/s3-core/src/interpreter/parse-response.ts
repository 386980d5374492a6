/** Reads an operation's output from the response headers and XML or text body. */
import { S3kitError } from '@s3kit/primitives';
import type { HttpResponse } from '@s3kit/primitives';
import type { EventMessage } from '../body/event-stream.js';
import { parseXmlFast } from '../xml/fast-xml-reader.js';
import type { XmlObject } from '../xml/xml-parser.js';
import { withXmlParser } from '../xml/xml-parser.js';
import type { CompiledOperation, HeaderTarget } from './compile.js';
import type { EventSpec } from './spec.js';
import { readField, readScalar, readShape, readStructure } from './xml-shapes.js';

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

/** Splits a list header (RFC 9110: comma-separated, items may be quoted). */
function splitListHeader(text: string): string[] {
  const items: string[] = [];
  for (const m of text.matchAll(/\s*(?:"((?:[^"\\]|\\.)*)"|([^,]*?))\s*(?:,|$)/g)) {
    if (m.index >= text.length) break;
    const item = m[1] === undefined ? m[2]! : m[1].replace(/\\(.)/g, '$1');
    if (item !== '' || m[1] !== undefined) items.push(item);
  }
  return items;
}

function headerValue(target: HeaderTarget, raw: string): unknown {
  if (target.codec?.decode !== undefined) return target.codec.decode(raw);
  if (target.list) return splitListHeader(raw).map((item) => readScalar(target.type, item));
  return target.type === 'string' ? raw : readScalar(target.type, raw);
}

/** Fills `out` from the response headers bound in the spec. */
export function readHeaders(op: CompiledOperation, response: HttpResponse, out: Record<string, unknown>): void {
  const headers = response.headers;
  for (const name in headers) {
    const targets = op.outputHeaders.get(name);
    if (targets !== undefined) {
      const raw = headers[name]!;
      for (const target of targets) {
        const value = headerValue(target, raw);
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
 * Fills `out` from a response body read whole: the text payload as is, or the XML document (its
 * root as the payload structure, or its children as members; a root that is a text element fills
 * the member of its name, as `<LocationConstraint>` does). `autoUrlEncoding`: s3kit asked for
 * `encoding-type=url` itself, so the spec's listed fields are decoded and `EncodingType` is not reported.
 * @throws {XmlParseError} `ERR_XML` for malformed (also truncated) XML.
 * @throws {S3kitError} `ERR_URL_ENCODING` for a listed field that does not decode.
 */
export function readBody(op: CompiledOperation, text: string, out: Record<string, unknown>, autoUrlEncoding: boolean): void {
  const payload = op.outputPayload;
  if (payload?.kind === 'text') {
    out[payload.member] = text;
    return;
  }
  if (text.trim() === '') return;
  const doc = parseXmlFast(text);
  const rootName = Object.keys(doc)[0];
  const rootValue = rootName === undefined ? undefined : doc[rootName];
  const root: XmlObject = typeof rootValue === 'object' && !Array.isArray(rootValue) ? rootValue : {};
  if (payload?.kind === 'xml' && payload.shape !== undefined) out[payload.member] = readStructure(payload.shape, root);
  for (const [member, name, shape] of op.xmlMembers) {
    const raw = typeof rootValue === 'string' ? (name === rootName ? rootValue : undefined) : root[name];
    const value = readField({ shape }, raw);
    if (value !== undefined) out[member] = value;
  }
  const encoding = op.spec.urlEncoding;
  if (encoding && autoUrlEncoding) {
    for (const field of encoding.fields) decodeField(op.spec.name, out, field);
    Reflect.deleteProperty(out, encoding.member);
  }
}

/**
 * Turns event stream messages into the output's events: `{ Records: { Payload } }`, `{ Stats: {
 * Details } }`, `{ End: {} }`... by the spec's event table. Event types the table lacks (added by AWS
 * later) are skipped; an `error` or `exception` message becomes the error `failure` builds.
 */
export async function* readEvents(
  events: Readonly<Record<string, EventSpec>>,
  messages: AsyncIterable<EventMessage>,
  failure: (code: string, message: string | undefined) => Error,
): AsyncGenerator<Record<string, Record<string, unknown>>> {
  for await (const { headers, payload } of messages) {
    const type = headers[':message-type'];
    if (type === 'error' || type === 'exception') {
      const code = headers[':error-code'] ?? headers[':exception-type'];
      const message = headers[':error-message'];
      throw failure(typeof code === 'string' ? code : 'UnknownError', typeof message === 'string' ? message : undefined);
    }
    const name = headers[':event-type'];
    const event = typeof name === 'string' ? events[name] : undefined;
    if (event === undefined || typeof name !== 'string') continue;
    const value: Record<string, unknown> = {};
    const spec = event.payload;
    if (spec !== undefined) {
      if (spec.shape === 'blob') value[spec.member] = payload;
      else if (payload.byteLength > 0) {
        const text = new TextDecoder().decode(payload);
        const doc = await withXmlParser(() => parseXmlFast(text));
        const root = Object.values(doc)[0];
        const read = typeof spec.shape !== 'string' && spec.shape.type === 'structure' && typeof root === 'object' && !Array.isArray(root) ? readStructure(spec.shape, root) : readShape(spec.shape, root);
        if (read !== undefined) value[spec.member] = read;
      }
    }
    yield { [name]: value };
  }
}
