/**
 * What the SigV4 and SigV4a signers share when they sign a streaming upload as aws-chunked: the
 * options, the headers to sign (with the exact encoded `Content-Length`), and the encoded body
 * chained to the seed signature.
 */
import { ValidationError } from '@s3kit/primitives';
import type { HttpRequest } from '@s3kit/primitives';
import { DEFAULT_CHUNK_SIZE, encodeAwsChunked, encodedContentLength } from './aws-chunked.js';
import type { ChunkedTrailer } from './aws-chunked.js';
import type { ChunkSigner } from './chunk-signer.js';
import { STREAMING_UNSIGNED_PAYLOAD_TRAILER } from './constants.js';
import type { SignedRequest } from './signer.js';

/** Which aws-chunked flavour a streaming upload is signed as. */
export type StreamingMode = 'signed' | 'signed-trailer' | 'unsigned-trailer';

/** The aws-chunked options of `signStreaming` (SigV4 and SigV4a signers). */
export interface ChunkedUploadOptions {
  /**
   * `signed`: a signature per chunk (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD`, SigV4a
   * `STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD`); `signed-trailer`: the same plus a signed trailer
   * (`...-PAYLOAD-TRAILER`); `unsigned-trailer`: `STREAMING-UNSIGNED-PAYLOAD-TRAILER`.
   */
  mode: StreamingMode;
  /** Exact length of the body before encoding. */
  decodedContentLength: number;
  /**
   * Data bytes per chunk.
   * @default 65536
   */
  chunkSize?: number | undefined;
  /** Trailer (required by the trailer modes), plus the length of its value for Content-Length. */
  trailer?: (ChunkedTrailer & { valueLength: number }) | undefined;
}

/** The `x-amz-content-sha256` values of the two signed modes of one algorithm. Internal. */
export interface SignedStreamingPayloads {
  signed: string;
  signedTrailer: string;
}

/** A streaming upload before its seed request is signed. Internal. */
export interface ChunkedUploadPlan {
  /** Headers to add to the request and sign (they win over the caller's of the same name). */
  headers: Record<string, string>;
  /** The seed request's `x-amz-content-sha256`. */
  payloadHash: string;
  /** Whether every chunk (and the trailer) is signed. */
  signed: boolean;
}

function streamOf(body: Uint8Array | string): AsyncIterable<Uint8Array> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return {
    [Symbol.asyncIterator]: () => {
      let done = bytes.byteLength === 0;
      return {
        next: () => {
          const result: IteratorResult<Uint8Array> = done ? { done: true, value: undefined } : { done: false, value: bytes };
          done = true;
          return Promise.resolve(result);
        },
      };
    },
  };
}

/**
 * Checks the options and computes what the seed request signs: `content-encoding: aws-chunked`,
 * the encoded `content-length` for signatures of `signatureLength` characters,
 * `x-amz-decoded-content-length`, `x-amz-trailer`, and the payload hash of the mode. Internal.
 * @throws ValidationError `ERR_VALIDATION` for a trailer mode without a trailer, a missing body or bad sizes.
 */
export function planChunkedUpload(
  request: HttpRequest,
  options: ChunkedUploadOptions,
  payloads: SignedStreamingPayloads,
  signatureLength: number,
): ChunkedUploadPlan {
  const { mode, trailer } = options;
  if (mode !== 'signed' && !trailer) throw new ValidationError({ field: 'trailer', rule: `is required with mode "${mode}"` });
  if (request.body === undefined) throw new ValidationError({ field: 'body', rule: 'is required for a streaming upload' });
  const signed = mode !== 'unsigned-trailer';
  const length = encodedContentLength(options.decodedContentLength, options.chunkSize ?? DEFAULT_CHUNK_SIZE, {
    signed,
    signatureLength,
    trailer: trailer ? { name: trailer.trailerName, valueLength: trailer.valueLength } : undefined,
  });
  const existingEncoding = request.headers['content-encoding'];
  const headers: Record<string, string> = {
    'content-encoding': existingEncoding ? `aws-chunked,${existingEncoding}` : 'aws-chunked',
    'content-length': String(length),
    'x-amz-decoded-content-length': String(options.decodedContentLength),
  };
  if (trailer) headers['x-amz-trailer'] = trailer.trailerName;
  const payloadHash = mode === 'signed' ? payloads.signed : mode === 'signed-trailer' ? payloads.signedTrailer : STREAMING_UNSIGNED_PAYLOAD_TRAILER;
  return { headers, payloadHash, signed };
}

/**
 * Replaces the signed seed request's body by the aws-chunked encoding of `body`, each chunk signed
 * by the signer `createChunkSigner` makes (signed modes); with `debug`, every chunk's string to
 * sign is appended to `signed.debug.chunkStringsToSign` as the body is read. Internal.
 */
export function attachChunkedBody(
  signed: SignedRequest,
  body: NonNullable<HttpRequest['body']>,
  plan: ChunkedUploadPlan,
  options: ChunkedUploadOptions & { debug?: boolean | undefined },
  createChunkSigner: (onStringToSign: ((stringToSign: string) => void) | undefined) => ChunkSigner,
): SignedRequest {
  const chunkStrings = options.debug === true && plan.signed ? ([] as string[]) : undefined;
  if (chunkStrings !== undefined && signed.debug) signed.debug.chunkStringsToSign = chunkStrings;
  signed.body = encodeAwsChunked(typeof body === 'string' || body instanceof Uint8Array ? streamOf(body) : body, {
    decodedLength: options.decodedContentLength,
    chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE,
    signer: plan.signed ? createChunkSigner(chunkStrings === undefined ? undefined : (text) => chunkStrings.push(text)) : undefined,
    trailer: options.trailer,
  });
  return signed;
}
