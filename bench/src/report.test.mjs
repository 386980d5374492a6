import { describe, expect, it } from 'vitest';
import { renderMarkdown, withRatios } from './report.mjs';

const row = (impl, label, median, extra = {}) => ({ impl, label, stats: { median, min: median, max: median, n: 1 }, ...extra });

describe('fraction of floor', () => {
  it('gives each s3kit row its share of the floor speed, oriented like the ratios', () => {
    const faster = withRatios({ id: 'x', title: 'x', unit: 'GB/s', higherIsBetter: true, ours: 's3kit', rows: [row('s3kit', 's3kit', 1), row('peer', 'peer', 0.5), row('floor', 'floor', 2, { floor: true })], notes: [] });
    expect(faster.rows.map((r) => r.fractionOfFloor)).toEqual([0.5, undefined, undefined]);
    // The floor takes no part in the ratios.
    expect(faster.ratios.map((r) => r.vs)).toEqual(['peer']);
    const slower = withRatios({ id: 'y', title: 'y', unit: 'ms', higherIsBetter: false, ours: 's3kit', rows: [row('s3kit', 's3kit', 100), row('floor', 'floor', 80, { floor: true })], notes: [] });
    expect(slower.rows[0].fractionOfFloor).toBeCloseTo(0.8);
    const md = renderMarkdown({ generatedAt: 'now', quick: false, machine: { cpu: 'c', cores: 2, memoryGiB: 1, node: 'v', platform: 'p' }, scenarios: [slower] });
    expect(md).toContain('| s3kit | 100 | 100 | 100 | 1 |  | 80% |');
    expect(md).toContain('| floor | 80.0 | 80.0 | 80.0 | 1 |  | floor |');
  });

  it('uses the floor a row names when a scenario has several, and none when it names none', () => {
    const s = withRatios({
      id: 'z',
      title: 'z',
      unit: 'GB/s',
      higherIsBetter: true,
      ours: 's3kit-a',
      rows: [row('s3kit-a', 's3kit a', 1, { floorImpl: 'floor-a' }), row('s3kit-b', 's3kit b', 1), row('floor-a', 'floor a', 4, { floor: true }), row('floor-b', 'floor b', 2, { floor: true })],
      notes: [],
    });
    expect(s.rows.map((r) => r.fractionOfFloor)).toEqual([0.25, undefined, undefined, undefined]);
  });
});

describe('updating part of a report (--update)', () => {
  it('replaces the scenarios run again, keeps the others with the time they were measured', async () => {
    const { updatedReport } = await import('./run.mjs');
    const s = (id, median) => ({ id, title: id, unit: 'x', higherIsBetter: true, ours: 's3kit', rows: [row('s3kit', 's3kit', median)], ratios: [], notes: [] });
    const previous = { generatedAt: 'T1', machine: {}, scenarios: [s('sigv4-header', 1), s('checksums', 1), s('download-file', 1)] };
    const fresh = { generatedAt: 'T2', machine: {}, scenarios: [s('download-file', 2)] };
    const merged = updatedReport(previous, fresh);
    expect(merged.scenarios.map((x) => [x.id, x.rows[0].stats.median, x.measuredAt])).toEqual([
      ['sigv4-header', 1, 'T1'],
      ['checksums', 1, 'T1'],
      ['download-file', 2, 'T2'],
    ]);
    expect(merged.updated).toEqual(['download-file']);
    expect(renderMarkdown(merged)).toContain('_Measured in the run of T1._');
  });
});
