export { createTransferManager } from './transfer-manager.js';
export type { TransferManager, TransferManagerOptions } from './transfer-manager.js';
export type { ChecksumMode } from './transfer-context.js';
export type { UploadInput, UploadOptions, UploadResult } from './upload.js';
export type { UploadBody } from './body-source.js';
export type { DownloadInput, DownloadOptions, DownloadResult, Verification } from './download.js';
export type { CopyInput, CopyOptions, CopyResult } from './copy.js';
export type {
  UploadDirectoryOptions,
  UploadDirectoryResult,
  DownloadDirectoryOptions,
  DownloadDirectoryResult,
  FileFailure,
  LocalFile,
} from './directory.js';
export { compareForSync } from './sync-manager.js';
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
} from './sync-manager.js';
export { compareObjects, compareUtf8 } from './bucket-sync.js';
export type { BucketSyncOptions, BucketSyncPlan, BucketSyncResult, BucketSyncAction } from './bucket-sync.js';
export type { TransferProgress, ProgressListener } from './progress.js';
export type { TransferClient, ObjectWriteOptions, ObjectHeadOutput } from './transfer-client.js';
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
} from './part-plan.js';
export type { PartPlan, PartRange, PartPlanOptions } from './part-plan.js';
export { parseCheckpoint, saveCheckpoint, loadCheckpoint, removeCheckpoint, CHECKPOINT_VERSION } from './checkpoint.js';
export type {
  TransferCheckpoint,
  UploadCheckpoint,
  DownloadCheckpoint,
  CheckpointPart,
  CheckpointRange,
  SourceIdentity,
} from './checkpoint.js';
export { keyToLocalPath, localPathToKey } from './path-safety.js';
export type { SkipReason, LocalPathResult, KeyToPathOptions } from './path-safety.js';
export { compileGlob, createPathFilter } from './glob.js';
export type { PathFilter } from './glob.js';
export {
  TransferError,
  isTransferError,
  ERR_OBJECT_CHANGED,
  ERR_SOURCE_CHANGED,
  ERR_CHECKPOINT_INVALID,
  ERR_INTEGRITY,
  ERR_TOO_MANY_DELETES,
} from './transfer-error.js';
export type { TransferErrorCode } from './transfer-error.js';
export { getTransferLeftover, describeLeftover } from './leftover.js';
export type { TransferLeftover } from './leftover.js';
export { nodeFileSystem } from './file-system.js';
export type { TransferFileSystem, TransferStats, TransferFileHandle, TransferDirent } from './file-system.js';
