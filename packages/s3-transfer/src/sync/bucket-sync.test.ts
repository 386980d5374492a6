import { describe, expect, it } from 'vitest';
import { compareObjects } from './bucket-sync.js';
import { setup } from '../test-support/setup.js';

describe('compareObjects', () => {
  it('compares by size, then time or ETag', () => {
    const t = (ms: number): Date => new Date(ms);
    expect(compareObjects({ Size: 1 }, { Size: 2 }, 'size')).toBe('size-differs');
    expect(compareObjects({ Size: 1, LastModified: t(5) }, { Size: 1, LastModified: t(1) }, 'size')).toBeUndefined();
    expect(compareObjects({ Size: 1, LastModified: t(5) }, { Size: 1, LastModified: t(1) }, 'size-mtime')).toBe('newer');
    expect(compareObjects({ Size: 1, LastModified: t(1) }, { Size: 1, LastModified: t(5) }, 'size-mtime')).toBeUndefined();
    expect(compareObjects({ Size: 1, ETag: '"a"' }, { Size: 1, ETag: '"b"' }, 'content')).toBe('content-differs');
    expect(compareObjects({ Size: 1, ETag: '"a"' }, { Size: 1, ETag: '"a"' }, 'content')).toBeUndefined();
  });
});

describe('bucketSync', () => {
  it('copies missing and changed objects, deletes extraneous ones, skips folder markers, then is idempotent', async () => {
    const s = await setup();
    await s.client.createBucket({ Bucket: 'dst' });
    s.mock.seed({
      buckets: {
        bkt: { objects: { 'src/a': 'a', 'src/b': 'bbb', 'src/dir/': '', 'src/c.log': 'log', 'src/\u{1F600}': 'smile', 'src/\uFFFD': 'repl' } },
        dst: { objects: { 'out/b': 'b', 'out/z': 'z', 'out/\uFFFD': 'repl' } },
      },
    });
    const options = { source: { Bucket: 'bkt', Prefix: 'src/' }, destination: { Bucket: 'dst', Prefix: 'out/' }, filters: [{ kind: 'exclude' as const, pattern: '*.log' }], delete: true, strategy: 'content' as const };
    const dry = await s.tm.bucketSync({ ...options, dryRun: true });
    expect(dry.plan.format().split('\n')).toEqual([
      'copy src/a -> out/a (missing)',
      'copy src/b -> out/b (size-differs)',
      'delete out/z (extraneous)',
      'copy src/\u{1F600} -> out/\u{1F600} (missing)',
    ]);
    expect(dry.plan.unchanged).toBe(1);
    await expect(s.tm.bucketSync({ ...options, maxDelete: 0 })).rejects.toMatchObject({ code: 'ERR_TOO_MANY_DELETES' });
    const run = await s.tm.bucketSync(options);
    expect(run.failed).toEqual([]);
    expect(run.done).toHaveLength(4);
    expect((await s.tm.planBucketSync(options)).actions).toEqual([]);
    const got = await s.client.getObject({ Bucket: 'dst', Key: 'out/b' });
    expect(await got.Body.text()).toBe('bbb');
  });
});
