import { S3kitError } from '@s3kit/primitives';

/** Code of {@link UsageError}. */
export const ERR_USAGE = 'ERR_USAGE';

/** Bad flags or arguments: printed with what to do instead, exit code 252 (as the AWS CLI v2). */
export class UsageError extends S3kitError {
  override readonly name = 'UsageError';
  /** What to run instead, printed after the message. */
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message, { code: ERR_USAGE });
    this.hint = hint;
  }
}

/** Whether `value` is a {@link UsageError}. */
export function isUsageError(value: unknown): value is UsageError {
  return value instanceof UsageError;
}
