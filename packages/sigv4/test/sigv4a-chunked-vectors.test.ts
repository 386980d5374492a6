/**
 * aws-c-auth's SigV4a aws-chunked vectors (`fixtures/sigv4a-chunked`): the seed request's canonical
 * request, every chunk's and the trailer's string to sign (a fixed prefix, the previous signature
 * without padding, a fixed suffix), and the public key of the credentials. ECDSA signatures are
 * randomized, so signatures are verified under the vectors' public key (with node:crypto, not with
 * our verifier), then the same body is run through our verifier.
 */
import { createHash, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFakeClock } from '@s3kit/primitives';
import type { HttpRequest } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { SIGV4A_CHUNK_SIGNATURE_LENGTH } from '../src/constants.js';
import { createSigV4aChunkSigner } from '../src/sigv4a-chunk-signer.js';
import { deriveSigV4aKeyPair, sigV4aPublicKeyFromCoordinates } from '../src/sigv4a-key.js';
import { createSigV4aSigner } from '../src/sigv4a-signer.js';
import { verifyAwsChunked } from '../src/verify-aws-chunked.js';
import { verifyRequest } from '../src/verify-request.js';

interface Vectors {
  credentials: { access_key_id: string; secret_access_key: string };
  public_key: { x: string; y: string };
  date: string;
  region_set: string;
  service: string;
  request: { method: string; path: string; headers: Record<string, string> };
  chunks: { size: number; fill: string }[];
  cases: {
    name: string;
    payload_hash: string;
    extra_headers: Record<string, string>;
    canonical_request: string;
    chunk_string_to_sign_prefix: string;
    chunk_string_to_sign_suffixes: string[];
    trailers?: [string, string][];
    trailer_string_to_sign_prefix?: string;
    trailer_string_to_sign_suffix?: string;
  }[];
}

const vectors = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'sigv4a-chunked', 'aws-c-auth-sigv4a-chunked-signing.json'), 'utf8')) as Vectors;
const credentials = { accessKeyId: vectors.credentials.access_key_id, secretAccessKey: vectors.credentials.secret_access_key };
const publicKey = sigV4aPublicKeyFromCoordinates(vectors.public_key.x, vectors.public_key.y);
const signingDate = Date.parse(vectors.date);
const amzDate = '20130524T000000Z';
const scope = `20130524/${vectors.service}/aws4_request`;
const ecdsaOk = (stringToSign: string, hex: string): boolean => verify('sha256', Buffer.from(stringToSign), { key: publicKey, dsaEncoding: 'der' }, Buffer.from(hex, 'hex'));
const unpadded = (wire: string): string => wire.replace(/\*+$/, '');

describe('aws-c-auth SigV4a aws-chunked vectors', () => {
  it('derives the vectors public key from the credentials', () => {
    expect(deriveSigV4aKeyPair(credentials).publicKey.export({ format: 'jwk' })).toEqual(publicKey.export({ format: 'jwk' }));
  });

  for (const c of vectors.cases) {
    it(`${c.name}: canonical request, every chunk and trailer string to sign, signatures under the public key`, async () => {
      const request: HttpRequest = {
        method: vectors.request.method,
        protocol: 'https:',
        hostname: vectors.request.headers.host!,
        path: vectors.request.path,
        headers: { ...vectors.request.headers, ...c.extra_headers },
      };
      const signer = createSigV4aSigner({ credentials, regionSet: vectors.region_set, service: vectors.service });
      const seed = await signer.sign(request, { payloadHash: c.payload_hash, signingDate, debug: true });
      expect(seed.debug!.canonicalRequest).toBe(c.canonical_request);
      const seedSignature = /Signature=([0-9a-f]+)$/.exec(seed.headers.authorization!)![1]!;
      expect(ecdsaOk(seed.debug!.stringToSign, seedSignature)).toBe(true);

      const strings: string[] = [];
      const chunkSigner = createSigV4aChunkSigner({
        privateKey: deriveSigV4aKeyPair(credentials).privateKey,
        amzDate,
        scope,
        seedSignature,
        onStringToSign: (s) => strings.push(s),
      });
      let previous = seedSignature;
      const frames: Buffer[] = [];
      vectors.chunks.forEach(({ size, fill }, i) => {
        const data = Buffer.alloc(size, fill);
        const wire = chunkSigner.signChunk(createHash('sha256').update(data).digest('hex'));
        expect(wire).toHaveLength(SIGV4A_CHUNK_SIGNATURE_LENGTH);
        expect(wire).toMatch(/^(?:[0-9a-f]{2})+\**$/);
        expect(strings[i]).toBe(`${c.chunk_string_to_sign_prefix}${previous}${c.chunk_string_to_sign_suffixes[i]!}`);
        expect(ecdsaOk(strings[i]!, unpadded(wire))).toBe(true);
        previous = unpadded(wire);
        frames.push(Buffer.from(`${size.toString(16)};chunk-signature=${wire}\r\n`), data, Buffer.from(size > 0 ? '\r\n' : ''));
      });

      if (c.trailers) {
        const text = c.trailers.map(([name, value]) => `${name}:${value}\n`).join('');
        const wire = chunkSigner.signTrailer(text);
        expect(wire).toHaveLength(SIGV4A_CHUNK_SIGNATURE_LENGTH);
        const sts = strings.at(-1)!;
        expect(sts).toBe(`${c.trailer_string_to_sign_prefix!}${previous}${c.trailer_string_to_sign_suffix!}`);
        expect(ecdsaOk(sts, unpadded(wire))).toBe(true);
        frames.push(Buffer.from(`${text.replace(/\n/g, '\r\n')}x-amz-trailer-signature:${wire}\r\n`));
      }
      frames.push(Buffer.from('\r\n'));

      // The same body, through our verifier.
      const verified = await verifyRequest(seed, {
        lookupSecret: (id) => Promise.resolve(id === credentials.accessKeyId ? { secretAccessKey: credentials.secretAccessKey } : undefined),
        clock: createFakeClock(signingDate),
        region: vectors.region_set,
      });
      expect(verified.payloadMode).toBe(c.trailers ? 'streaming-signed-trailer' : 'streaming-signed');
      let trailers: Readonly<Record<string, string>> = {};
      const out: Uint8Array[] = [];
      const body = (async function* () {
        yield Buffer.concat(frames);
      })();
      for await (const piece of verifyAwsChunked(body, verified, { onTrailers: (t) => (trailers = t) })) out.push(piece);
      expect(Buffer.concat(out).equals(Buffer.alloc(66560, 'a'))).toBe(true);
      expect(trailers).toEqual(Object.fromEntries(c.trailers ?? []));
    });
  }
});
