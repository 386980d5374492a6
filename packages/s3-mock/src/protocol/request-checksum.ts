/**
 * Validates the checksum of an upload as S3 does: one `x-amz-checksum-<algorithm>` header or
 * trailer, well-formed, and equal to the checksum of the received bytes; `x-amz-sdk-checksum-algorithm`
 * must agree with it (alone, it asks S3 to compute and store that checksum).
 */
import type { ChecksumAlgorithm, ObjectChecksum } from '../engine/records.js';
import { CHECKSUM_ALGORITHMS, CHECKSUM_BYTES, checksumOf, isBase64Of, parseChecksumAlgorithm } from './checksums.js';
import { S3ProtocolError } from './protocol-error.js';

const invalidRequest = (message: string): S3ProtocolError => S3ProtocolError.of('InvalidRequest', {}, message);

/** The algorithm named by `x-amz-sdk-checksum-algorithm` (or `x-amz-checksum-algorithm`), if any. @throws S3ProtocolError `InvalidRequest` when unknown */
export function requestedAlgorithm(headers: Readonly<Record<string, string>>, name = 'x-amz-sdk-checksum-algorithm'): ChecksumAlgorithm | undefined {
  const text = headers[name];
  if (text === undefined) return undefined;
  const algorithm = parseChecksumAlgorithm(text.trim());
  if (!algorithm) throw invalidRequest(`Value for ${name} header is invalid.`);
  return algorithm;
}

/**
 * The checksum to store for `bytes`, after validating what the client sent.
 * @throws S3ProtocolError `InvalidRequest` (several checksums, malformed value, algorithm disagreement), `BadDigest` (mismatch)
 */
export function resolveRequestChecksum(
  headers: Readonly<Record<string, string>>,
  trailers: Readonly<Record<string, string>>,
  bytes: Uint8Array,
): ObjectChecksum | undefined {
  const sent: { algorithm: ChecksumAlgorithm; value: string; name: string }[] = [];
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    const name = `x-amz-checksum-${algorithm.toLowerCase()}`;
    const value = trailers[name] ?? headers[name];
    if (value !== undefined) sent.push({ algorithm, value: value.trim(), name });
  }
  if (sent.length > 1) throw invalidRequest('Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.');
  const sdk = requestedAlgorithm(headers);
  const given = sent[0];
  if (!given) return sdk ? { algorithm: sdk, value: checksumOf(sdk, bytes), type: 'FULL_OBJECT' } : undefined;
  if (sdk !== undefined && sdk !== given.algorithm) throw invalidRequest('Value for x-amz-sdk-checksum-algorithm header is invalid.');
  if (!isBase64Of(given.value, CHECKSUM_BYTES[given.algorithm])) throw invalidRequest(`Value for ${given.name} header is invalid.`);
  const computed = checksumOf(given.algorithm, bytes);
  if (computed !== given.value) {
    throw S3ProtocolError.of('BadDigest', {}, `The ${given.algorithm} you specified did not match the calculated checksum.`);
  }
  return { algorithm: given.algorithm, value: computed, type: 'FULL_OBJECT' };
}

/** Header name of a checksum (`x-amz-checksum-crc32c`). */
export const checksumHeader = (algorithm: ChecksumAlgorithm): string => `x-amz-checksum-${algorithm.toLowerCase()}`;

/** XML element name of a checksum (`ChecksumCRC32C`). */
export const checksumElement = (algorithm: ChecksumAlgorithm): string => `Checksum${algorithm}`;
