import { XmlParseError } from './xml-error.js';

const NAMED: Readonly<Record<string, string>> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

/**
 * Decodes the five XML predefined entities (`&quot;` `&amp;` `&lt;` `&gt;` `&apos;`) and numeric
 * character references (`&#13;`, `&#xD;`). Anything else is an error: S3 never declares entities,
 * and an undeclared entity is a fatal error in XML 1.0.
 *
 * @throws {XmlParseError} `ERR_XML` for an unknown or malformed entity reference.
 * @example `decodeXmlEntities('&quot;9b2cf535f27731c974343645a3985328&quot;') // '"9b2c..."'`
 */
export function decodeXmlEntities(text: string): string {
  let amp = text.indexOf('&');
  if (amp === -1) return text;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    const semi = text.indexOf(';', amp + 1);
    if (semi === -1 || semi - amp > 12) throw new XmlParseError(`Malformed entity reference near ${JSON.stringify(text.slice(amp, amp + 12))}`);
    out += text.slice(from, amp) + decodeEntity(text.slice(amp + 1, semi));
    from = semi + 1;
    amp = text.indexOf('&', from);
  }
  return out + text.slice(from);
}

function decodeEntity(name: string): string {
  const named = NAMED[name];
  if (named !== undefined) return named;
  if (name.charCodeAt(0) === 35 /* # */) {
    const hex = name.charCodeAt(1) === 120 /* x */;
    const digits = name.slice(hex ? 2 : 1);
    if (digits.length > 0 && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) {
      const cp = Number.parseInt(digits, hex ? 16 : 10);
      if (cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) return String.fromCodePoint(cp);
    }
    throw new XmlParseError(`Invalid character reference &${name};`);
  }
  throw new XmlParseError(`Unknown entity &${name}; (only the XML predefined entities are accepted)`);
}

// Characters escaped in text and attribute values. Control characters, CR and LF (and TAB, NEL, LS)
// become numeric references so they survive the receiver's end-of-line normalization: S3 reads a key
// `a\rb` only if the CR arrives as `&#xD;` (AWS SDKs escape the same set).
// eslint-disable-next-line no-control-regex
const ESCAPE = /[&<>"'\u0000-\u001f\u007f\u0085\u2028]/g;

function escapeChar(c: string): string {
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
}

/**
 * Escapes text for an XML element or attribute value: `& < > " '` as named entities and control
 * characters (incl. TAB, CR, LF, U+0085, U+2028) as hexadecimal references (`\r` -> `&#xD;`).
 * @example `escapeXml('a&b\r\n') // 'a&amp;b&#xD;&#xA;'`
 */
export function escapeXml(text: string): string {
  ESCAPE.lastIndex = 0;
  return ESCAPE.test(text) ? text.replace(ESCAPE, escapeChar) : text;
}
