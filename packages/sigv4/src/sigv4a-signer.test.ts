import { verify } from 'node:crypto';
import { createFakeClock } from '@s3kit/primitives';
import type { HttpRequest } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { deriveSigV4aKeyPair, deriveSigV4aPrivateScalar, SIGV4A_ALGORITHM } from './sigv4a-key.js';
import { createSigV4aSigner, formatRegionSet } from './sigv4a-signer.js';

const CREDS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const clock = createFakeClock(Date.UTC(2024, 0, 2, 3, 4, 5));
const request: HttpRequest = { method: 'GET', protocol: 'https:', hostname: 'mrap.accesspoint.s3-global.amazonaws.com', path: '/photos/a.jpg', headers: {} };
const publicKey = deriveSigV4aKeyPair(CREDS).publicKey;
const valid = (sts: string, hex: string): boolean => verify('sha256', Buffer.from(sts), { key: publicKey, dsaEncoding: 'der' }, Buffer.from(hex, 'hex'));

describe('SigV4a key derivation', () => {
  it('is deterministic, 32 bytes, and differs per access key id and secret', () => {
    const d = deriveSigV4aPrivateScalar(CREDS);
    expect(d).toHaveLength(32);
    expect(deriveSigV4aPrivateScalar(CREDS).equals(d)).toBe(true);
    expect(deriveSigV4aPrivateScalar({ ...CREDS, accessKeyId: 'AKIDOTHER' }).equals(d)).toBe(false);
    expect(deriveSigV4aPrivateScalar({ ...CREDS, secretAccessKey: 'other' }).equals(d)).toBe(false);
  });

  it('gives a P-256 key pair usable with node:crypto', () => {
    const { privateKey, publicKey: pub } = deriveSigV4aKeyPair(CREDS);
    expect(privateKey.asymmetricKeyType).toBe('ec');
    expect(privateKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(pub.type).toBe('public');
  });
});

describe('formatRegionSet', () => {
  it('joins lists and accepts wildcards', () => {
    expect(formatRegionSet('*')).toBe('*');
    expect(formatRegionSet(['us-east-1', 'us-west-2'])).toBe('us-east-1,us-west-2');
    expect(formatRegionSet(' us-east-1 , eu-* ')).toBe('us-east-1,eu-*');
  });
  it('rejects empty and malformed entries', () => {
    for (const bad of ['', 'us-east-1,', 'US-EAST-1', 'us east', 'a/b', [] as string[]]) {
      expect(() => formatRegionSet(bad)).toThrow(expect.objectContaining({ code: 'ERR_VALIDATION' }) as Error);
    }
  });
});

describe('createSigV4aSigner', () => {
  const signer = createSigV4aSigner({ credentials: CREDS, regionSet: ['us-east-1', 'us-west-2'], service: 's3', clock });

  it('signs S3 requests with a region-less scope, the region set header and a DER signature', async () => {
    const signed = await signer.sign(request, { debug: true });
    expect(signed.headers['x-amz-region-set']).toBe('us-east-1,us-west-2');
    expect(signed.headers['x-amz-content-sha256']).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const auth = signed.headers.authorization!;
    expect(auth).toMatch(/^AWS4-ECDSA-P256-SHA256 Credential=AKIDEXAMPLE\/20240102\/s3\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-region-set, Signature=30[0-9a-f]+$/);
    expect(signed.debug!.stringToSign.split('\n').slice(0, 3)).toEqual([SIGV4A_ALGORITHM, '20240102T030405Z', '20240102/s3/aws4_request']);
    expect(valid(signed.debug!.stringToSign, /Signature=([0-9a-f]+)/.exec(auth)![1]!)).toBe(true);
    // ECDSA signatures are randomized: signing twice gives two different valid signatures.
    const again = signer.signSync(request, { debug: true });
    expect(again.headers.authorization).not.toBe(auth);
    expect(again.debug!.stringToSign).toBe(signed.debug!.stringToSign);
  });

  it('presigns with X-Amz-Region-Set and UNSIGNED-PAYLOAD for S3', async () => {
    const presigned = await signer.presign({ ...request, headers: { 'x-amz-checksum-crc32': 'AAAAAA==' } }, { expiresIn: 600, regionSet: '*', debug: true });
    expect(presigned.query).toMatchObject({ 'X-Amz-Algorithm': SIGV4A_ALGORITHM, 'X-Amz-Region-Set': '*', 'X-Amz-Expires': '600', 'X-Amz-SignedHeaders': 'host' });
    expect(presigned.debug!.canonicalRequest.endsWith('\nUNSIGNED-PAYLOAD')).toBe(true);
    expect(presigned.url).toContain('X-Amz-Credential=AKIDEXAMPLE%2F20240102%2Fs3%2Faws4_request');
    expect(valid(presigned.debug!.stringToSign, String(presigned.query!['X-Amz-Signature']))).toBe(true);
    expect(presignedSync().query!['X-Amz-Region-Set']).toBe('us-east-1,us-west-2');
    await expect(signer.presign(request, { expiresIn: 0 })).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
  });

  const presignedSync = () => signer.presignSync(request, { expiresIn: 60 });

  it('handles session tokens, signed or added after signing, and keeps them out of debug JSON', async () => {
    const temp = createSigV4aSigner({ credentials: async () => Promise.resolve({ ...CREDS, sessionToken: 'TOKEN123' }), regionSet: '*', service: 's3', clock });
    const signed = await temp.sign(request, { debug: true });
    expect(signed.headers.authorization).toContain('x-amz-security-token');
    expect(JSON.stringify(signed.debug)).not.toContain('TOKEN123');
    const unsigned = await temp.sign(request, { unsignedSessionToken: true });
    expect(unsigned.headers['x-amz-security-token']).toBe('TOKEN123');
    expect(unsigned.headers.authorization).not.toContain('x-amz-security-token');
    const url = await temp.presign(request, { expiresIn: 60, unsignedSessionToken: true, debug: true });
    expect(url.query!['X-Amz-Security-Token']).toBe('TOKEN123');
    expect(url.debug!.canonicalRequest).not.toContain('X-Amz-Security-Token');
    expect(() => temp.signSync(request)).toThrow(expect.objectContaining({ code: 'ERR_CONFIG' }) as Error);
    expect(() => temp.presignSync(request, { expiresIn: 60 })).toThrow(expect.objectContaining({ code: 'ERR_CONFIG' }) as Error);
  });

  it('wraps provider failures and passes credential errors through', async () => {
    const failing = createSigV4aSigner({ credentials: () => Promise.reject(new Error('boom')), regionSet: '*', service: 's3' });
    await expect(failing.sign(request)).rejects.toMatchObject({ code: 'ERR_CREDENTIALS' });
    const bad = createSigV4aSigner({ credentials: () => Promise.resolve({ accessKeyId: '', secretAccessKey: 'x' }), regionSet: '*', service: 's3' });
    await expect(bad.sign(request)).rejects.toMatchObject({ code: 'ERR_CREDENTIALS' });
    const controller = new AbortController();
    controller.abort();
    await expect(failing.sign(request, { signal: controller.signal })).rejects.toMatchObject({ code: 'ERR_ABORTED' });
  });

  it('validates options and needs a payload hash for streams outside S3', async () => {
    expect(() => createSigV4aSigner({ credentials: CREDS, regionSet: '', service: 's3' })).toThrow(expect.objectContaining({ code: 'ERR_VALIDATION' }) as Error);
    expect(() => createSigV4aSigner({ credentials: CREDS, regionSet: '*', service: 's 3' })).toThrow(expect.objectContaining({ code: 'ERR_VALIDATION' }) as Error);
    const api = createSigV4aSigner({ credentials: CREDS, regionSet: '*', service: 'execute-api', clock, cacheSize: 0 });
    const stream = { ...request, body: (async function* () {})() };
    await expect(api.sign(stream)).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
    const s3stream = await signer.sign(stream);
    expect(s3stream.headers['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
    const withPort = await api.sign({ ...request, port: 8443, headers: { 'X-Custom': 'a', 'x-custom': 'b' } }, { signingDate: Date.UTC(2024, 0, 1) });
    expect(withPort.headers.host).toBe('mrap.accesspoint.s3-global.amazonaws.com:8443');
    expect(withPort.headers['x-custom']).toBe('a,b');
    expect(withPort.headers['x-amz-content-sha256']).toBeUndefined();
  });

  it('reuses derived keys across many credentials with a bounded cache', async () => {
    const rotating = createSigV4aSigner({ credentials: (() => {
      let n = 0;
      return () => Promise.resolve({ accessKeyId: `AKID${n++ % 3}`, secretAccessKey: 's' });
    })(), regionSet: '*', service: 's3', clock, cacheSize: 2 });
    const auths = new Set<string>();
    for (let i = 0; i < 6; i++) auths.add(/Credential=(\w+)/.exec((await rotating.sign(request)).headers.authorization!)![1]!);
    expect([...auths].sort()).toEqual(['AKID0', 'AKID1', 'AKID2']);
  });
});
