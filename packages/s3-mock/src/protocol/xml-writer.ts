/**
 * A small XML writer for S3 responses: elements in the caller's order, S3's namespace on the root,
 * text escaped (`& < > " '` and control characters as character references).
 */
import { utf8Bytes } from '@s3kit/primitives';

/** S3's XML namespace. */
export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

// Control characters other than tab, LF and CR are not allowed raw in XML 1.0; S3 writes them as references.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ESCAPE = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF\r]/g;

/** Escapes text for element content or attribute values. */
export function escapeXml(text: string): string {
  return text.replace(ESCAPE, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case "'":
        return '&apos;';
      default:
        return `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`;
    }
  });
}

/** A scalar element value; `undefined` omits the element. */
export type XmlValue = string | number | boolean | Date | undefined;

/** `<name>value</name>` (dates as ISO 8601 with milliseconds, as S3 writes them), or `''` for `undefined`. */
export function el(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return `<${name}>${escapeXml(text)}</${name}>`;
}

/** `<name>children...</name>` from already-written children. */
export function group(name: string, ...children: readonly string[]): string {
  return `<${name}>${children.join('')}</${name}>`;
}

/** A whole document: declaration, and `root` with S3's namespace (unless `namespace` is `false`). */
export function xmlDocument(root: string, children: readonly string[], namespace = true): string {
  const attr = namespace ? ` xmlns="${S3_XMLNS}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${attr}>${children.join('')}</${root}>`;
}

/**
 * `EncodingType=url` encoding of a key or prefix as S3 applies it: form encoding (space as `+`),
 * keeping `A-Z a-z 0-9 - _ . / *` and encoding everything else (UTF-8 bytes, upper-case hex).
 */
export function urlEncodeKey(value: string): string {
  let out = '';
  for (const byte of utf8Bytes(value)) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_./*]/.test(c)) out += c;
    else if (byte === 0x20) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
