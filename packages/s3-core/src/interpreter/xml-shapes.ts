/** Reading and writing XML members by shape: the typed layer over the untyped XML parser and writer. */
import { base64ToBytes, bytesToBase64 } from '@s3kit/primitives';
import { XML_ATTRIBUTE_PREFIX } from '../xml/xml-parser.js';
import type { XmlObject, XmlValue } from '../xml/xml-parser.js';
import type { XmlInput } from '../xml/xml-writer.js';
import type { ScalarType, XmlField, XmlShape, XmlStructureShape } from './spec.js';

/** Converts element, attribute or header text to a scalar. Unparsable numbers and dates give `undefined` rather than NaN. */
export function readScalar(type: ScalarType, text: string): unknown {
  switch (type) {
    case 'string':
      return text;
    case 'integer':
    case 'long':
    case 'float': {
      const t = text.trim();
      if (t === '') return undefined;
      const n = Number(t);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      return text.trim() === 'true';
    case 'blob':
      return base64ToBytes(text.trim());
    case 'epoch-seconds': {
      const n = Number(text.trim());
      return text.trim() === '' || !Number.isFinite(n) ? undefined : new Date(n * 1000);
    }
    case 'timestamp':
    case 'iso8601':
    case 'http-date': {
      const ms = Date.parse(text.trim());
      return Number.isNaN(ms) ? undefined : new Date(ms);
    }
  }
}

function asArray(value: XmlValue | undefined): XmlValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Reads a value of `shape` from parsed XML. Missing elements stay `undefined`. */
export function readShape(shape: XmlShape, value: XmlValue | undefined): unknown {
  if (value === undefined) return undefined;
  if (typeof shape === 'string') {
    // A scalar element that repeats (two members sharing an element, as the deprecated notification
    // shapes do): the first one.
    const text = Array.isArray(value) ? value[0] : value;
    return typeof text === 'string' ? readScalar(shape, text) : undefined;
  }
  if (shape.type === 'structure') {
    if (typeof value !== 'object' || Array.isArray(value)) return {};
    return readStructure(shape, value);
  }
  // A wrapped list reached here: `<TagSet><Tag/>...</TagSet>` (or `<TagSet/>`, parsed as '').
  if (typeof value === 'string' || Array.isArray(value)) return [];
  return asArray(value[shape.itemName ?? 'member']).map((item) => readShape(shape.member, item));
}

/** Reads one member of a structure from its element (flattened lists gather the repeated elements). */
export function readField(field: XmlField, raw: XmlValue | undefined): unknown {
  if (raw === undefined) return undefined;
  const shape = field.shape;
  if (typeof shape !== 'string' && shape.type === 'list' && shape.flattened) return asArray(raw).map((item) => readShape(shape.member, item));
  return readShape(shape, raw);
}

/** Reads the members of a structure (attributes included). */
export function readStructure(shape: XmlStructureShape, element: XmlObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const member in shape.members) {
    const field = shape.members[member]!;
    const name = field.name ?? member;
    const value = readField(field, element[field.attribute === true ? XML_ATTRIBUTE_PREFIX + name : name]);
    if (value !== undefined) out[member] = value;
  }
  return out;
}

function writeScalar(type: ScalarType, value: unknown): XmlInput {
  if (value instanceof Date) return type === 'http-date' ? value.toUTCString() : type === 'epoch-seconds' ? value.getTime() / 1000 : value.toISOString();
  if (value instanceof Uint8Array) return bytesToBase64(value);
  return value as XmlInput;
}

/** Maps an input value of `shape` to the writer's element tree (element names, list wrapping). */
export function writeShape(shape: XmlShape, value: unknown): XmlInput {
  if (value === undefined || value === null) return undefined;
  if (typeof shape === 'string') return writeScalar(shape, value);
  if (shape.type === 'list') {
    const items = (value as readonly unknown[]).map((item) => writeShape(shape.member, item));
    return shape.flattened ? items : { [shape.itemName ?? 'member']: items };
  }
  return writeStructure(shape, value);
}

/** Writes a structure: attributes (and a namespace declaration) first, then child elements in member order. */
export function writeStructure(shape: XmlStructureShape, value: unknown): XmlInput {
  const out: Record<string, XmlInput> = {};
  if (shape.namespace !== undefined) {
    const { prefix, uri } = shape.namespace;
    out[`${XML_ATTRIBUTE_PREFIX}${prefix === undefined ? 'xmlns' : `xmlns:${prefix}`}`] = uri;
  }
  const input = value as Record<string, unknown>;
  for (const member in shape.members) {
    const field = shape.members[member]!;
    const written = writeShape(field.shape, input[member]);
    if (written === undefined) continue;
    const name = field.attribute === true ? XML_ATTRIBUTE_PREFIX + (field.name ?? member) : (field.name ?? member);
    const existing = out[name];
    // Two members bound to one element (a list and its deprecated single form) both write theirs.
    out[name] = existing === undefined ? written : [existing, written].flat();
  }
  return out;
}
