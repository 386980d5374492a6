import { CHUNK_ALGORITHM, EMPTY_SHA256, TRAILER_ALGORITHM } from './constants.js';
import { hmacHex, sha256Hex } from './signing-key.js';

/** Signs the chunks of one aws-chunked body, each signature chained to the previous one. */
export interface ChunkSigner {
  /** Signature of the next data chunk (or the final empty chunk) given its hex SHA-256. */
  signChunk(chunkSha256: string): string;
  /** Signature of the trailer chunk given its canonical text (`name:value\n` per trailer). */
  signTrailer(trailerText: string): string;
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

/**
 * Creates the chained chunk signer of `STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]`.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */
export function createChunkSigner(init: ChunkSignerInit): ChunkSigner {
  const prefix = `${init.amzDate}\n${init.scope}\n`;
  const record = init.onStringToSign;
  let previous = init.seedSignature;
  const sign = (stringToSign: string): string => {
    record?.(stringToSign);
    previous = hmacHex(init.signingKey, stringToSign);
    return previous;
  };
  return {
    signChunk: (chunkSha256) => sign(`${CHUNK_ALGORITHM}\n${prefix}${previous}\n${EMPTY_SHA256}\n${chunkSha256}`),
    signTrailer: (trailerText) => sign(`${TRAILER_ALGORITHM}\n${prefix}${previous}\n${sha256Hex(trailerText)}`),
  };
}
