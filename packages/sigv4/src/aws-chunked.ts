/**
 * The aws-chunked content encoding: fixed-size chunks framed as `hex(size)[;chunk-signature=sig]\r\n
 * data\r\n`, a final empty chunk, then optional trailers (with a signature when chunks are signed).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */
import { ValidationError } from '@s3kit/primitives';
import type { ChunkSigner } from './chunk-signer.js';
import { EMPTY_SHA256 } from './constants.js';
import { sha256Hex } from './signing-key.js';

/** Default chunk size: 64 KiB. */
export const DEFAULT_CHUNK_SIZE = 65_536;
/** Smallest chunk size S3 accepts for signed chunks (all but the last): 8 KiB. */
export const MIN_CHUNK_SIZE = 8_192;

const SIGNATURE_EXT = ';chunk-signature='.length;
const TRAILER_SIGNATURE = 'x-amz-trailer-signature:'.length + 2;
const HMAC_SIGNATURE_LENGTH = 64;
const encoder = new TextEncoder();
const CRLF = encoder.encode('\r\n');

/** A trailing header sent after the last chunk, e.g. a checksum computed while streaming. */
export interface ChunkedTrailer {
  /** Lower-case trailer name, e.g. `x-amz-checksum-crc32`; also sent in `x-amz-trailer`. */
  trailerName: string;
  /** Called once the whole body was read; returns the trailer value (e.g. base64 CRC32). */
  digest: () => string;
  /** Called with every data chunk in order, so the caller can checksum the body as it streams. */
  update?: ((data: Uint8Array) => void) | undefined;
}

/** Options of {@link encodeAwsChunked}. */
export interface AwsChunkedOptions {
  /** The exact body length (`x-amz-decoded-content-length`); the source must match it. */
  decodedLength: number;
  /**
   * Data bytes per chunk (the last one may be shorter).
   * @default 65536
   */
  chunkSize?: number | undefined;
  /** Chunk signer for the signed modes; absent for `STREAMING-UNSIGNED-PAYLOAD-TRAILER`. */
  signer?: ChunkSigner | undefined;
  /** Trailer sent after the final chunk. */
  trailer?: ChunkedTrailer | undefined;
}

/** Options of {@link encodedContentLength}. */
export interface EncodedLengthOptions {
  /** Whether every chunk carries `;chunk-signature=`. */
  signed: boolean;
  /**
   * Length of each chunk and trailer signature: 64 for SigV4 (hex HMAC), 144 for SigV4a (padded
   * hex ECDSA, `SIGV4A_CHUNK_SIGNATURE_LENGTH`); see {@link ChunkSigner.signatureLength}.
   * @default 64
   */
  signatureLength?: number | undefined;
  /** The trailer, by name and value length (e.g. 8 for a base64 CRC32). */
  trailer?: { name: string; valueLength: number } | undefined;
}

function checkSizes(decodedLength: number, chunkSize: number): void {
  if (!Number.isSafeInteger(decodedLength) || decodedLength < 0) {
    throw new ValidationError({ field: 'decodedLength', rule: 'must be a non-negative integer', value: decodedLength });
  }
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) {
    throw new ValidationError({ field: 'chunkSize', rule: 'must be a positive integer', value: chunkSize });
  }
}

/**
 * The exact `Content-Length` of an aws-chunked body, computed without reading it.
 * @throws ValidationError `ERR_VALIDATION` for a negative length or a chunk size below 1.
 * @example `encodedContentLength(66560, 65536, { signed: true }) // 66824`
 */
export function encodedContentLength(decodedLength: number, chunkSize: number, options: EncodedLengthOptions): number {
  checkSizes(decodedLength, chunkSize);
  const signatureLength = options.signatureLength ?? HMAC_SIGNATURE_LENGTH;
  const ext = options.signed ? SIGNATURE_EXT + signatureLength : 0;
  const frame = (size: number): number => size.toString(16).length + ext + 2 + size + 2;
  const full = Math.floor(decodedLength / chunkSize);
  const rest = decodedLength % chunkSize;
  let length = full * frame(chunkSize) + (rest > 0 ? frame(rest) : 0);
  length += 1 + ext + 2; // final "0[;chunk-signature=...]\r\n"
  if (options.trailer) {
    length += options.trailer.name.length + 1 + options.trailer.valueLength + 2;
    if (options.signed) length += TRAILER_SIGNATURE + signatureLength;
  }
  return length + 2;
}

function lengthError(decodedLength: number, read: number, early: boolean): ValidationError {
  return new ValidationError({
    field: 'x-amz-decoded-content-length',
    rule: early
      ? `the body ended after ${read} bytes, before the declared ${decodedLength}`
      : `the body is longer than the declared ${decodedLength} bytes`,
    value: decodedLength,
  });
}

/**
 * Encodes a body as aws-chunked, re-chunking input of any chunk sizes into `chunkSize` chunks.
 * Yields header, data and CRLF pieces separately (data is not copied when it arrives aligned).
 * @throws ValidationError `ERR_VALIDATION` (field `x-amz-decoded-content-length`) when the source
 *   is shorter or longer than `decodedLength`, or (field `signer`) when a signature's length is not
 *   the signer's `signatureLength`; thrown from the iterator.
 * @example
 * ```ts
 * const body = encodeAwsChunked(source, { decodedLength: size, trailer: { trailerName: 'x-amz-checksum-crc32', digest } });
 * ```
 */
export async function* encodeAwsChunked(source: AsyncIterable<Uint8Array>, options: AwsChunkedOptions): AsyncGenerator<Uint8Array> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const { decodedLength, signer, trailer } = options;
  checkSizes(decodedLength, chunkSize);
  // encodedContentLength counted on this length: a signature of another length would make the
  // body disagree with the Content-Length already sent.
  const signatureLength = signer?.signatureLength ?? HMAC_SIGNATURE_LENGTH;
  const checked = (signature: string): string => {
    if (signature.length !== signatureLength) {
      throw new ValidationError({ field: 'signer', rule: `must return ${signatureLength}-character signatures, got ${signature.length}` });
    }
    return signature;
  };
  const frameHeader = (data: Uint8Array): Uint8Array => {
    const size = data.byteLength.toString(16);
    return encoder.encode(signer ? `${size};chunk-signature=${checked(signer.signChunk(sha256Hex(data)))}\r\n` : `${size}\r\n`);
  };
  let read = 0;
  let pending: Uint8Array | undefined;
  let filled = 0;
  for await (const input of source) {
    read += input.byteLength;
    if (read > decodedLength) throw lengthError(decodedLength, read, false);
    let offset = 0;
    while (offset < input.byteLength) {
      if (filled === 0 && input.byteLength - offset >= chunkSize) {
        const data = input.subarray(offset, offset + chunkSize);
        offset += chunkSize;
        trailer?.update?.(data);
        yield frameHeader(data);
        yield data;
        yield CRLF;
        continue;
      }
      pending ??= new Uint8Array(chunkSize);
      const n = Math.min(chunkSize - filled, input.byteLength - offset);
      pending.set(input.subarray(offset, offset + n), filled);
      filled += n;
      offset += n;
      if (filled === chunkSize) {
        const data = pending;
        pending = undefined;
        filled = 0;
        trailer?.update?.(data);
        yield frameHeader(data);
        yield data;
        yield CRLF;
      }
    }
  }
  if (read < decodedLength) throw lengthError(decodedLength, read, true);
  if (filled > 0 && pending) {
    const data = pending.subarray(0, filled);
    trailer?.update?.(data);
    yield frameHeader(data);
    yield data;
    yield CRLF;
  }
  let tail = signer ? `0;chunk-signature=${checked(signer.signChunk(EMPTY_SHA256))}\r\n` : '0\r\n';
  if (trailer) {
    const line = `${trailer.trailerName}:${trailer.digest()}`;
    tail += `${line}\r\n`;
    if (signer) tail += `x-amz-trailer-signature:${checked(signer.signTrailer(`${line}\n`))}\r\n`;
  }
  yield encoder.encode(`${tail}\r\n`);
}
