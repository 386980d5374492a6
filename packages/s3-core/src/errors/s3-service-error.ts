import { S3kitError, classifyError, isS3kitError } from '@s3kit/primitives';
import type { S3ErrorCode } from './s3-error-code.js';

/** Options of {@link S3ServiceError}. */
export interface S3ServiceErrorOptions {
  /** S3's error code, verbatim (`NoSuchKey`, `SlowDown`), or ours for bodiless responses (`NotFound`). */
  code: string;
  /** HTTP status of the response. */
  statusCode: number;
  /** S3's `<Message>`, whitespace collapsed. */
  serviceMessage?: string;
  /** `<RequestId>` or the `x-amz-request-id` header. */
  requestId?: string;
  /** `<HostId>` or the `x-amz-id-2` header. */
  hostId?: string;
  /** The bucket's region when S3 said it (`x-amz-bucket-region`, `<Region>`). */
  region?: string;
  /** The operation that failed (`GetObject`). */
  operation?: string;
  /** The request's bucket. */
  bucket?: string;
  /** The request's object key. */
  key?: string;
  /** Delay the server asked for (`Retry-After`), in milliseconds. */
  retryAfterMs?: number;
  /** Further members of S3's `<Error>` (`Endpoint`, `ActualObjectSize`, ...), secrets already redacted. */
  details?: Readonly<Record<string, unknown>>;
  cause?: unknown;
}

function describeTarget(bucket: string | undefined, key: string | undefined): string {
  if (bucket !== undefined && key !== undefined) return ` ${bucket}/${key}`;
  if (bucket !== undefined) return ` ${bucket}`;
  return key === undefined ? '' : ` ${key}`;
}

/**
 * An error response from S3 (or an S3-compatible server), with S3's code kept verbatim.
 *
 * One class for every S3 error: branch on `code` (`NoSuchKey`, `AccessDenied`, `SlowDown`, ...) or
 * `statusCode`. `retryable` is computed with the shared retry classification (throttling codes,
 * transient codes, 5xx). The message says where and what, never a secret:
 * `GetObject photos/a.jpg failed: NoSuchKey (404): The specified key does not exist. request id 4442587FB7D0A2F9`.
 *
 * @example
 * ```ts
 * try { await client.getObject({ Bucket, Key }); }
 * catch (err) { if (isS3ServiceError(err) && err.code === 'NoSuchKey') return undefined; throw err; }
 * ```
 */
export class S3ServiceError extends S3kitError {
  override readonly name = 'S3ServiceError' as const;
  /** S3's code verbatim: switch over the known codes (`KnownS3ErrorCode`), with a `default` for other servers' codes. */
  declare readonly code: S3ErrorCode;
  /** HTTP status of the response. */
  readonly statusCode: number;
  /** S3's own message, whitespace collapsed. */
  readonly serviceMessage: string | undefined;
  /** S3 request id (`x-amz-request-id`), to quote to AWS support. */
  readonly requestId: string | undefined;
  /** S3 extended request id (`x-amz-id-2`). */
  readonly hostId: string | undefined;
  /** The bucket's region, when S3 said it (redirects, `AuthorizationHeaderMalformed`). */
  readonly region: string | undefined;
  /** The operation that failed. */
  readonly operation: string | undefined;
  /** The request's bucket. */
  readonly bucket: string | undefined;
  /** The request's object key. */
  readonly key: string | undefined;
  /** Delay the server asked for with `Retry-After`, in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(options: S3ServiceErrorOptions) {
    const what = options.operation ?? 'S3 request';
    let message = `${what}${describeTarget(options.bucket, options.key)} failed: ${options.code} (${options.statusCode})`;
    if (options.serviceMessage) message += `: ${options.serviceMessage}`;
    if (options.requestId) message += `${/[.!?]$/.test(message) ? '' : '.'} request id ${options.requestId}`;
    const classification = classifyError({ code: options.code, statusCode: options.statusCode });
    const details: Record<string, unknown> = { statusCode: options.statusCode, ...options.details };
    super(message, {
      code: options.code,
      cause: options.cause,
      retryable: classification === 'throttling' || classification === 'transient',
      details,
    });
    this.statusCode = options.statusCode;
    this.serviceMessage = options.serviceMessage;
    this.requestId = options.requestId;
    this.hostId = options.hostId;
    this.region = options.region;
    this.operation = options.operation;
    this.bucket = options.bucket;
    this.key = options.key;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Whether `value` is an {@link S3ServiceError}, from any installed copy of s3kit (checked by brand and name). */
export function isS3ServiceError(value: unknown): value is S3ServiceError {
  return isS3kitError(value) && value.name === 'S3ServiceError' && typeof (value as { statusCode?: unknown }).statusCode === 'number';
}

/**
 * Whether `value` is an S3 "not found" error: any {@link S3ServiceError} with status 404
 * (`NoSuchKey`, `NoSuchBucket`, `NoSuchVersion`, `NoSuchUpload`, or `NotFound` from a HEAD).
 */
export function isNotFoundError(value: unknown): value is S3ServiceError {
  return isS3ServiceError(value) && value.statusCode === 404;
}

/**
 * Whether `value` is a failed condition: `PreconditionFailed` (412), as a conditional write
 * (`IfNoneMatch: '*'` on an existing key, `IfMatch` on another ETag) or read answers.
 * @example
 * ```ts
 * try {
 *   await client.putObject({ Bucket: 'photos', Key: 'lock', Body: 'me', IfNoneMatch: '*' });
 * } catch (err) {
 *   if (isPreconditionFailed(err)) console.log('someone else holds the lock');
 *   else throw err;
 * }
 * ```
 */
export function isPreconditionFailed(value: unknown): value is S3ServiceError {
  return isS3ServiceError(value) && value.statusCode === 412;
}

/**
 * Whether `value` is S3's `ConditionalRequestConflict` (409): a conditional write raced another
 * write of the same key (or a multipart upload was completed or aborted meanwhile). Read the
 * object again, then decide whether to retry.
 */
export function isConditionalRequestConflict(value: unknown): value is S3ServiceError {
  return isS3ServiceError(value) && value.statusCode === 409 && value.code === 'ConditionalRequestConflict';
}
