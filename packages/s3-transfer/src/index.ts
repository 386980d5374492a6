export { createTransferManager } from './manager/transfer-manager.js';
export type { TransferManager, TransferManagerOptions } from './manager/transfer-manager.js';
export type { ChecksumMode } from './manager/transfer-context.js';
export type { UploadInput, UploadOptions, UploadResult } from './upload/upload.js';
export type { UploadBody } from './upload/body-source.js';
export type { DownloadInput, DownloadOptions, DownloadResult, Verification } from './download/download.js';
export type { CopyInput, CopyOptions, CopyResult } from './copy/copy.js';
export type {
  UploadDirectoryOptions,
  UploadDirectoryResult,
  DownloadDirectoryOptions,
  DownloadDirectoryResult,
  FileFailure,
  LocalFile,
} from './sync/directory.js';
export { compareForSync } from './sync/sync-manager.js';
export type {
  SyncOptions,
  SyncPlan,
  SyncResult,
  SyncAction,
  SyncDirection,
  SyncStrategy,
  SyncReason,
  LocalSide,
  RemoteSide,
  CompareOutcome,
} from './sync/sync-manager.js';
export { compareObjects } from './sync/bucket-sync.js';
export type { BucketSyncOptions, BucketSyncPlan, BucketSyncResult, BucketSyncAction } from './sync/bucket-sync.js';
export type { TransferProgress, ProgressListener } from './manager/progress.js';
export type { TransferClient, ObjectWriteOptions, ObjectHeadOutput } from './manager/transfer-client.js';
export type { TransferChecksum } from './upload/transfer-checksum.js';
export {
  planParts,
  partRange,
  partRanges,
  streamPartSize,
  maxStreamSize,
  rangeHeader,
  MiB,
  MIN_PART_SIZE,
  MAX_PART_SIZE,
  MAX_PARTS,
  MAX_OBJECT_SIZE,
  DEFAULT_PART_SIZE,
  STREAM_TIER_PARTS,
} from './upload/part-plan.js';
export type { PartPlan, PartRange, PartPlanOptions } from './upload/part-plan.js';
export { parseCheckpoint, saveCheckpoint, loadCheckpoint, removeCheckpoint, CHECKPOINT_VERSION } from './checkpoint/checkpoint.js';
export type {
  TransferCheckpoint,
  UploadCheckpoint,
  DownloadCheckpoint,
  CheckpointPart,
  CheckpointRange,
  SourceIdentity,
} from './checkpoint/checkpoint.js';
export { keyToLocalPath, localPathToKey } from './files/path-safety.js';
export type { SkipReason, LocalPathResult, KeyToPathOptions } from './files/path-safety.js';
export { compileGlob, createPathFilter } from './sync/path-filter.js';
export type { PathFilter, PathFilterOptions, PathFilterRoot } from './sync/path-filter.js';
export {
  TransferError,
  isTransferError,
  ERR_OBJECT_CHANGED,
  ERR_SOURCE_CHANGED,
  ERR_CHECKPOINT_INVALID,
  ERR_INTEGRITY,
  ERR_TOO_MANY_DELETES,
  ERR_HASH_WORKER,
} from './manager/transfer-error.js';
export { createHashPool, createInThreadHashPool, defaultHashWorkers } from './hashing/hash-pool.js';
export type { HashPool, HashPoolOptions } from './hashing/hash-pool.js';
export type { TransferErrorCode } from './manager/transfer-error.js';
export { getTransferLeftover, describeLeftover } from './manager/leftover.js';
export type { TransferLeftover } from './manager/leftover.js';
export { nodeFileSystem } from './files/file-system.js';
export type { TransferFileSystem, TransferStats, TransferFileHandle, TransferDirent } from './files/file-system.js';
export { deleteObjects, MAX_DELETE_BATCH } from './delete/delete-objects.js';
export type { DeleteObjectsInput, DeleteObjectsOptions, DeleteObjectsResult } from './delete/delete-objects.js';
