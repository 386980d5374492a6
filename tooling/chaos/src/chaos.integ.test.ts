import { describe, expect, it } from 'vitest';
import { runMatrix } from './matrix.js';
import { builtEntryPoints } from './run-seed.js';
import { describeFailure, formatTally } from './table.js';

/** The slice of the matrix that runs in every `pnpm test`; `pnpm chaos --seeds 500` runs the whole of it. */
const SLICE = Array.from({ length: 36 }, (_, i) => i + 1);

describe('the seeded fault matrix (a slice: seeds 1-36)', () => {
  it('every run succeeds byte for byte or fails typed and non-zero; nothing corrupt, orphaned, silent, leaked or wrongly deleted', { timeout: 300_000 }, async () => {
    builtEntryPoints();
    const { results, tally } = await runMatrix({ seeds: SLICE, lanes: 2 });
    const failing = results.filter((r) => r.violations.length > 0).map(describeFailure);
    expect(failing, formatTally(tally)).toEqual([]);
    expect(tally.runs).toBe(SLICE.length);
    // Both outcomes occur: the slice is not all sunshine, nor all storms.
    expect(tally.succeeded).toBeGreaterThan(0);
    expect(tally.failedTyped).toBeGreaterThan(0);
  });
});
