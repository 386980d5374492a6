import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIST_BUCKET_RESULT_ARRAY_PATHS, parseXmlFast, scanXml } from './fast-xml-reader.js';
import { escapeXml } from './xml-entities.js';
import { XmlParseError } from './xml-error.js';
import { loadXmlParser, parseXml } from './xml-parser.js';

// parseXml reads through fast-xml-parser, which the client loads on first need.
await loadXmlParser();

const options = { arrayPaths: LIST_BUCKET_RESULT_ARRAY_PATHS };

// Another legal way to write text: only & and < escaped, control characters as decimal references.
function minimalEscape(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<\u0000-\u0008\u000b\u000c\u000e-\u001f\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : `&#${c.charCodeAt(0)};`));
}

const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('', ' ', ' lead', 'trail ', '0123', 'a&b', '"q"', '../x', 'a\r\nb'));

const object = fc.record(
  {
    Key: text,
    LastModified: fc.constant('2024-01-01T00:00:00.000Z'),
    ETag: fc.constantFrom('"d41d8cd98f00b204e9800998ecf8427e"', '"a-2"'),
    ChecksumAlgorithm: fc.array(fc.constantFrom('CRC32', 'CRC64NVME', 'SHA256'), { maxLength: 2 }),
    Size: fc.nat().map(String),
    StorageClass: fc.constantFrom('STANDARD', 'GLACIER'),
    Owner: fc.record({ ID: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'.split('')), maxLength: 8 }), DisplayName: text }, { requiredKeys: ['ID'] }),
    RestoreStatus: fc.record({ IsRestoreInProgress: fc.constantFrom('true', 'false') }),
  },
  { requiredKeys: ['Key'] },
);

const listing = fc.record(
  {
    Name: fc.constantFrom('bucket', 'my.bucket'),
    Prefix: text,
    Delimiter: fc.constantFrom('/', ''),
    KeyCount: fc.nat().map(String),
    IsTruncated: fc.constantFrom('true', 'false'),
    NextContinuationToken: fc.base64String({ maxLength: 40 }),
    Contents: fc.array(object, { maxLength: 6 }),
    CommonPrefixes: fc.array(fc.record({ Prefix: text }), { maxLength: 3 }),
  },
  { requiredKeys: ['Name', 'Contents', 'CommonPrefixes'] },
);

const style = fc.record({
  declaration: fc.boolean(),
  namespace: fc.boolean(),
  indent: fc.constantFrom('', '\n', '\n  ', '\r\n\t'),
  escape: fc.constantFrom(escapeXml, minimalEscape),
  selfClose: fc.boolean(),
});

type Value = string | Value[] | { [k: string]: Value };

interface Style {
  declaration: boolean;
  namespace: boolean;
  indent: string;
  escape: (t: string) => string;
  selfClose: boolean;
}

function write(name: string, value: Value, s: Style): string {
  if (Array.isArray(value)) return value.map((v) => write(name, v, s)).join('');
  if (typeof value === 'string') return value === '' && s.selfClose ? `<${name}/>${s.indent}` : `<${name}>${s.escape(value)}</${name}>${s.indent}`;
  return `<${name}>${s.indent}${Object.entries(value).map(([k, v]) => write(k, v, s)).join('')}</${name}>${s.indent}`;
}

function document(l: Record<string, Value>, s: Style): string {
  const body = Object.entries(l).map(([k, v]) => write(k, v, s)).join('');
  const ns = s.namespace ? ' xmlns="http://s3.amazonaws.com/doc/2006-03-01/"' : '';
  return `${s.declaration ? `<?xml version="1.0" encoding="UTF-8"?>${s.indent}` : ''}<ListBucketResult${ns}>${s.indent}${body}</ListBucketResult>${s.indent}`;
}

function general(xml: string): unknown {
  try {
    return parseXml(xml, options);
  } catch (err) {
    expect(err).toBeInstanceOf(XmlParseError);
    return 'throws';
  }
}

describe('scanXml (fast reader)', () => {
  it('returns exactly what the general parser returns on arbitrary ListObjectsV2 pages', () => {
    fc.assert(
      fc.property(listing, style, (l, s) => {
        const xml = document(l, s);
        const fast = scanXml(xml, options);
        expect(fast).toBeDefined();
        expect(fast).toEqual(parseXml(xml, options));
      }),
      { numRuns: 300 },
    );
  });

  it('never disagrees with the general parser on truncated or corrupted pages: same result or bail out', () => {
    fc.assert(
      fc.property(listing, style, fc.nat(), fc.constantFrom('cut', 'drop', 'insert'), fc.constantFrom('<', '>', '&', '/', '<!-- c -->', 'x', '<A b="c">', ']]>'), (l, s, at, how, junk) => {
        const xml = document(l, s);
        const i = at % (xml.length + 1);
        const broken = how === 'cut' ? xml.slice(0, i) : how === 'drop' ? xml.slice(0, i) + xml.slice(i + 1) : xml.slice(0, i) + junk + xml.slice(i);
        const expected = general(broken);
        let fast;
        try {
          fast = scanXml(broken, options);
        } catch (err) {
          throw new Error(`scanXml threw on ${JSON.stringify(broken)}: ${String(err)}; general: ${JSON.stringify(expected)}`, { cause: err });
        }
        if (fast !== undefined && JSON.stringify(fast) !== JSON.stringify(expected)) throw new Error(`differ on ${JSON.stringify(broken)}: fast ${JSON.stringify(fast)} general ${JSON.stringify(expected)}`);
        if (fast !== undefined) expect(fast).toEqual(expected);
        if (expected === 'throws') expect(() => parseXmlFast(broken, options)).toThrow(XmlParseError);
        else expect(parseXmlFast(broken, options)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('bails out (undefined) on constructs outside its subset, and parseXmlFast falls back', () => {
    const cases = [
      '<R><!-- c --><A>x</A></R>',
      '<R><A><![CDATA[x]]></A></R>',
      '<R><?pi?><A>x</A></R>',
      '<R><A b="c">x</A></R>',
      '<R>mixed<A>x</A></R>',
      '<R><A>x</A>tail</R>',
      '<R><lower>x</lower></R>',
      '<R><A>x</A></R><!-- after -->',
      '<?xml version="1.0"?><R><A>x</A></R> trailing',
    ];
    for (const xml of cases) {
      expect(scanXml(xml)).toBeUndefined();
      let expected: unknown;
      try {
        expected = parseXml(xml);
      } catch (err) {
        expected = err;
      }
      if (expected instanceof Error) expect(() => parseXmlFast(xml)).toThrow(XmlParseError);
      else expect(parseXmlFast(xml)).toEqual(expected);
    }
  });

  it('reads self-closing roots, xmlns prefixes and closing tags with spaces', () => {
    expect(scanXml('<R/>')).toEqual({ R: '' });
    expect(scanXml("<R xmlns='u' xmlns:a=\"v\"><A >x</A ></R>")).toEqual({ R: { A: 'x' } });
    expect(scanXml('<?xml version="1.0"')).toBeUndefined();
    expect(scanXml('<R><A>x</A>')).toBeUndefined();
    expect(scanXml('<R><A>x</B></R>')).toBeUndefined();
    expect(scanXml('</R>')).toBeUndefined();
    expect(scanXml('<R')).toBeUndefined();
  });

  it('refuses the same bad entities as the general parser', () => {
    expect(() => parseXmlFast('<R>&nbsp;</R>')).toThrow(XmlParseError);
  });
});
