/**
 * Checks the chained chunk and trailer signatures of one aws-chunked body, for
 * {@link verifyAwsChunked}: SigV4's HMAC chain, or SigV4a's ECDSA chain. A SigV4 signature is
 * recomputed and compared; an ECDSA signature is randomized, so it is verified under the public key,
 * and the next chunk's string to sign chains to the signature as received (without its padding).
 */
import { timingSafeEqual } from '#platform/sigv4-crypto';
import { CHUNK_ALGORITHM, EMPTY_SHA256, SIGV4A_CHUNK_ALGORITHM, SIGV4A_CHUNK_SIGNATURE_LENGTH, SIGV4A_TRAILER_ALGORITHM, TRAILER_ALGORITHM } from './constants.js';
import { hmacHex, sha256Hex } from './signing-key.js';
import type { ChunkKey } from './verify-signing-key.js';

/** One body's signature chain, from the seed signature on. Internal. */
export interface ChunkChainVerifier {
  /** The signature in a `chunk-signature=` or `x-amz-trailer-signature:` value, or `undefined` when malformed. */
  parse(wire: string): string | undefined;
  /** Whether `signature` signs the next chunk (hex SHA-256 `chunkSha256`); when it does, the chain moves on. */
  chunk(signature: string, chunkSha256: string): boolean;
  /** Whether `signature` signs the trailer text (`name:value\n` per trailer) after the last chunk. */
  trailer(signature: string, trailerText: string): boolean;
}

/** The seed request's fields a chain starts from. */
export interface ChunkChainSeed {
  amzDate: string;
  credentialScope: string;
  seedSignature: string;
}

const HMAC_SIGNATURE = /^[0-9a-f]{64}$/;
// Hex DER (8 to 72 bytes), right-padded with '*' to 144 characters in all.
const PADDED_ECDSA_SIGNATURE = /^((?:[0-9a-f]{2}){8,72})\**$/;

function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(latin1Bytes(a), latin1Bytes(b));
}

/**
 * The chain verifier of `key` (from the verified request's handle), starting at `seed`. SigV4a
 * chunk and trailer signatures must be in the padded form of exactly 144 characters that the
 * encoded `Content-Length` was computed for.
 */
export function createChunkChainVerifier(key: ChunkKey, seed: ChunkChainSeed): ChunkChainVerifier {
  const prefix = `${seed.amzDate}\n${seed.credentialScope}\n`;
  let previous = seed.seedSignature;
  const ecdsa = key.kind === 'ecdsa';
  const [chunkAlgorithm, trailerAlgorithm] = ecdsa ? [SIGV4A_CHUNK_ALGORITHM, SIGV4A_TRAILER_ALGORITHM] : [CHUNK_ALGORITHM, TRAILER_ALGORITHM];
  const check = (signature: string, stringToSign: string): boolean => {
    const ok = key.kind === 'ecdsa' ? key.verify(stringToSign, signature) : sameHex(hmacHex(key.key, stringToSign), signature);
    if (ok) previous = signature;
    return ok;
  };
  return {
    parse: (wire) => {
      if (!ecdsa) return HMAC_SIGNATURE.test(wire) ? wire : undefined;
      return wire.length === SIGV4A_CHUNK_SIGNATURE_LENGTH ? PADDED_ECDSA_SIGNATURE.exec(wire)?.[1] : undefined;
    },
    chunk: (signature, chunkSha256) => check(signature, `${chunkAlgorithm}\n${prefix}${previous}\n${EMPTY_SHA256}\n${chunkSha256}`),
    trailer: (signature, trailerText) => check(signature, `${trailerAlgorithm}\n${prefix}${previous}\n${sha256Hex(trailerText)}`),
  };
}
