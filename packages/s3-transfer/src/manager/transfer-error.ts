import { S3kitError } from '@s3kit/primitives';

/** Code: the object changed (new ETag) while it was being downloaded or copied. */
export const ERR_OBJECT_CHANGED = 'ERR_OBJECT_CHANGED';
/** Code: the local source file changed since the checkpoint was written. */
export const ERR_SOURCE_CHANGED = 'ERR_SOURCE_CHANGED';
/** Code: a checkpoint file is unreadable or not a checkpoint of this kind. */
export const ERR_CHECKPOINT_INVALID = 'ERR_CHECKPOINT_INVALID';
/** Code: the downloaded or uploaded data does not match the object's checksum, ETag or size. */
export const ERR_INTEGRITY = 'ERR_INTEGRITY';
/** Code: a sync would delete more objects or files than `maxDelete` allows. */
export const ERR_TOO_MANY_DELETES = 'ERR_TOO_MANY_DELETES';

/** Code: a hashing worker thread crashed or exited while it computed a checksum. */
export const ERR_HASH_WORKER = 'ERR_HASH_WORKER';

/** Codes of {@link TransferError}. */
export type TransferErrorCode =
  | typeof ERR_OBJECT_CHANGED
  | typeof ERR_SOURCE_CHANGED
  | typeof ERR_CHECKPOINT_INVALID
  | typeof ERR_INTEGRITY
  | typeof ERR_TOO_MANY_DELETES
  | typeof ERR_HASH_WORKER;

/**
 * A transfer-level failure with a stable `code` (one class, several codes): `ERR_OBJECT_CHANGED`,
 * `ERR_SOURCE_CHANGED`, `ERR_CHECKPOINT_INVALID`, `ERR_INTEGRITY`, `ERR_TOO_MANY_DELETES`, `ERR_HASH_WORKER`.
 * Messages name the bucket and key; never a secret.
 * @example
 * ```ts
 * try { await tm.download({ Bucket, Key }, { to: 'a.bin' }); }
 * catch (err) { if (isTransferError(err) && err.code === ERR_OBJECT_CHANGED) retryLater(); }
 * ```
 */
export class TransferError extends S3kitError {
  override readonly name = 'TransferError' as const;
  declare readonly code: TransferErrorCode;
  constructor(code: TransferErrorCode, message: string, options: { cause?: unknown; retryable?: boolean; details?: Record<string, unknown> } = {}) {
    super(message, { code, ...options });
  }
}

/** Whether `value` is a {@link TransferError} (works across copies of the package). */
export function isTransferError(value: unknown): value is TransferError {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'TransferError';
}
