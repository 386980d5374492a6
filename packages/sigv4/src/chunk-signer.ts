import { CHUNK_ALGORITHM, EMPTY_SHA256, TRAILER_ALGORITHM } from './constants.js';
import { hmacHex, sha256Hex } from './signing-key.js';

/** Signs the chunks of one aws-chunked body, each signature chained to the previous one. */
export interface ChunkSigner {
  /** Signature of the next data chunk (or the final empty chunk) given its hex SHA-256, as sent on the wire. */
  signChunk(chunkSha256: string): string;
  /** Signature of the trailer chunk given its canonical text (`name:value\n` per trailer), as sent on the wire. */
  signTrailer(trailerText: string): string;
  /**
   * Length of every signature this signer returns (the encoded `Content-Length` is computed from it
   * before anything is signed).
   * @default 64 (hex HMAC-SHA256)
   */
  readonly signatureLength?: number | undefined;
}

/** Inputs of {@link createChunkSigner}: the seed request's date, scope, signing key and signature. */
export interface ChunkSignerInit {
  /** The signing key of the seed request (key material: never log it). */
  signingKey: Uint8Array;
  /** `x-amz-date` of the seed request. */
  amzDate: string;
  /** Credential scope of the seed request. */
  scope: string;
  /** Signature of the seed request (its `Authorization` header). */
  seedSignature: string;
  /** Receives each chunk's string to sign, in order (debug output; holds no secret). */
  onStringToSign?: ((stringToSign: string) => void) | undefined;
}

/** What differs between the SigV4 and SigV4a chunk signature chains. Internal. */
export interface ChunkChain {
  /** Algorithm lines of a chunk's and of the trailer's string to sign. */
  chunkAlgorithm: string;
  trailerAlgorithm: string;
  /** Signs a string to sign; returns the signature the next string to sign chains to. */
  sign: (stringToSign: string) => string;
  /** The signature as sent on the wire (e.g. padded to a fixed length). */
  wire: (signature: string) => string;
  signatureLength: number;
}

/**
 * A chained chunk signer over `chain`: each chunk's string to sign holds the previous signature
 * (the seed request's for the first chunk), the hash of the empty string and the chunk's hash; the
 * trailer's holds the previous signature and the hash of the trailer text. Internal.
 */
export function chainChunkSigner(init: Omit<ChunkSignerInit, 'signingKey'>, chain: ChunkChain): ChunkSigner {
  const prefix = `${init.amzDate}\n${init.scope}\n`;
  const record = init.onStringToSign;
  let previous = init.seedSignature;
  const sign = (stringToSign: string): string => {
    record?.(stringToSign);
    previous = chain.sign(stringToSign);
    return chain.wire(previous);
  };
  return {
    signChunk: (chunkSha256) => sign(`${chain.chunkAlgorithm}\n${prefix}${previous}\n${EMPTY_SHA256}\n${chunkSha256}`),
    signTrailer: (trailerText) => sign(`${chain.trailerAlgorithm}\n${prefix}${previous}\n${sha256Hex(trailerText)}`),
    signatureLength: chain.signatureLength,
  };
}

/**
 * Creates the chained chunk signer of `STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]`.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 * @example
 * ```ts
 * const signer = createChunkSigner({ signingKey, amzDate, scope, seedSignature });
 * const first = signer.signChunk(sha256Hex(chunk));
 * ```
 */
export function createChunkSigner(init: ChunkSignerInit): ChunkSigner {
  const key = init.signingKey;
  return chainChunkSigner(init, {
    chunkAlgorithm: CHUNK_ALGORITHM,
    trailerAlgorithm: TRAILER_ALGORITHM,
    sign: (stringToSign) => hmacHex(key, stringToSign),
    wire: (signature) => signature,
    signatureLength: 64,
  });
}
