/**
 * Data-driven test over aws-c-auth's SigV4a suite (`sigv4-suite/aws-c-auth/v4a`). ECDSA signatures
 * are randomized, so each case compares the canonical request and string to sign exactly, checks
 * that our derived public key equals the suite's `public-key.json`, verifies the suite's own
 * signatures with that key, and verifies our signatures with our derived key.
 */
import { verify } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpRequest } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/signing-key.js';
import { deriveSigV4aKeyPair, sigV4aPublicKeyFromCoordinates } from '../src/sigv4a-key.js';
import { createSigV4aSigner } from '../src/sigv4a-signer.js';

const SUITE = join(import.meta.dirname, 'fixtures', 'sigv4-suite', 'aws-c-auth', 'v4a');
const read = (...parts: string[]): string => readFileSync(join(SUITE, ...parts), 'utf8');

/** A raw HTTP request from a suite file: request line, headers with folded lines, body. */
function parseRawRequest(text: string): HttpRequest {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const first = lines.shift()!;
  const method = first.slice(0, first.indexOf(' '));
  const target = first.slice(method.length + 1, first.lastIndexOf(' HTTP/'));
  const headers: Record<string, string> = {};
  let last: string | undefined;
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') break;
    if (/^\s/.test(line) && last !== undefined) {
      headers[last] = `${headers[last]!}\n${line}`;
      continue;
    }
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const existing = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
    if (existing) headers[existing] = `${headers[existing]!},${line.slice(colon + 1)}`;
    else headers[name] = line.slice(colon + 1);
    last = existing ?? name;
  }
  const body = lines.slice(i + 1).join('\n');
  const q = target.indexOf('?');
  const request: HttpRequest = { method, protocol: 'https:', hostname: '', path: q < 0 ? target : target.slice(0, q), headers };
  request.hostname = headers[Object.keys(headers).find((k) => k.toLowerCase() === 'host')!]!.trim();
  if (q >= 0) {
    const query: Record<string, string | string[]> = {};
    for (const part of target.slice(q + 1).split('&')) {
      const eq = part.indexOf('=');
      const k = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      const v = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
      const prev = query[k];
      query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    request.query = query;
  }
  if (body !== '') request.body = body;
  return request;
}

interface Context {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  expiration_in_seconds: number;
  normalize: boolean;
  region: string;
  service: string;
  sign_body: boolean;
  timestamp: string;
  omit_session_token?: boolean;
}

const ecdsaOk = (key: Parameters<typeof verify>[2], sts: string, signatureHex: string): boolean =>
  verify('sha256', Buffer.from(sts, 'utf8'), { key: key as never, dsaEncoding: 'der' }, Buffer.from(signatureHex, 'hex'));

const signatureIn = (text: string): string => /Signature=([0-9a-f]+)/.exec(text)![1]!;

const cases = readdirSync(SUITE).sort();

describe('aws-c-auth SigV4a suite', () => {
  it('walks every v4a case (38 with expectations, 2 request-only)', () => {
    expect(cases).toHaveLength(40);
    expect(cases.filter((c) => existsSync(join(SUITE, c, 'header-canonical-request.txt')))).toHaveLength(38);
  });

  it('derives the suite public key from AKIDEXAMPLE exactly', () => {
    const expected = JSON.parse(read('get-vanilla', 'public-key.json')) as { X: string; Y: string };
    const jwk = deriveSigV4aKeyPair({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }).publicKey.export({ format: 'jwk' });
    expect(Buffer.from(jwk.x!, 'base64url').toString('hex')).toBe(expected.X);
    expect(Buffer.from(jwk.y!, 'base64url').toString('hex')).toBe(expected.Y);
  });

  for (const name of cases) {
    const context = JSON.parse(read(name, 'context.json')) as Context;
    const credentials = {
      accessKeyId: context.credentials.access_key_id,
      secretAccessKey: context.credentials.secret_access_key,
      ...(context.credentials.token === undefined ? {} : { sessionToken: context.credentials.token }),
    };
    const signer = createSigV4aSigner({
      credentials,
      regionSet: context.region,
      service: context.service,
      uriEscapePath: context.normalize,
      applyChecksum: context.sign_body,
    });
    const ours = deriveSigV4aKeyPair(credentials).publicKey;
    const hasExpectations = existsSync(join(SUITE, name, 'header-canonical-request.txt'));
    const base = { signingDate: new Date(context.timestamp), debug: true, unsignedSessionToken: context.omit_session_token === true };

    it(`${name} (header)`, async () => {
      const signed = await signer.sign(parseRawRequest(read(name, 'request.txt')), base);
      const sts = signed.debug!.stringToSign;
      expect(ecdsaOk(ours, sts, signatureIn(signed.headers.authorization!))).toBe(true);
      expect(signed.headers['x-amz-region-set']).toBe(context.region);
      if (!hasExpectations) return;
      expect(signed.debug!.canonicalRequest).toBe(read(name, 'header-canonical-request.txt'));
      expect(sts).toBe(read(name, 'header-string-to-sign.txt'));
      const pk = JSON.parse(read(name, 'public-key.json')) as { X: string; Y: string };
      const theirs = sigV4aPublicKeyFromCoordinates(pk.X, pk.Y);
      expect(ecdsaOk(theirs, sts, read(name, 'header-signature.txt').trim())).toBe(true);
      const signedRequest = read(name, 'header-signed-request.txt');
      expect(ecdsaOk(theirs, sts, signatureIn(signedRequest))).toBe(true);
      // Everything in the suite's Authorization header but the (random) signature matches ours.
      const strip = (s: string): string => s.replace(/Signature=[0-9a-f]+/, 'Signature=');
      expect(signedRequest).toContain(`Authorization:${strip(signed.headers.authorization!)}`);
      expect(ecdsaOk(theirs, sts, signatureIn(signed.headers.authorization!))).toBe(true);
      if (credentials.sessionToken) expect(signed.headers['x-amz-security-token']).toBe(credentials.sessionToken);
    });

    it(`${name} (query)`, async () => {
      const request = parseRawRequest(read(name, 'request.txt'));
      const payloadHash = sha256Hex(typeof request.body === 'string' ? request.body : '');
      const presigned = await signer.presign(request, { ...base, expiresIn: context.expiration_in_seconds, payloadHash });
      const sts = presigned.debug!.stringToSign;
      expect(ecdsaOk(ours, sts, String(presigned.query!['X-Amz-Signature']))).toBe(true);
      expect(presigned.url).toContain('X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256');
      if (!hasExpectations) return;
      expect(presigned.debug!.canonicalRequest).toBe(read(name, 'query-canonical-request.txt'));
      expect(sts).toBe(read(name, 'query-string-to-sign.txt'));
      const pk = JSON.parse(read(name, 'public-key.json')) as { X: string; Y: string };
      const theirs = sigV4aPublicKeyFromCoordinates(pk.X, pk.Y);
      expect(ecdsaOk(theirs, sts, read(name, 'query-signature.txt').trim())).toBe(true);
      expect(presigned.headers.authorization).toBeUndefined();
      if (credentials.sessionToken) expect(presigned.query!['X-Amz-Security-Token']).toBe(credentials.sessionToken);
    });
  }
});
