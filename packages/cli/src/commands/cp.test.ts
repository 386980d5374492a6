import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createByteStream } from '../demo/generate.js';
import { mockContext } from '../test-support/context.js';
import { run as cp } from './cp.js';
import { run as mv } from './mv.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 's3kit-cp-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const MiB = 1024 * 1024;
function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  createByteStream(seed)(out);
  return out;
}
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('s3kit cp', () => {
  it('uploads a file, keeping its name under a trailing slash, with content type and metadata', async () => {
    const { mock, ctx } = mockContext({ buckets: { bkt: {} } }, { cwd: dir });
    await writeFile(join(dir, 'a.txt'), 'hello');
    expect(await cp(['a.txt', 's3://bkt/docs/', '--content-type', 'text/x-demo', '--metadata', 'owner=me'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe(`upload: ${join(dir, 'a.txt')} to s3://bkt/docs/a.txt\n`);
    const head = mock.engine.headObject({ Bucket: 'bkt', Key: 'docs/a.txt' });
    expect(head.ContentType).toBe('text/x-demo');
    expect(head.Metadata).toEqual({ owner: 'me' });
  });

  it('round-trips a multipart upload and a ranged parallel download byte for byte', async () => {
    const { mock, ctx } = mockContext({ buckets: { bkt: {} } }, { cwd: dir });
    const data = bytes(11 * MiB + 123, 7);
    await writeFile(join(dir, 'big.bin'), data);
    expect(await cp(['big.bin', 's3://bkt/big.bin', '--part-size', '5MiB', '--concurrency', '2'], ctx)).toBe(0);
    expect(mock.requests.filter((r) => r.operation === 'UploadPart')).toHaveLength(3);
    expect(mock.uploadsInFlight()).toEqual([]);
    expect(await cp(['s3://bkt/big.bin', 'out/copy.bin', '--part-size', '5MiB', '--bwlimit', '1GiB'], ctx)).toBe(0);
    expect(sha(await readFile(join(dir, 'out/copy.bin')))).toBe(sha(data));
    expect(mock.requests.filter((r) => r.operation === 'GetObject')).toHaveLength(3);
  });

  it('downloads into an existing directory, copies server-side, handles empty objects', async () => {
    const { mock, ctx } = mockContext({ buckets: { bkt: { objects: { 'x/y.txt': 'data', empty: '' } } } }, { cwd: dir });
    expect(await cp(['s3://bkt/x/y.txt', '.'], ctx)).toBe(0);
    expect(await readFile(join(dir, 'y.txt'), 'utf8')).toBe('data');
    expect(await cp(['s3://bkt/empty', 'empty.txt'], ctx)).toBe(0);
    expect(await readFile(join(dir, 'empty.txt'), 'utf8')).toBe('');
    expect(await cp(['s3://bkt/x/y.txt', 's3://bkt/copies/', '--json'], ctx)).toBe(0);
    expect(mock.requests.some((r) => r.operation === 'CopyObject')).toBe(true);
    expect(JSON.parse(ctx.stdout.text.trim().split('\n').pop()!)).toMatchObject({ done: [{ op: 'copy', source: 's3://bkt/x/y.txt', target: 's3://bkt/copies/y.txt', size: 4 }], failed: [] });
    expect(await cp(['s3://bkt/x/y.txt', 's3://bkt/renamed', '--metadata', 'a=b', '--content-type', 'text/plain'], ctx)).toBe(0);
    expect(mock.engine.headObject({ Bucket: 'bkt', Key: 'renamed' }).Metadata).toEqual({ a: 'b' });
  });

  it('--recursive with filters, --dryrun prints without moving', async () => {
    const { mock, ctx } = mockContext({ buckets: { bkt: {} } }, { cwd: dir });
    await mkdir(join(dir, 'tree/sub'), { recursive: true });
    await writeFile(join(dir, 'tree/a.jpg'), 'a');
    await writeFile(join(dir, 'tree/sub/b.jpg'), 'bb');
    await writeFile(join(dir, 'tree/sub/c.tmp'), 'c');
    expect(await cp(['tree', 's3://bkt/t', '--recursive', '--exclude', '*.tmp', '--dryrun'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe(`(dryrun) upload: ${join(dir, 'tree/a.jpg')} to s3://bkt/t/a.jpg\n(dryrun) upload: ${join(dir, 'tree/sub/b.jpg')} to s3://bkt/t/sub/b.jpg\n`);
    expect(mock.engine.listObjectsV2({ Bucket: 'bkt' }).KeyCount).toBe(0);
    expect(await cp(['tree', 's3://bkt/t', '--recursive', '--exclude', '*.tmp'], ctx)).toBe(0);
    expect(mock.engine.listObjectsV2({ Bucket: 'bkt' }).Contents.map((o) => o.Key)).toEqual(['t/a.jpg', 't/sub/b.jpg']);
    expect(await cp(['s3://bkt/t', 'back', '--recursive'], ctx)).toBe(0);
    expect(await readFile(join(dir, 'back/sub/b.jpg'), 'utf8')).toBe('bb');
    expect(await cp(['s3://bkt/t/', 's3://bkt/u/', '--recursive'], ctx)).toBe(0);
    expect(mock.engine.listObjectsV2({ Bucket: 'bkt', Prefix: 'u/' }).KeyCount).toBe(2);
    expect(ctx.stderr.text).toContain('2 done, 0 failed');
  });

  it('failed transfers exit 1, service errors 254, both naming the S3 code; usage mistakes exit 252 with a hint', async () => {
    const { ctx } = mockContext({ buckets: { bkt: {} } }, { cwd: dir });
    await writeFile(join(dir, 'a.txt'), 'x');
    expect(await cp(['a.txt', 's3://missing-bucket/a.txt'], ctx)).toBe(1);
    expect(ctx.stderr.text).toContain('NoSuchBucket');
    expect(await cp(['s3://bkt/nope', 'x'], ctx)).toBe(254);
    expect(ctx.stderr.text).toContain('NotFound');
    const cases: string[][] = [
      ['a.txt', 'b.txt'],
      ['a.txt'],
      ['.', 's3://bkt/'],
      ['missing.txt', 's3://bkt/'],
      ['s3://bkt', '.'],
      ['http://x/y', 's3://bkt/'],
      ['a.txt', 's3://bkt/', '--part-size', '1MiB'],
      ['a.txt', 's3://bkt/', '--concurrency', 'lots'],
      ['.', '.', '--recursive'],
    ];
    for (const args of cases) {
      const fresh = mockContext({ buckets: { bkt: {} } }, { cwd: dir }).ctx;
      expect(await cp(args, fresh), args.join(' ')).toBe(252);
      expect(fresh.stderr.text, args.join(' ')).toContain('hint: ');
    }
  });

  it('a recursive copy with some failures exits 1 and reports each', async () => {
    const { mock, ctx } = mockContext({ buckets: { bkt: {} } }, { cwd: dir });
    await mkdir(join(dir, 'tree'));
    await writeFile(join(dir, 'tree/ok.txt'), 'a');
    await writeFile(join(dir, 'tree/bad.txt'), 'b');
    mock.faults.add({ match: { operation: 'PutObject', key: 'bad.txt' }, action: { status: 403, code: 'AccessDenied' } });
    expect(await cp(['tree', 's3://bkt/', '--recursive', '--json'], ctx)).toBe(1);
    const doc = JSON.parse(ctx.stdout.text) as { done: unknown[]; failed: { code: string }[] };
    expect(doc.done).toHaveLength(1);
    expect(doc.failed).toMatchObject([{ code: 'AccessDenied', target: 's3://bkt/bad.txt' }]);
  });
});

describe('s3kit cp --recursive downloads', () => {
  it('skips keys with no safe local path with a warning, and prints the dry run of a move', async () => {
    const { mock, ctx } = mockContext({ buckets: { bkt: { objects: { 'r/ok.txt': 'ok', 'r/../evil': 'x', 'r/dir/': '' } } } }, { cwd: dir });
    expect(await mv(['s3://bkt/r/', 'down', '--recursive', '--dryrun'], ctx)).toBe(2);
    expect(ctx.stdout.text).toBe(`(dryrun) move: s3://bkt/r/ok.txt to ${join(dir, 'down/ok.txt')}\n`);
    expect(mock.engine.listObjectsV2({ Bucket: 'bkt' }).KeyCount).toBe(3);
    ctx.stdout.text = '';
    expect(await cp(['s3://bkt/r', 'down', '--recursive'], ctx)).toBe(2);
    expect(ctx.stderr.text).toContain('warning: skipped s3://bkt/r/../evil: no safe local path (parent-segment)');
    expect(await readFile(join(dir, 'down/ok.txt'), 'utf8')).toBe('ok');
    expect(await cp(['s3://bkt/r/', 's3://bkt/s/', '--recursive', '--dryrun', '--exclude', '*evil'], ctx)).toBe(0);
    expect(ctx.stdout.text).toContain('(dryrun) copy: s3://bkt/r/ok.txt to s3://bkt/s/ok.txt\n');
  });

  it('a recursive download that skipped unsafe keys exits 2 and counts them (regression: exited 0 after skipping, summary silent)', async () => {
    const { ctx } = mockContext({ buckets: { bkt: { objects: { 'r/ok.txt': 'ok', 'r/../evil': 'x', 'r/a/../../evil2': 'y' } } } }, { cwd: dir });
    expect(await cp(['s3://bkt/r/', 'skips', '--recursive'], ctx)).toBe(2);
    expect(ctx.stderr.text).toContain('1 done, 0 failed, 2 skipped');
    ctx.stdout.text = '';
    expect(await cp(['s3://bkt/r/', 'skips-json', '--recursive', '--json'], ctx)).toBe(2);
    const doc = JSON.parse(ctx.stdout.text) as { skipped: { source: string; reason: string }[] };
    expect(doc.skipped).toEqual([
      { source: 's3://bkt/r/../evil', reason: 'parent-segment' },
      { source: 's3://bkt/r/a/../../evil2', reason: 'parent-segment' },
    ]);
  });

  it('a failed server-side copy in a recursive copy exits 1', async () => {
    const { mock, ctx } = mockContext({ buckets: { bkt: { objects: { 'r/a': 'a', 'r/b': 'b' } } } }, { cwd: dir });
    mock.faults.add({ match: { operation: 'CopyObject', key: 's/b' }, action: { status: 403, code: 'AccessDenied' } });
    expect(await cp(['s3://bkt/r', 's3://bkt/s', '--recursive', '--metadata', 'k=v'], ctx)).toBe(1);
    expect(ctx.stderr.text).toContain('failed: copy: s3://bkt/r/b to s3://bkt/s/b');
    expect(mock.engine.headObject({ Bucket: 'bkt', Key: 's/a' }).Metadata).toEqual({ k: 'v' });
  });
});

describe('s3kit mv', () => {
  it('moves files up and objects down, deleting each source', async () => {
    const { mock, ctx } = mockContext({ buckets: { bkt: { objects: { 'r/one': '1', 'r/two': '2' } } } }, { cwd: dir });
    await writeFile(join(dir, 'local.txt'), 'L');
    expect(await mv(['local.txt', 's3://bkt/l.txt'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe(`move: ${join(dir, 'local.txt')} to s3://bkt/l.txt\n`);
    await expect(readFile(join(dir, 'local.txt'))).rejects.toThrow();
    expect(await mv(['s3://bkt/r/', 'down', '--recursive'], ctx)).toBe(0);
    expect(await readFile(join(dir, 'down/two'), 'utf8')).toBe('2');
    expect(mock.engine.listObjectsV2({ Bucket: 'bkt' }).Contents.map((o) => o.Key)).toEqual(['l.txt']);
    expect(await mv(['s3://bkt/l.txt', 's3://bkt/m.txt', '--dryrun'], ctx)).toBe(0);
    expect(await mv(['s3://bkt/l.txt', 's3://bkt/m.txt'], ctx)).toBe(0);
    expect(mock.engine.listObjectsV2({ Bucket: 'bkt' }).Contents.map((o) => o.Key)).toEqual(['m.txt']);
    expect(await mv(['a', 'b'], ctx)).toBe(252);
  });
});
