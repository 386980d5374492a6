import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidationError } from '@s3kit/primitives';
import {
  DEFAULT_PART_SIZE,
  MAX_OBJECT_SIZE,
  MAX_PART_SIZE,
  MAX_PARTS,
  MIN_PART_SIZE,
  MiB,
  maxStreamSize,
  partRange,
  partRanges,
  planParts,
  rangeHeader,
  streamPartSize,
} from './part-plan.js';

describe('planParts', () => {
  it('picks 8 MiB parts for ordinary objects', () => {
    expect(planParts(100 * MiB)).toEqual({ partSize: DEFAULT_PART_SIZE, partCount: 13, size: 100 * MiB });
  });

  it('gives an empty object one (empty) part', () => {
    const plan = planParts(0);
    expect(plan.partCount).toBe(1);
    expect(partRanges(plan)).toEqual([{ partNumber: 1, start: 0, end: 0 }]);
  });

  it('fits a 5 TiB object in 10,000 parts of at most 5 GiB', () => {
    const plan = planParts(MAX_OBJECT_SIZE);
    expect(plan.partCount).toBeLessThanOrEqual(MAX_PARTS);
    expect(plan.partSize).toBeLessThanOrEqual(MAX_PART_SIZE);
    expect(plan.partSize % MiB).toBe(0);
  });

  it('rejects objects over 5 TiB and bad part sizes with ValidationError', () => {
    const cases: [number, Parameters<typeof planParts>[1]][] = [
      [MAX_OBJECT_SIZE + 1, {}],
      [-1, {}],
      [1.5, {}],
      [10 * MiB, { partSize: MIN_PART_SIZE - 1 }],
      [10 * MiB, { partSize: MAX_PART_SIZE + 1 }],
      [MAX_PARTS * MIN_PART_SIZE + 1, { partSize: MIN_PART_SIZE }],
      [10, { minPartSize: 0 }],
    ];
    for (const [size, options] of cases) {
      let caught: unknown;
      try {
        planParts(size, options);
      } catch (err) {
        caught = err;
      }
      expect(isValidationError(caught), `${size} ${JSON.stringify(options)}`).toBe(true);
    }
  });

  it('accepts a lower minimum for test servers', () => {
    expect(planParts(100, { partSize: 10, minPartSize: 5 })).toEqual({ partSize: 10, partCount: 10, size: 100 });
  });

  it('property: parts cover [0, size) contiguously within S3 limits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_OBJECT_SIZE }), fc.option(fc.integer({ min: MIN_PART_SIZE, max: MAX_PART_SIZE }), { nil: undefined }), (size, partSize) => {
        let plan;
        try {
          plan = planParts(size, { partSize });
        } catch (err) {
          // Only a too-small explicit part size may be refused.
          expect(partSize).toBeDefined();
          expect(Math.ceil(size / partSize!)).toBeGreaterThan(MAX_PARTS);
          expect(isValidationError(err)).toBe(true);
          return;
        }
        expect(plan.partCount).toBeGreaterThanOrEqual(1);
        expect(plan.partCount).toBeLessThanOrEqual(MAX_PARTS);
        expect(plan.partSize).toBeGreaterThanOrEqual(MIN_PART_SIZE);
        expect(plan.partSize).toBeLessThanOrEqual(MAX_PART_SIZE);
        if (partSize !== undefined) expect(plan.partSize).toBe(partSize);
        const first = partRange(plan, 1);
        const last = partRange(plan, plan.partCount);
        expect(first.start).toBe(0);
        expect(last.end).toBe(size);
        expect(last.end - last.start).toBeLessThanOrEqual(plan.partSize);
        if (plan.partCount > 1) expect(last.start).toBe(partRange(plan, plan.partCount - 1).end);
      }),
    );
  });

  it('property: small plans enumerate contiguous ranges', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 700 }), (size, partSize) => {
        const ranges = partRanges(planParts(size, { partSize, minPartSize: 1 }));
        let at = 0;
        ranges.forEach((r, i) => {
          expect(r.partNumber).toBe(i + 1);
          expect(r.start).toBe(at);
          expect(r.end - r.start).toBeLessThanOrEqual(partSize);
          if (i < ranges.length - 1) expect(r.end - r.start).toBe(partSize);
          at = r.end;
        });
        expect(at).toBe(size);
      }),
    );
  });
});

describe('streamPartSize', () => {
  it('doubles every 1000 parts, capped at 5 GiB', () => {
    expect(streamPartSize(8 * MiB, 1)).toBe(8 * MiB);
    expect(streamPartSize(8 * MiB, 1000)).toBe(8 * MiB);
    expect(streamPartSize(8 * MiB, 1001)).toBe(16 * MiB);
    expect(streamPartSize(2 * 1024 * MiB, 9000)).toBe(MAX_PART_SIZE);
  });

  it('carries 5 TiB with the default base and refuses part 10,001', () => {
    expect(maxStreamSize(DEFAULT_PART_SIZE)).toBe(MAX_OBJECT_SIZE);
    expect(maxStreamSize(MIN_PART_SIZE)).toBeLessThan(MAX_OBJECT_SIZE);
    expect(() => streamPartSize(DEFAULT_PART_SIZE, MAX_PARTS + 1)).toThrow(/at most 10000 parts/);
    expect(() => streamPartSize(DEFAULT_PART_SIZE, 0)).toThrow(/Invalid Body/);
  });

  it('property: sizes never shrink and stay within S3 limits', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_PART_SIZE, max: MAX_PART_SIZE }), fc.integer({ min: 1, max: MAX_PARTS - 1 }), (base, n) => {
        const a = streamPartSize(base, n);
        const b = streamPartSize(base, n + 1);
        expect(b).toBeGreaterThanOrEqual(a);
        expect(b).toBeLessThanOrEqual(MAX_PART_SIZE);
      }),
    );
  });
});

describe('rangeHeader', () => {
  it('writes inclusive HTTP ranges', () => {
    expect(rangeHeader({ start: 0, end: 100 })).toBe('bytes=0-99');
  });
});
