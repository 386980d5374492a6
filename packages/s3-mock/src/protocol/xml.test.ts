import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childText, childrenNamed, parseXml } from './xml-reader.js';
import { el, escapeXml, group, urlEncodeKey, xmlDocument } from './xml-writer.js';

describe('xml writer', () => {
  it('escapes markup, quotes and control characters', () => {
    expect(escapeXml(`a&b<c>"d'\u0001\r`)).toBe('a&amp;b&lt;c&gt;&quot;d&apos;&#x1;&#xD;');
    expect(el('K', undefined)).toBe('');
    expect(el('D', new Date(0))).toBe('<D>1970-01-01T00:00:00.000Z</D>');
    expect(xmlDocument('R', [group('A', el('B', 1), el('C', true))])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<R xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><A><B>1</B><C>true</C></A></R>',
    );
    expect(xmlDocument('Error', [], false)).toContain('<Error></Error>');
  });

  it('url-encodes keys as S3 does', () => {
    expect(urlEncodeKey('a b/c+d*é~')).toBe('a+b/c%2Bd*%C3%A9%7E');
  });

  it('round-trips any text through the reader', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        // eslint-disable-next-line no-control-regex -- characters XML cannot carry raw
        const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\r]/g, '');
        expect(parseXml(`<a>${escapeXml(clean)}</a>`).text).toBe(clean);
      }),
    );
  });
});

describe('xml reader', () => {
  it('reads elements, prefixes, attributes, CDATA, comments and references', () => {
    const root = parseXml(
      '\uFEFF<?xml version="1.0"?><!-- c --><s3:Delete xmlns:s3="x" a=\'1\'><Object><Key><![CDATA[<k>]]>&#65;&#x42;&lt;</Key></Object><!-- in --><Quiet/></s3:Delete>',
    );
    expect(root.name).toBe('Delete');
    expect(childText(childrenNamed(root, 'Object')[0]!, 'Key')).toBe('<k>AB<');
    expect(childText(root, 'Quiet')).toBe('');
    expect(childText(root, 'Missing')).toBeUndefined();
  });

  it.each([
    ['<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ['<a>&e;</a>'],
    ['<a>&amp</a>'],
    ['<a>&#xZZ;</a>'],
    ['<a><b></a>'],
    ['<a>'],
    ['<a></a><b/>'],
    ['<a b></a>'],
    ['<a b="1></a>'],
    ['<a><![CDATA[x</a>'],
    ['<a><!-- x</a>'],
    ['<a><?pi?></a>'],
    ['<?xml'],
    ['<!-- x'],
    ['text'],
    ['<a></b >'],
    [`${'<a>'.repeat(40)}${'</a>'.repeat(40)}`],
  ])('refuses %s with MalformedXML', (xml) => {
    expect(() => parseXml(xml)).toThrow(expect.objectContaining({ code: 'MalformedXML', status: 400 }) as Error);
  });

  it('refuses repeated single children', () => {
    expect(() => childText(parseXml('<a><b/><b/></a>'), 'b')).toThrow(expect.objectContaining({ code: 'MalformedXML' }) as Error);
  });
});
