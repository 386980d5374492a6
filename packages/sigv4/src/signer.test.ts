import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFakeClock, isConfigError, isCredentialsError, isValidationError } from '@s3kit/primitives';
import type { HttpQuery, HttpRequest } from '@s3kit/primitives';
import type { AwsCredentials } from './aws-credentials.js';
import { canonicalQuery, encodeComponent } from './canonical.js';
import { createSigner } from './signer.js';
import { hashStream } from './payload.js';
import { deriveSigningKey } from './signing-key.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TOKEN = 'FQoGZXIvYXdzEXAMPLETOKEN/abc+def==';
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET, sessionToken: TOKEN };
const at = Date.UTC(2013, 4, 24);

const req = (over: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'GET',
  protocol: 'https:',
  hostname: 'examplebucket.s3.amazonaws.com',
  path: '/photos/a b.jpg',
  headers: {},
  ...over,
});

function assertNoSecret(value: unknown): void {
  const text = JSON.stringify(value) + String(value) + (value instanceof Error ? (value.stack ?? '') : '');
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(Buffer.from(deriveSigningKey(SECRET, '20130524', 'us-east-1', 's3')).toString('hex'));
}

describe('createSigner: header signing', () => {
  it('sets x-amz-date, x-amz-content-sha256, token and authorization without touching the input', async () => {
    const signer = createSigner({ credentials, region: 'us-east-1', service: 's3' });
    const input = req({ headers: { 'user-agent': 'ua', Authorization: 'old' } });
    const signed = await signer.sign(input, { signingDate: at });
    expect(input.headers).toEqual({ 'user-agent': 'ua', Authorization: 'old' });
    expect(signed.headers['x-amz-date']).toBe('20130524T000000Z');
    expect(signed.headers['x-amz-content-sha256']).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(signed.headers['x-amz-security-token']).toBe(TOKEN);
    expect(signed.headers.host).toBe('examplebucket.s3.amazonaws.com');
    expect(signed.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/20130524\/us-east-1\/s3\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
    );
    expect(signed.debug).toBeUndefined();
    // Sync path gives the same signature.
    expect(signer.signSync(input, { signingDate: at }).headers.authorization).toBe(signed.headers.authorization);
  });

  it('signature equals HMAC(signing key, string to sign) shown in debug, which holds no secret', async () => {
    const signer = createSigner({ credentials, region: 'us-east-1', service: 's3' });
    const signed = await signer.sign(req({ body: 'hi', method: 'PUT' }), { signingDate: at, debug: true });
    const key = deriveSigningKey(SECRET, '20130524', 'us-east-1', 's3');
    const expected = createHmac('sha256', key).update(signed.debug!.stringToSign).digest('hex');
    expect(signed.headers.authorization).toContain(`Signature=${expected}`);
    expect(JSON.stringify(signed.debug)).not.toContain(SECRET);
    expect(JSON.stringify(signed.debug)).not.toContain(Buffer.from(key).toString('hex'));
  });

  it('puts a non-default port in host and brackets IPv6', async () => {
    const signer = createSigner({ credentials, region: 'us-east-1', service: 's3' });
    expect((await signer.sign(req({ hostname: '127.0.0.1', port: 9000, protocol: 'http:' }))).headers.host).toBe('127.0.0.1:9000');
    expect((await signer.sign(req({ hostname: '::1', port: 443 }))).headers.host).toBe('[::1]');
  });

  it('uses a given payload hash, UNSIGNED-PAYLOAD for S3 streams, and refuses streams elsewhere', async () => {
    const s3 = createSigner({ credentials, region: 'us-east-1', service: 's3' });
    const stream = (async function* () {
      yield new Uint8Array([1, 2, 3]);
    })();
    expect((await s3.sign(req({ body: stream }))).headers['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
    const { sha256 } = await hashStream((async function* () {
      yield new Uint8Array([1, 2, 3]);
    })());
    expect((await s3.sign(req({ body: stream }), { payloadHash: sha256 })).headers['x-amz-content-sha256']).toBe(sha256);
    const sts = createSigner({ credentials, region: 'us-east-1', service: 'sts' });
    const err: unknown = await sts.sign(req({ body: stream })).catch((e: unknown) => e);
    expect(isValidationError(err) && err.field).toBe('payloadHash');
    expect((await sts.sign(req())).headers['x-amz-content-sha256']).toBeUndefined();
  });

  it('reads credentials from a provider on each call, with an AbortSignal', async () => {
    let calls = 0;
    const signer = createSigner({
      credentials: async () => {
        calls++;
        return { accessKeyId: `AKID${calls}`, secretAccessKey: SECRET };
      },
      region: 'eu-west-1',
      service: 's3',
    });
    expect((await signer.sign(req())).headers.authorization).toContain('Credential=AKID1/');
    expect((await signer.sign(req())).headers.authorization).toContain('Credential=AKID2/');
    expect(() => signer.signSync(req())).toThrow(expect.objectContaining({ code: 'ERR_CONFIG' }) as Error);
    expect(isConfigError((() => { try { signer.presignSync(req(), { expiresIn: 1 }); } catch (e) { return e; } })())).toBe(true);
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(signer.sign(req(), { signal: ctrl.signal })).rejects.toMatchObject({ code: 'ERR_ABORTED' });
  });

  it('wraps provider failures and bad provided credentials in CredentialsError without secrets', async () => {
    const failing = createSigner({ credentials: () => Promise.reject(new Error('boom')), region: 'us-east-1', service: 's3' });
    const e1: unknown = await failing.sign(req()).catch((e: unknown) => e);
    expect(isCredentialsError(e1)).toBe(true);
    const empty = createSigner({ credentials: async () => ({ accessKeyId: 'AKID', secretAccessKey: '' }), region: 'us-east-1', service: 's3' });
    const e2: unknown = await empty.sign(req()).catch((e: unknown) => e);
    expect(isCredentialsError(e2)).toBe(true);
    expect((e2 as Error).message).toMatch(/secretAccessKey/);
  });

  it('uses the clock plus offset, and setClockOffset moves it', async () => {
    const clock = createFakeClock(at);
    const signer = createSigner({ credentials, region: 'us-east-1', service: 's3', clock, clockOffsetMs: 1000 });
    expect((await signer.sign(req())).headers['x-amz-date']).toBe('20130524T000001Z');
    signer.setClockOffset(-3_600_000);
    expect(signer.clockOffsetMs).toBe(-3_600_000);
    expect((await signer.sign(req())).headers['x-amz-date']).toBe('20130523T230000Z');
    expect(() => { signer.setClockOffset(Number.NaN); }).toThrow(/clockOffsetMs/);
  });

  it('can add the session token after signing', async () => {
    const signer = createSigner({ credentials, region: 'us-east-1', service: 'iot' });
    const signed = await signer.sign(req(), { unsignedSessionToken: true });
    expect(signed.headers['x-amz-security-token']).toBe(TOKEN);
    expect(signed.headers.authorization).toContain('SignedHeaders=host;x-amz-date,');
  });

  it('honours per-call region and service overrides', async () => {
    const signer = createSigner({ credentials, region: 'us-east-1', service: 's3' });
    expect((await signer.sign(req(), { region: 'eu-central-1', service: 's3express' })).headers.authorization).toContain('/eu-central-1/s3express/aws4_request');
    await expect(signer.sign(req(), { region: 'eu/1' })).rejects.toMatchObject({ field: 'region' });
  });
});

describe('createSigner: presign', () => {
  it('adds the X-Amz-* parameters with UNSIGNED-PAYLOAD for S3 and a ready URL', async () => {
    const signer = createSigner({ credentials, region: 'us-east-1', service: 's3' });
    const p = await signer.presign(req({ query: { versionId: 'v 1' } }), { expiresIn: 900, signingDate: at, debug: true });
    expect(p.query).toMatchObject({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request',
      'X-Amz-Date': '20130524T000000Z',
      'X-Amz-Expires': '900',
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Security-Token': TOKEN,
      versionId: 'v 1',
    });
    expect(p.debug!.canonicalRequest.endsWith('\nhost\nUNSIGNED-PAYLOAD')).toBe(true);
    expect(p.url.startsWith('https://examplebucket.s3.amazonaws.com/photos/a b.jpg?X-Amz-Algorithm=')).toBe(true);
    expect(p.url).toContain('versionId=v%201');
    expect(p.url).toMatch(/&X-Amz-Signature=[0-9a-f]{64}$/);
  });

  it('prebuilds the same canonical query as canonicalQuery, with and without a token or a query, across seconds and scopes', () => {
    const cases: [AwsCredentials, HttpQuery | undefined, boolean][] = [
      [credentials, undefined, false],
      [credentials, undefined, true],
      [{ accessKeyId: 'AKID2', secretAccessKey: SECRET }, undefined, false],
      [credentials, { 'X-Amz-Signature': 'stale' }, false],
      [credentials, { versionId: 'v 1' }, false],
    ];
    const signer = createSigner({ credentials, region: 'us-east-1', service: 's3' });
    for (const [creds, query, unsignedSessionToken] of cases) {
      for (const [signingDate, region] of [[at, 'us-east-1'], [at + 1000, 'us-east-1'], [at + 1000, 'eu-west-1']] as const) {
        const one = createSigner({ credentials: creds, region: 'us-east-1', service: 's3' });
        const p = (creds === credentials ? signer : one).presignSync(req(query ? { query } : {}), { expiresIn: 900, signingDate, region, unsignedSessionToken, debug: true });
        const signed = { ...p.query };
        delete signed['X-Amz-Signature'];
        if (unsignedSessionToken) delete signed['X-Amz-Security-Token'];
        expect(p.debug!.canonicalRequest.split('\n')[2]).toBe(canonicalQuery(signed));
        expect(p.url).toBe(`https://examplebucket.s3.amazonaws.com/photos/a b.jpg?${canonicalQuery(signed)}&X-Amz-Signature=${p.query!['X-Amz-Signature'] as string}${unsignedSessionToken ? `&X-Amz-Security-Token=${encodeComponent(TOKEN)}` : ''}`);
        const scope = `${(p.query!['X-Amz-Date'] as string).slice(0, 8)}/${region}/s3/aws4_request`;
        expect(p.debug!.stringToSign).toBe(`AWS4-HMAC-SHA256\n${p.query!['X-Amz-Date'] as string}\n${scope}\n${createHash('sha256').update(p.debug!.canonicalRequest).digest('hex')}`);
        const key = deriveSigningKey(creds.secretAccessKey, scope.slice(0, 8), region, 's3');
        expect(p.query!['X-Amz-Signature']).toBe(createHmac('sha256', key).update(p.debug!.stringToSign).digest('hex'));
        expect(p.query!['X-Amz-Credential']).toBe(`${creds.accessKeyId}/${scope}`);
      }
    }
  });

  it('does not carry checksums or body constraints into an S3 presigned URL', async () => {
    const signer = createSigner({ credentials, region: 'us-east-1', service: 's3' });
    const p = await signer.presign(
      req({ method: 'PUT', headers: { 'x-amz-checksum-crc32': 'AAAAAA==', 'x-amz-sdk-checksum-algorithm': 'CRC32', 'content-md5': 'x', 'x-amz-content-sha256': 'abc', 'content-type': 'image/png' } }),
      { expiresIn: 60 },
    );
    expect(p.query!['X-Amz-SignedHeaders']).toBe('content-type;host');
    expect(Object.keys(p.headers).sort()).toEqual(['content-type', 'host']);
  });

  it('rejects expiresIn outside 1..604800 before computing anything', async () => {
    let called = false;
    const signer = createSigner({
      credentials: async () => {
        called = true;
        return credentials;
      },
      region: 'us-east-1',
      service: 's3',
    });
    for (const expiresIn of [0, 604_801, 1.5, Number.NaN]) {
      const err: unknown = await signer.presign(req(), { expiresIn }).catch((e: unknown) => e);
      expect(isValidationError(err) && err.field).toBe('expiresIn');
    }
    expect(called).toBe(false);
    expect((await signer.presign(req(), { expiresIn: 604_800 })).query!['X-Amz-Expires']).toBe('604800');
    const sync = createSigner({ credentials, region: 'us-east-1', service: 's3' });
    expect(sync.presignSync(req(), { expiresIn: 1 }).query!['X-Amz-Expires']).toBe('1');
  });
});

describe('createSigner: streaming', () => {
  const body = (n: number) =>
    (async function* () {
      yield new Uint8Array(n).fill(0x61);
    })();

  it('sets the aws-chunked headers for an unsigned-trailer upload', async () => {
    const signer = createSigner({ credentials, region: 'us-east-1', service: 's3' });
    const signed = await signer.signStreaming(req({ method: 'PUT', body: body(10240), headers: { 'content-encoding': 'gzip' } }), {
      mode: 'unsigned-trailer',
      decodedContentLength: 10240,
      chunkSize: 8192,
      trailer: { trailerName: 'x-amz-checksum-crc32', digest: () => 'X9RA0w==', valueLength: 8 },
    });
    expect(signed.headers).toMatchObject({
      'content-encoding': 'aws-chunked,gzip',
      'content-length': '10291',
      'x-amz-decoded-content-length': '10240',
      'x-amz-trailer': 'x-amz-checksum-crc32',
      'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
    });
    let total = 0;
    for await (const piece of signed.body as AsyncIterable<Uint8Array>) total += piece.byteLength;
    expect(total).toBe(10291);
  });

  it('with debug, records each chunk\'s and the trailer\'s string to sign, which sign to the signatures sent', async () => {
    const signer = createSigner({ credentials, region: 'us-east-1', service: 's3' });
    const signed = await signer.signStreaming(req({ method: 'PUT', body: body(20_000) }), {
      mode: 'signed-trailer',
      decodedContentLength: 20_000,
      chunkSize: 8192,
      trailer: { trailerName: 'x-amz-checksum-crc32', digest: () => 'X9RA0w==', valueLength: 8 },
      debug: true,
    });
    const chunks: Uint8Array[] = [];
    for await (const piece of signed.body as AsyncIterable<Uint8Array>) chunks.push(piece);
    const wire = Buffer.concat(chunks).toString('latin1');
    const sent = [...wire.matchAll(/chunk-signature=([0-9a-f]{64})/g), ...wire.matchAll(/x-amz-trailer-signature:([0-9a-f]{64})/g)].map((m) => m[1]);
    const strings = signed.debug!.chunkStringsToSign!;
    // Three data chunks, the final empty chunk, the trailer.
    expect(strings).toHaveLength(5);
    expect(strings.slice(0, 4).every((t) => t.startsWith('AWS4-HMAC-SHA256-PAYLOAD\n'))).toBe(true);
    expect(strings[4]).toMatch(/^AWS4-HMAC-SHA256-TRAILER\n/);
    const scope = /Credential=[^/]+\/([^,]+),/.exec(signed.headers.authorization!)![1]!;
    const [shortDate, region, service] = scope.split('/');
    const key = deriveSigningKey(credentials.secretAccessKey, shortDate!, region!, service!);
    expect(strings.map((t) => createHmac('sha256', key).update(t).digest('hex'))).toEqual(sent);
    expect(JSON.stringify(signed.debug)).not.toContain(credentials.secretAccessKey);
  });

  it('signs a signed-trailer upload from a string body', async () => {
    const signer = createSigner({ credentials, region: 'us-east-1', service: 's3' });
    const signed = await signer.signStreaming(req({ method: 'PUT', body: 'hello' }), {
      mode: 'signed-trailer',
      decodedContentLength: 5,
      trailer: { trailerName: 'x-amz-checksum-crc32', digest: () => 'NhCmhg==', valueLength: 8 },
    });
    expect(signed.headers['x-amz-content-sha256']).toBe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER');
    const parts: Uint8Array[] = [];
    for await (const piece of signed.body as AsyncIterable<Uint8Array>) parts.push(piece);
    expect(Buffer.concat(parts).length).toBe(Number(signed.headers['content-length']));
  });

  it('requires a trailer for trailer modes and a body', async () => {
    const signer = createSigner({ credentials, region: 'us-east-1', service: 's3' });
    await expect(signer.signStreaming(req({ body: 'x' }), { mode: 'signed-trailer', decodedContentLength: 1 })).rejects.toMatchObject({ field: 'trailer' });
    await expect(signer.signStreaming(req(), { mode: 'signed', decodedContentLength: 1 })).rejects.toMatchObject({ field: 'body' });
  });
});

describe('bad input', () => {
  it('rejects bad region, service and static credentials at creation, naming the field', () => {
    expect(() => createSigner({ credentials, region: 'us east', service: 's3' })).toThrow(expect.objectContaining({ field: 'region' }) as Error);
    expect(() => createSigner({ credentials, region: 'us-east-1', service: 's3/x' })).toThrow(expect.objectContaining({ field: 'service' }) as Error);
    expect(() => createSigner({ credentials, region: '', service: 's3' })).toThrow(expect.objectContaining({ field: 'region' }) as Error);
    const bad = [
      undefined,
      {},
      { accessKeyId: '', secretAccessKey: SECRET },
      { accessKeyId: 'AK/ID', secretAccessKey: SECRET },
      { accessKeyId: 'AKID', secretAccessKey: '' },
      { accessKeyId: 'AKID', secretAccessKey: SECRET, sessionToken: '' },
    ];
    for (const c of bad) {
      let err: unknown;
      try {
        createSigner({ credentials: c as never, region: 'us-east-1', service: 's3' });
      } catch (e) {
        err = e;
      }
      expect(isCredentialsError(err)).toBe(true);
      assertNoSecret(err);
      assertNoSecret((err as { toJSON(): unknown }).toJSON());
    }
  });

  it('rejects malformed and non-ASCII header names', async () => {
    const signer = createSigner({ credentials, region: 'us-east-1', service: 's3' });
    for (const name of ['x amz', 'x-ünicode', 'a\nb']) {
      const err: unknown = await signer.sign(req({ headers: { [name]: 'v' } })).catch((e: unknown) => e);
      expect(isValidationError(err)).toBe(true);
      assertNoSecret(err);
      assertNoSecret((err as { toJSON(): unknown }).toJSON());
    }
  });

  it('never exposes the secret, token or signing key through the signer or its results', async () => {
    const signer = createSigner({ credentials, region: 'us-east-1', service: 's3' });
    assertNoSecret(signer);
    assertNoSecret(Object.keys(signer));
    const signed = await signer.sign(req(), { debug: true, signingDate: at });
    const { authorization: _a, 'x-amz-security-token': _t, ...rest } = signed.headers;
    assertNoSecret({ ...signed, headers: rest });
  });
});
