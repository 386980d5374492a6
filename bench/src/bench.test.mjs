// The benchmark harness runs once in its tiny size on every test run, so it cannot rot. This test
// judges the harness (same-work checks, report shape), never the speed.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './report.mjs';
import { runBenchmarks } from './run.mjs';

describe('benchmarks (tiny size)', () => {
  it('runs every scenario, checks same work and renders a report with ratios', async () => {
    const report = await runBenchmarks({ size: 'tiny' });
    expect(report.scenarios.length).toBeGreaterThan(0);
    for (const s of report.scenarios) {
      expect(s.rows.find((r) => r.impl === s.ours), `${s.id} has an s3kit row`).toBeDefined();
      // Every peer agreed on the work (no "different signature" exclusions).
      expect(s.notes.filter((n) => /different/.test(n)), s.id).toEqual([]);
      for (const r of s.rows) expect(r.stats.median, `${s.id} ${r.label}`).toBeGreaterThan(0);
      // Every scenario measures its floor in the same run, or says why it has none.
      expect(s.rows.some((r) => r.floor) || typeof s.noFloor === 'string', `${s.id} has a floor row or a noFloor reason`).toBe(true);
      for (const r of s.rows.filter((x) => x.fractionOfFloor !== undefined)) expect(r.fractionOfFloor, `${s.id} ${r.label}`).toBeGreaterThan(0);
    }
    const md = renderMarkdown(report);
    expect(md).toContain('# s3kit benchmarks');
    expect(md).toMatch(/\| s3kit vs \| ratio \| target \| status \|/);
    expect(md).toContain('| fraction of floor |');
  }, 240_000); // scenario 9 starts five runtimes
});
