/**
 * A strict, small XML reader for S3 request bodies (CompleteMultipartUpload, Delete, Tagging,
 * CreateBucketConfiguration). No DTDs and no entity expansion beyond the five predefined entities
 * and character references; namespace prefixes are dropped; attributes are ignored.
 */
import { S3ProtocolError } from './protocol-error.js';

/** An element: its local name, text content (concatenated) and child elements. */
export interface XmlNode {
  name: string;
  text: string;
  children: XmlNode[];
}

const MAX_DEPTH = 32;
const NAME = /^[A-Za-z_][\w.\-:]*/;
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const malformed = (): S3ProtocolError => S3ProtocolError.of('MalformedXML');

function decodeText(raw: string): string {
  if (raw.includes('<')) throw malformed();
  return raw.replace(/&([^;]{0,10});?/g, (match, ref: string) => {
    if (!match.endsWith(';')) throw malformed();
    if (ref.startsWith('#')) {
      const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : /^#\d+$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
      if (!Number.isInteger(code) || code < 0 || code > 0x10ffff || (ref.startsWith('#x') && !/^#x[0-9A-Fa-f]+$/.test(ref))) throw malformed();
      return String.fromCodePoint(code);
    }
    const value = ENTITIES[ref];
    if (value === undefined) throw malformed();
    return value;
  });
}

/**
 * Parses one XML document into its root element.
 * @throws S3ProtocolError `MalformedXML` on anything that is not well-formed, a DOCTYPE, unknown entities or too deep nesting
 */
export function parseXml(input: string): XmlNode {
  let pos = 0;
  const src = input.replace(/^\uFEFF/, '');
  const skipMisc = (): void => {
    for (;;) {
      while (pos < src.length && /\s/.test(src[pos]!)) pos++;
      if (src.startsWith('<?', pos)) {
        const end = src.indexOf('?>', pos);
        if (end < 0) throw malformed();
        pos = end + 2;
      } else if (src.startsWith('<!--', pos)) {
        const end = src.indexOf('-->', pos);
        if (end < 0) throw malformed();
        pos = end + 3;
      } else return;
    }
  };
  const readName = (): string => {
    const m = NAME.exec(src.slice(pos, pos + 256));
    if (!m) throw malformed();
    pos += m[0].length;
    return m[0];
  };
  const localName = (qname: string): string => qname.slice(qname.lastIndexOf(':') + 1);

  const readElement = (depth: number): XmlNode => {
    if (depth > MAX_DEPTH || src[pos] !== '<') throw malformed();
    pos++;
    const qname = readName();
    // Attributes: name="value" pairs, skipped.
    for (;;) {
      while (/\s/.test(src[pos] ?? '')) pos++;
      if (src.startsWith('/>', pos)) {
        pos += 2;
        return { name: localName(qname), text: '', children: [] };
      }
      if (src[pos] === '>') {
        pos++;
        break;
      }
      readName();
      while (/\s/.test(src[pos] ?? '')) pos++;
      if (src[pos] !== '=') throw malformed();
      pos++;
      while (/\s/.test(src[pos] ?? '')) pos++;
      const quote = src[pos];
      if (quote !== '"' && quote !== "'") throw malformed();
      const end = src.indexOf(quote, pos + 1);
      if (end < 0) throw malformed();
      decodeText(src.slice(pos + 1, end));
      pos = end + 1;
    }
    const node: XmlNode = { name: localName(qname), text: '', children: [] };
    for (;;) {
      if (pos >= src.length) throw malformed();
      if (src.startsWith('</', pos)) {
        pos += 2;
        if (readName() !== qname) throw malformed();
        while (/\s/.test(src[pos] ?? '')) pos++;
        if (src[pos] !== '>') throw malformed();
        pos++;
        return node;
      }
      if (src.startsWith('<!--', pos)) {
        const end = src.indexOf('-->', pos);
        if (end < 0) throw malformed();
        pos = end + 3;
      } else if (src.startsWith('<![CDATA[', pos)) {
        const end = src.indexOf(']]>', pos);
        if (end < 0) throw malformed();
        node.text += src.slice(pos + 9, end);
        pos = end + 3;
      } else if (src.startsWith('<!', pos) || src.startsWith('<?', pos)) {
        throw malformed();
      } else if (src[pos] === '<') {
        node.children.push(readElement(depth + 1));
      } else {
        const next = src.indexOf('<', pos);
        const end = next < 0 ? src.length : next;
        node.text += decodeText(src.slice(pos, end));
        pos = end;
      }
    }
  };

  skipMisc();
  if (src.startsWith('<!', pos)) throw malformed(); // DOCTYPE: refused, nothing is expanded
  const root = readElement(0);
  skipMisc();
  if (pos !== src.length) throw malformed();
  return root;
}

/** Child elements named `name`. */
export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/** The text of the single child `name`, or `undefined` when absent. @throws S3ProtocolError `MalformedXML` when repeated */
export function childText(node: XmlNode, name: string): string | undefined {
  const found = childrenNamed(node, name);
  if (found.length > 1) throw malformed();
  return found[0]?.text;
}
