import { ValidationError } from '@s3kit/primitives';
import { escapeXml } from './xml-entities.js';
import { XML_ATTRIBUTE_PREFIX } from './xml-parser.js';

/** The S3 XML namespace, `xmlns` of request bodies (`CreateBucketConfiguration`, `Tagging`, ...). */
export const S3_XML_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** A value to write: text (strings, numbers, booleans), a nested element, or a list of repeated elements. */
export type XmlInput = string | number | boolean | bigint | Date | XmlInputObject | readonly XmlInput[] | undefined | null;

/**
 * A nested element. Keys are child element names written in insertion order; `undefined` and
 * `null` members are left out; keys starting with `@` are attributes (`'@xsi:type'`).
 */
export interface XmlInputObject {
  readonly [name: string]: XmlInput;
}

/** Options of {@link buildXml}. */
export interface BuildXmlOptions {
  /**
   * `xmlns` of the root element; `false` for none.
   * @default S3_XML_NAMESPACE
   */
  namespace?: string | false;
  /**
   * Whether to start with `<?xml version="1.0" encoding="UTF-8"?>`.
   * @default true
   */
  declaration?: boolean;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

function checkName(name: string): void {
  if (!NAME.test(name)) throw new ValidationError({ field: 'xml element', rule: 'must be an XML name', value: name });
}

function text(value: string | number | boolean | bigint | Date): string {
  if (value instanceof Date) return value.toISOString();
  return escapeXml(String(value));
}

function writeElement(name: string, value: XmlInput, out: string[]): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value as readonly XmlInput[]) writeElement(name, item, out);
    return;
  }
  checkName(name);
  if (typeof value !== 'object' || value instanceof Date) {
    out.push(`<${name}>${text(value)}</${name}>`);
    return;
  }
  const obj = value as XmlInputObject;
  let attributes = '';
  const children: string[] = [];
  for (const key of Object.keys(obj)) {
    const child = obj[key];
    if (key.startsWith(XML_ATTRIBUTE_PREFIX)) {
      if (child === undefined || child === null) continue;
      const attr = key.slice(XML_ATTRIBUTE_PREFIX.length);
      checkName(attr);
      attributes += ` ${attr}="${text(child as string)}"`;
    } else {
      writeElement(key, child, children);
    }
  }
  out.push(children.length === 0 ? `<${name}${attributes}/>` : `<${name}${attributes}>${children.join('')}</${name}>`);
}

/**
 * Writes a request body: `root` with `body`'s members as child elements, text escaped with
 * {@link escapeXml} (so a key with CR or LF arrives intact as `&#xD;`/`&#xA;`), lists written as
 * repeated elements, numbers and booleans as their string, dates as ISO 8601.
 *
 * @throws {ValidationError} `ERR_VALIDATION` when an element or attribute name is not an XML name.
 * @example
 * ```ts
 * buildXml('Delete', { Object: [{ Key: 'a.txt' }, { Key: 'b&c.txt', VersionId: 'v1' }], Quiet: true });
 * // <?xml version="1.0" encoding="UTF-8"?><Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
 * //   <Object><Key>a.txt</Key></Object><Object><Key>b&amp;c.txt</Key><VersionId>v1</VersionId></Object><Quiet>true</Quiet></Delete>
 * ```
 */
export function buildXml(root: string, body: XmlInputObject, options: BuildXmlOptions = {}): string {
  const namespace = options.namespace ?? S3_XML_NAMESPACE;
  const out: string[] = [];
  writeElement(root, namespace === false ? body : { [`${XML_ATTRIBUTE_PREFIX}xmlns`]: namespace, ...body }, out);
  return (options.declaration ?? true) ? `<?xml version="1.0" encoding="UTF-8"?>${out.join('')}` : out.join('');
}
