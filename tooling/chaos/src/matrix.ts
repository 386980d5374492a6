/** Runs many seeds over a few lanes and tallies them. */
import { startLane } from './environment.js';
import { runSeed } from './run-seed.js';
import type { SeedResult } from './run-seed.js';
import type { Violation } from './invariants.js';

/** Counts of a matrix run: the table's columns. */
export interface Tally {
  runs: number;
  succeeded: number;
  /** Failed with a typed error and a non-zero exit, every invariant held. */
  failedTyped: number;
  corrupt: number;
  orphaned: number;
  silent: number;
  secrets: number;
  untyped: number;
  badDeletes: number;
  hung: number;
}

/** Options of {@link runMatrix}. */
export interface MatrixOptions {
  /** The seeds to run. */
  seeds: readonly number[];
  /**
   * Seeds run side by side (each lane has its own mock server and proxy).
   * @default 2
   */
  lanes?: number;
  /** Called after each seed. */
  onResult?: (result: SeedResult) => void;
}

const COLUMN: Readonly<Record<Violation, keyof Tally>> = {
  corrupt: 'corrupt',
  orphaned: 'orphaned',
  silent: 'silent',
  secret: 'secrets',
  untyped: 'untyped',
  'bad-delete': 'badDeletes',
  hung: 'hung',
};

/** Adds one seed's result to a tally. */
export function tallyResult(tally: Tally, result: SeedResult): void {
  tally.runs++;
  if (result.violations.length === 0) {
    if (result.outcome === 'succeeded') tally.succeeded++;
    else tally.failedTyped++;
  }
  for (const v of result.violations) tally[COLUMN[v]]++;
}

/** An empty tally. */
export function emptyTally(): Tally {
  return { runs: 0, succeeded: 0, failedTyped: 0, corrupt: 0, orphaned: 0, silent: 0, secrets: 0, untyped: 0, badDeletes: 0, hung: 0 };
}

/** Runs the seeds; returns every result (in seed order) and the tally. */
export async function runMatrix(options: MatrixOptions): Promise<{ results: SeedResult[]; tally: Tally }> {
  const queue = [...options.seeds];
  const results: SeedResult[] = [];
  const tally = emptyTally();
  const lane = async (): Promise<void> => {
    const env = await startLane();
    try {
      for (let seed = queue.shift(); seed !== undefined; seed = queue.shift()) {
        const result = await runSeed(env, seed);
        results.push(result);
        tallyResult(tally, result);
        options.onResult?.(result);
      }
    } finally {
      await env.stop();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.lanes ?? 2, queue.length)) }, lane));
  results.sort((a, b) => a.seed - b.seed);
  return { results, tally };
}
