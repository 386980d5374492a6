import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeXmlText, xmlText } from './sts-xml.js';
import { StsServiceError, isStsServiceError } from './sts-error.js';

describe('xmlText', () => {
  const xml = `<R xmlns="x"><Result><Credentials a="1"><AccessKeyId>AK</AccessKeyId><Secret>a&amp;b&lt;c&#65;&#x42;&bogus;&#99999999;</Secret></Credentials><Note><![CDATA[<raw> & ]]></Note></Result></R>`;
  it('follows a path of element names and decodes entities', () => {
    expect(xmlText(xml, 'Credentials', 'AccessKeyId')).toBe('AK');
    expect(xmlText(xml, 'Credentials', 'Secret')).toBe('a&b<cAB&bogus;&#99999999;');
    expect(xmlText(xml, 'Note')).toBe('<raw> & ');
  });
  it('returns undefined for absent or unclosed elements', () => {
    expect(xmlText(xml, 'Missing')).toBeUndefined();
    expect(xmlText('<A>open', 'A')).toBeUndefined();
    expect(xmlText(xml, 'Credentials', 'Nope')).toBeUndefined();
  });
  it('decodes what an XML writer encodes (property)', () => {
    const encode = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(decodeXmlText(encode(s))).toBe(s);
        expect(xmlText(`<X>${encode(s.trim())}</X>`, 'X')).toBe(s.trim());
      }),
    );
  });
});

describe('StsServiceError', () => {
  it('keeps the STS code and marks throttling and 5xx retryable', () => {
    const e = new StsServiceError({ code: 'Throttling', message: 'x'.repeat(400), statusCode: 400, operation: 'AssumeRole' });
    expect(e).toMatchObject({ code: 'Throttling', retryable: true, requestId: undefined });
    expect(e.message).toMatch(/^STS AssumeRole failed: Throttling \(400\): x{300}\.\.\.$/);
    expect(new StsServiceError({ code: 'InternalError', message: '', statusCode: 500, operation: 'AssumeRole' }).retryable).toBe(true);
    expect(new StsServiceError({ code: 'AccessDenied', message: '', statusCode: 403, operation: 'AssumeRole', requestId: 'r1' }).message).toBe(
      'STS AssumeRole failed: AccessDenied (403), request id r1',
    );
    expect(isStsServiceError(e)).toBe(true);
    expect(isStsServiceError(new Error('x'))).toBe(false);
  });
});
