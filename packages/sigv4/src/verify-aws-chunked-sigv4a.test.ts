/**
 * SigV4a aws-chunked end to end inside sigv4: `createSigV4aSigner().signStreaming` against
 * `verifyRequest` + `verifyAwsChunked`, the exact encoded length, tampering, and the debug output.
 */
import { verify } from 'node:crypto';
import { createFakeClock, createSeededRandom } from '@s3kit/primitives';
import type { HttpRequest } from '@s3kit/primitives';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect, once, pieces } from './test-support/byte-streams.js';
import type { StreamingMode } from './chunked-upload.js';
import { STREAMING_SIGNED_PAYLOAD, STREAMING_SIGV4A_PAYLOAD } from './constants.js';
import { createSigner } from './signer.js';
import { deriveSigV4aKeyPair } from './sigv4a-key.js';
import { createSigV4aSigner } from './sigv4a-signer.js';
import { verifyAwsChunked } from './verify-aws-chunked.js';
import { isSignatureVerificationError } from './verify-error.js';
import type { SignatureVerificationError } from './verify-error.js';
import { verifyRequest } from './verify-request.js';
import type { VerifiedRequest } from './verify-request.js';

const NOW = Date.UTC(2024, 0, 2, 3, 4, 5);
const CREDS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret-key' };
const clock = createFakeClock(NOW);
const signer = createSigV4aSigner({ credentials: CREDS, regionSet: '*', service: 's3', clock });
const { publicKey } = deriveSigV4aKeyPair(CREDS);
const lookupSecret = (id: string): Promise<{ secretAccessKey: string } | undefined> =>
  Promise.resolve(id === CREDS.accessKeyId ? { secretAccessKey: CREDS.secretAccessKey } : undefined);
const options = { lookupSecret, clock, region: 'eu-west-1' };

const body = (n: number, salt = 0): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7 + salt) & 0xff);
const trailerOf = (value: string) => ({ trailerName: 'x-amz-checksum-crc32', digest: () => value, valueLength: value.length });
const target: HttpRequest = { method: 'PUT', protocol: 'https:', hostname: 'mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com', path: '/k', headers: {} };
const request = (data: Uint8Array | AsyncIterable<Uint8Array>): HttpRequest => ({ ...target, body: data });

interface Upload {
  encoded: Buffer;
  verified: VerifiedRequest;
  headers: Record<string, string>;
  chunkStrings: string[] | undefined;
}

async function upload(mode: StreamingMode, data: Uint8Array, chunkSize = 8192, trailerValue = 'AAAAAA==', debug = false): Promise<Upload> {
  const signed = await signer.signStreaming(request(pieces(data, data.byteLength + 1)), {
    mode,
    decodedContentLength: data.byteLength,
    chunkSize,
    trailer: mode === 'signed' ? undefined : trailerOf(trailerValue),
    debug,
  });
  const encoded = await collect(signed.body as AsyncIterable<Uint8Array>);
  expect(encoded.byteLength).toBe(Number(signed.headers['content-length']));
  const verified = await verifyRequest({ ...signed, body: encoded }, options);
  return { encoded, verified, headers: signed.headers, chunkStrings: signed.debug?.chunkStringsToSign };
}

async function failure(source: AsyncIterable<Uint8Array>, verified: VerifiedRequest): Promise<SignatureVerificationError> {
  try {
    await collect(verifyAwsChunked(source, verified));
  } catch (err) {
    if (!isSignatureVerificationError(err)) throw err;
    return err;
  }
  throw new Error('expected a failure');
}

/** The frames of an encoded body: each chunk's header line, data and CRLF; the rest (trailers) last. */
function framesOf(encoded: Buffer): string[] {
  return encoded.toString('latin1').split(/(?<=\r\n)(?=[0-9a-f]+;chunk-signature=)/);
}

const MODES: [StreamingMode, string, VerifiedRequest['payloadMode']][] = [
  ['signed', 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD', 'streaming-signed'],
  ['signed-trailer', 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER', 'streaming-signed-trailer'],
  ['unsigned-trailer', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', 'streaming-unsigned-trailer'],
];

describe('SigV4a aws-chunked: signStreaming and verifyAwsChunked', () => {
  it('round-trips any size, chunk size, trailer value and input split, with an exact Content-Length (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: 8192, max: 20_000 }),
        fc.constantFrom(...MODES),
        fc.stringMatching(/^[A-Za-z0-9+/=]{1,44}$/),
        fc.integer({ min: 1, max: 1000 }),
        async (size, chunkSize, [mode, payloadHash, payloadMode], trailerValue, seed) => {
          const data = body(size, seed);
          const { encoded, verified, headers } = await upload(mode, data, chunkSize, trailerValue);
          expect(headers['x-amz-content-sha256']).toBe(payloadHash);
          expect(verified).toMatchObject({ algorithm: 'AWS4-ECDSA-P256-SHA256', payloadMode, decodedContentLength: size });
          let trailers: Readonly<Record<string, string>> = {};
          const out = await collect(verifyAwsChunked(pieces(encoded, seed, 1 + (seed % 9000)), verified, { onTrailers: (t) => (trailers = t) }));
          expect(out.equals(Buffer.from(data))).toBe(true);
          expect(trailers).toEqual(mode === 'signed' ? {} : { 'x-amz-checksum-crc32': trailerValue });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('computes the exact Content-Length for every size from 0 to 3 chunks and more, in every mode', async () => {
    for (const [mode] of MODES) {
      for (let size = 0; size <= 3 * 128 + 5; size += size < 140 ? 1 : 7) {
        const signed = await signer.signStreaming(request(body(size)), { mode, decodedContentLength: size, chunkSize: 128, trailer: mode === 'signed' ? undefined : trailerOf('AAAAAA==') });
        const encoded = await collect(signed.body as AsyncIterable<Uint8Array>);
        expect(encoded.byteLength, `${mode} ${size}`).toBe(Number(signed.headers['content-length']));
      }
    }
  });

  for (const [mode] of MODES.slice(0, 2)) {
    it(`mode ${mode}: any single flipped byte of the encoding fails with a typed error`, async () => {
      const { encoded, verified } = await upload(mode, body(8192 + 10));
      const random = createSeededRandom(7);
      for (let i = 0; i < 80; i++) {
        const at = Math.floor(random() * encoded.byteLength);
        const copy = Buffer.from(encoded);
        copy[at] = copy[at]! ^ (1 + Math.floor(random() * 255));
        const err = await failure(pieces(copy, i), verified);
        expect(['SignatureDoesNotMatch', 'InvalidRequest', 'IncompleteBody', 'MalformedTrailerError'], `byte ${at}`).toContain(err.code);
      }
    });
  }

  it('rejects a changed chunk, reordered or dropped chunks, and a chunk signature from another upload', async () => {
    const data = new Uint8Array(8192 * 2).fill(0x7a);
    const { encoded, verified } = await upload('signed', data);
    const frames = framesOf(encoded);
    expect(frames).toHaveLength(3);
    const changed = Buffer.from(encoded);
    const at = frames[0]!.indexOf('\r\n') + 2;
    changed[at] = changed[at]! ^ 1;
    expect(await failure(once(changed), verified)).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 403, details: { Chunk: '1' } });
    // Both data chunks are the same bytes: only the chain tells them apart.
    expect(await failure(once(Buffer.from(frames[1]! + frames[0]! + frames[2]!, 'latin1')), verified)).toMatchObject({ code: 'SignatureDoesNotMatch', details: { Chunk: '1' } });
    expect((await failure(once(Buffer.from(frames[0]! + frames[2]!, 'latin1')), { ...verified, decodedContentLength: 8192 })).code).toBe('SignatureDoesNotMatch');
    // The same data signed in another upload: a valid ECDSA signature, but over another chain.
    const other = framesOf((await upload('signed', data)).encoded);
    expect(await failure(once(Buffer.from(frames[0]! + other[1]! + frames[2]!, 'latin1')), verified)).toMatchObject({ code: 'SignatureDoesNotMatch', details: { Chunk: '2' } });
  });

  it('rejects a wrong trailer value, a trailer signature from another upload, and a missing trailer signature', async () => {
    const { encoded, verified } = await upload('signed-trailer', body(9000));
    const text = encoded.toString('latin1');
    const changed = Buffer.from(text.replace('x-amz-checksum-crc32:AAAAAA==', 'x-amz-checksum-crc32:AAAAAB=='), 'latin1');
    expect(await failure(once(changed), verified)).toMatchObject({ code: 'SignatureDoesNotMatch', details: { Chunk: 'trailer' } });
    const foreign = /x-amz-trailer-signature:(\S+)\r\n/.exec((await upload('signed-trailer', body(9000))).encoded.toString('latin1'))![1]!;
    const swapped = Buffer.from(text.replace(/x-amz-trailer-signature:\S+\r\n/, `x-amz-trailer-signature:${foreign}\r\n`), 'latin1');
    expect(await failure(once(swapped), verified)).toMatchObject({ code: 'SignatureDoesNotMatch', details: { Chunk: 'trailer' } });
    const dropped = Buffer.from(text.replace(/x-amz-trailer-signature:\S+\r\n/, ''), 'latin1');
    expect((await failure(once(dropped), verified)).code).toBe('MalformedTrailerError');
  });

  it('accepts only the padded 144-character form of a chunk or trailer signature', async () => {
    const { encoded, verified } = await upload('signed-trailer', body(100));
    const text = encoded.toString('latin1');
    const withChunkSignature = (f: (wire: string) => string): Buffer =>
      Buffer.from(text.replace(/chunk-signature=([0-9a-f*]+)/, (_, wire: string) => `chunk-signature=${f(wire)}`), 'latin1');
    const shapes: [string, (wire: string) => string, string][] = [
      ['one character short', (w) => w.slice(0, -1), 'InvalidRequest'],
      ['one padding character too many', (w) => `${w}*`, 'InvalidRequest'],
      ['a SigV4 (HMAC) signature', () => 'a'.repeat(64), 'InvalidRequest'],
      ['an odd number of hex digits', (w) => w.replace(/[0-9a-f](\**)$/, '*$1'), 'InvalidRequest'],
      ['padding only', () => '*'.repeat(144), 'InvalidRequest'],
      ['padding before the hex', (w) => w.replace(/^([0-9a-f]+)(\**)$/, '$2$1'), 'InvalidRequest'],
      ['well-formed but not a signature of this chunk', () => '3006020101020101'.padEnd(144, '*'), 'SignatureDoesNotMatch'],
    ];
    for (const [name, f, code] of shapes) {
      if (name === 'padding before the hex' && !/\*$/.test(/chunk-signature=(\S+)/.exec(text)![1]!)) continue; // a 72-byte signature has no padding
      expect((await failure(once(withChunkSignature(f)), verified)).code, name).toBe(code);
    }
    const trailer = text.replace(/x-amz-trailer-signature:(\S+)\r\n/, (_, wire: string) => `x-amz-trailer-signature:${wire.slice(0, -1)}\r\n`);
    expect((await failure(once(Buffer.from(trailer, 'latin1')), verified)).code).toBe('MalformedTrailerError');
  });

  it('a SigV4 signature claims only SigV4 streaming modes, and a SigV4a one only SigV4a modes', async () => {
    const v4 = createSigner({ credentials: CREDS, region: 'eu-west-1', service: 's3', clock });
    for (const [sign, hash] of [
      [(r: HttpRequest) => signer.sign(r), STREAMING_SIGNED_PAYLOAD],
      [(r: HttpRequest) => v4.sign(r), STREAMING_SIGV4A_PAYLOAD],
    ] as const) {
      const signed = await sign({ ...target, headers: { 'x-amz-content-sha256': hash, 'x-amz-decoded-content-length': '0' } });
      const err: unknown = await verifyRequest(signed, options).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'InvalidArgument', statusCode: 400, details: { ArgumentName: 'x-amz-content-sha256', ArgumentValue: hash } });
    }
  });

  it('debug: every chunk and trailer string to sign, each verifying the signature sent; the session token stays out of JSON', async () => {
    const { encoded, chunkStrings } = await upload('signed-trailer', body(8192 * 2 + 1), 8192, 'AAAAAA==', true);
    const wire = [...encoded.toString('latin1').matchAll(/(?:chunk-signature=|x-amz-trailer-signature:)([0-9a-f]+)\**\r\n/g)].map((m) => m[1]!);
    expect(wire).toHaveLength(5); // three data chunks, the final empty one, the trailer
    expect(chunkStrings).toHaveLength(5);
    chunkStrings!.forEach((sts, i) => {
      expect(sts.split('\n')[0]).toBe(i < 4 ? 'AWS4-ECDSA-P256-SHA256-PAYLOAD' : 'AWS4-ECDSA-P256-SHA256-TRAILER');
      expect(verify('sha256', Buffer.from(sts), { key: publicKey, dsaEncoding: 'der' }, Buffer.from(wire[i]!, 'hex'))).toBe(true);
    });
    const token = 'session-token-secret';
    const withToken = createSigV4aSigner({ credentials: { ...CREDS, sessionToken: token }, regionSet: '*', service: 's3', clock });
    const signed = await withToken.signStreaming(request(body(10)), { mode: 'signed', decodedContentLength: 10, debug: true });
    await collect(signed.body as AsyncIterable<Uint8Array>);
    const json = JSON.stringify(signed.debug);
    expect(json).not.toContain(token);
    expect((JSON.parse(json) as { chunkStringsToSign: string[] }).chunkStringsToSign).toHaveLength(2);
  });

  it('needs a trailer for the trailer modes and a body', async () => {
    await expect(signer.signStreaming(request(body(1)), { mode: 'signed-trailer', decodedContentLength: 1 })).rejects.toMatchObject({ code: 'ERR_VALIDATION', details: { field: 'trailer' } });
    await expect(signer.signStreaming(target, { mode: 'signed', decodedContentLength: 1 })).rejects.toMatchObject({ code: 'ERR_VALIDATION', details: { field: 'body' } });
  });
});
