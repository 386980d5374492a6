import { CLOCK_SKEW_ERROR_CODES } from '@s3kit/primitives';
import type { Clock, HttpResponse } from '@s3kit/primitives';
import type { Signer } from '@s3kit/sigv4';
import type { S3ServiceError } from '../errors/s3-service-error.js';

/** Skew below this is left alone: clocks a few seconds apart still sign valid requests. */
const SKEW_TOLERANCE_MS = 60_000;

/**
 * After a clock-skew error, sets the signer's offset from the server's `Date` and marks the error
 * retryable when the offset differs from the one the failed request was signed with (so a request
 * signed before a concurrent correction is retried, and a bad secret is not retried forever).
 */
export function correctClockSkew(signer: Signer, clock: Clock, error: S3ServiceError, response: HttpResponse, signedOffset: number): void {
  // A HEAD's 403 has no body to say RequestTimeTooSkewed: its Date header is the only clue.
  if (!CLOCK_SKEW_ERROR_CODES.has(error.code) && !(error.statusCode === 403 && error.code === 'Forbidden')) return;
  const serverTimeText = response.headers.date ?? (error.details?.ServerTime as string | undefined);
  const serverTime = serverTimeText === undefined ? NaN : Date.parse(serverTimeText);
  if (Number.isNaN(serverTime)) return;
  const offset = serverTime - clock.now();
  if (Math.abs(offset - signedOffset) < SKEW_TOLERANCE_MS) return;
  signer.setClockOffset(offset);
  Object.defineProperty(error, 'clockSkewCorrected', { value: true, enumerable: false, configurable: true });
}
