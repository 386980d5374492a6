/**
 * What a failed transfer left behind, said in its error: a partial download or a multipart upload
 * is either removed (nothing is left) or kept on purpose for a resume from its checkpoint, and the
 * caller must be able to tell which without looking at the disk or the bucket.
 */

/** A failed transfer's partial download or multipart upload, and whether it was kept. */
export type TransferLeftover =
  | {
      kind: 'partial-file';
      /** Kept for a resume from `checkpoint`; otherwise it was deleted. */
      kept: boolean;
      /** The temp file the ranges were written to. */
      path: string;
      checkpoint?: string;
    }
  | {
      kind: 'multipart-upload';
      /** `kept`: left for a resume from `checkpoint`; `aborted`: gone; `orphaned`: the abort failed too. */
      state: 'kept' | 'aborted' | 'orphaned';
      Bucket: string;
      Key: string;
      UploadId: string;
      checkpoint?: string;
    };

const LEFTOVER = Symbol.for('@s3kit/transfer-leftover');

/** What the transfer that failed with `error` left behind, if it got as far as a temp file or an upload. */
export function getTransferLeftover(error: unknown): TransferLeftover | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  return (error as Record<symbol, TransferLeftover | undefined>)[LEFTOVER];
}

/** One sentence saying what became of the leftover. */
export function describeLeftover(leftover: TransferLeftover): string {
  if (leftover.kind === 'partial-file') {
    return leftover.kept
      ? `the partial download ${leftover.path} is kept for a resume from ${leftover.checkpoint ?? 'its checkpoint'}`
      : `the partial download was removed`;
  }
  const upload = `multipart upload ${leftover.UploadId} of s3://${leftover.Bucket}/${leftover.Key}`;
  if (leftover.state === 'kept') return `${upload} is kept for a resume from ${leftover.checkpoint ?? 'its checkpoint'}`;
  return leftover.state === 'aborted' ? `${upload} was aborted` : `${upload} could not be aborted: abort it, or let a lifecycle rule collect it`;
}

/**
 * Records `leftover` on `error` and appends what became of it to its message; returns `error`.
 * Values that are not objects are returned unchanged.
 */
export function withLeftover(error: unknown, leftover: TransferLeftover): unknown {
  if (typeof error !== 'object' || error === null || !Object.isExtensible(error)) return error;
  Object.defineProperty(error, LEFTOVER, { value: leftover, configurable: true, enumerable: false, writable: true });
  if (error instanceof Error) error.message = `${error.message} (${describeLeftover(leftover)})`;
  return error;
}
