import { isS3kitError } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { decodeXmlEntities, escapeXml } from './xml-entities.js';
import { ERR_XML, XmlParseError, isXmlParseError } from './xml-error.js';
import { loadXmlParser, parseXml } from './xml-parser.js';
import type { XmlObject } from './xml-parser.js';

// parseXml reads through fast-xml-parser, which the client loads on first need.
await loadXmlParser();

const LIST = new Set(['ListBucketResult.Contents', 'ListBucketResult.CommonPrefixes']);

function rejects(xml: string): XmlParseError {
  try {
    parseXml(xml);
  } catch (err) {
    expect(isXmlParseError(err)).toBe(true);
    return err as XmlParseError;
  }
  throw new Error(`parsed: ${xml}`);
}

describe('parseXml', () => {
  it('keeps every value a string: no number or boolean coercion', () => {
    const doc = parseXml('<R><Key>0123</Key><Size>1e3</Size><IsTruncated>true</IsTruncated><Hex>0x1F</Hex></R>');
    expect(doc).toEqual({ R: { Key: '0123', Size: '1e3', IsTruncated: 'true', Hex: '0x1F' } });
  });

  it('keeps leading and trailing spaces of text (keys may have them)', () => {
    const doc = parseXml('<R>\n  <Key>  spaced key  </Key>\n  <Blank> </Blank>\n  <Tab>\t</Tab>\n</R>');
    expect(doc).toEqual({ R: { Key: '  spaced key  ', Blank: ' ', Tab: '\t' } });
  });

  it('drops layout whitespace between elements', () => {
    const doc = parseXml('<?xml version="1.0" encoding="UTF-8"?>\n\n<R xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\n\t<A>\n\t\t<B>x</B>\n\t</A>\n</R>\n');
    expect(doc).toEqual({ R: { A: { B: 'x' } } });
  });

  it('decodes the predefined entities and numeric character references', () => {
    const doc = parseXml('<R><ETag>&quot;abc&quot;</ETag><Key>a&amp;b&lt;c&gt;d&apos;e&#13;&#xD;&#xa;&#x1F600;</Key></R>');
    expect(doc).toEqual({ R: { ETag: '"abc"', Key: "a&b<c>d'e\r\r\n😀" } });
  });

  it('normalizes literal CR LF to LF (XML end-of-line handling) but keeps &#xD;', () => {
    expect(parseXml('<R><K>a\r\nb\rc&#xD;</K></R>')).toEqual({ R: { K: 'a\nb\nc\r' } });
  });

  it('makes the caller-listed paths lists, even with one or zero members', () => {
    const one = parseXml('<ListBucketResult><Name>b</Name><Contents><Key>k</Key></Contents></ListBucketResult>', { arrayPaths: LIST });
    expect(one).toEqual({ ListBucketResult: { Name: 'b', Contents: [{ Key: 'k' }] } });
    const none = parseXml('<ListBucketResult><Name>b</Name></ListBucketResult>', { arrayPaths: LIST });
    expect((none.ListBucketResult as XmlObject).Contents).toBeUndefined();
  });

  it('makes repeated elements lists even when not listed', () => {
    expect(parseXml('<R><A>1</A><A>2</A></R>')).toEqual({ R: { A: ['1', '2'] } });
  });

  it('reads empty and self-closing elements as empty strings', () => {
    expect(parseXml('<R><A></A><B/><C /></R>')).toEqual({ R: { A: '', B: '', C: '' } });
    expect(parseXml('<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>')).toEqual({ LocationConstraint: '' });
  });

  it('keeps non-xmlns attributes with an @ prefix (ACL grantee types)', () => {
    const doc = parseXml('<G xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>1</ID></G>');
    expect(doc).toEqual({ G: { '@xsi:type': 'CanonicalUser', ID: '1' } });
  });

  it('reads CDATA as text and skips comments and processing instructions', () => {
    expect(parseXml('<R><!-- note --><K><![CDATA[a<b&c]]></K><?pi x?></R>')).toEqual({ R: { K: 'a<b&c' } });
  });

  it('accepts leading whitespace and a byte order mark before the declaration', () => {
    expect(parseXml('\uFEFF\n  <?xml version="1.0"?><R>x</R>')).toEqual({ R: 'x' });
  });

  it('refuses a DOCTYPE, so a billion-laughs document never expands', () => {
    const lol =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('') +
      ']><lolz>&lol9;</lolz>';
    const err = rejects(lol);
    expect(err.code).toBe(ERR_XML);
    expect(err.message).toMatch(/DOCTYPE/);
    expect(rejects('<!doctype r SYSTEM "file:///etc/passwd"><r>&xxe;</r>').message).toMatch(/DOCTYPE/);
  });

  it('refuses unknown entities (no HTML entities, no undeclared names)', () => {
    expect(rejects('<R>&nbsp;</R>').message).toMatch(/Unknown entity &nbsp;/);
    expect(rejects('<R>&copy;</R>').message).toMatch(/Unknown entity/);
  });

  it('refuses malformed, truncated and unbalanced documents', () => {
    for (const bad of ['<A><B></A>', '<A></B>', '<A><B>x</B>', '<ListBucketResult><Contents><Key>a', 'hello', '', '<A>x</A><B/>', '<R>a & b</R>']) {
      const err = rejects(bad);
      expect(err.code).toBe(ERR_XML);
      expect(isS3kitError(err)).toBe(true);
    }
  });

  it('wraps unexpected parser failures as XmlParseError with the cause', () => {
    // A character reference beyond Unicode passes the validator and fails in our decoder.
    const err = rejects('<R>&#x110000;</R>');
    expect(err.message).toMatch(/Invalid character reference/);
  });
});

describe('decodeXmlEntities', () => {
  it('returns text without & unchanged', () => {
    expect(decodeXmlEntities('plain')).toBe('plain');
  });

  it('refuses malformed references', () => {
    for (const bad of ['a & b', '&amp', '&#;', '&#x;', '&#xZZ;', '&#55296;', '&#xD800;', '&verylongentityname;']) {
      expect(() => decodeXmlEntities(bad)).toThrow(XmlParseError);
    }
  });
});

describe('escapeXml', () => {
  it('escapes the five markup characters and control characters', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(escapeXml('x\r\ny\tz\u0001\u0085\u2028')).toBe('x&#xD;&#xA;y&#x9;z&#x1;&#x85;&#x2028;');
    expect(escapeXml('plain/ünïcödé 😀')).toBe('plain/ünïcödé 😀');
  });

  it('round-trips through decodeXmlEntities', () => {
    const s = `k&<>"'\r\n\t\u0000\u007f😀`;
    expect(decodeXmlEntities(escapeXml(s))).toBe(s);
  });
});
