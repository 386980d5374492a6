/** Renders the README's fidelity table (operation x behaviour, mock vs RGW) from the contract cases. */
import type { ContractCase } from './contract-case.js';

/** Markers around the generated part of the README. */
export const TABLE_START = '<!-- fidelity-table:start (generated from test/contract/cases*.ts; UPDATE_FIDELITY_TABLE=1 npx vitest run --project s3-mock fidelity) -->';
export const TABLE_END = '<!-- fidelity-table:end -->';

/** Escapes pipes; shows XML element names as code so Markdown does not swallow them as HTML. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/<\/?[A-Za-z][^>]*>/g, (m) => `\`${m}\``);

/** The Markdown block between the markers: totals, then one row per case. */
export function renderFidelityTable(cases: readonly ContractCase[]): string {
  const rgwDiffers = cases.filter((c) => c.rgw).length;
  const mockDeparts = cases.filter((c) => c.mock).length;
  const mockLine =
    mockDeparts === 0 ? 'the mock matches AWS in all' : `the mock matches AWS in ${cases.length - mockDeparts} (${mockDeparts} deliberate departure${mockDeparts === 1 ? '' : 's'}, marked)`;
  const lines = [
    `**${cases.length} cases: ${mockLine}; Ceph RGW 16.2 (Pacific) matches in ${cases.length - rgwDiffers}, differs in ${rgwDiffers}.**`,
    '',
    '| Operation | Behaviour | s3-mock | Ceph RGW |',
    '| --- | --- | --- | --- |',
    ...cases.map((c) => {
      const mock = c.mock ? `differs: ${c.mock}` : 'same as AWS';
      const rgw = c.rgw ? `differs: ${c.rgw.rgw} (AWS: ${c.rgw.aws})` : 'same';
      return `| ${cell(c.op)} | ${cell(c.behaviour)} | ${cell(mock)} | ${cell(rgw)} |`;
    }),
  ];
  return lines.join('\n');
}

/** Replaces the generated block of `readme` (which must hold both markers). */
export function withFidelityTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('README has no fidelity-table markers');
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
