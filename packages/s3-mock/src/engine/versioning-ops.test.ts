import { createFakeClock, createSeededRandom } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { createS3Engine } from './engine.js';
import { bytes, expectS3Error, text } from './test-support/expect-s3-error.js';

function versioned() {
  const engine = createS3Engine({ clock: createFakeClock(Date.UTC(2026, 0, 1)), random: createSeededRandom(3) });
  engine.createBucket({ Bucket: 'ver' });
  engine.putBucketVersioning({ Bucket: 'ver', VersioningConfiguration: { Status: 'Enabled' } });
  return engine;
}

describe('bucket versioning', () => {
  it('reports nothing until configured, then Enabled or Suspended (never unversioned again)', () => {
    const engine = createS3Engine();
    engine.createBucket({ Bucket: 'b-v' });
    expect(engine.getBucketVersioning({ Bucket: 'b-v' })).toEqual({});
    engine.putBucketVersioning({ Bucket: 'b-v', VersioningConfiguration: { Status: 'Enabled' } });
    engine.putBucketVersioning({ Bucket: 'b-v', VersioningConfiguration: { Status: 'Suspended' } });
    expect(engine.getBucketVersioning({ Bucket: 'b-v' })).toEqual({ Status: 'Suspended' });
    expectS3Error(() => {
      engine.putBucketVersioning({ Bucket: 'b-v', VersioningConfiguration: {} });
    }, 'MalformedXML');
  });

  it('keeps every version; reads the current one or a named one; shows version ids only once versioning is configured', () => {
    const engine = versioned();
    const v1 = engine.putObject({ Bucket: 'ver', Key: 'k', Body: bytes('one') }).VersionId!;
    const v2 = engine.putObject({ Bucket: 'ver', Key: 'k', Body: bytes('two') }).VersionId!;
    expect(v1).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(v2).not.toBe(v1);
    expect(text(engine.getObject({ Bucket: 'ver', Key: 'k' }).Body)).toBe('two');
    expect(engine.getObject({ Bucket: 'ver', Key: 'k', VersionId: v1 })).toMatchObject({ VersionId: v1 });
    expect(text(engine.getObject({ Bucket: 'ver', Key: 'k', VersionId: v1 }).Body)).toBe('one');
    expectS3Error(() => engine.getObject({ Bucket: 'ver', Key: 'k', VersionId: 'nope' }), 'NoSuchVersion');
    const plain = createS3Engine();
    plain.createBucket({ Bucket: 'plain' });
    expect(plain.putObject({ Bucket: 'plain', Key: 'k', Body: bytes('x') }).VersionId).toBeUndefined();
    expect(plain.headObject({ Bucket: 'plain', Key: 'k' }).VersionId).toBeUndefined();
  });

  it('a delete writes a marker: reads answer NoSuchKey naming it, the marker itself answers MethodNotAllowed, removing it restores the object', () => {
    const engine = versioned();
    const v1 = engine.putObject({ Bucket: 'ver', Key: 'k', Body: bytes('one') }).VersionId!;
    const del = engine.deleteObject({ Bucket: 'ver', Key: 'k' });
    expect(del).toEqual({ DeleteMarker: true, VersionId: expect.stringMatching(/^[A-Za-z0-9]{32}$/) as string });
    const missing = expectS3Error(() => engine.getObject({ Bucket: 'ver', Key: 'k' }), 'NoSuchKey');
    expect(missing.version).toEqual({ VersionId: del.VersionId, DeleteMarker: true });
    expectS3Error(() => engine.headObject({ Bucket: 'ver', Key: 'k', VersionId: del.VersionId! }), 'MethodNotAllowed', { Method: 'HEAD', ResourceType: 'DeleteMarker' });
    expect(engine.listObjectsV2({ Bucket: 'ver' }).KeyCount).toBe(0);
    expect(engine.deleteObject({ Bucket: 'ver', Key: 'k', VersionId: del.VersionId! })).toEqual({ VersionId: del.VersionId, DeleteMarker: true });
    expect(text(engine.getObject({ Bucket: 'ver', Key: 'k' }).Body)).toBe('one');
    expect(engine.deleteObject({ Bucket: 'ver', Key: 'k', VersionId: v1 })).toEqual({ VersionId: v1 });
    expect(engine.listObjectVersions({ Bucket: 'ver' }).Versions).toEqual([]);
  });

  it('suspended: writes and deletes replace the null version; other versions stay', () => {
    const engine = versioned();
    const v1 = engine.putObject({ Bucket: 'ver', Key: 'k', Body: bytes('one') }).VersionId!;
    engine.putBucketVersioning({ Bucket: 'ver', VersioningConfiguration: { Status: 'Suspended' } });
    // A write answers with no version id while suspended; reads show the null version as `null`.
    expect(engine.putObject({ Bucket: 'ver', Key: 'k', Body: bytes('two') }).VersionId).toBeUndefined();
    engine.putObject({ Bucket: 'ver', Key: 'k', Body: bytes('three') });
    expect(engine.headObject({ Bucket: 'ver', Key: 'k' }).VersionId).toBe('null');
    expect(engine.listObjectVersions({ Bucket: 'ver' }).Versions.map((v) => [v.VersionId, v.IsLatest])).toEqual([['null', true], [v1, false]]);
    expect(engine.deleteObject({ Bucket: 'ver', Key: 'k' })).toEqual({ DeleteMarker: true, VersionId: 'null' });
    expect(engine.listObjectVersions({ Bucket: 'ver' }).Versions.map((v) => [v.kind, v.VersionId])).toEqual([['deleteMarker', 'null'], ['object', v1]]);
  });

  it('lists versions and delete markers in key order, newest first, paging with key and version-id markers', () => {
    const engine = versioned();
    const a1 = engine.putObject({ Bucket: 'ver', Key: 'a', Body: bytes('1') }).VersionId!;
    const a2 = engine.putObject({ Bucket: 'ver', Key: 'a', Body: bytes('22') }).VersionId!;
    const bm = engine.deleteObject({ Bucket: 'ver', Key: 'b' }).VersionId!;
    engine.putObject({ Bucket: 'ver', Key: 'd/x', Body: bytes('x') });
    const all = engine.listObjectVersions({ Bucket: 'ver' });
    expect(all.Versions.map((v) => [v.Key, v.VersionId, v.IsLatest, v.kind])).toEqual([
      ['a', a2, true, 'object'],
      ['a', a1, false, 'object'],
      ['b', bm, true, 'deleteMarker'],
      ['d/x', expect.any(String), true, 'object'],
    ]);
    const first = engine.listObjectVersions({ Bucket: 'ver', MaxKeys: 1 });
    expect([first.IsTruncated, first.NextKeyMarker, first.NextVersionIdMarker]).toEqual([true, 'a', a2]);
    const next = engine.listObjectVersions({ Bucket: 'ver', MaxKeys: 2, KeyMarker: 'a', VersionIdMarker: a2 });
    expect(next.Versions.map((v) => v.VersionId)).toEqual([a1, bm]);
    expect(engine.listObjectVersions({ Bucket: 'ver', KeyMarker: 'a' }).Versions.map((v) => v.Key)).toEqual(['b', 'd/x']);
    const rolled = engine.listObjectVersions({ Bucket: 'ver', Delimiter: '/' });
    expect([rolled.Versions.length, rolled.CommonPrefixes]).toEqual([3, ['d/']]);
    expectS3Error(() => engine.listObjectVersions({ Bucket: 'ver', VersionIdMarker: a1 }), 'InvalidArgument');
  });

  it('copies a named source version; a delete marker cannot be a copy source', () => {
    const engine = versioned();
    const v1 = engine.putObject({ Bucket: 'ver', Key: 'src', Body: bytes('old') }).VersionId!;
    engine.putObject({ Bucket: 'ver', Key: 'src', Body: bytes('new') });
    const copy = engine.copyObject({ Bucket: 'ver', Key: 'dst', CopySource: { Bucket: 'ver', Key: 'src', VersionId: v1 } });
    expect(copy.CopySourceVersionId).toBe(v1);
    expect(text(engine.getObject({ Bucket: 'ver', Key: 'dst' }).Body)).toBe('old');
    // Copying a version onto its own key is a legal way to restore it.
    engine.copyObject({ Bucket: 'ver', Key: 'src', CopySource: { Bucket: 'ver', Key: 'src', VersionId: v1 } });
    expect(text(engine.getObject({ Bucket: 'ver', Key: 'src' }).Body)).toBe('old');
    const marker = engine.deleteObject({ Bucket: 'ver', Key: 'src' }).VersionId!;
    expectS3Error(() => engine.copyObject({ Bucket: 'ver', Key: 'x', CopySource: { Bucket: 'ver', Key: 'src', VersionId: marker } }), 'InvalidRequest');
    expectS3Error(() => engine.copyObject({ Bucket: 'ver', Key: 'x', CopySource: { Bucket: 'ver', Key: 'src' } }), 'NoSuchKey');
  });

  it('DeleteObjects reports versions and delete markers; a bucket with only markers left is not empty', () => {
    const engine = versioned();
    const v1 = engine.putObject({ Bucket: 'ver', Key: 'k', Body: bytes('one') }).VersionId!;
    const out = engine.deleteObjects({ Bucket: 'ver', Objects: [{ Key: 'k' }, { Key: 'k', VersionId: v1 }] });
    expect(out.Deleted).toEqual([
      { Key: 'k', DeleteMarker: true, DeleteMarkerVersionId: expect.any(String) as string },
      { Key: 'k', VersionId: v1 },
    ]);
    expectS3Error(() => {
      engine.deleteBucket({ Bucket: 'ver' });
    }, 'BucketNotEmpty');
    expect(engine.storage().storedBytes).toBe(0);
  });
});
