import { createHash } from '#platform/sigv4-crypto';
import { ValidationError, throwIfAborted } from '@s3kit/primitives';
import { SignatureVerificationError } from './verify-error.js';
import type { VerifiedRequest } from './verify-request.js';

function mismatch(client: string, computed: string): SignatureVerificationError {
  return new SignatureVerificationError('XAmzContentSHA256Mismatch', 400, "The provided 'x-amz-content-sha256' header does not match what was computed.", {
    ClientComputedContentSHA256: client,
    S3ComputedContentSHA256: computed,
  });
}

function checkMode(verification: Pick<VerifiedRequest, 'payloadMode'>): boolean {
  if (verification.payloadMode === 'signed') return true;
  if (verification.payloadMode === 'unsigned') return false;
  throw new ValidationError({ field: 'verification.payloadMode', rule: 'streaming payloads are checked with verifyAwsChunked', value: verification.payloadMode });
}

/**
 * Checks a whole body against the signed `x-amz-content-sha256` (payload mode `signed`); does
 * nothing for `unsigned`.
 * @throws SignatureVerificationError `XAmzContentSHA256Mismatch` (400) with both hashes as details.
 * @throws ValidationError `ERR_VALIDATION` for a streaming payload mode (use {@link verifyAwsChunked}).
 * @example `verifyPayload(await body.bytes(), verified);`
 */
export function verifyPayload(body: Uint8Array | string, verification: Pick<VerifiedRequest, 'payloadMode' | 'payloadHash'>): void {
  if (!checkMode(verification)) return;
  const computed = createHash('sha256').update(body).digest('hex');
  if (computed !== verification.payloadHash.toLowerCase()) throw mismatch(verification.payloadHash, computed);
}

/**
 * Passes a body stream through while hashing it; after the last chunk, checks the hash against
 * the signed `x-amz-content-sha256` (payload mode `signed`). The consumer must not commit the data
 * before the iteration completes.
 * @throws SignatureVerificationError `XAmzContentSHA256Mismatch` (400) from the iterator.
 * @throws AbortError `ERR_ABORTED` when `signal` aborts between chunks.
 */
export async function* verifyPayloadStream(
  body: AsyncIterable<Uint8Array>,
  verification: Pick<VerifiedRequest, 'payloadMode' | 'payloadHash'>,
  options: { signal?: AbortSignal | undefined } = {},
): AsyncGenerator<Uint8Array> {
  const check = checkMode(verification);
  const hash = createHash('sha256');
  for await (const chunk of body) {
    throwIfAborted(options.signal);
    if (check) hash.update(chunk);
    yield chunk;
  }
  if (!check) return;
  const computed = hash.digest('hex');
  if (computed !== verification.payloadHash.toLowerCase()) throw mismatch(verification.payloadHash, computed);
}
