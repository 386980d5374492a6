import { createRateLimiter } from '@s3kit/primitives';
import type { RateLimiter } from '@s3kit/primitives';

/** How transfers run: parallelism, part size, bandwidth. */
export interface TransferSettings {
  /**
   * Requests in flight at once (parts of one file, or files of a tree).
   * @default 8
   */
  concurrency: number;
  /**
   * Multipart part size and the size from which uploads go multipart and downloads go ranged.
   * @default 8 MiB
   */
  partSize: number;
  /** Shared bandwidth limiter (`--bwlimit`), if any. */
  bandwidth?: Bandwidth | undefined;
  /** `--content-type` for uploads. */
  contentType?: string | undefined;
  /** `--metadata` for uploads. */
  metadata?: Record<string, string> | undefined;
  /** Stops every transfer. */
  signal?: AbortSignal | undefined;
}

/** Default of {@link TransferSettings.concurrency}. */
export const DEFAULT_CONCURRENCY = 8;
/** Default of {@link TransferSettings.partSize}. */
export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;
/** Smallest part S3 accepts (except the last). */
export const MIN_PART_SIZE = 5 * 1024 * 1024;

const SLICE = 64 * 1024;

/** A byte budget per second shared by every transfer of a command. */
export interface Bandwidth {
  /** Waits until `bytes` may be sent or received. */
  take(bytes: number, signal?: AbortSignal): Promise<void>;
}

/** A {@link Bandwidth} of `bytesPerSecond` (token bucket, one second of burst). */
export function createBandwidth(bytesPerSecond: number): Bandwidth {
  const burst = Math.max(bytesPerSecond, SLICE);
  const limiter: RateLimiter = createRateLimiter({ ratePerSecond: bytesPerSecond, burst });
  return {
    async take(bytes, signal) {
      for (let left = bytes; left > 0; left -= burst) {
        const tokens = Math.min(left, burst);
        await limiter.acquire('bw', signal ? { tokens, signal } : { tokens });
      }
    },
  };
}
