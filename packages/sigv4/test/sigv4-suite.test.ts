/**
 * Data-driven test over the official SigV4 test suites (aws-c-auth's v4 cases, header and query
 * variants, and botocore's aws4_testsuite) and the S3 API Reference examples.
 * Each case compares the canonical request, the string to sign and the signature exactly.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpQuery, HttpRequest } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { createSigner } from '../src/signer.js';
import { deriveSigningKey, sha256Hex } from '../src/signing-key.js';
import type { AwsCredentials } from '../src/aws-credentials.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const read = (...parts: string[]): string => readFileSync(join(FIXTURES, ...parts), 'utf8');

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
      headers[last] = `${headers[last]!}\n${line}`; // obs-fold: the signer must collapse it
      continue;
    }
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    // Repeated headers reach the signer joined with ',' (one record entry per name).
    const existing = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
    if (existing) headers[existing] = `${headers[existing]!},${value}`;
    else headers[name] = value;
    last = existing ?? name;
  }
  const body = lines.slice(i + 1).join('\n');
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  let query: HttpQuery | undefined;
  if (q >= 0) {
    const parsed: Record<string, string | string[]> = {};
    for (const part of target.slice(q + 1).split('&')) {
      const eq = part.indexOf('=');
      const k = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      const v = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
      const prev = parsed[k];
      parsed[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    query = parsed;
  }
  const hostKey = Object.keys(headers).find((k) => k.toLowerCase() === 'host')!;
  const request: HttpRequest = { method, protocol: 'https:', hostname: headers[hostKey]!.trim(), path, headers };
  if (query) request.query = query;
  if (body !== '') request.body = body;
  return request;
}

const signatureOf = (authorization: string): string => /Signature=([0-9a-f]{64})/.exec(authorization)![1]!;

// ---------------------------------------------------------------- aws-c-auth (v4; v4a is not ours)

interface CrtContext {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  expiration_in_seconds: number;
  normalize: boolean;
  region: string;
  service: string;
  sign_body: boolean;
  timestamp: string;
  omit_session_token?: boolean;
}

/** Suite directories walked; add `['sigv4-suite', 'aws-c-auth', 'v4a']` with an ECDSA signer later. */
const CRT_SUITES: readonly string[][] = [['sigv4-suite', 'aws-c-auth', 'v4']];

const crtCases = CRT_SUITES.flatMap((suite) =>
  readdirSync(join(FIXTURES, ...suite))
    .sort()
    .map((name) => ({ suite, name, dir: [...suite, name] })),
);

describe('aws-c-auth SigV4 suite', () => {
  it('walks every v4 case', () => {
    expect(crtCases.length).toBe(38);
  });

  for (const { name, dir } of crtCases) {
    const context = JSON.parse(read(...dir, 'context.json')) as CrtContext;
    const credentials: AwsCredentials = {
      accessKeyId: context.credentials.access_key_id,
      secretAccessKey: context.credentials.secret_access_key,
      ...(context.credentials.token === undefined ? {} : { sessionToken: context.credentials.token }),
    };
    const signer = createSigner({
      credentials,
      region: context.region,
      service: context.service,
      uriEscapePath: context.normalize,
      applyChecksum: context.sign_body,
    });
    const base = { signingDate: new Date(context.timestamp), debug: true, unsignedSessionToken: context.omit_session_token === true };

    it(`${name} (header)`, async () => {
      const request = parseRawRequest(read(...dir, 'request.txt'));
      const signed = await signer.sign(request, base);
      expect(signed.debug!.canonicalRequest).toBe(read(...dir, 'header-canonical-request.txt'));
      expect(signed.debug!.stringToSign).toBe(read(...dir, 'header-string-to-sign.txt'));
      const expected = read(...dir, 'header-signature.txt').trim();
      expect(signatureOf(signed.headers.authorization!)).toBe(expected);
      const signedRequest = read(...dir, 'header-signed-request.txt');
      expect(signedRequest).toContain(`Authorization:${signed.headers.authorization!}`);
      if (credentials.sessionToken) expect(signed.headers['x-amz-security-token']).toBe(credentials.sessionToken);
    });

    it(`${name} (query)`, async () => {
      const request = parseRawRequest(read(...dir, 'request.txt'));
      // `normalize: false` only selects the S3 path rules here; the payload is still hashed.
      const payloadHash = sha256Hex(typeof request.body === 'string' ? request.body : '');
      const presigned = await signer.presign(request, { ...base, expiresIn: context.expiration_in_seconds, payloadHash });
      expect(presigned.debug!.canonicalRequest).toBe(read(...dir, 'query-canonical-request.txt'));
      expect(presigned.debug!.stringToSign).toBe(read(...dir, 'query-string-to-sign.txt'));
      expect(presigned.query!['X-Amz-Signature']).toBe(read(...dir, 'query-signature.txt').trim());
      expect(presigned.url).toContain(`X-Amz-Signature=${read(...dir, 'query-signature.txt').trim()}`);
      expect(presigned.headers.authorization).toBeUndefined();
      if (credentials.sessionToken) expect(presigned.query!['X-Amz-Security-Token']).toBe(credentials.sessionToken);
    });
  }
});

// ---------------------------------------------------------------- botocore aws4_testsuite

const BOTO = ['sigv4-suite', 'botocore-aws4_testsuite'];

function botoCases(dir: string[]): { name: string; dir: string[] }[] {
  const out: { name: string; dir: string[] }[] = [];
  for (const entry of readdirSync(join(FIXTURES, ...dir)).sort()) {
    const sub = [...dir, entry];
    if (!statSync(join(FIXTURES, ...sub)).isDirectory()) continue;
    if (existsSync(join(FIXTURES, ...sub, `${entry}.req`))) out.push({ name: sub.slice(BOTO.length).join('/'), dir: sub });
    else out.push(...botoCases(sub));
  }
  return out;
}

describe('botocore aws4_testsuite', () => {
  const cases = botoCases(BOTO);
  it('walks every case', () => {
    expect(cases.length).toBe(34);
  });

  for (const { name, dir } of cases) {
    const file = (ext: string): string => read(...dir, `${dir.at(-1)!}.${ext}`);
    it(name, async () => {
      const creq = file('creq');
      const token = /X-Amz-Security-Token:(\S+)/.exec(file('sreq'))?.[1];
      const signer = createSigner({
        credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', ...(token ? { sessionToken: token } : {}) },
        region: 'us-east-1',
        service: 'service',
      });
      const signed = await signer.sign(parseRawRequest(file('req')), {
        signingDate: Date.UTC(2015, 7, 30, 12, 36, 0),
        debug: true,
        unsignedSessionToken: token !== undefined && !creq.includes('x-amz-security-token'),
      });
      expect(signed.debug!.canonicalRequest).toBe(creq);
      expect(signed.debug!.stringToSign).toBe(file('sts'));
      expect(signed.headers.authorization).toBe(file('authz'));
      if (token) expect(signed.headers['x-amz-security-token']).toBe(token);
    });
  }
});

// ---------------------------------------------------------------- S3 API Reference examples

interface S3Example {
  inputs: {
    credentials: { access_key_id: string; secret_access_key: string };
    region: string;
    service: string;
    x_amz_date: string;
    method: string;
    path: string;
    query_string?: string;
    host?: string;
    headers_to_sign: Record<string, string>;
    body: { type: string; value?: string };
  };
  expected: Record<string, unknown>;
}

const S3_DATE = Date.UTC(2013, 4, 24);

function exampleSigner(example: S3Example) {
  const { credentials, region, service } = example.inputs;
  return createSigner({ credentials: { accessKeyId: credentials.access_key_id, secretAccessKey: credentials.secret_access_key }, region, service });
}

function exampleRequest(example: S3Example): HttpRequest {
  const { method, path, query_string: qs, headers_to_sign: toSign, body } = example.inputs;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(toSign)) if (k !== 'x-amz-date' && k !== 'x-amz-content-sha256') headers[k] = v;
  const request: HttpRequest = { method, protocol: 'https:', hostname: toSign.host!, path, headers };
  if (qs) request.query = Object.fromEntries(qs.split('&').map((p) => p.split('=') as [string, string]));
  if (body.type === 'utf8') request.body = body.value!;
  return request;
}

describe('S3 API Reference signature examples', () => {
  for (const file of ['s3-get-object-range.json', 's3-put-object.json', 's3-list-objects.json']) {
    it(file, async () => {
      const example = JSON.parse(read('s3-examples', file)) as S3Example;
      const expected = example.expected as Record<string, string>;
      const signed = await exampleSigner(example).sign(exampleRequest(example), { signingDate: S3_DATE, debug: true });
      expect(signed.debug!.canonicalRequest).toBe(expected.canonical_request);
      expect(signed.debug!.stringToSign).toBe(expected.string_to_sign);
      expect(signed.headers.authorization!.replace(/, /g, ',')).toBe(expected.authorization);
      expect(signed.headers['x-amz-content-sha256']).toBe(example.inputs.headers_to_sign['x-amz-content-sha256']);
      const { credentials } = example.inputs;
      expect(Buffer.from(deriveSigningKey(credentials.secret_access_key, '20130524', 'us-east-1', 's3')).toString('hex')).toBe(expected.signing_key_hex);
    });
  }

  it('s3-chunked-upload-put-object.json: seed and every chunk signature', async () => {
    const example = JSON.parse(read('s3-examples', 's3-chunked-upload-put-object.json')) as S3Example;
    const expected = example.expected as {
      seed: { canonical_request: string; string_to_sign: string; authorization: string };
      chunks: { signature: string; data_length: number; chunk_header_line: string }[];
      encoded_body_length: number;
    };
    const request: HttpRequest = {
      method: 'PUT',
      protocol: 'https:',
      hostname: example.inputs.host!,
      path: example.inputs.path,
      headers: { 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
      // Odd-sized input pieces: the encoder must re-chunk them into 65536 + 1024.
      body: (async function* () {
        for (let sent = 0; sent < 66560; sent += 7000) yield new Uint8Array(Math.min(7000, 66560 - sent)).fill(0x61);
      })(),
    };
    const signed = await exampleSigner(example).signStreaming(request, {
      mode: 'signed',
      decodedContentLength: 66560,
      signingDate: S3_DATE,
      debug: true,
    });
    expect(signed.debug!.canonicalRequest).toBe(expected.seed.canonical_request);
    expect(signed.debug!.stringToSign).toBe(expected.seed.string_to_sign);
    expect(signed.headers.authorization).toBe(expected.seed.authorization);
    expect(signed.headers['content-length']).toBe('66824');
    const pieces: Uint8Array[] = [];
    for await (const piece of signed.body as AsyncIterable<Uint8Array>) pieces.push(piece);
    const encoded = Buffer.concat(pieces);
    expect(encoded.length).toBe(expected.encoded_body_length);
    const text = encoded.toString('latin1');
    const headerLines = [...text.matchAll(/(?:^|\n)([0-9a-f]+);chunk-signature=([0-9a-f]{64})\r\n/g)];
    expect(headerLines.map((m) => m[2])).toEqual(expected.chunks.map((c) => c.signature));
    expect(headerLines.map((m) => parseInt(m[1]!, 16))).toEqual(expected.chunks.map((c) => c.data_length));
    for (const chunk of expected.chunks) expect(text).toContain(chunk.chunk_header_line.replace(/\\r\\n/g, '\r\n'));
    expect(text.endsWith(`0;chunk-signature=${expected.chunks[2]!.signature}\r\n\r\n`)).toBe(true);
  });
});
