import type { Daemon } from './daemon.js';

/** Options for {@link waitFor}. */
export interface WaitForOptions {
  /** What is awaited, for the timeout message (e.g. "osd.0 up"). */
  readonly what: string;
  /** Give up after this many milliseconds. */
  readonly timeoutMs: number;
  /** Pause between attempts. @default 25 */
  readonly intervalMs?: number;
  /** Daemons that must stay alive while waiting; an exit fails the wait at once. */
  readonly daemons?: readonly Daemon[];
  /** Aborts the wait. */
  readonly signal?: AbortSignal | undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Calls `probe` until it returns true, bounded in time. A probe that throws counts as "not yet";
 * the last error is reported if time runs out.
 *
 * @throws {Error} when time runs out, a watched daemon exits, or the signal aborts.
 */
export async function waitFor(probe: () => Promise<boolean>, options: WaitForOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    options.signal?.throwIfAborted();
    for (const d of options.daemons ?? []) {
      if (d.exit) {
        throw new Error(`${d.name} (pid ${d.pid}) exited (code ${String(d.exit.code)}, signal ${String(d.exit.signal)}) while waiting for ${options.what}`);
      }
    }
    try {
      if (await probe()) return;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const last = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${options.what}${last}`);
    }
    await sleep(options.intervalMs ?? 25);
  }
}
