/**
 * A key's versions, newest first: object versions and delete markers. Every object access goes
 * through here. A stack is immutable; each change returns a new one.
 *
 * S3's rules (https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html): in a bucket
 * that never had versioning, a key has one version, `null`, replaced by every write. With
 * versioning enabled each write adds a version with a new id. Suspended, writes and deletes
 * replace the `null` version (wherever it is in the stack) and become the newest.
 */
import { NULL_VERSION_ID } from './records.js';
import type { KeyVersion, ObjectVersion } from './records.js';

/** The versions of one key, newest first (never empty). */
export interface VersionStack {
  readonly Key: string;
  readonly versions: readonly KeyVersion[];
}

/** The current object: the newest version when it is not a delete marker. */
export function currentOf(stack: VersionStack | undefined): ObjectVersion | undefined {
  const newest = stack?.versions[0];
  return newest?.kind === 'object' ? newest : undefined;
}

/** The version with id `versionId`. */
export function versionOf(stack: VersionStack | undefined, versionId: string): KeyVersion | undefined {
  return stack?.versions.find((v) => v.VersionId === versionId);
}

/** `stack` with `version` as its newest entry; a `null` version replaces the previous `null` one. */
export function pushVersion(stack: VersionStack | undefined, version: KeyVersion): VersionStack {
  const rest = (stack?.versions ?? []).filter((v) => version.VersionId !== NULL_VERSION_ID || v.VersionId !== NULL_VERSION_ID);
  return Object.freeze({ Key: version.Key, versions: Object.freeze([version, ...rest]) });
}

/** `stack` with the version of the same id replaced in place (tags, retention...). */
export function replaceVersion(stack: VersionStack, version: KeyVersion): VersionStack {
  return Object.freeze({ Key: stack.Key, versions: Object.freeze(stack.versions.map((v) => (v.VersionId === version.VersionId ? version : v))) });
}

/** `stack` without the version `versionId`; `undefined` when nothing is left. */
export function removeVersion(stack: VersionStack, versionId: string): VersionStack | undefined {
  const versions = stack.versions.filter((v) => v.VersionId !== versionId);
  return versions.length === 0 ? undefined : Object.freeze({ Key: stack.Key, versions: Object.freeze(versions) });
}
