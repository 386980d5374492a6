import { isAbortError } from '@s3kit/primitives';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPool } from './pool.js';
import { checkpointPath } from './settings.js';
import { compareEntries, etagFingerprint, planSync } from './sync-plan.js';
import type { SyncEntry } from './sync-plan.js';

describe('runPool', () => {
  it('never runs more than `concurrency` at once and runs every item', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 6 }), async (count, concurrency) => {
        let running = 0;
        let peak = 0;
        const seen: number[] = [];
        await runPool(
          Array.from({ length: count }, (_, i) => i),
          concurrency,
          async (i) => {
            running++;
            peak = Math.max(peak, running);
            await Promise.resolve();
            seen.push(i);
            running--;
          },
        );
        expect(peak).toBeLessThanOrEqual(concurrency);
        expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
      }),
    );
  });

  it('records failures and goes on, or stops and rethrows with stopOnError', async () => {
    const work = (i: number): Promise<void> => (i === 2 ? Promise.reject(new Error('two')) : Promise.resolve());
    const results = await runPool([1, 2, 3], 1, work);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    const started: number[] = [];
    await expect(
      runPool(
        [1, 2, 3],
        1,
        (i) => {
          started.push(i);
          return work(i);
        },
        { stopOnError: true },
      ),
    ).rejects.toThrow('two');
    expect(started).toEqual([1, 2]);
    const aborted = await runPool([1], 1, work, { signal: AbortSignal.abort() }).catch((err: unknown) => err);
    expect(isAbortError(aborted)).toBe(true);
  });
});

describe('checkpointPath', () => {
  it('keeps the checkpoint beside the file', () => {
    expect(checkpointPath('/data/big.bin')).toBe('/data/big.bin.s3kit-checkpoint');
  });
});

const entry = (relative: string, size: number, mtimeMs: number, etag?: string): SyncEntry => ({ relative, size, mtimeMs, etag });

describe('sync planning', () => {
  it('follows the AWS CLI rules', () => {
    expect(compareEntries(entry('a', 1, 5000), undefined, {})).toBe('missing');
    expect(compareEntries(entry('a', 1, 5000), entry('a', 2, 5000), {})).toBe('size');
    expect(compareEntries(entry('a', 1, 9000), entry('a', 1, 5000), {})).toBe('newer');
    expect(compareEntries(entry('a', 1, 5999), entry('a', 1, 5000), {})).toBe('same');
    expect(compareEntries(entry('a', 1, 9000), entry('a', 1, 5000), { sizeOnly: true })).toBe('same');
    expect(compareEntries(entry('a', 1, 1000), entry('a', 1, 5000), { exactTimestamps: true })).toBe('timestamp');
    expect(compareEntries(entry('a', 1, 5000), entry('a', 1, 5400), { exactTimestamps: true })).toBe('same');
    expect(compareEntries(entry('a', 1, 9000, 'x'), entry('a', 1, 5000, 'x'), { checksum: true })).toBe('same');
    expect(compareEntries(entry('a', 1, 1000, 'x'), entry('a', 1, 5000, 'y'), { checksum: true })).toBe('checksum');
    expect(etagFingerprint('"0CC175B9C0F1B6A831C399E269772661"')).toBe('0cc175b9c0f1b6a831c399e269772661');
    expect(etagFingerprint('"0cc175b9c0f1b6a831c399e269772661-3"')).toBeUndefined();
    expect(etagFingerprint(undefined)).toBeUndefined();
  });

  it('an up-to-date target plans nothing; --delete plans exactly the extras', () => {
    const names = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,4}(\/[a-z]{1,4})?$/), { maxLength: 20 });
    fc.assert(
      fc.property(names, names, (source, target) => {
        const files = source.map((r) => entry(r, 1, 1000));
        const objects = target.map((r) => entry(r, 1, 5000));
        const plan = planSync({ kind: 'upload', root: '/r', files, target: { bucket: 'bkt', key: 'p/' }, objects }, {}, true, (root, rel) => `${root}/${rel}`);
        const uploads = plan.actions.filter((a) => a.kind === 'upload').length;
        const deletes = plan.actions.filter((a) => a.kind === 'delete-s3').length;
        expect(uploads).toBe(source.filter((s) => !target.includes(s)).length);
        expect(deletes).toBe(target.filter((t) => !source.includes(t)).length);
        expect(plan.unchanged).toBe(source.length - uploads);
      }),
    );
  });

  it('plans downloads with the source time, copies between prefixes, and local deletes', () => {
    const join = (root: string, rel: string): string => `${root}/${rel}`;
    const down = planSync({ kind: 'download', source: { bucket: 'bkt', key: 'r/' }, objects: [entry('a', 1, 7000)], root: '/d', files: [entry('x', 1, 1)] }, {}, true, join);
    expect(down.actions).toEqual([
      { kind: 'download', source: { bucket: 'bkt', key: 'r/a' }, target: '/d/a', size: 1, lastModifiedMs: 7000 },
      { kind: 'delete-local', target: '/d/x', size: 1 },
    ]);
    const copy = planSync({ kind: 'copy', source: { bucket: 'bkt', key: '' }, objects: [entry('a', 1, 7000)], target: { bucket: 'two', key: 'c/' }, targetObjects: [entry('z', 1, 1)] }, {}, true, join);
    expect(copy.actions).toEqual([
      { kind: 'copy', source: { bucket: 'bkt', key: 'a' }, target: { bucket: 'two', key: 'c/a' }, size: 1 },
      { kind: 'delete-s3', target: { bucket: 'two', key: 'c/z' }, size: 1 },
    ]);
  });
});
