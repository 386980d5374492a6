import { S3kitError } from '@s3kit/primitives';

const RETRYABLE_CODES: ReadonlySet<string> = new Set(['Throttling', 'ThrottlingException', 'RequestLimitExceeded', 'IDPCommunicationError', 'ServiceUnavailable', 'InternalFailure', 'RequestTimeout']);

/** Options of {@link StsServiceError}. */
export interface StsServiceErrorOptions {
  /** STS's error code, verbatim (`AccessDenied`, `ExpiredToken`, `InvalidIdentityToken`). */
  code: string;
  /** STS's message (never contains a secret: STS does not echo keys or tokens). */
  message: string;
  /** HTTP status. */
  statusCode: number;
  /** `AssumeRole` or `AssumeRoleWithWebIdentity`. */
  operation: string;
  /** STS request id, for AWS support. */
  requestId?: string | undefined;
}

/**
 * An error response from AWS STS (`<ErrorResponse><Error><Code>`). `code` is STS's code verbatim;
 * throttling codes and 5xx are `retryable`.
 */
export class StsServiceError extends S3kitError {
  override readonly name = 'StsServiceError' as const;
  /** HTTP status. */
  readonly statusCode: number;
  /** The STS action. */
  readonly operation: string;
  /** STS request id. */
  readonly requestId: string | undefined;

  constructor(options: StsServiceErrorOptions) {
    const shown = options.message.length > 300 ? `${options.message.slice(0, 300)}...` : options.message;
    const id = options.requestId ? `, request id ${options.requestId}` : '';
    super(`STS ${options.operation} failed: ${options.code} (${options.statusCode})${shown ? `: ${shown}` : ''}${id}`, {
      code: options.code,
      retryable: options.statusCode >= 500 || RETRYABLE_CODES.has(options.code),
      details: { statusCode: options.statusCode, operation: options.operation, requestId: options.requestId },
    });
    this.statusCode = options.statusCode;
    this.operation = options.operation;
    this.requestId = options.requestId;
  }
}

/** Whether `value` is a {@link StsServiceError}. */
export function isStsServiceError(value: unknown): value is StsServiceError {
  return value instanceof Error && value.name === 'StsServiceError' && typeof (value as { statusCode?: unknown }).statusCode === 'number';
}
