/** Put/GetObjectLockConfiguration, Put/GetObjectRetention and Put/GetObjectLegalHold. */
import type { Requester } from './account.js';
import { setBucketConfig } from './bucket-config.js';
import type { EngineContext } from './engine-state.js';
import { S3MockError } from './errors.js';
import { requireBucket, requireVersion, shownVersionId } from './lookups.js';
import { assertKey } from './object-input.js';
import { checkRetentionChange, requireObjectLock } from './object-lock.js';
import type { ObjectLockConfig, Retention, RetentionMode } from './object-lock.js';
import { updateVersion } from './object-store.js';

/** Which object version a retention or legal hold operation addresses. */
export interface LockTarget {
  Bucket: string;
  Key: string;
  VersionId?: string;
}

/**
 * Enables object lock and sets the default retention (whole days or years, not both). Versioning
 * must be enabled.
 * @throws S3MockError `NoSuchBucket`, `InvalidBucketState` (versioning not enabled), `MalformedXML` (days and years), `InvalidRetentionPeriod` (not positive)
 */
export function putObjectLockConfiguration(ctx: EngineContext, input: { Bucket: string; ObjectLockConfiguration: ObjectLockConfig }, _requester: Requester): void {
  const bucket = requireBucket(ctx, input.Bucket);
  if (bucket.record.config.Versioning !== 'Enabled') {
    throw new S3MockError('InvalidBucketState', {}, 'Versioning must be \'Enabled\' on the bucket to apply a Object Lock configuration');
  }
  const rule = input.ObjectLockConfiguration.DefaultRetention;
  if (rule) {
    if ((rule.Days === undefined) === (rule.Years === undefined)) throw new S3MockError('MalformedXML');
    const period = rule.Days ?? rule.Years ?? 0;
    if (!Number.isInteger(period) || period <= 0) throw new S3MockError('InvalidRetentionPeriod');
  }
  setBucketConfig(bucket, 'ObjectLock', input.ObjectLockConfiguration);
}

/** @throws S3MockError `NoSuchBucket`, `ObjectLockConfigurationNotFoundError` */
export function getObjectLockConfiguration(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): { ObjectLockConfiguration: ObjectLockConfig } {
  const lock = requireBucket(ctx, input.Bucket).record.config.ObjectLock;
  if (!lock) throw new S3MockError('ObjectLockConfigurationNotFoundError', { BucketName: input.Bucket });
  return { ObjectLockConfiguration: { ...lock } };
}

function lockTarget(ctx: EngineContext, input: LockTarget, method: string) {
  assertKey(input.Key);
  const bucket = requireBucket(ctx, input.Bucket);
  requireObjectLock(bucket);
  return { bucket, version: requireVersion(bucket, input.Key, input.VersionId, method) };
}

/**
 * Sets (or, without `Retention`, removes) a version's retention.
 * @throws S3MockError `InvalidRequest` (no object lock on the bucket), `AccessDenied` (a weaker retention without bypass, or COMPLIANCE), `NoSuchKey`, `NoSuchVersion`
 */
export function putObjectRetention(
  ctx: EngineContext,
  input: LockTarget & { Retention?: { Mode: RetentionMode; RetainUntilDate: Date }; BypassGovernanceRetention?: boolean },
  _requester: Requester,
): { VersionId?: string } {
  const { bucket, version } = lockTarget(ctx, input, 'PUT');
  const next: Retention | undefined = input.Retention && { Mode: input.Retention.Mode, RetainUntil: input.Retention.RetainUntilDate.getTime() };
  checkRetentionChange(version.Retention, next, input.BypassGovernanceRetention === true, ctx.clock.now());
  const { Retention: _old, ...rest } = version;
  updateVersion(bucket, next ? { ...rest, Retention: next } : rest);
  const VersionId = shownVersionId(bucket, version);
  return VersionId === undefined ? {} : { VersionId };
}

/** @throws S3MockError `InvalidRequest`, `NoSuchObjectLockConfiguration` (no retention), `NoSuchKey`, `NoSuchVersion` */
export function getObjectRetention(ctx: EngineContext, input: LockTarget, _requester: Requester): { Retention: { Mode: RetentionMode; RetainUntilDate: Date } } {
  const { version } = lockTarget(ctx, input, 'GET');
  if (!version.Retention) throw new S3MockError('NoSuchObjectLockConfiguration');
  return { Retention: { Mode: version.Retention.Mode, RetainUntilDate: new Date(version.Retention.RetainUntil) } };
}

/** Sets a version's legal hold. @throws S3MockError `InvalidRequest`, `NoSuchKey`, `NoSuchVersion` */
export function putObjectLegalHold(ctx: EngineContext, input: LockTarget & { LegalHold: { Status: 'ON' | 'OFF' } }, _requester: Requester): { VersionId?: string } {
  const { bucket, version } = lockTarget(ctx, input, 'PUT');
  updateVersion(bucket, { ...version, LegalHold: input.LegalHold.Status });
  const VersionId = shownVersionId(bucket, version);
  return VersionId === undefined ? {} : { VersionId };
}

/** @throws S3MockError `InvalidRequest`, `NoSuchObjectLockConfiguration` (never set), `NoSuchKey`, `NoSuchVersion` */
export function getObjectLegalHold(ctx: EngineContext, input: LockTarget, _requester: Requester): { LegalHold: { Status: 'ON' | 'OFF' } } {
  const { version } = lockTarget(ctx, input, 'GET');
  if (!version.LegalHold) throw new S3MockError('NoSuchObjectLockConfiguration');
  return { LegalHold: { Status: version.LegalHold } };
}
