import type { TextSink } from './context.js';
import { EXIT_OK, EXIT_OTHER } from './context.js';

/** The part of a stream {@link watchStdout} listens on. */
export interface ErrorEmitter {
  on(event: 'error', listener: (err: NodeJS.ErrnoException) => void): unknown;
}

/**
 * Watches stdout for write errors. When the reader goes away (`s3kit ls | head -2`: `EPIPE`),
 * nobody is left to read the rest, so `exit(0)` ends the process quietly, as the AWS CLI does;
 * any other write error is said on `stderr` and exits 255.
 * @example
 * ```ts
 * watchStdout(process.stdout, process.stderr, (code) => process.exit(code));
 * ```
 */
export function watchStdout(stdout: ErrorEmitter, stderr: TextSink, exit: (code: number) => void): void {
  let ended = false;
  stdout.on('error', (err) => {
    if (ended) return;
    ended = true;
    if (err.code === 'EPIPE') {
      exit(EXIT_OK);
      return;
    }
    stderr.write(`s3kit: cannot write to stdout: ${err.code ?? err.message}\n`);
    exit(EXIT_OTHER);
  });
}
