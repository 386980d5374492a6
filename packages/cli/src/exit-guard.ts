import type { TextSink } from './context.js';
import { EXIT_OTHER } from './context.js';

/** The part of `process` the guard uses. */
export interface ExitingProcess {
  once(event: 'exit', listener: (code: number) => void): unknown;
  off(event: 'exit', listener: (code: number) => void): unknown;
  exitCode?: number | string | null | undefined;
}

/**
 * Makes sure `s3kit` never ends silently: should the process exit while the command is still
 * running (its event loop emptied: nothing left to wait on, which is a bug), this prints why on
 * `stderr` and exits 255 instead of Node's bare 13, or 0 with the work undone.
 * @returns The function to call once the command has finished.
 * @example
 * ```ts
 * const finished = guardExit(process, process.stderr);
 * process.exitCode = await main();
 * finished();
 * ```
 */
export function guardExit(proc: ExitingProcess, stderr: TextSink): () => void {
  const onExit = (): void => {
    stderr.write('s3kit: internal error: the command stopped before it finished (nothing was left to wait on); this is a bug, please report it\n');
    proc.exitCode = EXIT_OTHER;
  };
  proc.once('exit', onExit);
  return () => {
    proc.off('exit', onExit);
  };
}
