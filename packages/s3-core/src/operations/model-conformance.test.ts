/**
 * The model conformance test: every spec of the operation table is checked against AWS's S3 model
 * (vendor/s3-model), read here on its own terms (not through the generator): method, URI template,
 * each input and output member's location, wire name, XML element, attribute and namespace names,
 * flattened lists and item names, timestamp formats, which member is the payload, required members,
 * endpoint context, host prefix, checksum traits and paginators. A spec that drifts from the model
 * fails here; the only members beyond the model are the documented EXTRA_OUTPUT_MEMBERS.
 */
import { describe, expect, it } from 'vitest';
import { EXTRA_OUTPUT_MEMBERS } from '../../scripts/operation-data.mjs';
import { loadPaginators, loadServiceModel } from '../../scripts/s3-model.mjs';
import type { ModelMember, ModelShape, ServiceModel } from '../../scripts/s3-model.mjs';
import { codecOf } from '../interpreter/codecs.js';
import { struct, wrappedList } from '../interpreter/spec.js';
import type { InputBinding, OperationSpec, OutputBinding, ScalarType, XmlShape } from '../interpreter/spec.js';
import { operations } from './index.js';

const model: ServiceModel = loadServiceModel();
const paginators = loadPaginators();
const shapes = model.shapes;

function shape(name: string): ModelShape {
  const s = shapes[name];
  if (s === undefined) throw new Error(`model has no shape ${name}`);
  return s;
}

/** The scalar type a model shape reads and writes as, with its timestamp format. */
function scalarOf(name: string): ScalarType {
  const s = shape(name);
  switch (s.type) {
    case 'timestamp':
      return s.timestampFormat === 'iso8601' ? 'iso8601' : s.timestampFormat === 'rfc822' ? 'http-date' : s.timestampFormat === 'unixTimestamp' ? 'epoch-seconds' : 'timestamp';
    case 'double':
    case 'float':
      return 'float';
    case 'integer':
    case 'long':
    case 'boolean':
    case 'blob':
    case 'string':
      return s.type;
    default:
      throw new Error(`${name} is a ${s.type}, not a scalar`);
  }
}

/** Problems found, as readable lines (an empty list is a pass). */
type Problems = string[];

/** Compares an XML shape of a spec with the model shape it stands for. */
function compareXml(where: string, spec: XmlShape, modelShape: string, memberFlattened: boolean, out: Problems): void {
  const s = shape(modelShape);
  if (s.type === 'structure') {
    if (typeof spec === 'string' || spec.type !== 'structure') return void out.push(`${where}: a structure in the model`);
    const ns = s.xmlNamespace;
    if (JSON.stringify(spec.namespace ?? null) !== JSON.stringify(ns ? { ...(ns.prefix === undefined ? {} : { prefix: ns.prefix }), uri: ns.uri } : null)) {
      out.push(`${where}: namespace ${JSON.stringify(spec.namespace)} vs model ${JSON.stringify(ns)}`);
    }
    const members = s.members ?? {};
    const specMembers = Object.keys(spec.members);
    if (JSON.stringify(specMembers) !== JSON.stringify(Object.keys(members))) out.push(`${where}: members ${specMembers.join(',')} vs model ${Object.keys(members).join(',')}`);
    for (const [name, member] of Object.entries(members)) {
      const field = spec.members[name];
      if (field === undefined) continue;
      const target = shape(member.shape);
      const flattened = member.flattened === true || (target.type === 'list' && target.flattened === true);
      // botocore's rest-xml rule: a flattened list's elements take the list item's locationName.
      const element = target.type === 'list' && flattened && target.member?.locationName !== undefined ? target.member.locationName : (member.locationName ?? name);
      if ((field.name ?? name) !== element) out.push(`${where}.${name}: element ${field.name ?? name} vs model ${element}`);
      if ((field.attribute === true) !== (member.xmlAttribute === true)) out.push(`${where}.${name}: attribute ${field.attribute === true} vs model ${member.xmlAttribute === true}`);
      compareXml(`${where}.${name}`, field.shape, member.shape, member.flattened === true, out);
    }
    return;
  }
  if (s.type === 'list') {
    if (typeof spec === 'string' || spec.type !== 'list') return void out.push(`${where}: a list in the model`);
    const flattened = memberFlattened || s.flattened === true;
    if (spec.flattened !== flattened) out.push(`${where}: flattened ${spec.flattened} vs model ${flattened}`);
    if (!flattened && (spec.itemName ?? 'member') !== (s.member!.locationName ?? 'member')) out.push(`${where}: item ${spec.itemName} vs model ${s.member!.locationName ?? 'member'}`);
    compareXml(`${where}[]`, spec.member, s.member!.shape, false, out);
    return;
  }
  if (spec !== scalarOf(modelShape)) out.push(`${where}: ${JSON.stringify(spec)} vs model ${scalarOf(modelShape)}`);
}

/** Compares the header or query scalar type (and list-ness) of a binding with its model member. */
function compareScalar(where: string, binding: { type?: ScalarType; list?: boolean }, member: ModelMember, out: Problems): void {
  const target = shape(member.shape);
  const isList = target.type === 'list';
  if ((binding.list === true) !== isList) out.push(`${where}: list ${binding.list === true} vs model ${isList}`);
  const expected = isList ? scalarOf(target.member!.shape) : scalarOf(member.shape);
  if ((binding.type ?? 'string') !== expected) out.push(`${where}: type ${binding.type ?? 'string'} vs model ${expected}`);
}

function compareInput(op: string, spec: OperationSpec, out: Problems): void {
  const m = model.operations[op]!;
  const input = shape(m.input!.shape);
  const members = input.members ?? {};
  const required = new Set(input.required ?? []);
  const bindings = spec.input as Readonly<Record<string, InputBinding>>;
  const extra = Object.keys(bindings).filter((name) => !(name in members));
  if (extra.length > 0) out.push(`${op} input: members not in the model: ${extra.join(', ')}`);
  for (const [name, member] of Object.entries(members)) {
    const where = `${op}.${name}`;
    const b = bindings[name];
    if (b === undefined) {
      out.push(`${where}: missing`);
      continue;
    }
    if ((b.required === true) !== required.has(name)) out.push(`${where}: required ${b.required === true} vs model ${required.has(name)}`);
    if ((b.endpoint ?? null) !== (member.contextParam?.name ?? null)) out.push(`${where}: endpoint ${b.endpoint} vs model ${member.contextParam?.name}`);
    switch (member.location) {
      case 'uri':
        if (b.in !== 'label' || b.name !== (member.locationName ?? name)) out.push(`${where}: label {${member.locationName}} vs ${JSON.stringify(b)}`);
        break;
      case 'querystring':
        if (b.in !== 'query' || b.name !== member.locationName) out.push(`${where}: query ${member.locationName} vs ${JSON.stringify(b)}`);
        else if (b.codec === undefined) compareScalar(where, b, member, out);
        break;
      case 'header':
        if (b.in !== 'header' || b.name !== member.locationName!.toLowerCase()) out.push(`${where}: header ${member.locationName} vs ${JSON.stringify(b)}`);
        else {
          if (b.codec === undefined) compareScalar(where, b, member, out);
          if ((b.hostLabel === true) !== (member.hostLabel === true)) out.push(`${where}: hostLabel ${b.hostLabel === true} vs model ${member.hostLabel === true}`);
        }
        break;
      case 'headers':
        if (b.in !== 'headers' || b.prefix !== member.locationName!.toLowerCase()) out.push(`${where}: prefix headers ${member.locationName} vs ${JSON.stringify(b)}`);
        break;
      case undefined: {
        const target = shape(member.shape);
        if (input.payload === name) {
          const kind = target.type === 'structure' ? 'xml' : target.type === 'blob' ? 'blob' : 'text';
          if (b.in !== 'payload' || b.kind !== kind) {
            out.push(`${where}: the ${kind} payload vs ${JSON.stringify(b)}`);
            break;
          }
          if (kind === 'xml') {
            if (b.name !== (member.locationName ?? member.shape)) out.push(`${where}: root element ${b.name} vs model ${member.locationName ?? member.shape}`);
            if ((b.namespace?.uri ?? null) !== (member.xmlNamespace?.uri ?? null)) out.push(`${where}: namespace ${b.namespace?.uri} vs model ${member.xmlNamespace?.uri}`);
            compareXml(where, b.shape!, member.shape, false, out);
          }
        } else {
          if (b.in !== 'xml') {
            out.push(`${where}: an element of the ${m.input!.locationName} document vs ${JSON.stringify(b)}`);
            break;
          }
          const element = member.locationName ?? name;
          if ((b.name ?? name) !== element) out.push(`${where}: element ${b.name ?? name} vs model ${element}`);
          compareXml(where, b.shape, member.shape, member.flattened === true, out);
        }
        break;
      }
      default:
        out.push(`${where}: location ${member.location} not checked`);
    }
  }
  const root = m.input!.locationName;
  if ((spec.inputRoot?.name ?? null) !== (root ?? null)) out.push(`${op}: input root ${spec.inputRoot?.name} vs model ${root}`);
  if (root !== undefined && (spec.inputRoot?.namespace?.uri ?? null) !== (m.input!.xmlNamespace?.uri ?? null)) out.push(`${op}: input root namespace differs`);
}

function compareOutput(op: string, spec: OperationSpec, out: Problems): void {
  const m = model.operations[op]!;
  const output = m.output ? shape(m.output.shape) : { type: 'structure', members: {} as Record<string, ModelMember> };
  const members = output.members ?? {};
  const bindings = spec.output as Readonly<Record<string, OutputBinding>>;
  const extras = EXTRA_OUTPUT_MEMBERS[op] ?? {};
  for (const name of Object.keys(bindings)) {
    if (name in members) continue;
    const extra = extras[name];
    if (extra === undefined) out.push(`${op} output: ${name} is not in the model nor a documented extra`);
    else if (JSON.stringify(bindings[name]) !== JSON.stringify({ in: extra.in, name: extra.name })) out.push(`${op} output: ${name} differs from its documented extra`);
  }
  for (const [name, member] of Object.entries(members)) {
    const where = `${op} -> ${name}`;
    const b = bindings[name];
    if (b === undefined) {
      out.push(`${where}: missing`);
      continue;
    }
    switch (member.location) {
      case 'header':
        if (b.in !== 'header' || b.name !== member.locationName!.toLowerCase()) out.push(`${where}: header ${member.locationName} vs ${JSON.stringify(b)}`);
        else if (b.codec === undefined) compareScalar(where, b, member, out);
        else expect(codecOf(b.codec)).toBeDefined();
        break;
      case 'headers':
        if (b.in !== 'headers' || b.prefix !== member.locationName!.toLowerCase()) out.push(`${where}: prefix headers ${member.locationName} vs ${JSON.stringify(b)}`);
        break;
      case 'statusCode':
        if (b.in !== 'status') out.push(`${where}: the status code vs ${JSON.stringify(b)}`);
        break;
      case undefined: {
        const target = shape(member.shape);
        if (output.payload === name) {
          const kind = target.eventstream === true ? 'event-stream' : target.type === 'structure' ? 'xml' : target.type === 'blob' ? 'blob' : 'text';
          if (b.in !== 'payload' || b.kind !== kind) out.push(`${where}: the ${kind} payload vs ${JSON.stringify(b)}`);
          else if (kind === 'xml') compareXml(where, b.shape!, member.shape, false, out);
          else if (kind === 'event-stream') compareEvents(where, b.events ?? {}, member.shape, out);
        } else {
          if (b.in !== 'xml') {
            out.push(`${where}: an element of the response document vs ${JSON.stringify(b)}`);
            break;
          }
          const flattened = member.flattened === true || (target.type === 'list' && target.flattened === true);
          const element = target.type === 'list' && flattened && target.member?.locationName !== undefined ? target.member.locationName : (member.locationName ?? name);
          if ((b.name ?? name) !== element) out.push(`${where}: element ${b.name ?? name} vs model ${element}`);
          compareXml(where, b.shape, member.shape, member.flattened === true, out);
        }
        break;
      }
      default:
        out.push(`${where}: location ${member.location} not checked`);
    }
  }
}

function compareEvents(where: string, events: NonNullable<Extract<OutputBinding, { in: 'payload' }>['events']>, streamShape: string, out: Problems): void {
  const members = shape(streamShape).members ?? {};
  if (JSON.stringify(Object.keys(events)) !== JSON.stringify(Object.keys(members))) out.push(`${where}: events ${Object.keys(events).join(',')} vs model`);
  for (const [event, ref] of Object.entries(members)) {
    const payload = Object.entries(shape(ref.shape).members ?? {}).find(([, m]) => m.eventpayload === true);
    const spec = events[event]?.payload;
    if (payload === undefined) {
      if (spec !== undefined) out.push(`${where}.${event}: no payload in the model`);
      continue;
    }
    if (spec?.member !== payload[0]) out.push(`${where}.${event}: payload member ${spec?.member} vs model ${payload[0]}`);
    else compareXml(`${where}.${event}`, spec.shape, payload[1].shape, false, out);
  }
}

function compareTraits(op: string, spec: OperationSpec, out: Problems): void {
  const m = model.operations[op]!;
  if (spec.name !== op) out.push(`${op}: name ${spec.name}`);
  if (spec.method !== m.http.method) out.push(`${op}: method ${spec.method} vs model ${m.http.method}`);
  if (spec.uri !== m.http.requestUri) out.push(`${op}: uri ${spec.uri} vs model ${m.http.requestUri}`);
  if ((spec.hostPrefix ?? null) !== (m.endpoint?.hostPrefix ?? null)) out.push(`${op}: hostPrefix ${spec.hostPrefix} vs model ${m.endpoint?.hostPrefix}`);
  const context = Object.fromEntries(Object.entries(m.staticContextParams ?? {}).map(([k, v]) => [k, v.value]));
  if (JSON.stringify(spec.endpointContext ?? {}) !== JSON.stringify(context)) out.push(`${op}: endpoint context ${JSON.stringify(spec.endpointContext)} vs model ${JSON.stringify(context)}`);
  if ((spec.unsignedPayload === true) !== (m.unsignedPayload === true)) out.push(`${op}: unsignedPayload differs`);
  const hc = m.httpChecksum;
  const checksum = spec.checksum ?? {};
  if ((checksum.required === true) !== (hc?.requestChecksumRequired === true)) out.push(`${op}: checksum required ${checksum.required} vs model`);
  if ((checksum.requestAlgorithmMember ?? null) !== (hc?.requestAlgorithmMember ?? null)) out.push(`${op}: requestAlgorithmMember differs`);
  if ((checksum.responseModeMember ?? null) !== (hc?.requestValidationModeMember ?? null)) out.push(`${op}: responseModeMember differs`);
  const p = paginators[op];
  if (p === undefined) {
    if (spec.paginator !== undefined) out.push(`${op}: paginated, not in the model`);
  } else {
    const expected = {
      inputTokens: [p.input_token].flat(),
      outputTokens: [p.output_token].flat(),
      ...(p.more_results === undefined ? {} : { truncated: p.more_results }),
      ...(p.limit_key === undefined ? {} : { pageSize: p.limit_key }),
      items: [p.result_key].flat(),
    };
    if (JSON.stringify(spec.paginator) !== JSON.stringify(expected)) out.push(`${op}: paginator ${JSON.stringify(spec.paginator)} vs model ${JSON.stringify(expected)}`);
  }
}

describe('the operation table against AWS model', () => {
  it.each(Object.entries(operations))('%s conforms', (name, op) => {
    const spec = op as unknown as OperationSpec;
    expect(model.operations[name], `${name} is not in the model`).toBeDefined();
    const problems: Problems = [];
    compareTraits(name, spec, problems);
    compareInput(name, spec, problems);
    compareOutput(name, spec, problems);
    expect(problems).toEqual([]);
  });

  it('finds drift: a spec with a wrong header, element or timestamp format fails', () => {
    const spec = operations.PutObjectTagging as unknown as OperationSpec;
    const tampered = {
      ...spec,
      input: {
        ...spec.input,
        VersionId: { in: 'query', name: 'version' },
        Tagging: { in: 'payload', kind: 'xml', name: 'Tagging', namespace: { uri: 'http://s3.amazonaws.com/doc/2006-03-01/' }, required: true, rule: 'objectTagSet',
          shape: struct({ TagSet: wrappedList(struct({ Key: 'string', Value: 'string' }), 'Tags') }) },
      },
      output: { ...spec.output, VersionId: { in: 'header', name: 'x-amz-version-id', type: 'iso8601' } },
    } as unknown as OperationSpec;
    const problems: Problems = [];
    compareInput('PutObjectTagging', tampered, problems);
    compareOutput('PutObjectTagging', tampered, problems);
    expect(problems).toEqual([
      'PutObjectTagging.VersionId: query versionId vs {"in":"query","name":"version"}',
      'PutObjectTagging.Tagging.TagSet: item Tags vs model Tag',
      'PutObjectTagging -> VersionId: type iso8601 vs model string',
    ]);
  });
});
