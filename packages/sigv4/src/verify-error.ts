import { S3kitError } from '@s3kit/primitives';

/**
 * A request failed SigV4 verification. `code` is S3's error code verbatim (`SignatureDoesNotMatch`,
 * `AuthorizationHeaderMalformed`, `RequestTimeTooSkewed`, ...), `statusCode` the HTTP status S3
 * answers with, and `details` the extra elements of S3's `<Error>` document (`Region`,
 * `CanonicalRequest`, `StringToSign`, `ServerTime`, ...). Never carries a secret, signing key or
 * signature.
 * @example
 * ```ts
 * try { await verifyRequest(request, options); }
 * catch (err) { if (isSignatureVerificationError(err)) reply(err.statusCode, err.code, err.message, err.details); }
 * ```
 */
export class SignatureVerificationError extends S3kitError {
  override readonly name = 'SignatureVerificationError' as const;
  /** HTTP status S3 returns with this code (400 or 403). */
  readonly statusCode: number;

  constructor(code: string, statusCode: number, message: string, details?: Readonly<Record<string, string>>) {
    super(message, details ? { code, details } : { code });
    this.statusCode = statusCode;
  }
}

/** Whether `value` is a {@link SignatureVerificationError} (from any installed copy of this package). */
export function isSignatureVerificationError(value: unknown): value is SignatureVerificationError {
  return value instanceof Error && value.name === 'SignatureVerificationError' && typeof (value as { statusCode?: unknown }).statusCode === 'number';
}

/** Builds the S3 errors verification raises. Internal. */
export const verifyErrors = {
  accessDenied: (message = 'Access Denied', details?: Record<string, string>) => new SignatureVerificationError('AccessDenied', 403, message, details),
  malformedHeader: (reason: string, details?: Record<string, string>) =>
    new SignatureVerificationError('AuthorizationHeaderMalformed', 400, `The authorization header is malformed; ${reason}`, details),
  queryError: (message: string, details?: Record<string, string>) =>
    new SignatureVerificationError('AuthorizationQueryParametersError', 400, message, details),
  invalidArgument: (message: string, argumentName: string, argumentValue?: string) =>
    new SignatureVerificationError(
      'InvalidArgument',
      400,
      message,
      argumentValue === undefined ? { ArgumentName: argumentName } : { ArgumentName: argumentName, ArgumentValue: argumentValue },
    ),
  invalidRequest: (message: string) => new SignatureVerificationError('InvalidRequest', 400, message),
  mismatch: (details: Record<string, string>) =>
    new SignatureVerificationError(
      'SignatureDoesNotMatch',
      403,
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      details,
    ),
  incompleteBody: (message: string) => new SignatureVerificationError('IncompleteBody', 400, message),
  malformedTrailer: (reason: string) =>
    new SignatureVerificationError(
      'MalformedTrailerError',
      400,
      `The request contained trailing data that was not well-formed or did not conform to our published schema: ${reason}`,
    ),
};
