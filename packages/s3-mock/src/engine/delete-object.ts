import type { Requester } from './account.js';
import { checkWriteConditions } from './conditions.js';
import type { EngineContext } from './engine-state.js';
import { S3MockError } from './errors.js';
import type { S3ErrorCode } from './errors.js';
import { currentObject, requireBucket, shownVersionId } from './lookups.js';
import { assertKey } from './object-input.js';
import { deleteCurrent, deleteVersion } from './object-store.js';
import { checkDeletable } from './object-lock.js';
import { conditionTarget, writerOf } from './object-write.js';
import { versionOf } from './version-stack.js';

/** Input of DeleteObject. */
export interface DeleteObjectInput {
  Bucket: string;
  Key: string;
  /** Delete this version for good (an object version or a delete marker) instead of the current object. */
  VersionId?: string;
  /** Conditional delete: only if the current ETag matches. */
  IfMatch?: string;
  /** `x-amz-bypass-governance-retention`: delete a version under GOVERNANCE retention. */
  BypassGovernanceRetention?: boolean;
}

/** Output of DeleteObject (`x-amz-version-id`, `x-amz-delete-marker`). */
export interface DeleteObjectOutput {
  /** The version removed (with `VersionId`), or the delete marker written (without). */
  VersionId?: string;
  /** Whether a delete marker was written, or the version removed was one. */
  DeleteMarker?: boolean;
}

/** Input of DeleteObjects. */
export interface DeleteObjectsInput {
  Bucket: string;
  /** 1 to 1000 keys. */
  Objects: readonly { Key: string; VersionId?: string }[];
  /** Quiet mode: only errors are reported. */
  Quiet?: boolean;
  /** `x-amz-bypass-governance-retention`. */
  BypassGovernanceRetention?: boolean;
}

/** One `<Deleted>` entry of DeleteObjects. */
export interface DeletedEntry {
  Key: string;
  /** The version id the request named. */
  VersionId?: string;
  /** Whether a delete marker was written or removed. */
  DeleteMarker?: boolean;
  /** That delete marker's version id. */
  DeleteMarkerVersionId?: string;
}

/** Output of DeleteObjects. */
export interface DeleteObjectsOutput {
  /** Deleted keys (empty in quiet mode). */
  Deleted: DeletedEntry[];
  /** Per-key failures. */
  Errors: { Key: string; VersionId?: string; Code: S3ErrorCode; Message: string }[];
}

/**
 * Deletes an object as S3 does: with a version id, that version for good; without, the key (a bucket
 * that never had versioning) or by writing a delete marker. A missing key or version succeeds (204).
 * @throws S3MockError `NoSuchBucket`, `NoSuchKey` / `PreconditionFailed` (with `IfMatch`)
 */
export function deleteObject(ctx: EngineContext, input: DeleteObjectInput, requester: Requester): DeleteObjectOutput {
  const bucket = requireBucket(ctx, input.Bucket);
  assertKey(input.Key);
  if (input.IfMatch !== undefined) {
    checkWriteConditions({ IfMatch: input.IfMatch }, conditionTarget(currentObject(bucket, input.Key)), input.Key);
  }
  if (input.VersionId !== undefined) {
    const target = versionOf(bucket.keys.get(input.Key), input.VersionId);
    if (target?.kind === 'object') checkDeletable(target, input.BypassGovernanceRetention === true, ctx.clock.now());
    const removed = deleteVersion(ctx, bucket, input.Key, input.VersionId);
    return { VersionId: input.VersionId, ...(removed?.kind === 'deleteMarker' ? { DeleteMarker: true } : {}) };
  }
  const marker = deleteCurrent(ctx, bucket, input.Key, writerOf(bucket, requester));
  if (!marker) return {};
  const VersionId = shownVersionId(bucket, marker);
  return VersionId === undefined ? { DeleteMarker: true } : { DeleteMarker: true, VersionId };
}

/**
 * Deletes up to 1000 keys or versions, reporting per key.
 * @throws S3MockError `NoSuchBucket`, `MalformedXML` (no keys or more than 1000)
 */
export function deleteObjects(ctx: EngineContext, input: DeleteObjectsInput, requester: Requester): DeleteObjectsOutput {
  requireBucket(ctx, input.Bucket);
  if (input.Objects.length === 0 || input.Objects.length > 1000) throw new S3MockError('MalformedXML');
  const out: DeleteObjectsOutput = { Deleted: [], Errors: [] };
  for (const { Key, VersionId } of input.Objects) {
    try {
      const one: DeleteObjectInput = { Bucket: input.Bucket, Key, ...(VersionId === undefined ? {} : { VersionId }) };
      if (input.BypassGovernanceRetention) one.BypassGovernanceRetention = true;
      const result = deleteObject(ctx, one, requester);
      if (input.Quiet) continue;
      const entry: DeletedEntry = { Key };
      if (VersionId !== undefined) entry.VersionId = VersionId;
      if (result.DeleteMarker) {
        entry.DeleteMarker = true;
        if (result.VersionId !== undefined) entry.DeleteMarkerVersionId = result.VersionId;
      }
      out.Deleted.push(entry);
    } catch (err) {
      /* v8 ignore next -- deleteObject only throws S3MockError */
      if (!(err instanceof S3MockError)) throw err;
      out.Errors.push({ Key, ...(VersionId === undefined ? {} : { VersionId }), Code: err.code, Message: err.message });
    }
  }
  return out;
}
