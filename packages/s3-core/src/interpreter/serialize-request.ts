/** Builds the HTTP request of an operation from its spec and input. */
import { ValidationError, bytesToBase64, encodeRfc3986, utf8Bytes } from '@s3kit/primitives';
import type { HttpQuery, HttpRequest, HttpRequestBody } from '@s3kit/primitives';
import { toHttpBody } from '../body/request-body.js';
import type { RequestBody } from '../body/request-body.js';
import { checksumBase64 } from '../checksums/checksum.js';
import type { ResolvedEndpoint } from '../endpoints/resolve-endpoint.js';
import { encodeKeyPath } from '../endpoints/object-key.js';
import { buildXml } from '../xml/xml-writer.js';
import type { XmlInputObject } from '../xml/xml-writer.js';
import type { CompiledOperation } from './compile.js';
import { applyRule, taggingEntries } from './validate.js';
import { writeShape } from './xml-shapes.js';
import type { InputBinding } from './spec.js';

/** The request, plus what the response parser must know about how it was built. */
export interface SerializedRequest {
  request: HttpRequest;
  /** s3kit asked for `encoding-type=url` itself, so listed fields must be decoded. */
  autoUrlEncoding: boolean;
}

/** Keys made only of RFC 3986 unreserved characters and `/`: their path encoding is themselves. */
const PLAIN_KEY = /^[A-Za-z0-9\-._~/]+$/;

function fail(field: string, rule: string, value?: unknown): never {
  throw new ValidationError(value === undefined ? { field, rule } : { field, rule, value });
}

function formatValue(member: string, binding: InputBinding & { type?: string }, value: unknown, inHeader: boolean): string {
  switch (binding.type) {
    case 'timestamp':
    case 'iso8601': {
      const date = value instanceof Date ? value : typeof value === 'number' || typeof value === 'string' ? new Date(value) : undefined;
      if (!date || Number.isNaN(date.getTime())) fail(member, 'must be a Date', value);
      return binding.type === 'timestamp' && inHeader ? date.toUTCString() : date.toISOString().replace(/\.000Z$/, 'Z');
    }
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) fail(member, 'must be a number', value);
      return String(value);
    case 'boolean':
      if (typeof value !== 'boolean') fail(member, 'must be a boolean', value);
      return value ? 'true' : 'false';
    case 'tagging':
      if (typeof value === 'string') return value;
      return taggingEntries(value as Record<string, string>)
        .map((t) => `${encodeRfc3986(t.Key)}=${encodeRfc3986(t.Value)}`)
        .join('&');
    case 'copySource': {
      if (typeof value === 'string') {
        if (value === '' || value === '/') fail(member, 'must be "bucket/key"', value);
        return value;
      }
      const source = value as { Bucket?: unknown; Key?: unknown; VersionId?: unknown };
      if (typeof source.Bucket !== 'string' || typeof source.Key !== 'string') fail(member, 'must be "bucket/key" or { Bucket, Key, VersionId? }');
      const path = `${encodeKeyPath(source.Bucket)}/${encodeKeyPath(source.Key)}`;
      return typeof source.VersionId === 'string' ? `${path}?versionId=${encodeRfc3986(source.VersionId)}` : path;
    }
    default:
      if (typeof value !== 'string') fail(member, 'must be a string', value);
      if (inHeader && /[\r\n\0]/.test(value)) fail(member, 'must not contain CR, LF or NUL');
      return value;
  }
}

function keyBytes(value: unknown, member: string): Uint8Array {
  if (typeof value === 'string') return utf8Bytes(value);
  if (value instanceof Uint8Array) return value;
  return fail(member, 'must be a string or a Uint8Array');
}

/**
 * Validates `input` and builds the request of `op` against `endpoint` (resolved for the input's
 * bucket). The body is left as given (checksums and streaming are the client's next step).
 * @throws {ValidationError} `ERR_VALIDATION` for a missing member or a broken rule.
 */
export function serializeRequest(op: CompiledOperation, input: Record<string, unknown>, endpoint: ResolvedEndpoint): SerializedRequest {
  for (const member of op.required) if (input[member] === undefined) fail(member, 'is required');
  for (const [member, rule] of op.rules) {
    const value = input[member];
    if (value !== undefined) applyRule(rule, member, value);
  }
  const { spec } = op;
  const headers: Record<string, string> = {};
  let query: HttpQuery | undefined = spec.query ? { ...spec.query } : undefined;
  let body: HttpRequestBody | undefined;
  for (const member in input) {
    const value = input[member];
    if (value === undefined || value === null) continue;
    const binding = op.input[member];
    if (binding === undefined) continue;
    switch (binding.in) {
      case 'label':
        break;
      case 'header':
        if (binding.type === 'sseCustomerKey') {
          const key = keyBytes(value, member);
          headers[binding.name] = bytesToBase64(key);
          if (binding.md5Header !== undefined) headers[binding.md5Header] ??= checksumBase64('MD5', key);
        } else {
          headers[binding.name] = formatValue(member, binding, value, true);
        }
        break;
      case 'prefixHeaders':
        for (const [name, v] of Object.entries(value as Record<string, string>)) headers[binding.name + name.toLowerCase()] = v;
        break;
      case 'query':
        (query ??= {})[binding.name] = formatValue(member, binding, value, false);
        break;
      case 'body':
        body = toHttpBody(value as RequestBody, member);
        break;
      case 'xml':
        body = buildXml(binding.root, writeShape(binding.shape, value) as XmlInputObject);
        headers['content-type'] ??= spec.contentType ?? 'application/xml';
        break;
    }
  }
  let autoUrlEncoding = false;
  const encoding = spec.urlEncoding;
  if (encoding && input[encoding.member] === undefined) {
    const binding = op.input[encoding.member];
    if (binding?.in === 'query') {
      (query ??= {})[binding.name] = 'url';
      autoUrlEncoding = true;
    }
  }
  const key = spec.path === '/{Bucket}/{Key+}' ? (input.Key as string) : undefined;
  // Bucket operations in path style go to `/bucket` (as botocore sends them), everything else ends in `/`.
  const prefix = endpoint.pathPrefix;
  const path =
    key !== undefined
      ? `${prefix}/${PLAIN_KEY.test(key) ? key : encodeKeyPath(key)}`
      : spec.path === '/{Bucket}' && endpoint.style === 'path' && prefix !== ''
        ? prefix
        : `${prefix}/`;
  const request: HttpRequest = { method: spec.method, protocol: endpoint.protocol, hostname: endpoint.hostname, path, headers };
  if (endpoint.port !== undefined) request.port = endpoint.port;
  if (query) request.query = query;
  if (body !== undefined) request.body = body;
  return { request, autoUrlEncoding };
}
