import { describe, expect, it } from 'vitest';
import { describeScenario, scenarioOf } from './scenario.js';
import type { FaultKind, Operation } from './scenario.js';

describe('scenarioOf', () => {
  it('is a function of the seed alone', () => {
    expect(scenarioOf(42)).toEqual(scenarioOf(42));
    expect(describeScenario(scenarioOf(7))).toBe(describeScenario(scenarioOf(7)));
  });

  it('covers every operation and every fault over 500 seeds, single and multipart, with and without faults', () => {
    const operations = new Set<Operation>();
    const faults = new Set<FaultKind>();
    let multipart = 0;
    let clean = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const s = scenarioOf(seed);
      operations.add(s.operation);
      for (const f of s.faults) faults.add(f.kind);
      if (s.size > s.partSize) multipart++;
      if (s.faults.length === 0) clean++;
    }
    expect(operations.size).toBe(10);
    expect([...faults].sort()).toEqual(
      [
        '200-with-error',
        'clock-skew',
        'empty-200',
        'endless-listing',
        'expiring-credentials',
        'kill-and-resume',
        'reset-before-headers',
        'reset-mid-body',
        'slow-past-timeout',
        'storm-500',
        'storm-slowdown',
        'storm-slowdown-retry-after',
        'truncated-body',
        'wrong-content-range',
      ].sort(),
    );
    expect(multipart).toBeGreaterThan(50);
    expect(clean).toBeGreaterThan(30);
  });
});
