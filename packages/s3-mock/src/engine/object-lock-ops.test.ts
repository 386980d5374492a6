import { createFakeClock } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { createS3Engine } from './engine.js';
import { bytes, expectS3Error } from './test-support/expect-s3-error.js';

const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

function locked() {
  const clock = createFakeClock(NOW);
  const engine = createS3Engine({ clock });
  engine.createBucket({ Bucket: 'lock', ObjectLockEnabledForBucket: true });
  return { engine, clock };
}

describe('object lock', () => {
  it('a lock-enabled bucket is versioned and cannot be suspended; lock needs versioning on other buckets', () => {
    const { engine } = locked();
    expect(engine.getBucketVersioning({ Bucket: 'lock' }).Status).toBe('Enabled');
    expectS3Error(() => {
      engine.putBucketVersioning({ Bucket: 'lock', VersioningConfiguration: { Status: 'Suspended' } });
    }, 'InvalidBucketState');
    engine.createBucket({ Bucket: 'later' });
    expectS3Error(() => {
      engine.putObjectLockConfiguration({ Bucket: 'later', ObjectLockConfiguration: {} });
    }, 'InvalidBucketState');
    expectS3Error(() => engine.getObjectLockConfiguration({ Bucket: 'later' }), 'ObjectLockConfigurationNotFoundError');
    engine.putBucketVersioning({ Bucket: 'later', VersioningConfiguration: { Status: 'Enabled' } });
    engine.putObjectLockConfiguration({ Bucket: 'later', ObjectLockConfiguration: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1 } } });
    expectS3Error(() => {
      engine.putObjectLockConfiguration({ Bucket: 'later', ObjectLockConfiguration: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 0 } } });
    }, 'InvalidRetentionPeriod');
    expectS3Error(() => {
      engine.putObjectLockConfiguration({ Bucket: 'later', ObjectLockConfiguration: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1, Years: 1 } } });
    }, 'MalformedXML');
    expectS3Error(() => engine.putObject({ Bucket: 'lock-less', Key: 'k', Body: bytes('x') }), 'NoSuchBucket');
    engine.createBucket({ Bucket: 'plain' });
    expectS3Error(() => engine.putObject({ Bucket: 'plain', Key: 'k', Body: bytes('x'), ObjectLockLegalHoldStatus: 'ON' }), 'InvalidRequest');
  });

  it('retention and legal hold refuse deleting the version; GOVERNANCE yields to the bypass, COMPLIANCE does not', () => {
    const { engine, clock } = locked();
    const gov = engine.putObject({ Bucket: 'lock', Key: 'g', Body: bytes('g'), ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: new Date(NOW + DAY) }).VersionId!;
    const comp = engine.putObject({ Bucket: 'lock', Key: 'c', Body: bytes('c'), ObjectLockMode: 'COMPLIANCE', ObjectLockRetainUntilDate: new Date(NOW + DAY) }).VersionId!;
    const held = engine.putObject({ Bucket: 'lock', Key: 'h', Body: bytes('h'), ObjectLockLegalHoldStatus: 'ON' }).VersionId!;
    expect(engine.headObject({ Bucket: 'lock', Key: 'g' })).toMatchObject({ ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: new Date(NOW + DAY) });
    expectS3Error(() => engine.deleteObject({ Bucket: 'lock', Key: 'g', VersionId: gov }), 'AccessDenied');
    expectS3Error(() => engine.deleteObject({ Bucket: 'lock', Key: 'c', VersionId: comp, BypassGovernanceRetention: true }), 'AccessDenied');
    expectS3Error(() => engine.deleteObject({ Bucket: 'lock', Key: 'h', VersionId: held }), 'AccessDenied');
    // A delete without a version id only writes a delete marker: allowed.
    expect(engine.deleteObject({ Bucket: 'lock', Key: 'g' }).DeleteMarker).toBe(true);
    engine.deleteObject({ Bucket: 'lock', Key: 'g', VersionId: gov, BypassGovernanceRetention: true });
    engine.putObjectLegalHold({ Bucket: 'lock', Key: 'h', LegalHold: { Status: 'OFF' } });
    engine.deleteObject({ Bucket: 'lock', Key: 'h', VersionId: held });
    const multi = engine.deleteObjects({ Bucket: 'lock', Objects: [{ Key: 'c', VersionId: comp }] });
    expect(multi.Errors.map((e) => e.Code)).toEqual(['AccessDenied']);
    clock.set(NOW + 2 * DAY);
    engine.deleteObject({ Bucket: 'lock', Key: 'c', VersionId: comp });
  });

  it('retention changes: COMPLIANCE only extends, GOVERNANCE shortens with the bypass; default retention applies', () => {
    const { engine } = locked();
    engine.putObject({ Bucket: 'lock', Key: 'c', Body: bytes('c'), ObjectLockMode: 'COMPLIANCE', ObjectLockRetainUntilDate: new Date(NOW + 2 * DAY) });
    expectS3Error(() => engine.putObjectRetention({ Bucket: 'lock', Key: 'c', Retention: { Mode: 'GOVERNANCE', RetainUntilDate: new Date(NOW + 3 * DAY) } }), 'AccessDenied');
    expectS3Error(() => engine.putObjectRetention({ Bucket: 'lock', Key: 'c', Retention: { Mode: 'COMPLIANCE', RetainUntilDate: new Date(NOW + DAY) } }), 'AccessDenied');
    engine.putObjectRetention({ Bucket: 'lock', Key: 'c', Retention: { Mode: 'COMPLIANCE', RetainUntilDate: new Date(NOW + 3 * DAY) } });
    engine.putObject({ Bucket: 'lock', Key: 'g', Body: bytes('g'), ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: new Date(NOW + 2 * DAY) });
    expectS3Error(() => engine.putObjectRetention({ Bucket: 'lock', Key: 'g', Retention: { Mode: 'GOVERNANCE', RetainUntilDate: new Date(NOW + DAY) } }), 'AccessDenied');
    engine.putObjectRetention({ Bucket: 'lock', Key: 'g', Retention: { Mode: 'GOVERNANCE', RetainUntilDate: new Date(NOW + DAY) }, BypassGovernanceRetention: true });
    expect(engine.getObjectRetention({ Bucket: 'lock', Key: 'g' }).Retention.RetainUntilDate).toEqual(new Date(NOW + DAY));
    engine.putObjectLockConfiguration({ Bucket: 'lock', ObjectLockConfiguration: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 10 } } });
    engine.putObject({ Bucket: 'lock', Key: 'd', Body: bytes('d') });
    expect(engine.getObjectRetention({ Bucket: 'lock', Key: 'd' }).Retention).toEqual({ Mode: 'COMPLIANCE', RetainUntilDate: new Date(NOW + 10 * DAY) });
    expectS3Error(() => engine.getObjectLegalHold({ Bucket: 'lock', Key: 'd' }), 'NoSuchObjectLockConfiguration');
    expectS3Error(() => engine.putObject({ Bucket: 'lock', Key: 'p', Body: bytes('p'), ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: new Date(NOW - DAY) }), 'InvalidArgument');
  });
});
