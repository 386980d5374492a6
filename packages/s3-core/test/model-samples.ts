/**
 * Test helper: AWS's model read on its own (not through the generator or the interpreter) to make
 * sample inputs and outputs of every operation, the HTTP request an input must become, and the
 * HTTP response that carries an output. Wire rules follow the model's REST-XML protocol: header
 * timestamps as HTTP dates unless the shape says otherwise, XML timestamps as ISO 8601, flattened
 * lists named by their item, attributes and namespaces as declared.
 */
import { createResponseBody } from '@s3kit/primitives';
import type { HttpRequest, HttpResponse, HttpTransport } from '@s3kit/primitives';
import { loadServiceModel } from '../scripts/s3-model.mjs';
import type { ModelMember, ModelShape } from '../scripts/s3-model.mjs';
import { encodeEventMessage } from '../src/body/event-stream.js';

export const model = loadServiceModel();
const shapes = model.shapes;

function shape(name: string): ModelShape {
  return shapes[name]!;
}

/** A fixed date, whole seconds (HTTP dates carry no milliseconds). */
const SAMPLE_DATE = new Date(Date.UTC(2031, 4, 6, 7, 8, 9));

/** Values chosen for members whose domain rules or wire use a sample string would break. */
const INPUT_VALUES: Readonly<Record<string, unknown>> = {
  Bucket: 'bucket-1',
  Key: 'dir/key a.txt',
  UploadId: 'upload-1',
  PartNumber: 2,
  RequestRoute: 'route-1',
  CopySource: 'source-bucket/source key',
  RenameSource: 'bucket-1/old key',
  SSECustomerKey: 'k'.repeat(32),
  CopySourceSSECustomerKey: 'c'.repeat(32),
  Tagging: 'a=1&b=2',
  Metadata: { color: 'blue' },
  Body: 'body-bytes',
  Policy: '{"Version":"2012-10-17"}',
  ContentLength: 10,
  MaxKeys: 5,
  MaxParts: 5,
  MaxUploads: 5,
  MaxBuckets: 5,
  MaxDirectoryBuckets: 5,
  ChecksumAlgorithm: 'CRC32',
};

/**
 * A deprecated member whose element another member also uses (the old notification shapes bind
 * both `Events` and `Event` to `<Event>`): left out of samples, whose round trip would be ambiguous.
 */
function sharesElement(s: ModelShape, name: string, member: ModelMember & { deprecated?: boolean }): boolean {
  if (member.deprecated !== true) return false;
  const element = elementName(name, member);
  return Object.entries(s.members ?? {}).some(([other, m]) => other !== name && elementName(other, m) === element);
}

/** A deterministic sample value of `shapeName` (lists of one item, structures with every member). */
export function sample(shapeName: string, path: string, depth = 0): unknown {
  const s = shape(shapeName);
  switch (s.type) {
    case 'string':
      if (shapeName === 'Policy') return '{"Version":"2012-10-17","Statement":[]}';
      return s.enum ? s.enum[0] : `s-${path}`;
    case 'integer':
    case 'long':
      return Math.min(s.max ?? 7, Math.max(s.min ?? 0, 7));
    case 'float':
    case 'double':
      return 1.5;
    case 'boolean':
      return true;
    case 'timestamp':
      return SAMPLE_DATE;
    case 'blob':
      return new TextEncoder().encode(`b-${path}`);
    case 'list':
      return [sample(s.member!.shape, `${path}[]`, depth + 1)];
    case 'map':
      return { k: sample(s.value!.shape, `${path}.k`, depth + 1) };
    case 'structure': {
      const out: Record<string, unknown> = {};
      if (s.eventstream === true) return out;
      for (const [name, member] of Object.entries(s.members ?? {})) {
        if (sharesElement(s, name, member)) continue;
        out[name] = sample(member.shape, `${path}.${name}`, depth + 1);
      }
      return out;
    }
    default:
      throw new Error(`no sample for ${shapeName} (${s.type})`);
  }
}

/** A sample input of `op`: every member, with the values rules and codecs accept. */
export function sampleInput(op: string): Record<string, unknown> {
  const input = shape(model.operations[op]!.input!.shape);
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(input.members ?? {})) {
    const target = shape(member.shape);
    const special = name in INPUT_VALUES && (target.type !== 'string' || target.enum === undefined || name === 'ChecksumAlgorithm');
    if (special && !(name === 'Tagging' && member.shape !== 'TaggingHeader')) out[name] = INPUT_VALUES[name];
    else if (name === 'Bucket' && op === 'CreateBucket') out[name] = 'bucket-1';
    else out[name] = sample(member.shape, name);
  }
  // Response validation is tested on its own (s3-client tests): sample checksums would not match.
  Reflect.deleteProperty(out, 'ChecksumMode');
  // Checksums: the sample algorithm is computed over the body, so no hand-made value beside it.
  for (const name of Object.keys(out)) if (/^Checksum(CRC|SHA|MD5|XXHASH)/.test(name)) Reflect.deleteProperty(out, name);
  if (op === 'CreateBucket' || op === 'PutBucketAcl' || op === 'PutObjectAcl') {
    // One way of granting at a time (AWS refuses a body and grant headers together).
    for (const name of Object.keys(out)) if (/^Grant|^ACL$/.test(name)) Reflect.deleteProperty(out, name);
  }
  return out;
}

/** Text of a sample scalar (strings as they are, numbers and booleans as JSON writes them). */
function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function httpDate(date: Date): string {
  return date.toUTCString();
}

/** A scalar as a header or query value, by the model's timestamp rules. */
function wireScalar(shapeName: string, value: unknown, inHeader: boolean): string {
  const s = shape(shapeName);
  if (s.type === 'timestamp') {
    const date = value as Date;
    const format = s.timestampFormat ?? (inHeader ? 'rfc822' : 'iso8601');
    if (format === 'rfc822') return httpDate(date);
    if (format === 'unixTimestamp') return String(date.getTime() / 1000);
    return date.toISOString().replace(/\.000Z$/, 'Z');
  }
  return text(value);
}

/** What a request for `input` must hold, member by member: `[where, expected]` checks. */
export function expectedRequest(op: string, input: Record<string, unknown>): { header: Record<string, string>; query: Record<string, string | string[]>; pathIncludes: string[] } {
  const inputShape = shape(model.operations[op]!.input!.shape);
  const header: Record<string, string> = {};
  const query: Record<string, string | string[]> = {};
  const pathIncludes: string[] = [];
  for (const [name, member] of Object.entries(inputShape.members ?? {})) {
    const value = input[name];
    if (value === undefined) continue;
    const target = shape(member.shape);
    const codec = ['CopySource', 'SSECustomerKey', 'CopySourceSSECustomerKey', 'TaggingHeader'].includes(member.shape);
    switch (member.location) {
      case 'header':
        if (codec) break;
        header[member.locationName!.toLowerCase()] =
          target.type === 'list' ? (value as unknown[]).map((v) => wireScalar(target.member!.shape, v, true)).join(', ') : wireScalar(member.shape, value, true);
        break;
      case 'headers':
        for (const [k, v] of Object.entries(value as Record<string, string>)) header[`${member.locationName!.toLowerCase()}${k}`] = v;
        break;
      case 'querystring':
        query[member.locationName!] = target.type === 'list' ? (value as unknown[]).map((v) => wireScalar(target.member!.shape, v, false)) : wireScalar(member.shape, value, false);
        break;
      case 'uri':
        if (member.locationName !== 'Bucket') pathIncludes.push(text(value).split('/')[0]!.replace(/ /g, '%20'));
        break;
      default:
    }
  }
  return { header, query, pathIncludes };
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function xmlScalar(shapeName: string, value: unknown): string {
  const s = shape(shapeName);
  if (s.type === 'timestamp') {
    const date = value as Date;
    return s.timestampFormat === 'rfc822' ? httpDate(date) : s.timestampFormat === 'unixTimestamp' ? String(date.getTime() / 1000) : date.toISOString();
  }
  if (s.type === 'blob') return Buffer.from(value as Uint8Array).toString('base64');
  return escape(text(value));
}

/** The element name of a structure member (a flattened list takes its item's name). */
function elementName(name: string, member: ModelMember): string {
  const target = shape(member.shape);
  if (target.type === 'list' && (member.flattened === true || target.flattened === true) && target.member!.locationName) return target.member!.locationName;
  return member.locationName ?? name;
}

/** XML of `value` as element `name` of shape `shapeName`. */
export function toXml(shapeName: string, value: unknown, name: string, memberFlattened = false): string {
  const s = shape(shapeName);
  if (s.type === 'list') {
    const items = value as unknown[];
    const flattened = memberFlattened || s.flattened === true;
    if (flattened) return items.map((item) => toXml(s.member!.shape, item, name)).join('');
    const itemName = s.member!.locationName ?? 'member';
    return `<${name}>${items.map((item) => toXml(s.member!.shape, item, itemName)).join('')}</${name}>`;
  }
  if (s.type !== 'structure') return `<${name}>${xmlScalar(shapeName, value)}</${name}>`;
  const v = value as Record<string, unknown>;
  let attributes = s.xmlNamespace ? ` xmlns${s.xmlNamespace.prefix ? `:${s.xmlNamespace.prefix}` : ''}="${s.xmlNamespace.uri}"` : '';
  let children = '';
  for (const [member, m] of Object.entries(s.members ?? {})) {
    if (v[member] === undefined) continue;
    if (m.xmlAttribute === true) attributes += ` ${m.locationName ?? member}="${escape(text(v[member]))}"`;
    else children += toXml(m.shape, v[member], elementName(member, m), m.flattened === true);
  }
  return `<${name}${attributes}>${children}</${name}>`;
}

/** A sample output of `op` and the response carrying it. */
export function sampleResponse(op: string): { output: Record<string, unknown>; status: number; headers: Record<string, string>; body: Uint8Array } {
  const m = model.operations[op]!;
  const outputShape = m.output ? shape(m.output.shape) : undefined;
  const output: Record<string, unknown> = {};
  const headers: Record<string, string> = {};
  let body: Uint8Array = new Uint8Array(0);
  let children = '';
  for (const [name, member] of Object.entries(outputShape?.members ?? {})) {
    const target = shape(member.shape);
    const value = sample(member.shape, name);
    switch (member.location) {
      case 'header':
        // A name only, not a date: `Expires` is read both ways (the model's date and the raw text).
        if (target.type === 'list') headers[member.locationName!.toLowerCase()] = (value as unknown[]).join(', ');
        else headers[member.locationName!.toLowerCase()] = wireScalar(member.shape, value, true);
        output[name] = value;
        break;
      case 'headers':
        for (const [k, v] of Object.entries(value as Record<string, string>)) headers[`${member.locationName!.toLowerCase()}${k}`] = v;
        output[name] = value;
        break;
      case 'statusCode':
        break;
      default:
        if (outputShape!.payload === name) {
          if (target.eventstream === true) {
            body = eventStreamBody(member.shape);
            output[name] = eventSamples(member.shape);
          } else if (target.type === 'structure') {
            body = new TextEncoder().encode(toXml(member.shape, value, member.locationName ?? member.shape));
            output[name] = value;
          } else {
            body = target.type === 'blob' ? (value as Uint8Array) : new TextEncoder().encode(value as string);
            output[name] = target.type === 'blob' ? new TextDecoder().decode(value as Uint8Array) : value;
          }
        } else {
          children += toXml(member.shape, value, elementName(name, member), member.flattened === true);
          output[name] = value;
        }
    }
  }
  if ('ContentLength' in output && outputShape?.payload !== undefined && shape(outputShape.members![outputShape.payload]!.shape).type === 'blob') {
    output.ContentLength = body.byteLength;
    headers['content-length'] = String(body.byteLength);
  }
  if (children !== '') body = new TextEncoder().encode(`<${m.output!.shape} xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${children}</${m.output!.shape}>`);
  return { output, status: m.http.responseCode ?? 200, headers, body };
}

/** The events of a sample event stream: one of each type the model lists. */
function eventSamples(streamShape: string): Record<string, Record<string, unknown>>[] {
  const out: Record<string, Record<string, unknown>>[] = [];
  for (const [event, ref] of Object.entries(shape(streamShape).members ?? {})) {
    const value: Record<string, unknown> = {};
    for (const [member, m] of Object.entries(shape(ref.shape).members ?? {})) if (m.eventpayload === true) value[member] = sample(m.shape, `${event}.${member}`);
    out.push({ [event]: value });
  }
  return out;
}

function eventStreamBody(streamShape: string): Uint8Array {
  const messages: Uint8Array[] = [];
  for (const [event, ref] of Object.entries(shape(streamShape).members ?? {})) {
    const payloadMember = Object.entries(shape(ref.shape).members ?? {}).find(([, m]) => m.eventpayload === true);
    let payload: Uint8Array = new Uint8Array(0);
    if (payloadMember) {
      const [member, m] = payloadMember;
      const value = sample(m.shape, `${event}.${member}`);
      payload = shape(m.shape).type === 'blob' ? (value as Uint8Array) : new TextEncoder().encode(toXml(m.shape, value, m.shape));
    }
    messages.push(encodeEventMessage({ ':message-type': 'event', ':event-type': event, ':content-type': 'application/octet-stream' }, payload));
  }
  return Buffer.concat(messages);
}

/**
 * A transport answering every request with `response` and keeping the requests (bodies read to
 * text); a directory bucket's `CreateSession` (`?session`) gets the model's sample session.
 */
export function respondingTransport(answer: { status: number; headers: Record<string, string>; body: Uint8Array }): HttpTransport & { requests: (HttpRequest & { text?: string })[] } {
  const requests: (HttpRequest & { text?: string })[] = [];
  return {
    requests,
    async send(request) {
      const response = request.query !== undefined && 'session' in request.query ? sampleResponse('CreateSession') : answer;
      let text: string | undefined;
      const body = request.body;
      if (typeof body === 'string') text = body;
      else if (body instanceof Uint8Array) text = new TextDecoder().decode(body);
      else if (body !== undefined) {
        const chunks: Uint8Array[] = [];
        for await (const chunk of body) chunks.push(chunk);
        text = new TextDecoder().decode(Buffer.concat(chunks));
      }
      requests.push({ ...request, ...(text === undefined ? {} : { text }) });
      const reply: HttpResponse = {
        statusCode: response.status,
        headers: { 'content-length': String(response.body.byteLength), ...response.headers },
        body: createResponseBody(
          (async function* () {
            await Promise.resolve();
            if (response.body.byteLength > 0) yield response.body;
          })(),
        ),
      };
      return reply;
    },
  };
}
