/** Stable codes carried by {@link RgwHarnessError}. */
export type RgwHarnessErrorCode =
  /** This machine cannot run RGW (not Linux, no Ceph and no way to install it). */
  | 'ERR_RGW_UNAVAILABLE'
  /** A daemon or admin command failed, or a start-up wait ran out of time. */
  | 'ERR_RGW_START'
  /** The S3KIT_TEST_* environment variables are incomplete. */
  | 'ERR_RGW_CONFIG'
  /** The caller's AbortSignal fired. */
  | 'ERR_ABORTED';

/**
 * Error thrown by the RGW test harness. The message never contains a secret key.
 *
 * The harness is private tooling with no runtime dependencies, so it does not use the
 * `@s3kit/primitives` error classes; the `code` field follows the same `ERR_*` convention.
 */
export class RgwHarnessError extends Error {
  override readonly name = 'RgwHarnessError';
  /** Stable machine-readable code. */
  readonly code: RgwHarnessErrorCode;

  /**
   * @param code - stable code
   * @param message - what failed and where; no secrets
   * @param options - optional `cause`
   */
  constructor(code: RgwHarnessErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
