import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { createFakeClock, createSeededRandom } from '@s3kit/primitives';
import type { HttpRequest } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { collect, once, pieces } from './test-support/byte-streams.js';
import { createSigner } from './signer.js';
import type { StreamingMode } from './signer.js';
import { verifyAwsChunked } from './verify-aws-chunked.js';
import type { VerifyAwsChunkedOptions } from './verify-aws-chunked.js';
import { isSignatureVerificationError } from './verify-error.js';
import type { SignatureVerificationError } from './verify-error.js';
import { verifyRequest } from './verify-request.js';
import type { VerifiedRequest } from './verify-request.js';
import { verifyPayload } from './verify-payload.js';
import { createVerifiedSigningKey, VerifiedSigningKey } from './verify-signing-key.js';

const NOW = Date.UTC(2024, 0, 2, 3, 4, 5);
const CREDS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret-key' };
const clock = createFakeClock(NOW);
const signer = createSigner({ credentials: CREDS, region: 'us-east-1', service: 's3', clock });
const lookupSecret = (id: string): Promise<{ secretAccessKey: string } | undefined> =>
  Promise.resolve(id === CREDS.accessKeyId ? { secretAccessKey: CREDS.secretAccessKey } : undefined);
const enc = new TextEncoder();

const body = (n: number): Uint8Array => {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + 7) & 0xff;
  return b;
};

const trailerOf = (value: string) => ({ trailerName: 'x-amz-checksum-crc32', digest: () => value, valueLength: value.length });

async function signedUpload(mode: StreamingMode, data: Uint8Array, chunkSize = 8192, trailerValue = 'AAAAAA=='): Promise<{ request: HttpRequest; encoded: Buffer; verified: VerifiedRequest }> {
  const request: HttpRequest = { method: 'PUT', protocol: 'https:', hostname: 'b.s3.amazonaws.com', path: '/k', headers: {}, body: data };
  const signed = await signer.signStreaming(request, {
    mode,
    decodedContentLength: data.byteLength,
    chunkSize,
    trailer: mode === 'signed' ? undefined : trailerOf(trailerValue),
  });
  const encoded = await collect(signed.body as AsyncIterable<Uint8Array>);
  expect(encoded.byteLength).toBe(Number(signed.headers['content-length']));
  const verified = await verifyRequest({ ...signed, body: encoded }, { lookupSecret, clock, region: 'us-east-1' });
  return { request: signed, encoded, verified };
}

async function failure(source: AsyncIterable<Uint8Array>, verified: VerifiedRequest, options?: VerifyAwsChunkedOptions): Promise<SignatureVerificationError> {
  try {
    await collect(verifyAwsChunked(source, verified, options));
  } catch (err) {
    if (!isSignatureVerificationError(err)) throw err;
    return err;
  }
  throw new Error('expected a failure');
}

const MODES: [StreamingMode, VerifiedRequest['payloadMode']][] = [
  ['signed', 'streaming-signed'],
  ['signed-trailer', 'streaming-signed-trailer'],
  ['unsigned-trailer', 'streaming-unsigned-trailer'],
];

describe('verifyAwsChunked', () => {
  for (const [mode, payloadMode] of MODES) {
    it(`round-trips signStreaming mode ${mode} with any input split`, async () => {
      const data = body(8192 * 3 + 100);
      const { encoded, verified } = await signedUpload(mode, data);
      expect(verified.payloadMode).toBe(payloadMode);
      expect(verified.decodedContentLength).toBe(data.byteLength);
      for (const seed of [1, 2, 3]) {
        let seen: Readonly<Record<string, string>> | undefined;
        const out = await collect(verifyAwsChunked(pieces(encoded, seed, seed === 3 ? 3 : 7000), verified, { onTrailers: (t) => (seen = t) }));
        expect(out.equals(Buffer.from(data))).toBe(true);
        expect(seen).toEqual(mode === 'signed' ? {} : { 'x-amz-checksum-crc32': 'AAAAAA==' });
      }
    });

    it(`mode ${mode}: empty body`, async () => {
      const { encoded, verified } = await signedUpload(mode, new Uint8Array(0));
      expect((await collect(verifyAwsChunked(once(encoded), verified))).byteLength).toBe(0);
    });

    it(`mode ${mode}: any single flipped byte of the encoding fails with a typed error`, async () => {
      const data = body(8192 + 10);
      const { encoded, verified } = await signedUpload(mode, data);
      const random = createSeededRandom(42);
      for (let i = 0; i < 60; i++) {
        const at = Math.floor(random() * encoded.byteLength);
        const copy = Buffer.from(encoded);
        copy[at] = copy[at]! ^ (1 + Math.floor(random() * 255));
        let result: Buffer | SignatureVerificationError;
        try {
          result = await collect(verifyAwsChunked(pieces(copy, i), verified));
        } catch (err) {
          expect(isSignatureVerificationError(err), String(err)).toBe(true);
          continue;
        }
        // Only unsigned data bytes may change unnoticed (the trailer checksum is the caller's job).
        expect(mode).toBe('unsigned-trailer');
        expect(result.equals(Buffer.from(data))).toBe(false);
      }
    });
  }

  it('rejects a changed chunk, a changed trailer and a dropped trailer signature', async () => {
    const { encoded, verified } = await signedUpload('signed-trailer', body(9000));
    const text = encoded.toString('latin1');
    const dataAt = text.indexOf('\r\n') + 2;
    const chunk = Buffer.from(encoded);
    chunk[dataAt + 5] = chunk[dataAt + 5]! ^ 1;
    expect(await failure(once(chunk), verified)).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 403, details: { Chunk: '1' } });
    const trailer = Buffer.from(text.replace('x-amz-checksum-crc32:AAAAAA==', 'x-amz-checksum-crc32:AAAAAB=='), 'latin1');
    expect(await failure(once(trailer), verified)).toMatchObject({ code: 'SignatureDoesNotMatch', details: { Chunk: 'trailer' } });
    const unsignedTrailer = Buffer.from(text.replace(/x-amz-trailer-signature:[0-9a-f]{64}\r\n/, ''), 'latin1');
    expect(await failure(once(unsignedTrailer), verified)).toMatchObject({ code: 'MalformedTrailerError' });
    const reordered = Buffer.from(text.replace(/(x-amz-checksum-crc32:AAAAAA==\r\n)(x-amz-trailer-signature:[0-9a-f]{64}\r\n)/, '$2$1'), 'latin1');
    expect(await failure(once(reordered), verified)).toMatchObject({ code: 'MalformedTrailerError' });
  });

  it('rejects chunks reordered or dropped (the chain breaks)', async () => {
    const { encoded, verified } = await signedUpload('signed', new Uint8Array(8192 * 2).fill(0x7a));
    const text = encoded.toString('latin1');
    const frames = text.split(/(?<=^|\r\n)(?=[0-9a-f]+;chunk-signature=)/);
    expect(frames).toHaveLength(3);
    const swapped = Buffer.from(frames[1]! + frames[0]! + frames[2]!, 'latin1');
    expect((await failure(once(swapped), verified)).code).toBe('SignatureDoesNotMatch');
    const dropped = Buffer.from(frames[0]! + frames[2]!, 'latin1');
    expect((await failure(once(dropped), { ...verified, decodedContentLength: 8192 })).code).toBe('SignatureDoesNotMatch');
  });

  it('checks the decoded length against x-amz-decoded-content-length', async () => {
    const { encoded, verified } = await signedUpload('unsigned-trailer', body(100));
    expect(await failure(once(encoded), { ...verified, decodedContentLength: 101 })).toMatchObject({ code: 'IncompleteBody', statusCode: 400 });
    expect(await failure(once(encoded), { ...verified, decodedContentLength: 99 })).toMatchObject({ code: 'IncompleteBody' });
    expect(await failure(once(encoded), { ...verified, decodedContentLength: undefined } as unknown as VerifiedRequest)).toMatchObject({ code: 'MissingContentLength', statusCode: 411 });
  });

  it('enforces the 8 KiB minimum for signed chunks but the last', async () => {
    const { encoded, verified } = await signedUpload('signed', body(3000), 1000);
    expect(await failure(once(encoded), verified)).toMatchObject({ code: 'InvalidChunkSizeError', statusCode: 403, details: { BadChunkSize: '1000' } });
    expect((await collect(verifyAwsChunked(once(encoded), verified, { minChunkSize: 0 }))).byteLength).toBe(3000);
  });

  it('fails on truncation at every position without hanging', async () => {
    for (const mode of ['signed', 'signed-trailer', 'unsigned-trailer'] as const) {
      const { encoded, verified } = await signedUpload(mode, body(8200));
      for (let cut = 0; cut < encoded.byteLength; cut += 97) {
        const err = await failure(pieces(encoded.subarray(0, cut), cut), verified);
        expect(['IncompleteBody'], `${mode} cut at ${cut}`).toContain(err.code);
      }
      expect((await failure(once(encoded.subarray(0, encoded.byteLength - 1)), verified)).code).toBe('IncompleteBody');
    }
  });

  it('rejects malformed framing with typed errors and bounded buffering', async () => {
    const { verified } = await signedUpload('unsigned-trailer', body(5));
    const v = { ...verified, trailerNames: [] };
    const cases: [string, string][] = [
      ['zz\r\nhello\r\n0\r\n\r\n', 'InvalidRequest'],
      ['-5\r\nhello\r\n0\r\n\r\n', 'InvalidRequest'],
      ['5\nhello\r\n0\r\n\r\n', 'InvalidRequest'],
      ['5\r\nhelloXX0\r\n\r\n', 'InvalidRequest'],
      ['5;ext=1\r\nhello\r\n0\r\n\r\n', 'InvalidRequest'],
      ['5\r\nhello\r\n0\r\n\r\nextra', 'InvalidRequest'],
      ['5\r\nhello\r\n0\r\nbad trailer\r\n\r\n', 'MalformedTrailerError'],
      ['5\r\nhello\r\n0\r\nx-amz-checksum-crc32:A\r\n\r\n', 'MalformedTrailerError'],
      [`${'0'.repeat(5000)}5\r\nhello\r\n0\r\n\r\n`, 'InvalidRequest'],
      ['11111111111\r\n', 'InvalidRequest'],
    ];
    for (const [text, code] of cases) {
      expect((await failure(once(enc.encode(text)), v, { maxChunkSize: 1 << 20 })).code, JSON.stringify(text.slice(0, 40))).toBe(code);
    }
    // An endless size line is refused after a bounded amount, not buffered.
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) yield enc.encode('0000000000');
    }
    expect((await failure(endless(), v)).code).toBe('InvalidRequest');
    // Signed modes need a well-formed chunk-signature on every chunk.
    const { verified: sv } = await signedUpload('signed', body(5));
    expect((await failure(once(enc.encode('5\r\nhello\r\n0\r\n\r\n')), sv)).code).toBe('InvalidRequest');
    expect((await failure(once(enc.encode('5;chunk-signature=abc\r\nhello\r\n')), sv)).code).toBe('InvalidRequest');
    // A trailer announced without a trailer mode, and a missing announced trailer.
    expect((await failure(once(enc.encode('0;x\r\n')), { ...sv, trailerNames: ['x-amz-checksum-crc32'] })).code).toBe('MalformedTrailerError');
    expect((await failure(once(enc.encode('0\r\n\r\n')), { ...verified, decodedContentLength: 0 })).code).toBe('MalformedTrailerError');
  });

  it('needs a streaming mode and a key handle from verifyRequest', async () => {
    const { verified } = await signedUpload('signed', body(5));
    await expect(collect(verifyAwsChunked(once(new Uint8Array(0)), { ...verified, payloadMode: 'signed' }))).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
    const forged = { ...verified, signingKey: Object.create(verified.signingKey!) as NonNullable<typeof verified.signingKey> };
    await expect(collect(verifyAwsChunked(once(new Uint8Array(0)), forged))).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
    expect(JSON.stringify(verified)).not.toMatch(/"signingKey":\{/);
    expect(JSON.stringify(verified.signingKey)).toBe('"[REDACTED]"');
    expect(String(verified.signingKey)).toBe('[REDACTED]');
  });

  it('stops between chunks when aborted', async () => {
    const { encoded, verified } = await signedUpload('signed', body(8192 * 3));
    const controller = new AbortController();
    const it2 = verifyAwsChunked(pieces(encoded, 5), verified, { signal: controller.signal });
    await it2.next();
    controller.abort();
    await expect(collect(it2)).rejects.toMatchObject({ code: 'ERR_ABORTED' });
  });
});

describe('verifyAwsChunked: published examples', () => {
  const fixtures = join(import.meta.dirname, '..', 'test', 'fixtures');

  it('verifies the S3 API Reference chunked upload example (seed and every chunk signature)', async () => {
    interface Example {
      inputs: { method: string; host: string; path: string; headers_to_sign: Record<string, string>; credentials: { access_key_id: string; secret_access_key: string } };
      expected: { seed: { authorization: string; signature: string }; chunks: { data_length: number; signature: string }[] };
    }
    const ex = JSON.parse(readFileSync(join(fixtures, 's3-examples', 's3-chunked-upload-put-object.json'), 'utf8')) as Example;
    const request: HttpRequest = {
      method: ex.inputs.method,
      protocol: 'https:',
      hostname: ex.inputs.host,
      path: ex.inputs.path,
      headers: { ...ex.inputs.headers_to_sign, authorization: ex.expected.seed.authorization },
    };
    const verified = await verifyRequest(request, {
      lookupSecret: (id) => Promise.resolve(id === ex.inputs.credentials.access_key_id ? { secretAccessKey: ex.inputs.credentials.secret_access_key } : undefined),
      clock: createFakeClock(Date.UTC(2013, 4, 24)),
      region: 'us-east-1',
    });
    expect(verified).toMatchObject({ payloadMode: 'streaming-signed', seedSignature: ex.expected.seed.signature, decodedContentLength: 66560 });
    const frames: Buffer[] = [];
    for (const c of ex.expected.chunks) {
      frames.push(Buffer.from(`${c.data_length.toString(16)};chunk-signature=${c.signature}\r\n`), Buffer.alloc(c.data_length, 'a'), Buffer.from('\r\n'));
    }
    const encoded = Buffer.concat(frames);
    expect(encoded.byteLength).toBe(66824);
    const out = await collect(verifyAwsChunked(pieces(encoded), verified));
    expect(out.equals(Buffer.alloc(66560, 'a'))).toBe(true);
  });

  it('decodes botocore unsigned-trailer framings', async () => {
    interface Framing { cases: { name: string; body_utf8: string; trailer_name?: string; expected_bytes_escaped: string }[] }
    const framing = JSON.parse(readFileSync(join(fixtures, 'checksums', 'aws-chunked-unsigned-trailer-framing.json'), 'utf8')) as Framing;
    for (const c of framing.cases) {
      const bytes = enc.encode(c.expected_bytes_escaped.replace(/\\r\\n/g, '\r\n'));
      const verification = {
        payloadMode: 'streaming-unsigned-trailer' as const,
        signingKey: createVerifiedSigningKey(new Uint8Array(32)),
        seedSignature: '',
        amzDate: '',
        credentialScope: '',
        decodedContentLength: enc.encode(c.body_utf8).byteLength,
        trailerNames: c.trailer_name ? [c.trailer_name] : [],
      };
      let trailers: Readonly<Record<string, string>> = {};
      const out = await collect(verifyAwsChunked(pieces(bytes, 3, 4), verification, { onTrailers: (t) => (trailers = t) }));
      expect(out.toString('utf8'), c.name).toBe(c.body_utf8);
      if (c.trailer_name) expect(trailers[c.trailer_name]).toBe('DUoRhQ==');
    }
  });
});

describe('verification helpers', () => {
  it('verifyPayload refuses streaming modes; the key handle cannot be built or shown', async () => {
    const { verified } = await signedUpload('signed', body(5));
    expect(() => {
      verifyPayload('x', verified);
    }).toThrow(expect.objectContaining({ code: 'ERR_VALIDATION' }) as Error);
    expect(inspect(verified.signingKey)).toBe('VerifiedSigningKey [REDACTED]');
    const Ctor = VerifiedSigningKey as unknown as new (key: Uint8Array, brand: symbol) => unknown;
    expect(() => new Ctor(new Uint8Array(1), Symbol('forged'))).toThrow(TypeError);
  });
});
