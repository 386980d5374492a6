import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { S3kitError } from '../errors/errors.js';
import { isSecretField, isSecretHeader, REDACTED, redactHeaders, redactText, redactUrl, redactValue } from './redact.js';

const SIGNATURE = 'fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024';
const AUTHORIZATION = `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${SIGNATURE}`;

describe('redactText', () => {
  it('removes the credential scope and signature from an Authorization value', () => {
    const out = redactText(AUTHORIZATION);
    expect(out).not.toContain(SIGNATURE);
    expect(out).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(out).toContain('SignedHeaders=host;x-amz-date');
    expect(out).toBe(`AWS4-HMAC-SHA256 Credential=${REDACTED}, SignedHeaders=host;x-amz-date, Signature=${REDACTED}`);
  });

  it('redacts signature, credential and token parameters of presigned URLs, keeping the rest', () => {
    const url =
      'https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524&X-Amz-Security-Token=tok123&X-Amz-Signature=abc123#frag';
    const out = redactText(url);
    expect(out).toBe(
      `https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${REDACTED}&X-Amz-Security-Token=${REDACTED}&X-Amz-Signature=${REDACTED}#frag`,
    );
    expect(redactText('https://h/k?AWSAccessKeyId=AKID&Signature=sig%2B&Expires=1')).toBe(
      `https://h/k?AWSAccessKeyId=${REDACTED}&Signature=${REDACTED}&Expires=1`,
    );
  });

  it('redacts name = value pairs of secret names in free text and JSON', () => {
    expect(redactText('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG')).toBe(`aws_secret_access_key = ${REDACTED}`);
    expect(redactText('{"sessionToken":"FQoGZXIvYXdzE"}')).toBe(`{"sessionToken":"${REDACTED}"}`);
    expect(redactText('x-amz-security-token: IQoJb3JpZ2luX2Vj')).toBe(`x-amz-security-token: ${REDACTED}`);
    expect(redactText('password=hunter2; user=bob')).toBe(`password=${REDACTED}; user=bob`);
    expect(redactText('{"X-Amz-Signature": "abc", "X-Amz-Credential":"AKID/x"}')).toBe(
      `{"X-Amz-Signature": "${REDACTED}", "X-Amz-Credential":"${REDACTED}"}`,
    );
  });

  it('redacts the credentials after any Authorization scheme (regression: only the scheme was removed)', () => {
    expect(redactText('Authorization: Bearer abc.def.ghi')).toBe(`Authorization: ${REDACTED}`);
    expect(redactText('proxy-authorization: Basic dXNlcjpwYXNz')).toBe(`proxy-authorization: ${REDACTED}`);
  });

  it('redacts non-hex signatures too (regression: only 16+ hex digits were caught)', () => {
    expect(redactText('Signature=not-hex-XYZ')).toBe(`Signature=${REDACTED}`);
  });

  it('masks access key ids but keeps their prefix for support', () => {
    expect(redactText('key AKIAIOSFODNN7EXAMPLE and ASIAY34FZKBOKMUTVV7A')).toBe('key AKIAIOSF************ and ASIAY34F************');
  });

  it('leaves ordinary text alone', () => {
    expect(redactText('GET /bucket/key?list-type=2&prefix=a%2F 200')).toBe('GET /bucket/key?list-type=2&prefix=a%2F 200');
  });
});

describe('redactUrl', () => {
  it('accepts strings and URL objects', () => {
    const href = 'https://h/k?X-Amz-Signature=abc&x=1';
    expect(redactUrl(href)).toBe(`https://h/k?X-Amz-Signature=${REDACTED}&x=1`);
    expect(redactUrl(new URL(href))).toBe(`https://h/k?X-Amz-Signature=${REDACTED}&x=1`);
  });
});

describe('redactHeaders', () => {
  it('replaces secret header values whatever the case, redacts text in others, and drops undefined', () => {
    const out = redactHeaders({
      Authorization: AUTHORIZATION,
      'x-amz-security-token': 'IQoJb3JpZ2luX2Vj',
      'X-Amz-Server-Side-Encryption-Customer-Key': 'c2VjcmV0',
      'x-amz-date': '20130524T000000Z',
      'x-amz-meta-url': 'https://h/k?X-Amz-Signature=abc',
      'set-cookie': ['a=1', 'b=2'],
      via: ['1.1 proxy', 'https://h/?X-Amz-Credential=c'],
      gone: undefined,
    });
    expect(out).toEqual({
      Authorization: REDACTED,
      'x-amz-security-token': REDACTED,
      'X-Amz-Server-Side-Encryption-Customer-Key': REDACTED,
      'x-amz-date': '20130524T000000Z',
      'x-amz-meta-url': `https://h/k?X-Amz-Signature=${REDACTED}`,
      'set-cookie': REDACTED,
      via: ['1.1 proxy', `https://h/?X-Amz-Credential=${REDACTED}`],
    });
  });
});

describe('isSecretField / isSecretHeader', () => {
  it('matches field names in any case and separator style', () => {
    for (const name of ['secretAccessKey', 'SECRET_ACCESS_KEY', 'session-token', 'SessionToken', 'aws_session_token', 'signingKey', 'sseCustomerKey']) {
      expect(isSecretField(name)).toBe(true);
    }
    for (const name of ['bucket', 'key', 'ContinuationToken', 'etag']) expect(isSecretField(name)).toBe(false);
    expect(isSecretHeader('Authorization')).toBe(true);
    expect(isSecretHeader('content-type')).toBe(false);
  });
});

describe('redactValue', () => {
  it('redacts secret fields at any depth and text in every string', () => {
    const out = redactValue({
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalr' },
      nested: [{ sessionToken: 'tok', note: 'Signature=abcdef' }],
      SecretAccessKey: 'x',
      token: null,
      password: undefined,
    });
    expect(out).toEqual({
      credentials: REDACTED,
      nested: [{ sessionToken: REDACTED, note: `Signature=${REDACTED}` }],
      SecretAccessKey: REDACTED,
      token: null,
      password: undefined,
    });
  });

  it('turns bytes, URLs and bigints into safe scalars', () => {
    expect(redactValue({ body: new Uint8Array(3), url: new URL('https://h/?X-Amz-Signature=s'), n: 10n, f: true })).toEqual({
      body: '[3 bytes]',
      url: `https://h/?X-Amz-Signature=${REDACTED}`,
      n: '10',
      f: true,
    });
  });

  it('uses toJSON of s3kit errors and redacts their cause', () => {
    const cause = new Error('upstream said secretAccessKey=wJalrXUtnFEMI');
    const error = new S3kitError('failed', { code: 'ERR_X', cause, details: { sessionToken: 'tok' } });
    expect(redactValue(error)).toEqual({
      name: 'S3kitError',
      code: 'ERR_X',
      message: 'failed',
      retryable: false,
      details: { sessionToken: REDACTED },
      cause: { name: 'Error', message: `upstream said secretAccessKey=${REDACTED}` },
    });
  });

  it('keeps code and the redacted cause chain of plain errors (regression: cause was dropped)', () => {
    const inner = Object.assign(new Error('x-amz-security-token: IQoJsecret'), { code: 'ECONNRESET' });
    const outer = new TypeError('fetch failed', { cause: inner });
    expect(redactValue(outer)).toEqual({
      name: 'TypeError',
      message: 'fetch failed',
      cause: { name: 'Error', message: `x-amz-security-token: ${REDACTED}`, code: 'ECONNRESET' },
    });
  });

  it('marks cycles but shows a value shared by two branches twice (regression: shared values were called circular)', () => {
    const shared = { a: 1 };
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic.self = cyclic;
    expect(redactValue(cyclic)).toEqual({ shared: { a: 1 }, again: { a: 1 }, self: '[Circular]' });
  });

  it('truncates very deep structures', () => {
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 12; i++) deep = { d: deep };
    expect(JSON.stringify(redactValue(deep))).toContain('[Truncated]');
  });

  it('property: a secret placed in any secret position never survives', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9/+]{20,60}$/);
    const urlSafe = fc.stringMatching(/^[A-Za-z0-9]{20,60}$/);
    const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
    fc.assert(
      fc.property(secret, urlSafe, hex, (s, u, h) => {
        const value = {
          secretAccessKey: s,
          SessionToken: s,
          headers: redactHeaders({ authorization: `AWS4-HMAC-SHA256 Credential=${u}/20130524/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=${h}`, 'x-amz-security-token': s }),
          text: `Authorization: AWS4-HMAC-SHA256 Credential=${u}/x, SignedHeaders=host, Signature=${h}`,
          url: `https://b.s3.amazonaws.com/k?X-Amz-Credential=${u}&X-Amz-Signature=${h}&X-Amz-Security-Token=${u}`,
          error: new Error('boom', { cause: new Error(`aws_session_token=${s} secretAccessKey: ${s}`) }),
        };
        const out = JSON.stringify(redactValue(value));
        expect(out).not.toContain(s);
        expect(out).not.toContain(u);
        expect(out).not.toContain(h);
      }),
    );
  });
});
