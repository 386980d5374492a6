import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidationError } from '@s3kit/primitives';
import {
  canonicalHeaderValue,
  canonicalHeaders,
  canonicalQuery,
  canonicalUri,
  createHeaderFilter,
  encodeComponent,
  normalizePath,
} from './canonical.js';

/** Reference RFC 3986 encoder written independently: UTF-8 bytes, everything but unreserved escaped. */
function referenceEncode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function referenceQuery(pairs: [string, string][]): string {
  return pairs
    .map(([k, v]) => [referenceEncode(k), referenceEncode(v)] as const)
    .sort((a, b) => Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])) || Buffer.compare(Buffer.from(a[1]), Buffer.from(b[1])))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '-', '_', '.', '~', ' ', '/', '+', '=', '&', '%', '*', 'é', 'ሴ', '😀', '!', "'") });

describe('canonicalQuery', () => {
  it('matches a reference encoder for arbitrary keys and values (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(text, fc.oneof(text, fc.array(text, { maxLength: 3 }))), (query) => {
        const pairs: [string, string][] = [];
        for (const [k, v] of Object.entries(query)) for (const item of typeof v === 'string' ? [v] : v) pairs.push([k, item]);
        expect(canonicalQuery(query)).toBe(referenceQuery(pairs));
      }),
      { numRuns: 300 },
    );
  });

  it('sorts by encoded key then value, keeps empty values and skips one name', () => {
    expect(canonicalQuery({ b: ['2', '1'], a: '', 'X-Amz-Signature': 'x' }, 'X-Amz-Signature')).toBe('a=&b=1&b=2');
    expect(canonicalQuery(undefined)).toBe('');
    expect(canonicalQuery({ s: 'x' }, 's')).toBe('');
    expect(encodeComponent("a b!'()*")).toBe('a%20b%21%27%28%29%2A');
  });
});

describe('canonicalUri', () => {
  it('normalizes and double-encodes for generic services', () => {
    expect(canonicalUri('/a/./b/../c//d/', true)).toBe('/a/c/d/');
    expect(canonicalUri('/a%20b', true)).toBe('/a%2520b');
    expect(canonicalUri('', true)).toBe('/');
    expect(canonicalUri('/..', true)).toBe('/');
    expect(normalizePath('a/b')).toBe('/a/b');
  });

  it('keeps S3 paths as sent, with one canonical encoding per segment', () => {
    expect(canonicalUri('/bucket/a//b/../c', false)).toBe('/bucket/a//b/../c');
    expect(canonicalUri('/test$file.text', false)).toBe('/test%24file.text');
    expect(canonicalUri('/a%20b/c+d', false)).toBe('/a%20b/c%2Bd');
    expect(canonicalUri('/100%/x', false)).toBe('/100%25/x');
    expect(canonicalUri('', false)).toBe('/');
  });

  it('S3 canonical URI of an encoded key equals the reference encoding of the key (property)', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), (segments) => {
        const safe = segments.map((s) => s.replace(/\//g, ''));
        const path = `/${safe.map((s) => encodeURIComponent(s)).join('/')}`;
        expect(canonicalUri(path, false)).toBe(`/${safe.map(referenceEncode).join('/')}`);
      }),
    );
  });
});

/** The per-segment decode then encode that S3 canonicalization is defined as, without any fast path. */
function referenceS3Uri(path: string): string {
  if (path === '') return '/';
  return path
    .split('/')
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // a stray '%' or invalid UTF-8: taken literally
      }
      return referenceEncode(decoded);
    })
    .join('/');
}

describe('canonicalUri S3 fast path', () => {
  const escape = fc.integer({ min: 0, max: 255 }).chain((byte) =>
    fc.constantFrom(`%${byte.toString(16).toUpperCase().padStart(2, '0')}`, `%${byte.toString(16).padStart(2, '0')}`),
  );
  const piece = fc.oneof(fc.constantFrom('a', 'Z', '9', '-', '.', '_', '~', '/', '%', '$', ' ', 'é'), escape);

  it('gives the same result as decoding and re-encoding every segment, for any escapes (property)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const path = `/${pieces.join('')}`;
        expect(canonicalUri(path, false)).toBe(referenceS3Uri(path));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps upper-case escapes of reserved ASCII and rewrites every other escape', () => {
    expect(canonicalUri('/a%20b%2F%25%7E%41%2f%C3%A9', false)).toBe('/a%20b%2F%25~A%2F%C3%A9');
    expect(canonicalUri('/ok%20/bad%FF%20', false)).toBe('/ok%20/bad%25FF%2520'); // invalid UTF-8: the segment is taken literally
    expect(canonicalUri('/photos/holiday%20snap%21.jpg', false)).toBe('/photos/holiday%20snap%21.jpg');
  });
});

describe('canonicalHeaders', () => {
  it('lower-cases, trims, collapses, joins duplicates and sorts', () => {
    const result = canonicalHeaders({ 'X-B': '  a   b ', 'x-a': ['1', ' 2 '], 'X-A': '3', host: 'h' }, createHeaderFilter());
    expect(result.canonical).toBe('host:h\nx-a:1,2,3\nx-b:a b\n');
    expect(result.signedHeaders).toBe('host;x-a;x-b');
    expect(canonicalHeaderValue('v1\n   v2')).toBe('v1 v2');
  });

  it('never signs hop-by-hop and SDK-unsignable headers', () => {
    const { signedHeaders } = canonicalHeaders(
      { host: 'h', 'user-agent': 'x', 'x-amzn-trace-id': 't', expect: '100-continue', connection: 'close', 'proxy-authorization': 'p', 'sec-fetch-mode': 'cors', 'content-type': 'a/b' },
      createHeaderFilter(),
    );
    expect(signedHeaders).toBe('content-type;host');
  });

  it('applies allow and deny lists but always signs host and x-amz-*', () => {
    const allow = createHeaderFilter({ allow: ['Content-Type', /^x-custom-/] });
    expect(canonicalHeaders({ host: 'h', 'content-type': 't', 'content-md5': 'm', 'x-custom-1': 'c', 'x-amz-meta-a': 'a' }, allow).signedHeaders).toBe(
      'content-type;host;x-amz-meta-a;x-custom-1',
    );
    const deny = createHeaderFilter({ deny: ['content-type', /^x-amz-meta-/] });
    const headers = { host: 'h', 'content-type': 't', 'x-amz-meta-a': 'a', 'x-amz-date': 'd' };
    expect(canonicalHeaders(headers, deny).signedHeaders).toBe('host;x-amz-date');
    expect(canonicalHeaders(headers, deny).signedHeaders).toBe('host;x-amz-date'); // memoized decisions
  });

  it('rejects header names that are not ASCII tokens, naming the header', () => {
    for (const name of ['bad name', 'naïve', 'a:b', '']) {
      try {
        canonicalHeaders({ [name]: 'v' }, createHeaderFilter());
        expect.unreachable();
      } catch (err) {
        expect(isValidationError(err)).toBe(true);
        expect((err as { field: string }).field).toBe(`headers[${JSON.stringify(name)}]`);
      }
    }
  });
});
