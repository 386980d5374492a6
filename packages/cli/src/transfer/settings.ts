import { createTransferManager } from '@s3kit/s3-transfer';
import type { TransferManager } from '@s3kit/s3-transfer';
import type { S3Client } from '@s3kit/s3-core';

/** How transfers run: parallelism, part size, bandwidth, headers, resume. */
export interface TransferSettings {
  /**
   * Requests in flight at once across the command (parts of a file, files of a tree).
   * @default 8
   */
  concurrency: number;
  /**
   * Multipart part size and download range size; files above it go multipart.
   * @default 8 MiB (s3-transfer's `DEFAULT_PART_SIZE`)
   */
  partSize: number;
  /** `--bwlimit`: bytes per second across every transfer of the command. @default unlimited */
  bandwidthLimit?: number | undefined;
  /** `--content-type` for uploads and copies. */
  contentType?: string | undefined;
  /** `--metadata` for uploads and copies. */
  metadata?: Record<string, string> | undefined;
  /** `--resume`: keep checkpoints beside each file so an interrupted transfer continues where it stopped. @default false */
  resume?: boolean | undefined;
  /** Stops every transfer (with `resume`, multipart uploads are kept for the next run). */
  signal?: AbortSignal | undefined;
}

/** Default of {@link TransferSettings.concurrency}. */
export const DEFAULT_CONCURRENCY = 8;

/**
 * The `@s3kit/s3-transfer` manager for a command: one request concurrency, bandwidth limit and
 * retry budget shared by all its transfers; files above the part size go multipart, like the AWS CLI.
 */
export function createCliTransferManager(client: S3Client, settings: TransferSettings): TransferManager {
  return createTransferManager({
    client,
    concurrency: settings.concurrency,
    partSize: settings.partSize,
    multipartThreshold: settings.partSize + 1,
    ...(settings.bandwidthLimit === undefined ? {} : { bandwidthLimit: settings.bandwidthLimit }),
  });
}

/** Where `--resume` keeps the checkpoint of a transfer to or from `path`. */
export function checkpointPath(path: string): string {
  return `${path}.s3kit-checkpoint`;
}
