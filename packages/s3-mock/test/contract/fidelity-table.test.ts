import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTRACT_CASES } from './cases.js';
import { renderFidelityTable, withFidelityTable } from './fidelity-table.js';

const README = new URL('../../README.md', import.meta.url);

describe('README fidelity table', () => {
  it('is generated from the contract cases (UPDATE_FIDELITY_TABLE=1 rewrites it)', () => {
    const wanted = withFidelityTable(readFileSync(README, 'utf8'), renderFidelityTable(CONTRACT_CASES));
    if (process.env.UPDATE_FIDELITY_TABLE === '1') writeFileSync(README, wanted);
    expect(readFileSync(README, 'utf8')).toBe(wanted);
  });

  it('has unique case names and one row per case', () => {
    const names = CONTRACT_CASES.map((c) => `${c.op}: ${c.behaviour}`);
    expect(new Set(names).size).toBe(names.length);
    expect(renderFidelityTable(CONTRACT_CASES).split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Operation') && !l.startsWith('| ---'))).toHaveLength(CONTRACT_CASES.length);
  });
});
