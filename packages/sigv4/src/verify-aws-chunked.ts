/**
 * Streaming decoder and verifier of aws-chunked bodies (all three flavours, signed with SigV4 or
 * SigV4a), with bounded buffering.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */
import { createHash } from '#platform/sigv4-crypto';
import { ValidationError, bytesToLatin1, throwIfAborted } from '@s3kit/primitives';
import { createChunkChainVerifier } from './chunk-chain-verifier.js';
import { EMPTY_SHA256 } from './constants.js';
import { SignatureVerificationError, verifyErrors } from './verify-error.js';
import type { VerifiedRequest } from './verify-request.js';
import { unwrapSigningKey } from './verify-signing-key.js';

/** Options of {@link verifyAwsChunked}. */
export interface VerifyAwsChunkedOptions {
  /**
   * Expected decoded length.
   * @default verification.decodedContentLength (`x-amz-decoded-content-length`)
   */
  decodedContentLength?: number | undefined;
  /**
   * Trailer names the body must end with, lower-case (every one, and no other).
   * @default verification.trailerNames (`x-amz-trailer`), or none
   */
  trailerNames?: readonly string[] | undefined;
  /** Called with the trailer values (lower-case names) once they are read and verified, before the iteration ends. */
  onTrailers?: ((trailers: Readonly<Record<string, string>>) => void) | undefined;
  /**
   * Largest data chunk accepted (a signed chunk is held in memory until its signature is checked).
   * @default 16777216 (16 MiB)
   */
  maxChunkSize?: number | undefined;
  /**
   * Smallest size of every signed data chunk but the last, as S3 enforces; `0` disables the check.
   * @default 8192
   */
  minChunkSize?: number | undefined;
  /** Aborts the decoding between chunks. */
  signal?: AbortSignal | undefined;
}

/** The fields of {@link VerifiedRequest} that {@link verifyAwsChunked} uses. */
export type ChunkedVerification = Pick<
  VerifiedRequest,
  'payloadMode' | 'signingKey' | 'seedSignature' | 'amzDate' | 'credentialScope' | 'decodedContentLength' | 'trailerNames'
>;

const MAX_LINE = 4096; // a chunk header is ~90 bytes; a trailer line (checksum) far less
const MAX_TRAILER_LINES = 16;
const SIZE = /^[0-9a-fA-F]{1,16}$/;
const SIGNATURE_EXT = /^chunk-signature=(.*)$/;
const TRAILER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
const EMPTY = new Uint8Array(0);

const malformed = (reason: string): SignatureVerificationError => verifyErrors.invalidRequest(`Malformed aws-chunked body: ${reason}`);
const truncated = (): SignatureVerificationError => verifyErrors.incompleteBody('The request body terminated unexpectedly');

function latin1(bytes: Uint8Array): string {
  return bytesToLatin1(bytes);
}

/** Pull-based reader over an async iterable of byte chunks; holds at most one input chunk. */
class FrameReader {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private buf: Uint8Array = EMPTY;
  private pos = 0;
  private done = false;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  private async more(): Promise<boolean> {
    while (!this.done) {
      const r = await this.iterator.next();
      if (r.done) {
        this.done = true;
        break;
      }
      if (r.value.byteLength > 0) {
        this.buf = r.value;
        this.pos = 0;
        return true;
      }
    }
    return false;
  }

  /** A CRLF-terminated ASCII line without its CRLF. */
  async line(): Promise<string> {
    let text = '';
    for (;;) {
      if (this.pos >= this.buf.byteLength && !(await this.more())) throw truncated();
      const lf = this.buf.indexOf(0x0a, this.pos);
      const end = lf < 0 ? this.buf.byteLength : lf;
      text += latin1(this.buf.subarray(this.pos, end));
      this.pos = lf < 0 ? end : lf + 1;
      if (text.length > MAX_LINE + 1) throw malformed(`a line is longer than ${MAX_LINE} bytes`);
      if (lf >= 0) {
        if (!text.endsWith('\r')) throw malformed('a line does not end with CRLF');
        return text.slice(0, -1);
      }
    }
  }

  /** Exactly `n` bytes, as views of the input (no copy). */
  async *bytes(n: number): AsyncGenerator<Uint8Array> {
    let left = n;
    while (left > 0) {
      if (this.pos >= this.buf.byteLength && !(await this.more())) throw truncated();
      const take = Math.min(left, this.buf.byteLength - this.pos);
      const piece = this.buf.subarray(this.pos, this.pos + take);
      this.pos += take;
      left -= take;
      yield piece;
    }
  }

  async crlf(): Promise<void> {
    for (const expected of [0x0d, 0x0a]) {
      if (this.pos >= this.buf.byteLength && !(await this.more())) throw truncated();
      if (this.buf[this.pos++] !== expected) throw malformed('chunk data is not followed by CRLF');
    }
  }

  async atEnd(): Promise<boolean> {
    return this.pos >= this.buf.byteLength && !(await this.more());
  }

  async close(): Promise<void> {
    if (!this.done) {
      this.done = true;
      await this.iterator.return?.();
    }
  }
}

/**
 * Decodes an aws-chunked body as it streams and verifies it: every chunk signature (chained from
 * the seed signature), the final empty chunk, the trailers and their signature (signed-trailer
 * mode), and the decoded length. A SigV4a request's chunks carry ECDSA signatures
 * (`STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD[-TRAILER]`), hex DER padded with `*` to 144
 * characters; they are verified under the public key of the request's credentials. Yields the decoded data; a signed chunk is yielded only after
 * its signature was checked. Returns (and passes to `onTrailers`) the trailer values, so the caller
 * can check `x-amz-checksum-*`.
 * @throws SignatureVerificationError from the iterator: `SignatureDoesNotMatch` (403, a chunk or
 *   trailer signature), `IncompleteBody` (400, body ended early or decoded length differs),
 *   `InvalidChunkSizeError` (403, a signed chunk below `minChunkSize` that is not the last),
 *   `InvalidRequest` (400, malformed framing), `MalformedTrailerError` (400, missing, unexpected or
 *   malformed trailers).
 * @throws ValidationError `ERR_VALIDATION` when the payload mode is not a streaming one.
 * @example
 * ```ts
 * for await (const data of verifyAwsChunked(body, verified, { onTrailers: (t) => checkCrc(t) })) store.write(data);
 * ```
 */
export async function* verifyAwsChunked(
  body: AsyncIterable<Uint8Array>,
  verification: ChunkedVerification,
  options: VerifyAwsChunkedOptions = {},
): AsyncGenerator<Uint8Array, Record<string, string>> {
  const mode = verification.payloadMode;
  if (!mode.startsWith('streaming-')) {
    throw new ValidationError({ field: 'verification.payloadMode', rule: 'must be a streaming mode for aws-chunked', value: mode });
  }
  const signed = mode !== 'streaming-unsigned-trailer';
  const withTrailer = mode !== 'streaming-signed';
  const decodedLength = options.decodedContentLength ?? verification.decodedContentLength;
  if (decodedLength === undefined) {
    throw new SignatureVerificationError('MissingContentLength', 411, 'You must provide the Content-Length HTTP header.');
  }
  const expectedTrailers = new Set((options.trailerNames ?? verification.trailerNames ?? []).map((n) => n.toLowerCase()));
  if (!withTrailer && expectedTrailers.size > 0) throw verifyErrors.malformedTrailer('x-amz-trailer needs a trailer payload mode');
  const maxChunk = options.maxChunkSize ?? 16_777_216;
  const minChunk = signed ? (options.minChunkSize ?? 8192) : 0;
  const key = unwrapSigningKey(verification.signingKey);
  if (signed && !key) throw new ValidationError({ field: 'verification.signingKey', rule: 'must come from verifyRequest' });
  const chain = key && createChunkChainVerifier(key, verification);
  // No StringToSign in these details: a chunk's string to sign contains the previous signature.
  const mismatch = (what: string): SignatureVerificationError => verifyErrors.mismatch({ Chunk: what });

  const reader = new FrameReader(body);
  try {
    let total = 0;
    let chunks = 0;
    let lastSize = -1;
    for (;;) {
      throwIfAborted(options.signal);
      const header = await reader.line();
      const semi = header.indexOf(';');
      const sizeText = semi < 0 ? header : header.slice(0, semi);
      if (!SIZE.test(sizeText)) throw malformed(`invalid chunk size "${sizeText.slice(0, 32)}"`);
      const size = parseInt(sizeText, 16);
      if (size > maxChunk) throw malformed(`a chunk of ${size} bytes exceeds the ${maxChunk}-byte limit`);
      let signature: string | undefined;
      if (signed) {
        const m = semi < 0 ? null : SIGNATURE_EXT.exec(header.slice(semi + 1));
        signature = m ? chain!.parse(m[1]!) : undefined;
        if (signature === undefined) throw malformed('a chunk has no valid chunk-signature');
      } else if (semi >= 0) {
        throw malformed('unsigned chunks carry no extensions');
      }
      if (size > 0 && lastSize >= 0 && lastSize < minChunk) {
        throw new SignatureVerificationError('InvalidChunkSizeError', 403, `Only the last chunk is allowed to have a size less than ${minChunk} bytes`, {
          Chunk: String(chunks),
          BadChunkSize: String(lastSize),
        });
      }
      total += size;
      if (total > decodedLength) {
        throw verifyErrors.incompleteBody(`The decoded body is longer than the x-amz-decoded-content-length of ${decodedLength} bytes`);
      }
      chunks++;
      if (size > 0) lastSize = size;
      if (signed) {
        const parts: Uint8Array[] = [];
        const hash = size === 0 ? undefined : createHash('sha256');
        for await (const piece of reader.bytes(size)) {
          hash!.update(piece);
          parts.push(piece);
        }
        if (!chain!.chunk(signature!, hash ? hash.digest('hex') : EMPTY_SHA256)) throw mismatch(String(chunks));
        if (size > 0) yield* parts;
      } else {
        yield* reader.bytes(size);
      }
      if (size === 0) break;
      await reader.crlf();
    }
    if (total !== decodedLength) {
      throw verifyErrors.incompleteBody(`The decoded body has ${total} bytes, not the x-amz-decoded-content-length of ${decodedLength}`);
    }

    const trailers: Record<string, string> = {};
    if (withTrailer) {
      let text = '';
      let trailerSignature: string | undefined;
      for (let n = 0; ; n++) {
        const line = await reader.line();
        if (line === '') break;
        if (n >= MAX_TRAILER_LINES || trailerSignature !== undefined) throw verifyErrors.malformedTrailer('too many trailer lines');
        const colon = line.indexOf(':');
        const name = colon < 0 ? '' : line.slice(0, colon).toLowerCase();
        if (!TRAILER_NAME.test(name)) throw verifyErrors.malformedTrailer('a trailer line is not "name:value"');
        const value = line.slice(colon + 1);
        if (name === 'x-amz-trailer-signature' && signed) {
          trailerSignature = chain!.parse(value);
          if (trailerSignature === undefined) throw verifyErrors.malformedTrailer('x-amz-trailer-signature is not a valid signature');
          continue;
        }
        if (!expectedTrailers.has(name)) throw verifyErrors.malformedTrailer(`unexpected trailer "${name.slice(0, 64)}"`);
        if (name in trailers) throw verifyErrors.malformedTrailer(`trailer "${name}" appears twice`);
        trailers[name] = value.trim();
        text += `${line}\n`;
      }
      for (const name of expectedTrailers) if (!(name in trailers)) throw verifyErrors.malformedTrailer(`missing trailer "${name}"`);
      if (signed) {
        if (trailerSignature === undefined) throw verifyErrors.malformedTrailer('missing x-amz-trailer-signature');
        if (!chain!.trailer(trailerSignature, text)) throw mismatch('trailer');
      }
    } else if ((await reader.line()) !== '') {
      throw malformed('the final chunk is not followed by an empty line');
    }
    if (!(await reader.atEnd())) throw malformed('data after the end of the aws-chunked body');
    options.onTrailers?.(trailers);
    return trailers;
  } finally {
    await reader.close();
  }
}
