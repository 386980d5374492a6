/** The matrix report: the tally as a table, and how to replay a failing seed. */
import type { Tally } from './matrix.js';
import type { SeedResult } from './run-seed.js';
import { describeScenario } from './scenario.js';

const COLUMNS: readonly [keyof Tally, string][] = [
  ['runs', 'runs'],
  ['succeeded', 'succeeded'],
  ['failedTyped', 'failed with typed error'],
  ['corrupt', 'corrupt'],
  ['orphaned', 'orphaned'],
  ['silent', 'silent exits'],
  ['secrets', 'secrets'],
  ['untyped', 'untyped errors'],
  ['badDeletes', 'bad deletes'],
  ['hung', 'hung'],
];

/** The tally as a Markdown table (one header row, one value row). */
export function formatTally(tally: Tally): string {
  const head = `| ${COLUMNS.map(([, title]) => title).join(' | ')} |`;
  const rule = `|${COLUMNS.map(() => '---:|').join('')}`;
  const row = `| ${COLUMNS.map(([key]) => String(tally[key])).join(' | ')} |`;
  return `${head}\n${rule}\n${row}`;
}

/** The command that runs one seed alone. */
export function replayCommand(seed: number): string {
  return `pnpm chaos --seed ${seed}`;
}

/** What a failing seed did and how to replay it. */
export function describeFailure(result: SeedResult): string {
  return [
    `seed ${result.seed}: ${result.violations.join(', ')}`,
    `  scenario: ${describeScenario(result.scenario)}`,
    ...result.notes.map((n) => `  ${n}`),
    `  replay: ${replayCommand(result.seed)}`,
    ...result.output
      .trimEnd()
      .split('\n')
      .slice(-12)
      .map((line) => `  | ${line}`),
  ].join('\n');
}

/** Whether every invariant held in every run. */
export function allHeld(tally: Tally): boolean {
  return tally.corrupt + tally.orphaned + tally.silent + tally.secrets + tally.untyped + tally.badDeletes + tally.hung === 0;
}
