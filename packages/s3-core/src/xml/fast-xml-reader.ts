import { decodeXmlEntities } from './xml-entities.js';
import { XmlParseError } from './xml-error.js';
import { parseXml } from './xml-parser.js';
import type { XmlObject, XmlParseOptions, XmlValue } from './xml-parser.js';

/**
 * A hand-written reader for the plain XML S3 sends in responses: elements and text only, `xmlns`
 * attributes, an optional XML declaration. It gives exactly what {@link parseXml} gives (a
 * fast-check property test holds it to that) several times faster, which matters for listings:
 * a 1000-key ListObjectsV2 page is ~350 KB.
 *
 * It never guesses: on anything outside that subset (other attributes, comments, CDATA,
 * processing instructions, DOCTYPE, mixed content, element names not starting with A-Z or holding
 * anything but letters, digits, `_`, `.` and `-`, or any
 * malformation) it returns `undefined` and the caller falls back to the general parser, which
 * either handles the construct or throws the precise error.
 */
interface PathNode {
  readonly path: string;
  readonly isArray: boolean;
  readonly children: Map<string, PathNode>;
}

function child(node: PathNode, name: string, arrayPaths: ReadonlySet<string>): PathNode {
  let next = node.children.get(name);
  if (!next) {
    const path = node.path === '' ? name : `${node.path}.${name}`;
    next = { path, isArray: arrayPaths.has(path), children: new Map() };
    node.children.set(name, next);
  }
  return next;
}

const trees = new WeakMap<ReadonlySet<string>, PathNode>();
const NO_ARRAYS: ReadonlySet<string> = new Set();
const XMLNS_ONLY = /^(?:\s+xmlns(?::[A-Za-z0-9_.-]+)?\s*=\s*(?:"[^"<&]*"|'[^'<&]*'))*\s*$/;

const DECLARATION =
  /<\?xml\s+version\s*=\s*(["'])1\.\d+\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>/y;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** `A-Z a-z 0-9 _ . -`: the element names S3 uses (no namespace prefixes). */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

function add(target: XmlObject, name: string, value: XmlValue, node: PathNode): void {
  const existing = target[name];
  if (existing === undefined) target[name] = node.isArray ? [value] : value;
  else if (Array.isArray(existing)) existing.push(value);
  else target[name] = [existing, value];
}

/**
 * Reads `text` with the fast reader; `undefined` when the document is outside its subset.
 * Exposed for tests and benchmarks; callers want {@link parseXmlFast}.
 */
export function scanXml(input: string, options: XmlParseOptions = {}): XmlObject | undefined {
  try {
    return scan(input, options);
  } catch (err) {
    // A bad entity: the general parser reports it with the same error.
    if (err instanceof XmlParseError) return undefined;
    throw err;
  }
}

function scan(input: string, options: XmlParseOptions): XmlObject | undefined {
  const arrayPaths = options.arrayPaths ?? NO_ARRAYS;
  let tree = trees.get(arrayPaths);
  if (!tree) {
    tree = { path: '', isArray: false, children: new Map() };
    trees.set(arrayPaths, tree);
  }
  // XML end-of-line handling, as the general parser does it.
  const xml = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  const len = xml.length;
  let i = 0;
  if (xml.charCodeAt(0) === 0xfeff) i = 1;
  while (i < len && isSpace(xml.charCodeAt(i))) i++;
  if (xml.startsWith('<?xml', i)) {
    DECLARATION.lastIndex = i;
    if (!DECLARATION.test(xml)) return undefined;
    i = DECLARATION.lastIndex;
    while (i < len && isSpace(xml.charCodeAt(i))) i++;
  }
  const doc: XmlObject = {};
  // Open elements: their names, path nodes, child objects (undefined until a child element appears) and text starts.
  const names: string[] = [];
  const nodes: PathNode[] = [tree];
  const objects: (XmlObject | undefined)[] = [doc];
  let textStart = 0;
  let done = false;
  while (i < len) {
    if (xml.charCodeAt(i) !== 60 /* < */ || done) return undefined;
    const next = xml.charCodeAt(i + 1);
    const gt = xml.indexOf('>', i + 1);
    if (gt === -1) return undefined;
    const depth = names.length;
    if (next === 47 /* / */) {
      if (depth === 0) return undefined;
      let nameEnd = gt;
      while (isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
      const name = names.pop()!;
      if (nameEnd - (i + 2) !== name.length || !xml.startsWith(name, i + 2)) return undefined;
      const node = nodes.pop()!;
      const obj = objects.pop();
      let value: XmlValue;
      if (obj === undefined) {
        value = decodeXmlEntities(xml.slice(textStart, i));
      } else {
        if (!isBlank(xml, textStart, i)) return undefined;
        value = obj;
      }
      let parent = objects[depth - 1];
      if (parent === undefined) {
        parent = {};
        objects[depth - 1] = parent;
      }
      add(parent, name, value, node);
      if (depth === 1) done = true;
    } else {
      const first = next;
      if (first < 65 || first > 90 /* A-Z */) return undefined;
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      const tagEnd = selfClosing ? gt - 1 : gt;
      let nameEnd = i + 2;
      while (nameEnd < tagEnd) {
        const c = xml.charCodeAt(nameEnd);
        if (isSpace(c)) break;
        if (!isNameChar(c)) return undefined;
        nameEnd++;
      }
      const name = xml.slice(i + 1, nameEnd);
      if (nameEnd < tagEnd && !XMLNS_ONLY.test(xml.slice(nameEnd, tagEnd))) return undefined;
      if (depth > 0) {
        // Text before a child element must be layout whitespace (no mixed content).
        if (objects[depth] === undefined) {
          if (!isBlank(xml, textStart, i)) return undefined;
          objects[depth] = {};
        } else if (!isBlank(xml, textStart, i)) return undefined;
      }
      const node = child(nodes[depth]!, name, arrayPaths);
      if (selfClosing) {
        let parent = objects[depth];
        if (parent === undefined) {
          parent = {};
          objects[depth] = parent;
        }
        add(parent, name, '', node);
        if (depth === 0) done = true;
      } else {
        names.push(name);
        nodes.push(node);
        objects.push(undefined);
      }
    }
    i = gt + 1;
    textStart = i;
    if (names.length === 0) {
      while (i < len && isSpace(xml.charCodeAt(i))) i++;
    } else {
      i = xml.indexOf('<', i);
      if (i === -1) return undefined;
    }
  }
  return done ? doc : undefined;
}

/**
 * Parses an S3 XML response like {@link parseXml} (same options, same result), trying the fast
 * reader first and falling back to the general parser for anything unusual.
 *
 * @throws {XmlParseError} `ERR_XML`, from the general parser, for malformed or refused XML.
 * @example
 * ```ts
 * const doc = parseXmlFast(body, { arrayPaths: LIST_OBJECTS_V2_ARRAY_PATHS });
 * ```
 */
export function parseXmlFast(text: string, options: XmlParseOptions = {}): XmlObject {
  return scanXml(text, options) ?? parseXml(text, options);
}

/** List members of a ListObjectsV2 / ListObjects (v1) response (`ListBucketResult`). */
export const LIST_BUCKET_RESULT_ARRAY_PATHS: ReadonlySet<string> = new Set([
  'ListBucketResult.Contents',
  'ListBucketResult.CommonPrefixes',
  'ListBucketResult.Contents.ChecksumAlgorithm',
]);
