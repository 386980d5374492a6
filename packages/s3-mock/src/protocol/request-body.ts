/**
 * Reads a request body the way S3 does: the whole decoded payload, with `Content-Length`
 * enforced, aws-chunked framing decoded (chunk signatures checked as they stream when the request
 * was verified), the signed payload hash checked, and trailers collected.
 */
import { createHash } from '#platform/mock-crypto';
import type { HttpRequest } from '@s3kit/primitives';
import { bytesToLatin1, concatBytes } from '@s3kit/primitives';
import { verifyAwsChunked } from '@s3kit/sigv4';
import type { VerifiedRequest } from '@s3kit/sigv4';
import { S3ProtocolError } from './protocol-error.js';

/** A decoded body and its trailers (lower-case names). */
export interface ReadBody {
  bytes: Uint8Array;
  trailers: Record<string, string>;
}

const encoder = new TextEncoder();
const STREAMING = /^STREAMING-/;

async function* asStream(body: HttpRequest['body']): AsyncGenerator<Uint8Array> {
  if (body === undefined) return;
  if (typeof body === 'string') yield encoder.encode(body);
  else if (body instanceof Uint8Array) yield body;
  else yield* body;
}

/** Counts the raw bytes; fails with `IncompleteBody` when they differ from `Content-Length`. */
async function* counted(source: AsyncIterable<Uint8Array>, expected: number | undefined): AsyncGenerator<Uint8Array> {
  let n = 0;
  const iterator = source[Symbol.asyncIterator]();
  for (;;) {
    let step: IteratorResult<Uint8Array>;
    try {
      step = await iterator.next();
    } catch (err) {
      // The client stopped sending (a socket closed before Content-Length bytes arrived).
      if (err instanceof S3ProtocolError) throw err;
      throw S3ProtocolError.of('IncompleteBody', {}, undefined, err);
    }
    if (step.done) break;
    n += step.value.byteLength;
    if (expected !== undefined && n > expected) throw S3ProtocolError.of('IncompleteBody');
    yield step.value;
  }
  if (expected !== undefined && n !== expected) throw S3ProtocolError.of('IncompleteBody');
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const c of source) {
    chunks.push(c);
    total += c.byteLength;
  }
  return chunks.length === 0 ? new Uint8Array(0) : concatBytes(chunks, total);
}

function contentLength(request: HttpRequest): number | undefined {
  const text = request.headers['content-length'];
  if (text === undefined) return undefined;
  if (!/^\d{1,15}$/.test(text.trim())) throw S3ProtocolError.of('InvalidArgument', { ArgumentName: 'Content-Length', ArgumentValue: text.slice(0, 32) }, 'Invalid Content-Length');
  return Number(text);
}

/**
 * Decodes aws-chunked framing without checking signatures (auth `none`): `size[;ext]\r\n data\r\n`
 * chunks, a zero chunk, then `name:value` trailer lines and an empty line.
 */
export function decodeAwsChunkedLenient(raw: Uint8Array): ReadBody {
  const buf = bytesToLatin1(raw); // one character per byte: offsets stay byte offsets
  const parts: Uint8Array[] = [];
  let pos = 0;
  const bad = (): S3ProtocolError => S3ProtocolError.of('InvalidRequest', {}, 'Malformed aws-chunked body');
  const line = (): string => {
    const end = buf.indexOf('\r\n', pos);
    if (end < 0) throw S3ProtocolError.of('IncompleteBody');
    const text = buf.slice(pos, end);
    pos = end + 2;
    return text;
  };
  for (;;) {
    const header = line();
    const sizeText = header.split(';')[0]!;
    if (!/^[0-9a-fA-F]{1,16}$/.test(sizeText)) throw bad();
    const size = parseInt(sizeText, 16);
    if (size === 0) break;
    if (pos + size + 2 > buf.length) throw S3ProtocolError.of('IncompleteBody');
    parts.push(raw.subarray(pos, pos + size));
    pos += size;
    if (buf.slice(pos, pos + 2) !== '\r\n') throw bad();
    pos += 2;
  }
  const trailers: Record<string, string> = {};
  while (pos < buf.length) {
    const l = line();
    if (l === '') break;
    const colon = l.indexOf(':');
    if (colon < 1) throw bad();
    trailers[l.slice(0, colon).trim().toLowerCase()] = l.slice(colon + 1).trim();
  }
  return { bytes: concatBytes(parts), trailers };
}

/**
 * Reads the whole body of `request`.
 * @throws S3ProtocolError `IncompleteBody` (raw length differs from Content-Length), `MissingContentLength` (411: a
 *   stream without Content-Length and without aws-chunked), `XAmzContentSHA256Mismatch`, `InvalidRequest` (framing)
 * @throws SignatureVerificationError from aws-chunked verification (`SignatureDoesNotMatch`, `IncompleteBody`, ...)
 */
export async function readRequestBody(request: HttpRequest, verified: VerifiedRequest | undefined): Promise<ReadBody> {
  const length = contentLength(request);
  const isStream = request.body !== undefined && typeof request.body !== 'string' && !(request.body instanceof Uint8Array);
  const sha = request.headers['x-amz-content-sha256'] ?? '';
  const streaming = verified ? verified.payloadMode.startsWith('streaming') : STREAMING.test(sha);
  if (length === undefined && isStream && !(streaming && request.headers['x-amz-decoded-content-length'] !== undefined)) {
    throw S3ProtocolError.of('MissingContentLength');
  }
  const raw = counted(asStream(request.body), length);
  if (streaming) {
    if (verified) {
      let trailers: Record<string, string> = {};
      const bytes = await collect(verifyAwsChunked(raw, verified, { onTrailers: (t) => (trailers = { ...t }) }));
      return { bytes, trailers };
    }
    const decoded = decodeAwsChunkedLenient(await collect(raw));
    const declared = request.headers['x-amz-decoded-content-length'];
    if (declared !== undefined && Number(declared) !== decoded.bytes.byteLength) throw S3ProtocolError.of('IncompleteBody');
    return decoded;
  }
  const bytes = await collect(raw);
  // A hex x-amz-content-sha256 is checked even without auth: S3 checks it before anything else.
  const signedHash = verified ? (verified.payloadMode === 'signed' ? verified.payloadHash : undefined) : /^[0-9a-fA-F]{64}$/.test(sha) ? sha : undefined;
  if (signedHash !== undefined) {
    const computed = createHash('sha256').update(bytes).digest('hex');
    if (computed !== signedHash.toLowerCase()) {
      throw S3ProtocolError.of('XAmzContentSHA256Mismatch', { ClientComputedContentSHA256: signedHash, S3ComputedContentSHA256: computed });
    }
  }
  return { bytes, trailers: {} };
}

/** Reads and discards a body that an operation does not use (still enforcing Content-Length). */
export async function drainRequestBody(request: HttpRequest): Promise<void> {
  if (request.body === undefined) return;
  for await (const _ of counted(asStream(request.body), contentLength(request))) {
    /* discard */
  }
}
