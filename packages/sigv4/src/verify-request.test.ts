import { createFakeClock } from '@s3kit/primitives';
import type { HttpRequest } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { createSigner } from './signer.js';
import { createSigV4aSigner } from './sigv4a-signer.js';
import type { SignatureVerificationError } from './verify-error.js';
import { isSignatureVerificationError } from './verify-error.js';
import { getAuthType, verifyRequest } from './verify-request.js';
import type { VerifierSecret, VerifyRequestOptions } from './verify-request.js';
import { verifyPayload, verifyPayloadStream } from './verify-payload.js';

const NOW = Date.UTC(2024, 0, 2, 3, 4, 5);
const CREDS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const TEMP = { accessKeyId: 'ASIATEMP', secretAccessKey: 'temp-secret', sessionToken: 'token/with+chars=' };
const secrets = new Map<string, VerifierSecret>([
  [CREDS.accessKeyId, { secretAccessKey: CREDS.secretAccessKey }],
  [TEMP.accessKeyId, { secretAccessKey: TEMP.secretAccessKey, sessionToken: TEMP.sessionToken }],
]);

const clock = createFakeClock(NOW);
const options = (extra: Partial<VerifyRequestOptions> = {}): VerifyRequestOptions => ({
  lookupSecret: (id) => Promise.resolve(secrets.get(id)),
  clock,
  region: 'us-east-1',
  ...extra,
});
const signer = createSigner({ credentials: CREDS, region: 'us-east-1', service: 's3', clock });
const tempSigner = createSigner({ credentials: TEMP, region: 'us-east-1', service: 's3', clock });

type Overrides = { [K in keyof HttpRequest]?: HttpRequest[K] | undefined };
const base = (extra: Overrides = {}): HttpRequest => {
  const request = {
  method: 'PUT',
  protocol: 'https:',
  hostname: 'bucket.s3.us-east-1.amazonaws.com',
  path: '/photos/a%20b.jpg',
  query: { tagging: '', 'x-id': 'PutObject' },
  headers: { 'content-type': 'image/jpeg', 'x-amz-meta-owner': 'alice', 'content-length': '5' },
    body: 'hello',
    ...extra,
  } as HttpRequest;
  if (request.body === undefined) delete request.body;
  return request;
};

async function rejection(promise: Promise<unknown>): Promise<SignatureVerificationError> {
  try {
    await promise;
  } catch (err) {
    expect(isSignatureVerificationError(err)).toBe(true);
    return err as SignatureVerificationError;
  }
  throw new Error('expected a rejection');
}

async function collectAll(source: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const c of source) out.push(c);
  return out;
}

const withHeaders = (r: HttpRequest, headers: Record<string, string>): HttpRequest => ({ ...r, headers: { ...r.headers, ...headers } });
const withoutHeader = (r: HttpRequest, name: string): HttpRequest => {
  const headers = Object.fromEntries(Object.entries(r.headers).filter(([n]) => n !== name));
  return { ...r, headers };
};

describe('verifyRequest: header auth', () => {
  it('accepts a request signed by createSigner (signed payload) and verifies the body', async () => {
    const signed = await signer.sign(base());
    const v = await verifyRequest(signed, options());
    expect(v).toMatchObject({
      accessKeyId: 'AKIDEXAMPLE',
      authType: 'header',
      payloadMode: 'signed',
      region: 'us-east-1',
      service: 's3',
      credentialScope: '20240102/us-east-1/s3/aws4_request',
      amzDate: '20240102T030405Z',
    });
    expect(v.signedHeaders).toContain('host');
    expect(v.seedSignature).toMatch(/^[0-9a-f]{64}$/);
    expect(() => { verifyPayload('hello', v); }).not.toThrow();
    const err = (() => {
      try {
        verifyPayload('hellO', v);
      } catch (e) {
        return e as SignatureVerificationError;
      }
      return undefined;
    })();
    expect(err).toMatchObject({ code: 'XAmzContentSHA256Mismatch', statusCode: 400 });
    expect(err!.details).toMatchObject({ ClientComputedContentSHA256: v.payloadHash });
  });

  it('verifies a streamed body with verifyPayloadStream', async () => {
    const v = await verifyRequest(await signer.sign(base()), options());
    const source = async function* (parts: string[]): AsyncGenerator<Uint8Array> {
      for (const p of parts) yield new TextEncoder().encode(p);
    };
    const out = await collectAll(verifyPayloadStream(source(['he', 'llo']), v));
    expect(Buffer.concat(out).toString()).toBe('hello');
    const bad = (async () => {
      await collectAll(verifyPayloadStream(source(['he', 'llx']), v));
    })();
    expect(await rejection(bad)).toMatchObject({ code: 'XAmzContentSHA256Mismatch' });
  });

  it('accepts UNSIGNED-PAYLOAD and leaves the body unchecked', async () => {
    const signed = await signer.sign(base(), { payloadHash: 'UNSIGNED-PAYLOAD' });
    const v = await verifyRequest(signed, options());
    expect(v.payloadMode).toBe('unsigned');
    expect(() => { verifyPayload('anything', v); }).not.toThrow();
  });

  it('accepts temporary credentials with the right token and rejects a missing or wrong one', async () => {
    const signed = await tempSigner.sign(base());
    await expect(verifyRequest(signed, options())).resolves.toMatchObject({ accessKeyId: 'ASIATEMP' });
    const other = createSigner({ credentials: { ...TEMP, sessionToken: 'other' }, region: 'us-east-1', service: 's3', clock });
    expect(await rejection(verifyRequest(await other.sign(base()), options()))).toMatchObject({ code: 'InvalidToken', statusCode: 400 });
    const noToken = createSigner({ credentials: { accessKeyId: TEMP.accessKeyId, secretAccessKey: TEMP.secretAccessKey }, region: 'us-east-1', service: 's3', clock });
    expect(await rejection(verifyRequest(await noToken.sign(base()), options()))).toMatchObject({ code: 'InvalidToken' });
    const extraToken = createSigner({ credentials: { ...CREDS, sessionToken: 'x' }, region: 'us-east-1', service: 's3', clock });
    expect(await rejection(verifyRequest(await extraToken.sign(base()), options()))).toMatchObject({ code: 'InvalidToken' });
  });

  it('rejects an unknown access key', async () => {
    const stranger = createSigner({ credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 's' }, region: 'us-east-1', service: 's3', clock });
    const err = await rejection(verifyRequest(await stranger.sign(base()), options()));
    expect(err).toMatchObject({ code: 'InvalidAccessKeyId', statusCode: 403, details: { AWSAccessKeyId: 'AKIDUNKNOWN' } });
  });

  it('rejects a wrong secret with SignatureDoesNotMatch carrying the canonical request, never a secret', async () => {
    const wrong = createSigner({ credentials: { ...CREDS, secretAccessKey: 'not-the-secret' }, region: 'us-east-1', service: 's3', clock });
    const signed = await wrong.sign(base(), { debug: true });
    const err = await rejection(verifyRequest(signed, options()));
    expect(err).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 403 });
    // The server computed the same canonical request as the client: only the key differs.
    expect(err.details!.CanonicalRequest).toBe(signed.debug!.canonicalRequest);
    expect(err.details!.StringToSign).toBe(signed.debug!.stringToSign);
    expect(err.details!.CanonicalRequestBytes).toMatch(/^[0-9a-f]{2}( [0-9a-f]{2})*$/);
    const json = JSON.stringify(err);
    expect(json).not.toContain(CREDS.secretAccessKey);
    expect(json).not.toContain('not-the-secret');
    expect(json).not.toContain(/Signature=([0-9a-f]{64})/.exec(signed.headers.authorization!)![1]);
  });

  it('redacts a signed session token from the canonical request in the error', async () => {
    const signed = await tempSigner.sign(base());
    const tampered = withHeaders(signed, { 'x-amz-meta-owner': 'mallory' });
    const err = await rejection(verifyRequest(tampered, options()));
    expect(err.code).toBe('SignatureDoesNotMatch');
    expect(String(err.details!.CanonicalRequest)).not.toContain(TEMP.sessionToken);
    expect(String(err.details!.CanonicalRequest)).toContain('x-amz-security-token:[REDACTED]');
  });

  it('rejects a change to any signed header, the method, path or query', async () => {
    const signed = await signer.sign(base());
    const names = signed.headers.authorization!.match(/SignedHeaders=([^,]+)/)![1]!.split(';');
    for (const name of names) {
      if (name === 'x-amz-date' || name === 'x-amz-content-sha256') continue; // own tests below
      const err = await rejection(verifyRequest(withHeaders(signed, { [name]: `${signed.headers[name]!}x` }), options()));
      expect(err.code, name).toBe('SignatureDoesNotMatch');
    }
    for (const changed of [
      { ...signed, method: 'POST' },
      { ...signed, path: '/photos/a%20c.jpg' },
      { ...signed, query: { tagging: 'x', 'x-id': 'PutObject' } },
      { ...signed, query: { tagging: '' } },
      withoutHeader(signed, 'content-type'),
    ]) {
      expect((await rejection(verifyRequest(changed, options()))).code).toBe('SignatureDoesNotMatch');
    }
  });

  it('rejects a tampered x-amz-date (signature) and x-amz-content-sha256 (signature or bad value)', async () => {
    const signed = await signer.sign(base());
    const later = withHeaders(signed, { 'x-amz-date': '20240102T030406Z' });
    expect((await rejection(verifyRequest(later, options()))).code).toBe('SignatureDoesNotMatch');
    const other = withHeaders(signed, { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' });
    expect((await rejection(verifyRequest(other, options()))).code).toBe('SignatureDoesNotMatch');
    const bad = withHeaders(signed, { 'x-amz-content-sha256': 'nope' });
    expect(await rejection(verifyRequest(bad, options()))).toMatchObject({ code: 'InvalidArgument', details: { ArgumentName: 'x-amz-content-sha256' } });
    expect(await rejection(verifyRequest(withoutHeader(signed, 'x-amz-content-sha256'), options()))).toMatchObject({
      code: 'InvalidRequest',
      message: 'Missing required header for this request: x-amz-content-sha256',
    });
  });

  it('rejects unsigned x-amz-* headers and an unsigned host', async () => {
    const signed = await signer.sign(base());
    const err = await rejection(verifyRequest(withHeaders(signed, { 'x-amz-acl': 'public-read' }), options()));
    expect(err).toMatchObject({ code: 'AccessDenied', statusCode: 403, details: { HeadersNotSigned: 'x-amz-acl' } });
    const noHost = createSigner({ credentials: CREDS, region: 'us-east-1', service: 's3', clock, signedHeaders: { deny: [] } });
    const s2 = await noHost.sign(base());
    const auth = s2.headers.authorization!.replace('host;', '');
    const e2 = await rejection(verifyRequest(withHeaders(s2, { authorization: auth }), options()));
    expect(e2).toMatchObject({ code: 'AccessDenied', details: { HeadersNotSigned: 'host' } });
  });

  it('treats the case of a %XX escape in the path as the same key (the property-test counterexample)', async () => {
    const signed = await signer.sign(base({ path: '/photos/caf%C3%A9' }));
    await expect(verifyRequest({ ...signed, path: '/photos/caf%c3%a9' }, options())).resolves.toBeDefined();
    expect((await rejection(verifyRequest({ ...signed, path: '/photos/caf%C3%A8' }, options()))).code).toBe('SignatureDoesNotMatch');
  });

  it('signs an absent host from hostname and port', async () => {
    const signed = await signer.sign(base({ port: 9000 }));
    expect(signed.headers.host).toBe('bucket.s3.us-east-1.amazonaws.com:9000');
    await expect(verifyRequest(withoutHeader(signed, 'host'), options())).resolves.toBeDefined();
  });

  it('checks the credential scope with S3 messages', async () => {
    const signed = await signer.sign(base());
    const auth = signed.headers.authorization!;
    const cases: [string, string, string][] = [
      ['/us-east-1/', '/eu-west-1/', "The authorization header is malformed; the region 'eu-west-1' is wrong; expecting 'us-east-1'"],
      ['/s3/', '/ec2/', 'The authorization header is malformed; incorrect service "ec2". This endpoint belongs to "s3".'],
      ['/aws4_request', '/aws4_reques', 'The authorization header is malformed; incorrect terminal "aws4_reques". This endpoint uses "aws4_request".'],
      ['/20240102/', '/20240103/', 'The authorization header is malformed; Invalid credential date "20240103". This date is not the same as X-Amz-Date: "20240102".'],
      ['AKIDEXAMPLE/', 'AKIDEXAMPLE/x/', 'The authorization header is malformed; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".'],
    ];
    for (const [from, to, message] of cases) {
      const err = await rejection(verifyRequest(withHeaders(signed, { authorization: auth.replace(from, to) }), options()));
      expect(err).toMatchObject({ code: 'AuthorizationHeaderMalformed', statusCode: 400, message });
    }
    const wrongRegion = await rejection(verifyRequest(withHeaders(signed, { authorization: auth.replace('/us-east-1/', '/eu-west-1/') }), options()));
    expect(wrongRegion.details).toEqual({ Region: 'us-east-1' });
    // Without a server region, any region is accepted (and reported).
    const euSigner = createSigner({ credentials: CREDS, region: 'eu-west-1', service: 's3', clock });
    await expect(verifyRequest(await euSigner.sign(base()), options({ region: undefined }))).resolves.toMatchObject({ region: 'eu-west-1' });
  });

  it('rejects malformed Authorization headers', async () => {
    const signed = await signer.sign(base());
    const auth = signed.headers.authorization!;
    const variants: [string, string][] = [
      [auth.replace(', Signature=', ', Sig='), 'AuthorizationHeaderMalformed'],
      [auth.replace(/, Signature=.*/, ''), 'AuthorizationHeaderMalformed'],
      [`${auth}, Signature=00`, 'AuthorizationHeaderMalformed'],
      [auth.replace('SignedHeaders=', 'SignedHeaders=Host;'), 'AuthorizationHeaderMalformed'],
      [auth.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA1'), 'InvalidArgument'],
      ['AWS AKIDEXAMPLE:abc', 'InvalidArgument'],
      [auth.replace(/Signature=[0-9a-f]+/, 'Signature=XYZ'), 'SignatureDoesNotMatch'],
    ];
    for (const [value, code] of variants) {
      expect((await rejection(verifyRequest(withHeaders(signed, { authorization: value }), options()))).code, value).toBe(code);
    }
    // No spaces after the commas (the S3 docs' own examples) is accepted.
    await expect(verifyRequest(withHeaders(signed, { authorization: auth.replace(/, /g, ',') }), options())).resolves.toBeDefined();
  });

  it('enforces the 15 minute window with RequestTimeTooSkewed', async () => {
    const signed = await signer.sign(base());
    const fast = createFakeClock(NOW + 15 * 60_000 + 1000);
    const err = await rejection(verifyRequest(signed, options({ clock: fast })));
    expect(err).toMatchObject({ code: 'RequestTimeTooSkewed', statusCode: 403, details: { RequestTime: '20240102T030405Z', MaxAllowedSkewMilliseconds: '900000' } });
    const slow = createFakeClock(NOW - 15 * 60_000 - 1000);
    expect((await rejection(verifyRequest(signed, options({ clock: slow })))).code).toBe('RequestTimeTooSkewed');
    await expect(verifyRequest(signed, options({ clock: createFakeClock(NOW + 14 * 60_000) }))).resolves.toBeDefined();
  });

  it('requires a valid x-amz-date', async () => {
    const signed = await signer.sign(base());
    for (const date of ['20240230T000000Z', '2024-01-02T03:04:05Z', '']) {
      const err = await rejection(verifyRequest(withHeaders(signed, { 'x-amz-date': date }), options()));
      expect(err).toMatchObject({ code: 'AccessDenied', message: 'AWS authentication requires a valid Date or x-amz-date header' });
    }
    expect((await rejection(verifyRequest(withoutHeader(signed, 'x-amz-date'), options()))).code).toBe('AccessDenied');
  });

  it('rejects anonymous requests and two auth mechanisms at once', async () => {
    expect(await rejection(verifyRequest(base(), options()))).toMatchObject({ code: 'AccessDenied', message: 'Access Denied' });
    expect(getAuthType(base())).toBe('none');
    const signed = await signer.sign(base());
    const both = { ...signed, query: { ...signed.query, 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' } };
    expect(await rejection(verifyRequest(both, options()))).toMatchObject({ code: 'InvalidArgument', details: { ArgumentName: 'Authorization' } });
  });

  it('verifies other services with uriEscapePath and a computed payload hash', async () => {
    const iam = createSigner({ credentials: CREDS, region: 'us-east-1', service: 'iam', clock });
    const request: HttpRequest = { method: 'POST', protocol: 'https:', hostname: 'iam.amazonaws.com', path: '/a/./b/../c', headers: {}, body: 'Action=ListUsers' };
    const signed = await iam.sign(request);
    const v = await verifyRequest(signed, options({ service: 'iam', uriEscapePath: true }));
    expect(v.payloadMode).toBe('signed');
    const e = await rejection(verifyRequest(signed, options()));
    expect(e).toMatchObject({ code: 'AuthorizationHeaderMalformed', message: expect.stringContaining('incorrect service "iam"') as string });
    const stream = { ...signed, body: (async function* () {})() };
    expect((await rejection(verifyRequest(stream, options({ service: 'iam', uriEscapePath: true })))).code).toBe('InvalidRequest');
  });
});

describe('verifyRequest: presigned URLs', () => {
  const presign = (expiresIn = 900, s = signer, r = base({ body: undefined })) => s.presign(r, { expiresIn });

  it('accepts a presigned URL within its validity', async () => {
    const url = await presign();
    const v = await verifyRequest(url, options());
    expect(v).toMatchObject({ authType: 'query', payloadMode: 'unsigned', payloadHash: 'UNSIGNED-PAYLOAD', expiresAt: NOW + 900_000 });
    await expect(verifyRequest(url, options({ clock: createFakeClock(NOW + 900_000) }))).resolves.toBeDefined();
    const tokenUrl = await presign(60, tempSigner);
    await expect(verifyRequest(tokenUrl, options())).resolves.toMatchObject({ accessKeyId: 'ASIATEMP' });
  });

  it('rejects an expired URL and one not yet valid', async () => {
    const url = await presign(60);
    const err = await rejection(verifyRequest(url, options({ clock: createFakeClock(NOW + 61_000) })));
    expect(err).toMatchObject({ code: 'AccessDenied', statusCode: 403, message: 'Request has expired', details: { 'X-Amz-Expires': '60', Expires: '2024-01-02T03:05:05Z' } });
    const early = await rejection(verifyRequest(url, options({ clock: createFakeClock(NOW - 16 * 60_000) })));
    expect(early).toMatchObject({ code: 'AccessDenied', message: 'Request is not yet valid' });
    // A week-long URL is valid long after the 15 minute skew window.
    const week = await presign(604_800);
    await expect(verifyRequest(week, options({ clock: createFakeClock(NOW + 6 * 86_400_000) }))).resolves.toBeDefined();
  });

  it('rejects tampered parameters, path and headers', async () => {
    const url = await presign(900, signer, base({ body: undefined, headers: { 'x-amz-meta-a': 'b' } }));
    const q = url.query!;
    const tamper = async (query: Record<string, string | readonly string[]>, code: string, message?: string): Promise<void> => {
      const err = await rejection(verifyRequest({ ...url, query }, options()));
      expect(err.code, JSON.stringify(query)).toBe(code);
      if (message) expect(err.message).toBe(message);
    };
    await tamper({ ...q, 'X-Amz-Expires': '901' }, 'SignatureDoesNotMatch');
    await tamper({ ...q, 'x-id': 'GetObject' }, 'SignatureDoesNotMatch');
    await tamper({ ...q, extra: '1' }, 'SignatureDoesNotMatch');
    await tamper({ ...q, 'X-Amz-Signature': '0'.repeat(64) }, 'SignatureDoesNotMatch');
    await tamper({ ...q, 'X-Amz-Expires': '604801' }, 'AuthorizationQueryParametersError', 'X-Amz-Expires must be less than a week (in seconds) that is 604800');
    await tamper({ ...q, 'X-Amz-Expires': '-1' }, 'AuthorizationQueryParametersError', 'X-Amz-Expires must be non-negative');
    await tamper({ ...q, 'X-Amz-Expires': 'soon' }, 'AuthorizationQueryParametersError', 'X-Amz-Expires should be a number');
    await tamper({ ...q, 'X-Amz-Algorithm': 'AWS4-HMAC-SHA1' }, 'AuthorizationQueryParametersError', 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256" and "AWS4-ECDSA-P256-SHA256"');
    await tamper({ ...q, 'X-Amz-Date': '20240102' }, 'AuthorizationQueryParametersError');
    await tamper({ ...q, 'X-Amz-SignedHeaders': 'host;X' }, 'AuthorizationQueryParametersError');
    await tamper({ ...q, 'X-Amz-Date': ['20240102T030405Z', '20240102T030405Z'] }, 'AuthorizationQueryParametersError');
    await tamper({ ...q, 'X-Amz-Security-Token': ['a', 'b'] }, 'AuthorizationQueryParametersError');
    await tamper({ ...q, 'X-Amz-Security-Token': 'a' }, 'InvalidToken');
    const { 'X-Amz-Expires': _drop, ...noExpires } = q;
    await tamper(noExpires, 'AuthorizationQueryParametersError');
    const cred = String(q['X-Amz-Credential']);
    await tamper({ ...q, 'X-Amz-Credential': cred.replace('us-east-1', 'eu-west-1') }, 'AuthorizationQueryParametersError', "Error parsing the X-Amz-Credential parameter; the region 'eu-west-1' is wrong; expecting 'us-east-1'");
    await tamper({ ...q, 'X-Amz-Credential': cred.replace('/s3/', '/') }, 'AuthorizationQueryParametersError');
    await tamper({ ...q, 'X-Amz-Credential': cred.replace('AKIDEXAMPLE', 'AKIDOTHER') }, 'InvalidAccessKeyId');
    expect((await rejection(verifyRequest({ ...url, path: '/photos/b.jpg' }, options()))).code).toBe('SignatureDoesNotMatch');
    expect((await rejection(verifyRequest(withHeaders(url, { 'x-amz-meta-a': 'c' }), options()))).code).toBe('SignatureDoesNotMatch');
    expect((await rejection(verifyRequest(withHeaders(url, { 'x-amz-acl': 'private' }), options()))).code).toBe('AccessDenied');
    // Checksum headers the signer leaves out of presigned URLs may be sent unsigned.
    await expect(verifyRequest(withHeaders(url, { 'x-amz-checksum-crc32': 'AAAAAA==' }), options())).resolves.toBeDefined();
  });

  it('ignores an unsigned x-amz-content-sha256 on presigned URLs', async () => {
    const put = base({ body: undefined });
    const url = await presign(900, signer, put);
    const signedHash = 'a'.repeat(64);
    const u2 = { ...url, headers: { ...url.headers, 'x-amz-content-sha256': signedHash } };
    // Unsigned: ignored; the URL still verifies as UNSIGNED-PAYLOAD.
    await expect(verifyRequest(u2, options())).resolves.toMatchObject({ payloadMode: 'unsigned' });
  });
});

describe('verifyRequest: SigV4a', () => {
  const v4a = createSigV4aSigner({ credentials: CREDS, regionSet: ['us-east-1', 'us-west-2'], service: 's3', clock });

  it('verifies header and presigned SigV4a requests with the key derived from the secret', async () => {
    const signed = await v4a.sign(base());
    const v = await verifyRequest(signed, options());
    expect(v).toMatchObject({ algorithm: 'AWS4-ECDSA-P256-SHA256', authType: 'header', region: 'us-east-1', regionSet: ['us-east-1', 'us-west-2'], credentialScope: '20240102/s3/aws4_request', payloadMode: 'signed' });
    // The handle on the public key, for the chunks of a SigV4a aws-chunked body.
    expect(JSON.stringify(v.signingKey)).toBe('"[REDACTED]"');
    expect(() => { verifyPayload('hello', v); }).not.toThrow();
    const url = await v4a.presign(base({ body: undefined }), { expiresIn: 60, regionSet: 'us-*' });
    await expect(verifyRequest(url, options())).resolves.toMatchObject({ authType: 'query', regionSet: ['us-*'] });
    await expect(verifyRequest(signed, options({ region: undefined }))).resolves.toMatchObject({ region: 'us-east-1,us-west-2' });
  });

  it('rejects tampering, a foreign region and malformed SigV4a credentials', async () => {
    const signed = await v4a.sign(base());
    expect((await rejection(verifyRequest(withHeaders(signed, { 'x-amz-meta-owner': 'eve' }), options()))).code).toBe('SignatureDoesNotMatch');
    expect((await rejection(verifyRequest(withHeaders(signed, { 'x-amz-region-set': '*' }), options()))).code).toBe('SignatureDoesNotMatch');
    const auth = signed.headers.authorization!;
    expect((await rejection(verifyRequest(withHeaders(signed, { authorization: auth.replace(/Signature=[0-9a-f]+/, 'Signature=zz') }), options()))).code).toBe('SignatureDoesNotMatch');
    const err = await rejection(verifyRequest(signed, options({ region: 'eu-west-1' })));
    expect(err).toMatchObject({ code: 'AuthorizationHeaderMalformed', details: { Region: 'eu-west-1' } });
    expect(err.message).toContain("the region set 'us-east-1,us-west-2' does not include 'eu-west-1'");
    const noSet = withoutHeader(signed, 'x-amz-region-set');
    expect((await rejection(verifyRequest(noSet, options()))).code).toBe('AuthorizationHeaderMalformed');
    const v4Shaped = auth.replace('/20240102/s3/', '/20240102/us-east-1/s3/');
    expect((await rejection(verifyRequest(withHeaders(signed, { authorization: v4Shaped }), options()))).message).toContain('<YOUR-AKID>/YYYYMMDD/SERVICE/aws4_request');
    const url = await v4a.presign(base({ body: undefined }), { expiresIn: 60 });
    const { 'X-Amz-Region-Set': _set, ...noRegionSet } = url.query!;
    expect((await rejection(verifyRequest({ ...url, query: noRegionSet }, options()))).code).toBe('AuthorizationQueryParametersError');
    expect((await rejection(verifyRequest({ ...url, query: { ...url.query, 'X-Amz-Region-Set': 'eu-west-1' } }, options()))).code).toBe('AuthorizationQueryParametersError');
    const badCred = { ...url.query, 'X-Amz-Credential': 'AKIDEXAMPLE/20240102/us-east-1/s3/aws4_request' };
    expect((await rejection(verifyRequest({ ...url, query: badCred }, options()))).code).toBe('AuthorizationQueryParametersError');
  });
});
