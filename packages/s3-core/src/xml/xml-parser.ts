import type { XMLParser } from 'fast-xml-parser';
import { loadXmlLibrary } from '#platform/xml-library';
import type { XmlLibrary } from '#platform/xml-library';
import { decodeXmlEntities } from './xml-entities.js';
import { XmlParseError } from './xml-error.js';

/** A parsed XML value: element text (always a string, never coerced), an element with children, or a list. */
export type XmlValue = string | XmlObject | XmlValue[];

/**
 * A parsed element with children. Child elements are keyed by name (namespace prefixes kept);
 * attributes other than `xmlns*` are keyed `@name` (e.g. `@xsi:type` on an ACL `Grantee`); text
 * mixed with child elements (never in S3 responses) is kept under `#text`.
 */
export interface XmlObject {
  [name: string]: XmlValue;
}

/** Options of {@link parseXml}. */
export interface XmlParseOptions {
  /**
   * Dotted element paths from the root that are always lists, even with 0 or 1 occurrence, e.g.
   * `ListBucketResult.Contents`. Elements not listed are single values, or lists when repeated.
   * Pass the same `Set` instance on every call (one per operation spec): the configured parser is
   * built once per instance and cached in a `WeakMap` keyed by it.
   * @default an empty set
   */
  arrayPaths?: ReadonlySet<string>;
}

/** Prefix of attribute names in {@link XmlObject}. */
export const XML_ATTRIBUTE_PREFIX = '@';
/** Key of mixed text content in {@link XmlObject}. */
export const XML_TEXT_KEY = '#text';

const DOCTYPE = /<!DOCTYPE/i;
const LEADING_SPACE = /^\uFEFF?[ \t\r\n]*/;
const NO_ARRAYS: ReadonlySet<string> = new Set();
const WHITESPACE = /^[ \t\n\r]*$/;

// fast-xml-parser's decoder hook: ours knows only the predefined entities and character references,
// and refuses DOCTYPE-declared entities outright (unreachable after the DOCTYPE check, kept as a second lock).
const entityDecoder = {
  setExternalEntities: (): void => undefined,
  addInputEntities: (entities: Record<string, string>): void => {
    if (Object.keys(entities).length > 0) throw new XmlParseError('Entity declarations are not allowed');
  },
  reset: (): void => undefined,
  decode: decodeXmlEntities,
  setXmlVersion: (): void => undefined,
};

// fast-xml-parser and its dependencies are ~37 modules, and the fast reader (fast-xml-reader.ts)
// reads every document S3 sends without it: on Node it is loaded the first time a document needs
// it, so neither the first request nor a listing pays for it (#platform/xml-library; bundlers get a
// static import instead, which keeps fast-xml-parser's builder out of the bundle).
let fxp: XmlLibrary | undefined;
let loading: Promise<XmlLibrary> | undefined;

/** Thrown by {@link parseXml} before {@link loadXmlParser} has finished; {@link withXmlParser} catches it. */
export class XmlParserNotLoaded extends Error {
  constructor() {
    super('The general XML parser is not loaded yet: await loadXmlParser() first, or call through withXmlParser()');
    this.name = 'XmlParserNotLoaded';
  }
}

/** Loads the general XML parser (fast-xml-parser) once; later calls return at once. */
export async function loadXmlParser(): Promise<void> {
  if (fxp) return;
  loading ??= loadXmlLibrary();
  try {
    fxp = await loading;
  } finally {
    loading = undefined;
  }
}

/**
 * Runs `read` (synchronous XML reading), and when it needed the general parser before it was
 * loaded, loads it and runs `read` again: `read` must be free of side effects other than its result.
 */
export async function withXmlParser<T>(read: () => T): Promise<T> {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof XmlParserNotLoaded)) throw err;
  }
  await loadXmlParser();
  return read();
}

const parsers = new WeakMap<ReadonlySet<string>, XMLParser>();

function parserFor(lib: XmlLibrary, arrayPaths: ReadonlySet<string>): XMLParser {
  let parser = parsers.get(arrayPaths);
  if (!parser) {
    parser = new lib.XMLParser({
      // Values stay strings: the key `0123`, the ETag `"1e3"` and `true` are the specs' to type.
      parseTagValue: false,
      parseAttributeValue: false,
      // Keys with leading or trailing spaces must survive; whitespace between elements is removed after.
      trimValues: false,
      ignoreAttributes: (name: string) => name === 'xmlns' || name.startsWith('xmlns:'),
      attributeNamePrefix: XML_ATTRIBUTE_PREFIX,
      textNodeName: XML_TEXT_KEY,
      ignoreDeclaration: true,
      ignorePiTags: true,
      processEntities: true,
      entityDecoder,
      isArray: (_name: string, path: unknown) => typeof path === 'string' && arrayPaths.has(path),
    });
    parsers.set(arrayPaths, parser);
  }
  return parser;
}

/**
 * Parses an XML document (an S3 response body) into plain objects whose leaves are strings.
 *
 * - No value coercion: `<Key>0123</Key>` gives `'0123'`; types are applied by the operation specs.
 * - Text is not trimmed: `<Key> a </Key>` gives `' a '`; whitespace between elements is dropped.
 * - Entities: the five predefined ones and character references (`&#xD;`) are decoded; any
 *   `<!DOCTYPE` is refused, so entity-expansion attacks ("billion laughs") cannot start.
 * - Which elements are lists is the caller's choice ({@link XmlParseOptions.arrayPaths}).
 *
 * @returns The document as `{ RootName: value }`.
 * The document is validated first (fast-xml-parser alone accepts truncated documents). For large
 * listings prefer {@link parseXmlFast}, which gives the same result several times faster.
 *
 * @throws {XmlParseError} `ERR_XML` for a DOCTYPE, an unknown entity or malformed (incl. truncated) XML.
 * @throws {XmlParserNotLoaded} before {@link loadXmlParser} has finished.
 * @example
 * ```ts
 * const doc = parseXml(body, { arrayPaths: new Set(['ListBucketResult.Contents']) });
 * const contents = (doc.ListBucketResult as XmlObject).Contents as XmlObject[];
 * ```
 */
export function parseXml(input: string, options: XmlParseOptions = {}): XmlObject {
  // Leading whitespace before the declaration is not well-formed XML, but S3 examples and
  // S3-compatible servers send it and every SDK reads it.
  const text = input.replace(LEADING_SPACE, '');
  if (DOCTYPE.test(text)) throw new XmlParseError('DOCTYPE declarations are not allowed in S3 XML');
  const lib = fxp;
  if (!lib) throw new XmlParserNotLoaded();
  // fast-xml-parser parses truncated or unbalanced documents without complaint (a body cut off
  // mid-listing would look like a shorter listing), so the document is validated first.
  const valid = lib.XMLValidator.validate(text);
  if (valid !== true) throw new XmlParseError(`Malformed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  let parsed: unknown;
  try {
    parsed = parserFor(lib, options.arrayPaths ?? NO_ARRAYS).parse(text);
  } catch (err) {
    if (err instanceof XmlParseError) throw err;
    throw new XmlParseError(`Malformed XML: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const doc = parsed as XmlObject;
  dropInterElementWhitespace(doc);
  if (Object.keys(doc).length !== 1 || typeof Object.values(doc)[0] === 'undefined') {
    throw new XmlParseError('Malformed XML: expected exactly one root element');
  }
  return doc;
}

/** Removes the whitespace-only `#text` that `trimValues: false` leaves in elements with children. */
function dropInterElementWhitespace(value: XmlValue): void {
  if (typeof value === 'string') return;
  if (Array.isArray(value)) {
    for (const item of value) dropInterElementWhitespace(item);
    return;
  }
  for (const key in value) {
    const child = value[key]!;
    if (key === XML_TEXT_KEY) {
      if (typeof child === 'string' && WHITESPACE.test(child)) delete value['#text'];
    } else {
      dropInterElementWhitespace(child);
    }
  }
}
