import { describe, expect, it } from 'vitest';
import { coverageByPackage } from './coverage-gate.mjs';

const entry = (lc, lt, bc, bt) => ({ lines: { covered: lc, total: lt }, branches: { covered: bc, total: bt } });

describe('coverageByPackage', () => {
  it('sums files per package and ignores the total and files outside packages/', () => {
    const rows = coverageByPackage(
      {
        total: entry(0, 0, 0, 0),
        '/r/packages/b/src/x.ts': entry(8, 10, 1, 2),
        '/r/packages/a/src/x.ts': entry(1, 2, 3, 4),
        '/r/packages/b/src/y.ts': entry(2, 10, 1, 2),
        '/r/scripts/z.ts': entry(0, 5, 0, 5),
      },
      '/r',
    );
    expect(rows).toEqual([
      { pkg: 'a', lines: [1, 2], branches: [3, 4], files: 1 },
      { pkg: 'b', lines: [10, 20], branches: [2, 4], files: 2 },
    ]);
  });
});
