import { AbortError, ValidationError, createRateLimiter, createRetryStrategy, systemClock } from '@s3kit/primitives';
import type { Clock, RetryStrategy, RetryStrategyOptions } from '@s3kit/primitives';
import { CHECKSUM_ALGORITHMS, isChecksumAlgorithm } from '@s3kit/s3-core';
import type { ChecksumAlgorithm } from '@s3kit/s3-core';
import type { UploadCheckpoint } from '../checkpoint/checkpoint.js';
import { runBucketSync, runPlanBucketSync } from '../sync/bucket-sync.js';
import type { BucketSyncOptions, BucketSyncPlan, BucketSyncResult } from '../sync/bucket-sync.js';
import { runCopy } from '../copy/copy.js';
import type { CopyInput, CopyOptions, CopyResult } from '../copy/copy.js';
import { runDownloadDirectory, runUploadDirectory } from '../sync/directory.js';
import type { DownloadDirectoryOptions, DownloadDirectoryResult, UploadDirectoryOptions, UploadDirectoryResult } from '../sync/directory.js';
import { runDownload } from '../download/download.js';
import type { DownloadInput, DownloadOptions, DownloadResult } from '../download/download.js';
import { nodeFileSystem } from '../files/file-system.js';
import { sharedHashPool } from '../hashing/hash-pool.js';
import type { HashPool } from '../hashing/hash-pool.js';
import type { TransferFileSystem } from '../files/file-system.js';
import { MAX_PART_SIZE, MIN_PART_SIZE, MiB } from '../upload/part-plan.js';
import { createSemaphore } from './semaphore.js';
import { runPlanSync, runSync } from '../sync/sync-manager.js';
import type { SyncOptions, SyncPlan, SyncResult } from '../sync/sync-manager.js';
import type { TransferClient } from './transfer-client.js';
import type { ChecksumMode, TransferContext } from './transfer-context.js';
import { runResumeUpload, runUpload } from '../upload/upload.js';
import type { UploadInput, UploadOptions, UploadResult } from '../upload/upload.js';

/** Options of {@link createTransferManager}. */
export interface TransferManagerOptions {
  /** The S3 client (an `S3Client` of `@s3kit/s3-core`, or anything with the same methods). */
  client: TransferClient;
  /**
   * Requests in flight across all transfers of the manager; also the default parts in flight per transfer.
   * @default 8
   */
  concurrency?: number;
  /** Part size of uploads, copies and download ranges. @default 8 MiB, larger when an object needs it to fit 10,000 parts */
  partSize?: number;
  /** Objects of at least this size are uploaded in parts. @default 16 MiB (and never below the part size) */
  multipartThreshold?: number;
  /** Objects larger than this are copied with UploadPartCopy. @default 5 GiB (S3's CopyObject limit) */
  copyThreshold?: number;
  /**
   * Bytes of part buffers held across all transfers (file and stream parts, buffered download
   * ranges for `Writable` targets). A part larger than the budget still runs, alone.
   * @default 256 MiB
   */
  memoryBudget?: number;
  /**
   * Bytes per second across all transfers (uploads and downloads). The burst after an idle spell is
   * a tenth of a second of it (at least one 256 KiB chunk).
   * @default unlimited
   */
  bandwidthLimit?: number;
  /**
   * Multipart checksums: per-part checksums plus a FULL_OBJECT checksum combined from them
   * (`full-object`), per-part checksums only (`composite`, for servers without FULL_OBJECT support),
   * or none. A single PutObject carries the object's checksum unless `none`.
   * @default 'full-object'
   */
  checksum?: ChecksumMode;
  /**
   * The algorithm of upload checksums. `full-object` needs a CRC (`CRC32`, `CRC32C` or
   * `CRC64NVME`): S3 combines only those from parts.
   * @default 'CRC32'
   */
  checksumAlgorithm?: ChecksumAlgorithm;
  /**
   * Smallest part accepted: lower it only for test servers (s3-mock's `minPartSize`).
   * @default 5 MiB
   */
  minPartSize?: number;
  /**
   * Retries of each part (UploadPart, a download range, a small upload's PutObject) and of
   * CompleteMultipartUpload: the manager sends these with the client's own retries off, so a part
   * is sent at most `maxAttempts` times in all. Other requests use the client's retry strategy.
   * @default standard mode, 5 attempts
   */
  retry?: RetryStrategy | RetryStrategyOptions;
  /** Clock for rates and backoff. @default systemClock */
  clock?: Clock;
  /** Filesystem port. @default node:fs/promises */
  fs?: TransferFileSystem;
  /**
   * Where upload checksums are computed: large parts on worker threads while other parts are on the
   * wire, small ones on the calling thread.
   * @default one pool shared by every manager of the process ({@link createHashPool}'s defaults: workers from `os.availableParallelism()`, in-thread where there are none)
   */
  hashPool?: HashPool;
}

/** Uploads, downloads and copies sharing one set of budgets; see {@link createTransferManager}. */
export interface TransferManager {
  /**
   * Uploads a file, bytes, a Blob or a stream: one PutObject below the threshold, else a multipart
   * upload (bounded parallel parts, a checksum per part and for the whole object: CRC32 unless `checksumAlgorithm` says otherwise).
   * @throws {ValidationError} `ERR_VALIDATION` for a bad body or part size.
   * @throws {TransferError} `ERR_INTEGRITY` when the server's checksum differs; `ERR_SOURCE_CHANGED` on resume of a changed file.
   * @throws {AbortError} `ERR_ABORTED` when paused by `signal` or cancelled by `abort()`.
   * @throws {S3ServiceError} the server's error after retries.
   */
  upload(input: UploadInput, options?: UploadOptions): Promise<UploadResult>;
  /**
   * Resumes a checkpointed multipart upload: reconciles with ListParts, sends only missing parts.
   * @throws {TransferError} `ERR_CHECKPOINT_INVALID` (bad file, upload gone), `ERR_SOURCE_CHANGED`.
   */
  resumeUpload(checkpoint: UploadCheckpoint | string, options?: UploadOptions): Promise<UploadResult>;
  /**
   * Downloads with parallel ranged GETs pinned to the object's ETag, verified before it is renamed into place.
   * @throws {TransferError} `ERR_OBJECT_CHANGED` when the object is replaced mid-download; `ERR_INTEGRITY` on a failed check.
   */
  download(input: DownloadInput, options: DownloadOptions): Promise<DownloadResult>;
  /**
   * Copies server-side (CopyObject, or UploadPartCopy above the copy threshold).
   * @throws {TransferError} `ERR_OBJECT_CHANGED` when the source changes during the copy.
   */
  copy(input: CopyInput, options?: CopyOptions): Promise<CopyResult>;
  /**
   * Uploads a directory tree to a key prefix (files in parallel); failures are reported per file.
   * Each object gets the file's mtime as `x-amz-meta-mtime`.
   */
  uploadDirectory(options: UploadDirectoryOptions): Promise<UploadDirectoryResult>;
  /** Downloads a key prefix to a directory; unsafe keys (`../x`...) are skipped with a reason, failures reported per file. */
  downloadDirectory(options: DownloadDirectoryOptions): Promise<DownloadDirectoryResult>;
  /** Plans a sync without changing anything; `plan.format()` prints it. */
  planSync(options: SyncOptions): Promise<SyncPlan>;
  /**
   * Plans and runs a sync (`dryRun` stops after planning).
   * @throws {TransferError} `ERR_TOO_MANY_DELETES` when the plan deletes more than `maxDelete` (nothing is changed).
   */
  sync(options: SyncOptions): Promise<SyncResult>;
  /** Plans a prefix-to-prefix sync (server-side copies) without changing anything. */
  planBucketSync(options: BucketSyncOptions): Promise<BucketSyncPlan>;
  /**
   * Syncs one key prefix to another (same or another bucket) with server-side copies; both listings are
   * streamed and merge-joined (bounded memory).
   * @throws {TransferError} `ERR_TOO_MANY_DELETES` when the plan deletes more than `maxDelete`.
   */
  bucketSync(options: BucketSyncOptions): Promise<BucketSyncResult>;
  /** Cancels every transfer of the manager: multipart uploads are aborted and checkpoints and temp files removed. */
  abort(reason?: unknown): void;
}

function positive(field: string, value: number | undefined, min = 1): void {
  if (value !== undefined && (!Number.isFinite(value) || value < min)) throw new ValidationError({ field, rule: `must be a number >= ${min}`, value });
}

/** The algorithms S3 can combine from parts into a FULL_OBJECT checksum. */
const FULL_OBJECT_ALGORITHMS: readonly ChecksumAlgorithm[] = ['CRC32', 'CRC32C', 'CRC64NVME'];

/**
 * Creates a transfer manager: every transfer it runs shares one request concurrency, one memory
 * budget, one bandwidth limit and one retry strategy (so a `503 SlowDown` storm backs everything off).
 * @throws {ValidationError} `ERR_VALIDATION` for out-of-range options, or a `checksumAlgorithm` S3 cannot combine into the `full-object` checksum asked for.
 * @example
 * ```ts
 * const tm = createTransferManager({ client: new S3Client({ region: 'eu-west-1' }), concurrency: 16 });
 * await tm.upload({ Bucket: 'backups', Key: 'db.tar', Body: '/var/backups/db.tar' }, { checkpoint: '/var/backups/db.tar.ckpt' });
 * await tm.download({ Bucket: 'backups', Key: 'db.tar' }, { to: '/restore/db.tar' });
 * ```
 */
export function createTransferManager(options: TransferManagerOptions): TransferManager {
  const concurrency = options.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new ValidationError({ field: 'concurrency', rule: 'must be an integer >= 1', value: concurrency });
  const minPartSize = options.minPartSize ?? MIN_PART_SIZE;
  positive('minPartSize', minPartSize);
  if (options.partSize !== undefined && (!Number.isSafeInteger(options.partSize) || options.partSize < minPartSize || options.partSize > MAX_PART_SIZE)) {
    throw new ValidationError({ field: 'partSize', rule: `must be an integer from ${minPartSize} to ${MAX_PART_SIZE}`, value: options.partSize });
  }
  positive('memoryBudget', options.memoryBudget);
  positive('bandwidthLimit', options.bandwidthLimit);
  positive('multipartThreshold', options.multipartThreshold, 0);
  positive('copyThreshold', options.copyThreshold, 0);
  const checksum = options.checksum ?? 'full-object';
  if (!['full-object', 'composite', 'none'].includes(checksum)) throw new ValidationError({ field: 'checksum', rule: 'must be full-object, composite or none', value: checksum });
  const checksumAlgorithm = options.checksumAlgorithm ?? 'CRC32';
  if (!isChecksumAlgorithm(checksumAlgorithm)) throw new ValidationError({ field: 'checksumAlgorithm', rule: `must be one of ${CHECKSUM_ALGORITHMS.join(', ')}`, value: checksumAlgorithm });
  if (checksum === 'full-object' && !FULL_OBJECT_ALGORITHMS.includes(checksumAlgorithm)) {
    throw new ValidationError({ field: 'checksumAlgorithm', rule: `must be ${FULL_OBJECT_ALGORITHMS.join(', ')} for full-object checksums (or use checksum: 'composite')`, value: checksumAlgorithm });
  }
  const clock = options.clock ?? systemClock;
  const retry = options.retry !== undefined && 'run' in options.retry ? options.retry : createRetryStrategy({ maxAttempts: 5, clock, ...options.retry });
  const chunkSize = 256 * 1024;
  // A token bucket lets its burst go out at wire speed: a burst of one second of the limit ran at
  // 2.6-2.9x the limit for the first 40% of a 200 MB upload. A tenth of a second (at least one
  // chunk, the unit bytes are metered in) keeps the start at the limit.
  const bandwidthBurst = Math.max(chunkSize, Math.ceil((options.bandwidthLimit ?? 0) / 10));
  const cancel = new AbortController();
  const ctx: TransferContext = {
    client: options.client,
    clock,
    fs: options.fs ?? nodeFileSystem,
    slots: createSemaphore(concurrency),
    memory: createSemaphore(options.memoryBudget ?? 256 * MiB),
    bandwidth: options.bandwidthLimit === undefined ? undefined : createRateLimiter({ ratePerSecond: options.bandwidthLimit, burst: bandwidthBurst, clock }),
    bandwidthBurst,
    retry,
    partSize: options.partSize,
    minPartSize,
    multipartThreshold: Math.max(options.multipartThreshold ?? 16 * MiB, options.partSize ?? 0),
    copyThreshold: options.copyThreshold ?? MAX_PART_SIZE,
    concurrency,
    checksum,
    checksumAlgorithm,
    hashes: options.hashPool ?? sharedHashPool(),
    chunkSize,
    cancelled: cancel.signal,
  };
  return {
    upload: (input, o) => runUpload(ctx, input, o),
    resumeUpload: (checkpoint, o) => runResumeUpload(ctx, checkpoint, o),
    download: (input, o) => runDownload(ctx, input, o),
    copy: (input, o) => runCopy(ctx, input, o),
    uploadDirectory: (o) => runUploadDirectory(ctx, o),
    downloadDirectory: (o) => runDownloadDirectory(ctx, o),
    planSync: (o) => runPlanSync(ctx, o),
    sync: (o) => runSync(ctx, o),
    planBucketSync: (o) => runPlanBucketSync(ctx, o),
    bucketSync: (o) => runBucketSync(ctx, o),
    abort: (reason) => {
      cancel.abort(reason ?? new AbortError('The transfer manager was aborted'));
    },
  };
}
