import { mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, PART, setup, useTempDir } from '../test-support/setup.js';

const tmp = useTempDir();

describe('directory transfers', () => {
  it('uploads a tree with filters and mtimes, then downloads it back with mtimes restored', async () => {
    const s = await setup();
    const src = join(tmp.dir, 'src');
    await mkdir(join(src, 'a', 'b'), { recursive: true });
    await writeFile(join(src, 'top.txt'), 'top');
    await writeFile(join(src, 'a', 'big.bin'), bytes(3 * PART));
    await writeFile(join(src, 'a', 'b', 'deep.txt'), 'deep');
    await writeFile(join(src, 'a', 'skip.log'), 'log');
    await symlink(join(src, 'top.txt'), join(src, 'link.txt'));
    const up = await s.tm.uploadDirectory({ localDir: src, Bucket: 'bkt', Prefix: 'p/', filters: [{ kind: 'exclude', pattern: '*.log' }] });
    expect(up.failed).toEqual([]);
    expect(up.uploaded.map((u) => u.Key).sort()).toEqual(['p/a/b/deep.txt', 'p/a/big.bin', 'p/top.txt']);
    expect(up.skipped).toEqual([{ path: join(src, 'link.txt'), reason: 'not-a-regular-file' }]);
    const head = await s.client.headObject({ Bucket: 'bkt', Key: 'p/top.txt' });
    const mtime = Math.floor((await stat(join(src, 'top.txt'))).mtimeMs);
    expect(head.Metadata).toEqual({ mtime: String(mtime) });

    const out = join(tmp.dir, 'out');
    const down = await s.tm.downloadDirectory({ Bucket: 'bkt', Prefix: 'p/', localDir: out, filters: [{ kind: 'exclude', pattern: '*' }, { kind: 'include', pattern: '*.txt' }, { kind: 'include', pattern: '*.bin' }] });
    expect(down.failed).toEqual([]);
    expect(down.downloaded).toHaveLength(3);
    expect(await readFile(join(out, 'a', 'b', 'deep.txt'), 'utf8')).toBe('deep');
    expect(new Uint8Array(await readFile(join(out, 'a', 'big.bin')))).toEqual(bytes(3 * PART));
    // utimes goes through float seconds: the restored mtime may be off by a fraction of a ms.
    expect(Math.abs((await stat(join(out, 'top.txt'))).mtimeMs - mtime)).toBeLessThan(1);
  });

  it('skips keys that would escape the target and reports per-file failures', async () => {
    const s = await setup();
    s.mock.seed({ buckets: { bkt: { objects: { 'p/ok.txt': 'ok', 'p/../evil.txt': 'x', 'p/dir/': '', 'p/bad.txt': 'bad' } } } });
    s.mock.faults.add({ match: { operation: 'HeadObject', key: 'p/bad.txt' }, action: { status: 403, code: 'AccessDenied' } });
    const out = join(tmp.dir, 'out');
    const result = await s.tm.downloadDirectory({ Bucket: 'bkt', Prefix: 'p/', localDir: out });
    expect(result.downloaded.map((d) => d.Key)).toEqual(['p/ok.txt']);
    expect(result.skipped).toEqual([{ Key: 'p/../evil.txt', reason: 'parent-segment' }]);
    expect(result.failed.map((f) => f.Key)).toEqual(['p/bad.txt']);
    expect(await readdir(tmp.dir)).toEqual(['out']);
    expect(await readdir(out)).toEqual(['ok.txt']);
  });

  it('dryRun lists what would move without moving it; a pattern starting with / matches the absolute local path', async () => {
    const s = await setup();
    const src = join(tmp.dir, 'src');
    await mkdir(join(src, 'a'), { recursive: true });
    await writeFile(join(src, 'top.txt'), 'top');
    await writeFile(join(src, 'a', 'x.bak'), 'bak');
    const dry = await s.tm.uploadDirectory({ localDir: src, Bucket: 'bkt', Prefix: 'p/', dryRun: true, filters: [{ kind: 'exclude', pattern: `${src}/a/*` }] });
    expect(dry.uploaded).toEqual([{ path: join(src, 'top.txt'), Key: 'p/top.txt', size: 3 }]);
    expect(s.mock.engine.listObjectsV2({ Bucket: 'bkt' }).KeyCount).toBe(0);
    await s.tm.uploadDirectory({ localDir: src, Bucket: 'bkt', Prefix: 'p/' });
    const out = join(tmp.dir, 'out');
    const down = await s.tm.downloadDirectory({ Bucket: 'bkt', Prefix: 'p/', localDir: out, dryRun: true });
    expect(down.downloaded.map((d) => [d.Key, d.path, d.size])).toEqual([
      ['p/a/x.bak', join(out, 'a', 'x.bak'), 3],
      ['p/top.txt', join(out, 'top.txt'), 3],
    ]);
    await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
