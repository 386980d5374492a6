/**
 * Writes to a bucket's keys, through their version stacks: a new version (its id chosen by the
 * bucket's versioning state), an update of one version in place, a delete.
 */
import type { Owner } from './account.js';
import type { BucketState, EngineContext } from './engine-state.js';
import { randomId } from './engine-state.js';
import { deepFreeze } from './freeze.js';
import { NULL_VERSION_ID } from './records.js';
import type { KeyVersion, ObjectVersion } from './records.js';
import { claimStorage, sizeOf } from './storage.js';
import { pushVersion, removeVersion, replaceVersion, versionOf } from './version-stack.js';

/** An object version before it is stored (the store gives it its id). */
export type NewObjectVersion = Omit<ObjectVersion, 'kind' | 'VersionId'>;

/** Stores `version` as the newest of its key (a `null` one replaces the previous `null` version). */
function store(ctx: EngineContext, bucket: BucketState, version: KeyVersion): void {
  const stack = bucket.keys.get(version.Key);
  const replaced = version.VersionId === NULL_VERSION_ID ? versionOf(stack, NULL_VERSION_ID) : undefined;
  claimStorage(ctx, sizeOf(version) - sizeOf(replaced));
  if (!stack) bucket.sortedKeys = undefined;
  bucket.keys.set(version.Key, pushVersion(stack, deepFreeze(version)));
}

/** The id of the next version of `key`: a new one (unique among the key's versions) when versioning is enabled, else `null`. */
function nextVersionId(ctx: EngineContext, bucket: BucketState, key: string): string {
  if (bucket.record.config.Versioning !== 'Enabled') return NULL_VERSION_ID;
  const stack = bucket.keys.get(key);
  return randomId(ctx, 32, (id) => versionOf(stack, id) !== undefined);
}

/** Stores a new version of `fields.Key` and returns it. */
export function writeVersion(ctx: EngineContext, bucket: BucketState, fields: NewObjectVersion): ObjectVersion {
  const version: ObjectVersion = { kind: 'object', VersionId: nextVersionId(ctx, bucket, fields.Key), ...fields };
  store(ctx, bucket, version);
  return version;
}

/** Replaces a stored version by an updated copy of it (same key and version id). */
export function updateVersion(bucket: BucketState, version: ObjectVersion): void {
  const stack = bucket.keys.get(version.Key);
  if (stack) bucket.keys.set(version.Key, replaceVersion(stack, deepFreeze(version)));
}

/**
 * Removes version `versionId` of `key` for good (an object version or a delete marker).
 * @returns the removed version, `undefined` when there was none
 */
export function deleteVersion(ctx: EngineContext, bucket: BucketState, key: string, versionId: string): KeyVersion | undefined {
  const stack = bucket.keys.get(key);
  const version = versionOf(stack, versionId);
  if (!stack || !version) return undefined;
  claimStorage(ctx, -sizeOf(version));
  const rest = removeVersion(stack, versionId);
  if (rest) bucket.keys.set(key, rest);
  else {
    bucket.keys.delete(key);
    bucket.sortedKeys = undefined;
  }
  return version;
}

/**
 * Deletes the current object at `key` as S3 does without a version id: in a bucket that never had
 * versioning the key is gone; otherwise a delete marker becomes its newest version.
 * @returns the delete marker written, if any
 */
export function deleteCurrent(ctx: EngineContext, bucket: BucketState, key: string, owner: Owner): KeyVersion | undefined {
  if (bucket.record.config.Versioning === undefined) {
    deleteVersion(ctx, bucket, key, NULL_VERSION_ID);
    return undefined;
  }
  const marker: KeyVersion = { kind: 'deleteMarker', Key: key, VersionId: nextVersionId(ctx, bucket, key), LastModified: Math.floor(ctx.clock.now() / 1000) * 1000, Owner: owner };
  store(ctx, bucket, marker);
  return marker;
}
