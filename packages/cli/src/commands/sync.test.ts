import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockContext } from '../test-support/context.js';
import { run as sync } from './sync.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 's3kit-sync-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const past = new Date(Date.now() - 3_600_000);

async function tree(files: Record<string, string>, when = past): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, 'src', name);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, text);
    await utimes(path, when, when);
  }
}

describe('s3kit sync', () => {
  it('uploads what is missing, then only what changed; --delete removes extras', async () => {
    const { mock, ctx } = mockContext({ buckets: { bkt: { objects: { 'p/extra.txt': 'old' } } } }, { cwd: dir });
    await tree({ 'a.txt': 'a', 'd/b.txt': 'bb', 'd/c.txt': 'c' });
    expect(await sync(['src', 's3://bkt/p'], ctx)).toBe(0);
    expect(ctx.stdout.text.trim().split('\n')).toHaveLength(3);
    ctx.stdout.text = '';
    expect(await sync(['src', 's3://bkt/p'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe('');
    expect(ctx.stderr.text).toContain('sync: nothing to do (3 up to date)');
    await writeFile(join(dir, 'src/d/b.txt'), 'changed');
    expect(await sync(['src', 's3://bkt/p', '--delete', '--json'], ctx)).toBe(0);
    const doc = JSON.parse(ctx.stdout.text) as { unchanged: number; done: { op: string; target: string }[] };
    expect(doc.unchanged).toBe(2);
    expect(doc.done.map((d) => `${d.op} ${d.target}`).sort()).toEqual(['delete-s3 s3://bkt/p/extra.txt', 'upload s3://bkt/p/d/b.txt']);
    expect(mock.engine.listObjectsV2({ Bucket: 'bkt' }).Contents.map((o) => o.Key)).toEqual(['p/a.txt', 'p/d/b.txt', 'p/d/c.txt']);
  });

  it('a newer local file with the same size is uploaded; --size-only skips it; --dryrun only prints', async () => {
    const { ctx } = mockContext({ buckets: { bkt: {} } }, { cwd: dir });
    await tree({ 'a.txt': 'a' });
    expect(await sync(['src', 's3://bkt/'], ctx)).toBe(0);
    const future = new Date(Date.now() + 3_600_000);
    await writeFile(join(dir, 'src/a.txt'), 'b');
    await utimes(join(dir, 'src/a.txt'), future, future);
    ctx.stdout.text = '';
    expect(await sync(['src', 's3://bkt/', '--size-only'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe('');
    expect(await sync(['src', 's3://bkt/', '--dryrun'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe(`(dryrun) upload: ${join(dir, 'src/a.txt')} to s3://bkt/a.txt\n`);
  });

  it('--checksum compares content through MD5 ETags', async () => {
    const { mock, ctx } = mockContext({ buckets: { bkt: { objects: { 'a.txt': 'x', 'b.txt': 'y' } } } }, { cwd: dir });
    const future = new Date(Date.now() + 3_600_000);
    await tree({ 'a.txt': 'x', 'b.txt': 'z' }, future);
    expect(await sync(['src', 's3://bkt', '--checksum'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe(`upload: ${join(dir, 'src/b.txt')} to s3://bkt/b.txt\n`);
    expect(mock.engine.listObjectsV2({ Bucket: 'bkt' }).KeyCount).toBe(2);
  });

  it('downloads into a missing directory, sets mtimes, then is idempotent; --exact-timestamps; --delete locally', async () => {
    const { ctx } = mockContext({ buckets: { bkt: { objects: { 'r/a.txt': 'a', 'r/s/b.txt': 'b' } } } }, { cwd: dir });
    expect(await sync(['s3://bkt/r', 'down'], ctx)).toBe(0);
    expect(await readFile(join(dir, 'down/s/b.txt'), 'utf8')).toBe('b');
    ctx.stdout.text = '';
    expect(await sync(['s3://bkt/r', 'down'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe('');
    const future = new Date(Date.now() + 3_600_000);
    await utimes(join(dir, 'down/a.txt'), future, future);
    await writeFile(join(dir, 'down/extra.txt'), 'e');
    expect(await sync(['s3://bkt/r', 'down'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe('');
    expect(await sync(['s3://bkt/r', 'down', '--exact-timestamps', '--delete'], ctx)).toBe(0);
    expect(ctx.stdout.text).toContain(`download: s3://bkt/r/a.txt to ${join(dir, 'down/a.txt')}`);
    expect(ctx.stdout.text).toContain(`delete: ${join(dir, 'down/extra.txt')}`);
    await expect(stat(join(dir, 'down/extra.txt'))).rejects.toThrow();
  });

  it('syncs between prefixes server-side, with filters', async () => {
    const { mock, ctx } = mockContext({ buckets: { bkt: { objects: { 'a/1.log': '1', 'a/2.txt': '2' } } } }, { cwd: dir });
    expect(await sync(['s3://bkt/a/', 's3://bkt/b/', '--exclude', '*.log'], ctx)).toBe(0);
    expect(mock.engine.listObjectsV2({ Bucket: 'bkt', Prefix: 'b/' }).Contents.map((o) => o.Key)).toEqual(['b/2.txt']);
  });

  it('--include/--exclude follow the AWS CLI: the last matching filter wins, * spans /', async () => {
    const { mock, ctx } = mockContext({ buckets: { bkt: {} } }, { cwd: dir });
    await tree({ 'a.jpg': 'a', 'd/b.jpg': 'b', 'd/c.txt': 'c' });
    expect(await sync(['src', 's3://bkt/one/', '--exclude', '*', '--include', '*.jpg'], ctx)).toBe(0);
    expect(mock.engine.listObjectsV2({ Bucket: 'bkt', Prefix: 'one/' }).Contents.map((o) => o.Key)).toEqual(['one/a.jpg', 'one/d/b.jpg']);
    expect(await sync(['src', 's3://bkt/two/', '--include', '*.jpg', '--exclude', '*'], ctx)).toBe(0);
    expect(mock.engine.listObjectsV2({ Bucket: 'bkt', Prefix: 'two/' }).KeyCount).toBe(0);
  });

  it('between prefixes: --dryrun prints copy and delete lines, then --delete runs them; unsafe keys are skipped on download', async () => {
    const { mock, ctx } = mockContext({ buckets: { bkt: { objects: { 'a/1.txt': '1', 'a/../evil': 'x', 'b/old.txt': 'o' } } } }, { cwd: dir });
    expect(await sync(['s3://bkt/a', 's3://bkt/b', '--delete', '--dryrun'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe('(dryrun) copy: s3://bkt/a/../evil to s3://bkt/b/../evil\n(dryrun) copy: s3://bkt/a/1.txt to s3://bkt/b/1.txt\n(dryrun) delete: s3://bkt/b/old.txt\n');
    ctx.stdout.text = '';
    expect(await sync(['s3://bkt/a', 's3://bkt/b', '--delete', '--exclude', '*evil', '--json'], ctx)).toBe(0);
    const doc = JSON.parse(ctx.stdout.text) as { done: { op: string; target: string }[]; unchanged: number };
    expect(doc.done.map((d) => `${d.op} ${d.target}`).sort()).toEqual(['copy s3://bkt/b/1.txt', 'delete-s3 s3://bkt/b/old.txt']);
    expect(mock.engine.listObjectsV2({ Bucket: 'bkt', Prefix: 'b/' }).Contents.map((o) => o.Key)).toEqual(['b/1.txt']);
    ctx.stdout.text = '';
    expect(await sync(['s3://bkt/a', 'down'], ctx)).toBe(2);
    expect(ctx.stderr.text).toContain('warning: skipped s3://bkt/a/../evil: no safe local path (parent-segment)');
    expect(ctx.stdout.text).toBe(`download: s3://bkt/a/1.txt to ${join(dir, 'down/1.txt')}\n`);
  });

  it('a failed upload exits 1 and is reported', async () => {
    const { mock, ctx } = mockContext({ buckets: { bkt: {} } }, { cwd: dir });
    await tree({ 'ok.txt': 'a', 'bad.txt': 'b' });
    mock.faults.add({ match: { operation: 'PutObject', key: 'bad.txt' }, action: { status: 403, code: 'AccessDenied' } });
    expect(await sync(['src', 's3://bkt/'], ctx)).toBe(1);
    expect(ctx.stderr.text).toContain(`failed: upload: ${join(dir, 'src/bad.txt')} to s3://bkt/bad.txt`);
    expect(ctx.stderr.text).toContain('1 done, 1 failed');
  });

  it('usage errors exit 252', async () => {
    const { ctx } = mockContext({ buckets: { bkt: {} } }, { cwd: dir });
    expect(await sync(['a', 'b'], ctx)).toBe(252);
    expect(await sync(['a'], ctx)).toBe(252);
    expect(await sync(['a', 's3://bkt', '--part-size', 'big'], ctx)).toBe(252);
    expect(await sync(['a', 'b'], ctx)).toBe(252);
    expect(ctx.stderr.text).toContain('hint: ');
  });
});
