/** Builds the HTTP request of an operation from its spec and input. */
import { ValidationError } from '@s3kit/primitives';
import type { HttpQuery, HttpRequest, HttpRequestBody } from '@s3kit/primitives';
import { toHttpBody } from '../body/request-body.js';
import type { RequestBody } from '../body/request-body.js';
import type { ResolvedEndpoint } from '../endpoints/resolve-endpoint.js';
import { buildXml } from '../xml/xml-writer.js';
import type { XmlInputObject } from '../xml/xml-writer.js';
import { codecOf } from './codecs.js';
import type { CompiledOperation } from './compile.js';
import { applyRule, checkConstraints } from './rules.js';
import type { InputBinding, ScalarType } from './spec.js';
import { expandPath } from './uri-template.js';
import { writeShape, writeStructure } from './xml-shapes.js';

/** The request, plus what the response parser must know about how it was built. */
export interface SerializedRequest {
  request: HttpRequest;
  /** s3kit asked for `encoding-type=url` itself, so listed fields must be decoded. */
  autoUrlEncoding: boolean;
}

const HOST_LABEL = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;

function fail(field: string, rule: string, value?: unknown): never {
  throw new ValidationError(value === undefined ? { field, rule } : { field, rule, value });
}

function formatDate(member: string, type: ScalarType, value: unknown, inHeader: boolean): string {
  const date = value instanceof Date ? value : typeof value === 'number' || typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) fail(member, 'must be a Date', value);
  if (type === 'http-date' || (type === 'timestamp' && inHeader)) return date.toUTCString();
  if (type === 'epoch-seconds') return String(date.getTime() / 1000);
  return date.toISOString().replace(/\.000Z$/, 'Z');
}

function formatScalar(member: string, type: ScalarType | undefined, value: unknown, inHeader: boolean): string {
  switch (type) {
    case 'timestamp':
    case 'iso8601':
    case 'http-date':
    case 'epoch-seconds':
      return formatDate(member, type, value, inHeader);
    case 'integer':
    case 'long':
    case 'float':
      if (typeof value !== 'number' || !Number.isFinite(value)) fail(member, 'must be a number', value);
      return String(value);
    case 'boolean':
      if (typeof value !== 'boolean') fail(member, 'must be a boolean', value);
      return value ? 'true' : 'false';
    default:
      if (typeof value !== 'string') fail(member, 'must be a string', value);
      if (inHeader && /[\r\n\0]/.test(value)) fail(member, 'must not contain CR, LF or NUL');
      return value;
  }
}

/** A list header: items joined with `, `, quoted when they hold a comma or a quote (RFC 9110 lists). */
function formatListHeader(member: string, type: ScalarType | undefined, value: unknown): string {
  if (!Array.isArray(value)) fail(member, 'must be an array', value);
  return (value as unknown[])
    .map((item) => {
      const text = formatScalar(member, type, item, true);
      return /[",]/.test(text) ? `"${text.replace(/["\\]/g, '\\$&')}"` : text;
    })
    .join(', ');
}

function headerText(member: string, binding: Extract<InputBinding, { in: 'header' }>, value: unknown, headers: Record<string, string>): string {
  if (binding.codec !== undefined) return codecOf(binding.codec).encode(value, member, binding.name, headers);
  if (binding.list === true) return formatListHeader(member, binding.type, value);
  return formatScalar(member, binding.type, value, true);
}

/**
 * Validates `input` and builds the request of `op` against `endpoint` (resolved for the input's
 * bucket). The body is left as given (checksums and streaming are the client's next step).
 * @throws {ValidationError} `ERR_VALIDATION` for a missing member or a broken rule or constraint.
 */
export function serializeRequest(op: CompiledOperation, input: Record<string, unknown>, endpoint: ResolvedEndpoint): SerializedRequest {
  for (const member of op.required) if (input[member] === undefined) fail(member, 'is required');
  for (const [member, rule] of op.rules) {
    const value = input[member];
    if (value !== undefined) applyRule(rule, member, value);
  }
  for (const [member, constraints] of op.constraints) {
    const value = input[member];
    if (value !== undefined) checkConstraints(constraints, member, value);
  }
  const { spec } = op;
  spec.check?.(input);
  const headers: Record<string, string> = {};
  let query: HttpQuery | undefined = op.uri.hasQuery ? { ...op.uri.query } : undefined;
  let body: HttpRequestBody | undefined;
  let xmlBody: Record<string, unknown> | undefined;
  let hostPrefix = spec.hostPrefix;
  for (const member in input) {
    const value = input[member];
    if (value === undefined || value === null) continue;
    const binding = op.input[member];
    if (binding === undefined) continue;
    switch (binding.in) {
      case 'label':
        break;
      case 'header':
        headers[binding.name] = headerText(member, binding, value, headers);
        if (binding.hostLabel === true && hostPrefix !== undefined) {
          if (!HOST_LABEL.test(headers[binding.name]!)) fail(member, 'must be a valid host label (letters, digits, hyphens)', value);
          hostPrefix = hostPrefix.replace(`{${member}}`, headers[binding.name]!);
        }
        break;
      case 'headers':
        for (const [name, v] of Object.entries(value as Record<string, string>)) headers[binding.prefix + name.toLowerCase()] = v;
        break;
      case 'query': {
        const q = (query ??= {});
        if (binding.codec !== undefined) q[binding.name] = codecOf(binding.codec).encode(value, member, binding.name, headers);
        else if (binding.list === true && Array.isArray(value)) q[binding.name] = value.map((item) => formatScalar(member, binding.type, item, false));
        else q[binding.name] = formatScalar(member, binding.type, value, false);
        break;
      }
      case 'payload':
        if (binding.kind === 'xml') {
          const root = binding.name ?? member;
          body = buildXml(root, writeStructure(binding.shape!, value) as XmlInputObject, binding.namespace ? { namespace: binding.namespace.uri } : {});
          headers['content-type'] ??= spec.contentType ?? 'application/xml';
        } else if (binding.kind === 'text') {
          if (typeof value !== 'string') fail(member, 'must be a string', value);
          body = value;
        } else {
          body = toHttpBody(value as RequestBody, member);
        }
        break;
      case 'xml':
        (xmlBody ??= {})[member] = value;
        break;
    }
  }
  if (xmlBody !== undefined && spec.inputRoot !== undefined) {
    const doc: Record<string, unknown> = {};
    for (const member in xmlBody) {
      const binding = op.input[member] as Extract<InputBinding, { in: 'xml' }>;
      const written = writeShape(binding.shape, xmlBody[member]);
      if (written !== undefined) doc[binding.name ?? member] = written;
    }
    const ns = spec.inputRoot.namespace;
    body = buildXml(spec.inputRoot.name, doc as XmlInputObject, ns ? { namespace: ns.uri } : {});
    headers['content-type'] ??= spec.contentType ?? 'application/xml';
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
  const path = expandPath(op.uri, (label) => input[op.labelMembers.get(label) ?? label], endpoint.pathPrefix, endpoint.style === 'path');
  const hostname = hostPrefix === undefined ? endpoint.hostname : hostPrefix + endpoint.hostname;
  const request: HttpRequest = { method: spec.method, protocol: endpoint.protocol, hostname, path, headers };
  if (endpoint.port !== undefined) request.port = endpoint.port;
  if (query) request.query = query;
  if (body !== undefined) request.body = body;
  return { request, autoUrlEncoding };
}
