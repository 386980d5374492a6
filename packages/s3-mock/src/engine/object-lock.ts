/**
 * Object lock: retention (GOVERNANCE, COMPLIANCE) and legal holds on object versions, the bucket's
 * default retention, and the rules that refuse deleting or shortening a locked version.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html
 */
import type { BucketState } from './engine-state.js';
import { S3MockError } from './errors.js';
import type { ObjectVersion } from './records.js';

/** Retention modes. */
export type RetentionMode = 'GOVERNANCE' | 'COMPLIANCE';

/** A version's retention. */
export interface Retention {
  readonly Mode: RetentionMode;
  /** ms since the epoch. */
  readonly RetainUntil: number;
}

/** A bucket's object lock configuration (object lock enabled; an optional default retention). */
export interface ObjectLockConfig {
  readonly DefaultRetention?: { readonly Mode: RetentionMode; readonly Days?: number; readonly Years?: number };
}

/** Lock headers of a write (`x-amz-object-lock-*`). */
export interface ObjectLockInput {
  ObjectLockMode?: RetentionMode;
  ObjectLockRetainUntilDate?: Date;
  ObjectLockLegalHoldStatus?: 'ON' | 'OFF';
}

/** What a stored version (or an upload) keeps of object lock. */
export interface VersionLock {
  Retention?: Retention;
  LegalHold?: 'ON' | 'OFF';
}

const DAY = 86_400_000;

/**
 * Requires object lock on the bucket.
 * @throws S3MockError `InvalidRequest`
 */
export function requireObjectLock(bucket: BucketState): ObjectLockConfig {
  const lock = bucket.record.config.ObjectLock;
  if (!lock) throw new S3MockError('InvalidRequest', {}, 'Bucket is missing Object Lock Configuration');
  return lock;
}

/**
 * The lock a new version written with `input` gets: what the request asks for, else the bucket's
 * default retention.
 * @throws S3MockError `InvalidRequest` (lock headers on a bucket without object lock), `InvalidArgument` (mode without date or the reverse, a past date)
 */
export function writeLock(bucket: BucketState, input: ObjectLockInput, now: number): VersionLock {
  const asked = input.ObjectLockMode !== undefined || input.ObjectLockRetainUntilDate !== undefined || input.ObjectLockLegalHoldStatus !== undefined;
  const lock = bucket.record.config.ObjectLock;
  if (!lock) {
    if (asked) requireObjectLock(bucket);
    return {};
  }
  if ((input.ObjectLockMode === undefined) !== (input.ObjectLockRetainUntilDate === undefined)) {
    throw new S3MockError('InvalidArgument', { ArgumentName: 'x-amz-object-lock-mode' }, 'x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied');
  }
  const out: VersionLock = {};
  if (input.ObjectLockMode !== undefined && input.ObjectLockRetainUntilDate !== undefined) {
    const until = input.ObjectLockRetainUntilDate.getTime();
    if (!(until > now)) throw new S3MockError('InvalidArgument', { ArgumentName: 'x-amz-object-lock-retain-until-date' }, 'The retain until date must be in the future!');
    out.Retention = { Mode: input.ObjectLockMode, RetainUntil: until };
  } else if (lock.DefaultRetention) {
    const { Mode, Days, Years } = lock.DefaultRetention;
    out.Retention = { Mode, RetainUntil: now + (Days ?? 0) * DAY + (Years ?? 0) * 365 * DAY };
  }
  if (input.ObjectLockLegalHoldStatus !== undefined) out.LegalHold = input.ObjectLockLegalHoldStatus;
  return out;
}

const active = (r: Retention | undefined, now: number): r is Retention => r !== undefined && r.RetainUntil > now;

/**
 * Refuses deleting a version for good while it is locked.
 * @throws S3MockError `AccessDenied` (legal hold on; retention not over, COMPLIANCE or GOVERNANCE without bypass)
 */
export function checkDeletable(version: ObjectVersion, bypassGovernance: boolean, now: number): void {
  if (version.LegalHold === 'ON') throw new S3MockError('AccessDenied', {}, 'Access Denied because object protected by object lock.');
  const r = version.Retention;
  if (active(r, now) && (r.Mode === 'COMPLIANCE' || !bypassGovernance)) throw new S3MockError('AccessDenied', {}, 'Access Denied because object protected by object lock.');
}

/**
 * Refuses changing an active retention other than by extending it in the same mode: COMPLIANCE
 * allows nothing else; GOVERNANCE can be shortened, removed or change mode only with the bypass header.
 * @throws S3MockError `AccessDenied`
 */
export function checkRetentionChange(current: Retention | undefined, next: Retention | undefined, bypassGovernance: boolean, now: number): void {
  if (!active(current, now)) return;
  const extension = next !== undefined && next.Mode === current.Mode && next.RetainUntil >= current.RetainUntil;
  if (extension) return;
  if (current.Mode === 'COMPLIANCE' || !bypassGovernance) throw new S3MockError('AccessDenied', {}, 'Access Denied because object protected by object lock.');
}
