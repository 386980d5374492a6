/**
 * Request checksums and streamed bodies: decides what is added to a serialized request before it is
 * signed. The rules (and why) are in the README's "Checksums" and "Streaming uploads" sections.
 */
import { ValidationError } from '@s3kit/primitives';
import type { ChecksumSetting, HttpRequest } from '@s3kit/primitives';
import type { StreamingMode } from '@s3kit/sigv4';
import { CHECKSUM_HEADERS, checksumBase64, createChecksum, isChecksumAlgorithm } from '../checksums/checksum.js';
import type { ChecksumAlgorithm } from '../checksums/checksum.js';
import type { CompiledOperation } from '../interpreter/compile.js';

/** How to sign the prepared request. */
export type SigningPlan =
  | { kind: 'plain' }
  | { kind: 'unsigned-payload' }
  | {
      kind: 'streaming';
      mode: StreamingMode;
      decodedContentLength: number;
      trailer: { trailerName: string; valueLength: number; update: (data: Uint8Array) => void; digest: () => string } | undefined;
    };

const PLAIN: SigningPlan = { kind: 'plain' };
const UNSIGNED: SigningPlan = { kind: 'unsigned-payload' };
const BASE64_LENGTH: Readonly<Record<ChecksumAlgorithm, number>> = { CRC32: 8, CRC32C: 8, CRC64NVME: 12, SHA1: 28, SHA256: 44 };

function hasChecksumHeader(headers: Record<string, string>): boolean {
  for (const name in headers) if (name.startsWith('x-amz-checksum-') && name !== 'x-amz-checksum-mode' && name !== 'x-amz-checksum-type') return true;
  return false;
}

/** What {@link prepareBody} needs from the client. */
export interface BodyContext {
  /** Effective request checksum setting. */
  requestChecksum: ChecksumSetting;
  /** Whether the endpoint is AWS (aws-chunked with unsigned trailers is safe there). */
  isAws: boolean;
}

/**
 * Adds checksums to `request` (in place) and says how to sign it.
 * - Required-checksum operations (DeleteObjects, Put*Tagging) always get `Content-MD5`, which
 *   every S3-compatible server accepts, plus the algorithm the caller named.
 * - PutObject/UploadPart get the caller's `ChecksumAlgorithm`, or CRC32 when `when_supported`.
 * - A stream needs `ContentLength`. On AWS, with a checksum, it is sent aws-chunked with the
 *   checksum as a trailer (unsigned trailer over HTTPS, signed over HTTP). Custom endpoints get no
 *   trailer: Ceph RGW rejects both trailer modes (`XAmzContentSHA256Mismatch`), so a stream for which
 *   a checksum was asked is sent signed aws-chunked instead (every chunk signed, which the server
 *   verifies); pass a precomputed `ChecksumCRC32` (etc.) to send a checksum header with a stream.
 *   Without a checksum, a stream goes as `UNSIGNED-PAYLOAD` with its length.
 * @throws {ValidationError} `ERR_VALIDATION` for a stream without `ContentLength` or an unknown algorithm.
 */
export function prepareBody(op: CompiledOperation, input: Record<string, unknown>, request: HttpRequest, context: BodyContext): SigningPlan {
  const body = request.body;
  const checksum = op.spec.checksum;
  if (body === undefined || checksum === undefined) {
    if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) return streamPlan(request, undefined, context);
    return PLAIN;
  }
  const headers = request.headers;
  const member = checksum.requestAlgorithmMember;
  const named = member === undefined ? undefined : input[member];
  if (named !== undefined && !isChecksumAlgorithm(named)) {
    throw new ValidationError({ field: member!, rule: 'must be one of CRC32, CRC32C, CRC64NVME, SHA1, SHA256', value: named });
  }
  let algorithm: ChecksumAlgorithm | undefined = named;
  if (algorithm === undefined && member !== undefined && context.requestChecksum === 'when_supported') algorithm = 'CRC32';
  if (hasChecksumHeader(headers)) algorithm = undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) {
    if (checksum.required === true && headers['content-md5'] === undefined) headers['content-md5'] = checksumBase64('MD5', body);
    if (algorithm !== undefined) {
      headers[CHECKSUM_HEADERS[algorithm]] = checksumBase64(algorithm, body);
      headers['x-amz-sdk-checksum-algorithm'] = algorithm;
    }
    return PLAIN;
  }
  return streamPlan(request, algorithm, context);
}

function streamPlan(request: HttpRequest, algorithm: ChecksumAlgorithm | undefined, context: BodyContext): SigningPlan {
  const headers = request.headers;
  const declared = headers['content-length'];
  if (declared === undefined) {
    throw new ValidationError({
      field: 'ContentLength',
      rule: 'is required with a streamed Body (S3 needs the length up front; use s3-transfer for streams of unknown length)',
    });
  }
  if (algorithm === undefined) return UNSIGNED;
  Reflect.deleteProperty(headers, 'content-length');
  if (!context.isAws) {
    Reflect.deleteProperty(headers, 'x-amz-sdk-checksum-algorithm');
    return { kind: 'streaming', mode: 'signed', decodedContentLength: Number(declared), trailer: undefined };
  }
  const sum = createChecksum(algorithm);
  headers['x-amz-sdk-checksum-algorithm'] = algorithm;
  const mode: StreamingMode = request.protocol === 'https:' ? 'unsigned-trailer' : 'signed-trailer';
  return {
    kind: 'streaming',
    mode,
    decodedContentLength: Number(declared),
    trailer: {
      trailerName: CHECKSUM_HEADERS[algorithm],
      valueLength: BASE64_LENGTH[algorithm],
      update: (data) => void sum.update(data),
      digest: () => sum.digestBase64(),
    },
  };
}
