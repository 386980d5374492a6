import { createHash, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, SIGV4A_CHUNK_SIGNATURE_LENGTH } from './constants.js';
import { createSigV4aChunkSigner } from './sigv4a-chunk-signer.js';
import { deriveSigV4aKeyPair } from './sigv4a-key.js';

const { privateKey, publicKey } = deriveSigV4aKeyPair({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' });
const seedSignature = '3045022100'.padEnd(140, 'ab');
const valid = (sts: string, hex: string): boolean => verify('sha256', Buffer.from(sts), { key: publicKey, dsaEncoding: 'der' }, Buffer.from(hex, 'hex'));
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('createSigV4aChunkSigner', () => {
  it('chains each string to sign to the previous signature without its padding, from the seed', () => {
    const strings: string[] = [];
    const signer = createSigV4aChunkSigner({ privateKey, amzDate: '20240102T030405Z', scope: '20240102/s3/aws4_request', seedSignature, onStringToSign: (s) => strings.push(s) });
    expect(signer.signatureLength).toBe(SIGV4A_CHUNK_SIGNATURE_LENGTH);
    const first = signer.signChunk(sha('chunk 1'));
    const final = signer.signChunk(EMPTY_SHA256);
    const trailer = signer.signTrailer('x-amz-checksum-crc32:AAAAAA==\n');
    expect(strings).toEqual([
      `AWS4-ECDSA-P256-SHA256-PAYLOAD\n20240102T030405Z\n20240102/s3/aws4_request\n${seedSignature}\n${EMPTY_SHA256}\n${sha('chunk 1')}`,
      `AWS4-ECDSA-P256-SHA256-PAYLOAD\n20240102T030405Z\n20240102/s3/aws4_request\n${first.replace(/\*+$/, '')}\n${EMPTY_SHA256}\n${EMPTY_SHA256}`,
      `AWS4-ECDSA-P256-SHA256-TRAILER\n20240102T030405Z\n20240102/s3/aws4_request\n${final.replace(/\*+$/, '')}\n${sha('x-amz-checksum-crc32:AAAAAA==\n')}`,
    ]);
    [first, final, trailer].forEach((wire, i) => {
      expect(valid(strings[i]!, wire.replace(/\*+$/, ''))).toBe(true);
    });
  });

  it('pads every signature to 144 characters, whatever length its DER encoding has', () => {
    const signer = createSigV4aChunkSigner({ privateKey, amzDate: '20240102T030405Z', scope: '20240102/s3/aws4_request', seedSignature });
    const derLengths = new Set<number>();
    for (let i = 0; i < 64; i++) {
      const wire = signer.signChunk(sha(String(i)));
      expect(wire).toHaveLength(SIGV4A_CHUNK_SIGNATURE_LENGTH);
      const hex = /^((?:[0-9a-f]{2})+)(\**)$/.exec(wire)![1]!;
      expect(hex.startsWith('30')).toBe(true); // a DER SEQUENCE
      derLengths.add(hex.length / 2);
    }
    // r and s are each 32 or 33 DER bytes (a leading zero when the top bit is set), so lengths differ:
    // this is why a fixed Content-Length needs the padding.
    expect(derLengths.size).toBeGreaterThan(1);
    expect(Math.max(...derLengths)).toBeLessThanOrEqual(72);
  });
});
