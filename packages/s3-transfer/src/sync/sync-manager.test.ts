import { mkdir, readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareForSync } from './sync-manager.js';
import { PART, bytes, setup, useTempDir } from '../test-support/setup.js';

const tmp = useTempDir();

describe('compareForSync', () => {
  it('property: different sizes always differ; size strategy ignores times', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.constantFrom('upload' as const, 'download' as const), (ls, rs, lm, rm, direction) => {
        const outcome = compareForSync({ size: ls, mtimeMs: lm }, { size: rs, lastModifiedMs: rm }, 'size', direction);
        expect(outcome).toEqual(ls === rs ? { equal: true } : { equal: false, reason: 'size-differs' });
      }),
    );
  });

  it('property: an object uploaded from a file is equal to it until the file changes, in both directions', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1e12 }), fc.nat({ max: 1e9 }), fc.nat(), (mtime, delay, size) => {
        const uploadedAt = mtime + delay;
        // Upload direction: the object is newer than the file, though S3 keeps its time to the second.
        const truncated = Math.floor(uploadedAt / 1000) * 1000;
        expect(compareForSync({ size, mtimeMs: mtime + 0.7 }, { size, lastModifiedMs: truncated }, 'size-mtime', 'upload')).toEqual({ equal: true });
        // Download direction, after a download restored the stored mtime.
        const remote = { size, lastModifiedMs: uploadedAt, metaMtimeMs: mtime };
        expect(compareForSync({ size, mtimeMs: mtime }, remote, 'size-mtime', 'download')).toEqual({ equal: true });
        // The file modified after the upload (from the next second on).
        expect(compareForSync({ size, mtimeMs: truncated + 1000 }, { size, lastModifiedMs: truncated }, 'size-mtime', 'upload')).toEqual({ equal: false, reason: 'newer' });
      }),
    );
  });

  it('asks for the stored mtime only when the object looks newer on download, in whole seconds', () => {
    expect(compareForSync({ size: 1, mtimeMs: 10_000 }, { size: 1, lastModifiedMs: 20_000 }, 'size-mtime', 'download')).toEqual({ needsMetaMtime: true });
    expect(compareForSync({ size: 1, mtimeMs: 10_000 }, { size: 1, lastModifiedMs: 20_000, metaMtimeMs: null }, 'size-mtime', 'download')).toEqual({ equal: false, reason: 'newer' });
    expect(compareForSync({ size: 1, mtimeMs: 10_000 }, { size: 1, lastModifiedMs: 20_000, metaMtimeMs: 9_000 }, 'size-mtime', 'download')).toEqual({ equal: false, reason: 'mtime-differs' });
    expect(compareForSync({ size: 1, mtimeMs: 30_000 }, { size: 1, lastModifiedMs: 20_000 }, 'size-mtime', 'download')).toEqual({ equal: true });
  });

  it('regression: an object listed with milliseconds (RGW) is not newer than a file the AWS CLI downloaded in its second', () => {
    // The AWS CLI sets the mtime of a downloaded file to LastModified in whole seconds.
    expect(compareForSync({ size: 1, mtimeMs: 1763791058000 }, { size: 1, lastModifiedMs: 1763791058123 }, 'size-mtime', 'download')).toEqual({ equal: true });
    expect(compareForSync({ size: 1, mtimeMs: 1763791058000 }, { size: 1, lastModifiedMs: 1763791059000 }, 'size-mtime', 'download')).toEqual({ needsMetaMtime: true });
  });

  it('regression: a restored mtime a fraction of a ms below the stored one is equal (utimes float rounding)', () => {
    expect(compareForSync({ size: 1, mtimeMs: 1763791062122.9998 }, { size: 1, lastModifiedMs: 1763791070000, metaMtimeMs: 1763791062123 }, 'size-mtime', 'download')).toEqual({
      equal: true,
    });
  });
});

describe('compareForSync with exactTimestamps', () => {
  it('downloads when the times differ at all, reading the stored mtime when the seconds differ', () => {
    const local = { size: 1, mtimeMs: 5_000_400 };
    // Same second as LastModified (a download without x-amz-meta-mtime sets that): equal, no HEAD.
    expect(compareForSync(local, { size: 1, lastModifiedMs: 5_000_000 }, 'size-mtime', 'download', true)).toEqual({ equal: true });
    // A file newer than the object is stale too, once the stored mtime is known.
    expect(compareForSync(local, { size: 1, lastModifiedMs: 4_000_000 }, 'size-mtime', 'download', true)).toEqual({ needsMetaMtime: true });
    expect(compareForSync(local, { size: 1, lastModifiedMs: 4_000_000, metaMtimeMs: null }, 'size-mtime', 'download', true)).toEqual({ equal: false, reason: 'mtime-differs' });
    expect(compareForSync(local, { size: 1, lastModifiedMs: 4_000_000, metaMtimeMs: 5_000_400 }, 'size-mtime', 'download', true)).toEqual({ equal: true });
    expect(compareForSync(local, { size: 1, lastModifiedMs: 4_000_000, metaMtimeMs: 5_000_000 }, 'size-mtime', 'download', true)).toEqual({ equal: false, reason: 'mtime-differs' });
    // Uploads ignore it.
    expect(compareForSync(local, { size: 1, lastModifiedMs: 9_000_000 }, 'size-mtime', 'upload', true)).toEqual({ equal: true });
  });
});

describe('sync', () => {
  /** Writes files, dated `mtimeMs` when given (a time taken from the test's clock, never the real one). */
  async function tree(root: string, files: Record<string, string | Uint8Array>, mtimeMs?: number): Promise<void> {
    for (const [name, body] of Object.entries(files)) {
      await mkdir(join(root, name, '..'), { recursive: true });
      await writeFile(join(root, name), body);
      if (mtimeMs !== undefined) await utimes(join(root, name), new Date(mtimeMs), new Date(mtimeMs));
    }
  }

  it('uploads what is missing or changed, deletes extraneous objects, and is idempotent', async () => {
    const s = await setup();
    const src = join(tmp.dir, 'src');
    // Dated a minute before the mock's clock: real mtimes would race the clock's start across a
    // second boundary under load, and the second plan would see the files as newer.
    await tree(src, { 'a.txt': 'a', 'd/b.txt': 'b', 'big.bin': bytes(3 * PART) }, s.clock.now() - 60_000);
    s.mock.seed({ buckets: { bkt: { objects: { 'p/old.txt': 'old', 'p/a.txt': 'different size' } } } });
    const dry = await s.tm.sync({ direction: 'upload', localDir: src, Bucket: 'bkt', Prefix: 'p/', delete: true, dryRun: true });
    expect(dry.done).toEqual([]);
    expect(dry.plan.format().split('\n').sort()).toEqual([
      'delete remote p/old.txt (extraneous)',
      'upload p/a.txt (size-differs)',
      'upload p/big.bin (missing)',
      'upload p/d/b.txt (missing)',
    ]);
    await expect(s.tm.sync({ direction: 'upload', localDir: src, Bucket: 'bkt', Prefix: 'p/', delete: true, maxDelete: 0 })).rejects.toMatchObject({
      code: 'ERR_TOO_MANY_DELETES',
    });
    const run = await s.tm.sync({ direction: 'upload', localDir: src, Bucket: 'bkt', Prefix: 'p/', delete: true });
    expect(run.failed).toEqual([]);
    expect(run.done).toHaveLength(4);
    const again = await s.tm.planSync({ direction: 'upload', localDir: src, Bucket: 'bkt', Prefix: 'p/', delete: true });
    expect(again.actions).toEqual([]);
    expect(again.unchanged).toBe(3);
    // A later edit is seen by mtime.
    await writeFile(join(src, 'a.txt'), 'A');
    const later = new Date(s.clock.now() + 3_600_000);
    await utimes(join(src, 'a.txt'), later, later);
    expect((await s.tm.planSync({ direction: 'upload', localDir: src, Bucket: 'bkt', Prefix: 'p/' })).actions).toMatchObject([{ Key: 'p/a.txt', reason: 'newer' }]);
  });

  it('uploads with objectOptions (metadata merged with mtime); exactTimestamps re-downloads a touched file', async () => {
    const s = await setup();
    const src = join(tmp.dir, 'src');
    await tree(src, { 'x.txt': 'x' });
    await utimes(join(src, 'x.txt'), new Date(1_000_000), new Date(1_000_000));
    await s.tm.sync({ direction: 'upload', localDir: src, Bucket: 'bkt', Prefix: 'o/', objectOptions: { ContentType: 'text/x-test', Metadata: { owner: 'me' } } });
    const head = await s.client.headObject({ Bucket: 'bkt', Key: 'o/x.txt' });
    expect(head.ContentType).toBe('text/x-test');
    expect(head.Metadata).toEqual({ owner: 'me', mtime: '1000000' });
    const out = join(tmp.dir, 'out');
    await s.tm.sync({ direction: 'download', localDir: out, Bucket: 'bkt', Prefix: 'o/' });
    const touched = new Date(s.clock.now() + 3_600_000);
    await utimes(join(out, 'x.txt'), touched, touched);
    expect((await s.tm.planSync({ direction: 'download', localDir: out, Bucket: 'bkt', Prefix: 'o/' })).actions).toEqual([]);
    const exact = await s.tm.sync({ direction: 'download', localDir: out, Bucket: 'bkt', Prefix: 'o/', exactTimestamps: true });
    expect(exact.done).toMatchObject([{ action: 'download', reason: 'mtime-differs' }]);
    expect((await s.tm.planSync({ direction: 'download', localDir: out, Bucket: 'bkt', Prefix: 'o/', exactTimestamps: true })).actions).toEqual([]);
  });

  it('downloads with mtimes restored, then finds nothing to do; deletes extraneous local files', async () => {
    const s = await setup();
    const src = join(tmp.dir, 'src');
    await tree(src, { 'x.txt': 'x', 'y/z.txt': 'z' });
    await utimes(join(src, 'x.txt'), new Date(1_000_000), new Date(1_000_000));
    await s.tm.uploadDirectory({ localDir: src, Bucket: 'bkt', Prefix: 'q/' });
    const out = join(tmp.dir, 'out');
    await tree(out, { 'stale.txt': 's' });
    const run = await s.tm.sync({ direction: 'download', localDir: out, Bucket: 'bkt', Prefix: 'q/', delete: true });
    expect(run.failed).toEqual([]);
    expect(run.plan.actions.map((a) => `${a.action} ${a.reason}`).sort()).toEqual(['delete extraneous', 'download missing', 'download missing']);
    expect((await readdir(out)).sort()).toEqual(['x.txt', 'y']);
    expect(await readFile(join(out, 'y', 'z.txt'), 'utf8')).toBe('z');
    const again = await s.tm.planSync({ direction: 'download', localDir: out, Bucket: 'bkt', Prefix: 'q/' });
    expect(again.actions).toEqual([]);
    expect(again.unchanged).toBe(2);
  });

  it('content strategy compares MD5 and multipart ETags from the listing, caching local hashes', async () => {
    const s = await setup({ checksum: 'none' });
    const src = join(tmp.dir, 'src');
    await tree(src, { 'small.txt': 'hello', 'big.bin': bytes(4 * PART + 5) });
    await s.tm.sync({ direction: 'upload', localDir: src, Bucket: 'bkt', Prefix: '' });
    const cache = new Map<string, string>();
    // Same size, same times, different bytes: only content sees it.
    await writeFile(join(src, 'small.txt'), 'jello');
    await utimes(join(src, 'small.txt'), new Date(0), new Date(0));
    const plan = await s.tm.planSync({ direction: 'upload', localDir: src, Bucket: 'bkt', strategy: 'content', hashCache: cache });
    expect(plan.actions).toMatchObject([{ Key: 'small.txt', reason: 'content-differs' }]);
    expect(plan.unchanged).toBe(1);
    expect(cache.size).toBe(2);
    expect((await s.tm.planSync({ direction: 'upload', localDir: src, Bucket: 'bkt', strategy: 'size' })).actions).toEqual([]);
  });
});

describe('sync with missing directories', () => {
  it('downloads into a directory that does not exist yet, but refuses a missing upload source', async () => {
    const s = await setup();
    s.mock.seed({ buckets: { bkt: { objects: { 'm/a.txt': 'a' } } } });
    const out = join(tmp.dir, 'new', 'dir');
    const run = await s.tm.sync({ direction: 'download', localDir: out, Bucket: 'bkt', Prefix: 'm/' });
    expect(run.done).toHaveLength(1);
    expect(await readFile(join(out, 'a.txt'), 'utf8')).toBe('a');
    await expect(s.tm.sync({ direction: 'upload', localDir: join(tmp.dir, 'nope'), Bucket: 'bkt', Prefix: 'm/', delete: true })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(s.mock.engine.headObject({ Bucket: 'bkt', Key: 'm/a.txt' })).toBeDefined();
  });
});
