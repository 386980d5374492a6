/** Reading and writing XML members by shape: the typed layer over the untyped XML parser and writer. */
import type { XmlObject, XmlValue } from '../xml/xml-parser.js';
import type { XmlInput } from '../xml/xml-writer.js';
import type { ScalarType, XmlShape, XmlStructureShape } from './spec.js';

/** Converts element text to a scalar. Unparsable numbers and dates give `undefined` rather than NaN. */
export function readScalar(type: ScalarType, text: string): unknown {
  switch (type) {
    case 'string':
      return text;
    case 'integer': {
      const t = text.trim();
      if (t === '') return undefined;
      const n = Number(t);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      return text.trim() === 'true';
    case 'timestamp':
    case 'iso8601': {
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
  if (typeof shape === 'string') return typeof value === 'string' ? readScalar(shape, value) : undefined;
  if (shape.type === 'structure') {
    if (typeof value !== 'object' || Array.isArray(value)) return {};
    return readStructure(shape, value);
  }
  // A wrapped list reached here: `<TagSet><Tag/>...</TagSet>` (or `<TagSet/>`, parsed as '').
  if (typeof value === 'string' || Array.isArray(value)) return [];
  return asArray(value[shape.itemName ?? 'member']).map((item) => readShape(shape.member, item));
}

/** Reads the members of a structure. */
export function readStructure(shape: XmlStructureShape, element: XmlObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const member in shape.members) {
    const field = shape.members[member]!;
    const raw = element[field.name ?? member];
    if (raw === undefined) continue;
    const fieldShape = field.shape;
    const value =
      typeof fieldShape !== 'string' && fieldShape.type === 'list' && fieldShape.flattened
        ? asArray(raw).map((item) => readShape(fieldShape.member, item))
        : readShape(fieldShape, raw);
    if (value !== undefined) out[member] = value;
  }
  return out;
}

/** Adds the dotted paths of every list element under `prefix` (for the parser's `arrayPaths`). */
export function collectArrayPaths(shape: XmlShape, prefix: string, out: Set<string>): void {
  if (typeof shape === 'string') return;
  if (shape.type === 'list') {
    const itemPath = shape.flattened ? prefix : `${prefix}.${shape.itemName ?? 'member'}`;
    out.add(itemPath);
    collectArrayPaths(shape.member, itemPath, out);
    return;
  }
  for (const member in shape.members) {
    const field = shape.members[member]!;
    collectArrayPaths(field.shape, `${prefix}.${field.name ?? member}`, out);
  }
}

/** Maps an input value of `shape` to the writer's element tree (element names, list wrapping). */
export function writeShape(shape: XmlShape, value: unknown): XmlInput {
  if (value === undefined || value === null) return undefined;
  if (typeof shape === 'string') {
    if (value instanceof Date) return value.toISOString();
    return value as XmlInput;
  }
  if (shape.type === 'list') {
    const items = (value as readonly unknown[]).map((item) => writeShape(shape.member, item));
    return shape.flattened ? items : { [shape.itemName ?? 'member']: items };
  }
  const out: Record<string, XmlInput> = {};
  const input = value as Record<string, unknown>;
  for (const member in shape.members) {
    const field = shape.members[member]!;
    const written = writeShape(field.shape, input[member]);
    if (written !== undefined) out[field.name ?? member] = written;
  }
  return out;
}
