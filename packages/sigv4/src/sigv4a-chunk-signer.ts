/**
 * The chunk signer of `STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD[-TRAILER]` (SigV4a aws-chunked, for
 * S3 Multi-Region Access Points). Every chunk and the trailer get an ECDSA P-256 signature over a
 * string to sign chained to the previous signature, as with SigV4 but with the `AWS4-ECDSA-P256-
 * SHA256-PAYLOAD` / `-TRAILER` algorithm lines and the region-less SigV4a scope.
 *
 * A DER ECDSA signature's length varies (r and s lose leading zero bytes), yet the body's
 * `Content-Length` is sent before any chunk is signed. aws-c-auth (and the AWS SDKs on it) solve
 * this by right-padding each chunk and trailer signature's hex with `*` to 144 characters, the hex
 * length of the longest P-256 DER signature (72 bytes); the string to sign of the next chunk holds
 * the signature without its padding. The seed (request) signature is never padded.
 */
import type { KeyObject } from 'node:crypto';
import { chainChunkSigner } from './chunk-signer.js';
import type { ChunkSigner, ChunkSignerInit } from './chunk-signer.js';
import { SIGV4A_CHUNK_ALGORITHM, SIGV4A_CHUNK_SIGNATURE_LENGTH, SIGV4A_TRAILER_ALGORITHM } from './constants.js';
import { signSigV4a } from './sigv4a-key.js';

/** Inputs of {@link createSigV4aChunkSigner}: the seed request's date, scope, key and signature. */
export interface SigV4aChunkSignerInit extends Omit<ChunkSignerInit, 'signingKey'> {
  /** The SigV4a private key of the credentials that signed the seed request (key material: never log it). */
  privateKey: KeyObject;
  /** SigV4a scope of the seed request: `date/service/aws4_request` (no region). */
  scope: string;
  /** The seed request's hex DER signature (its `Authorization` header), unpadded. */
  seedSignature: string;
}

/**
 * Creates the chained ECDSA chunk signer of SigV4a aws-chunked uploads. Each signature it returns
 * is {@link SIGV4A_CHUNK_SIGNATURE_LENGTH} (144) characters: hex DER padded with `*`.
 * @example
 * ```ts
 * const { privateKey } = deriveSigV4aKeyPair(credentials);
 * const signer = createSigV4aChunkSigner({ privateKey, amzDate, scope: '20240102/s3/aws4_request', seedSignature });
 * const first = signer.signChunk(sha256Hex(chunk)); // '3045...' + '*' padding
 * ```
 */
export function createSigV4aChunkSigner(init: SigV4aChunkSignerInit): ChunkSigner {
  const key = init.privateKey;
  return chainChunkSigner(init, {
    chunkAlgorithm: SIGV4A_CHUNK_ALGORITHM,
    trailerAlgorithm: SIGV4A_TRAILER_ALGORITHM,
    sign: (stringToSign) => signSigV4a(key, stringToSign),
    wire: (signature) => signature.padEnd(SIGV4A_CHUNK_SIGNATURE_LENGTH, '*'),
    signatureLength: SIGV4A_CHUNK_SIGNATURE_LENGTH,
  });
}
