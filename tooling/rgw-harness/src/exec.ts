import { execFile } from 'node:child_process';

/** Options for {@link runCommand}. */
export interface RunOptions {
  /** Kill the command (SIGKILL) after this many milliseconds. */
  readonly timeoutMs: number;
  /** Environment for the command. */
  readonly env: NodeJS.ProcessEnv;
  /** Aborts (kills) the command. */
  readonly signal?: AbortSignal | undefined;
  /** Arguments that follow one of these flags are shown as `***` in error messages. */
  readonly secretFlags?: readonly string[];
}

/** Renders a command line for messages, hiding the values of secret flags. */
export function describeCommand(command: string, args: readonly string[], secretFlags: readonly string[] = []): string {
  return [command, ...args.map((a, i) => (i > 0 && secretFlags.includes(args[i - 1]!) ? '***' : a))].join(' ');
}

/**
 * Runs a command without a shell and resolves with its stdout. Rejects with a message naming the
 * command (secrets hidden), its exit status, and the tail of its stderr.
 */
export function runCommand(command: string, args: readonly string[], options: RunOptions): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    execFile(
      command,
      args,
      { env: options.env, timeout: options.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, signal: options.signal },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout);
          return;
        }
        const what = describeCommand(command, args, options.secretFlags);
        const status = error.killed ? `killed after ${options.timeoutMs} ms or by abort` : `exit ${String(error.code ?? error.signal)}`;
        const tail = stderr.trim().split('\n').slice(-15).join('\n');
        reject(new Error(`\`${what}\` failed (${status})${tail ? `:\n${tail}` : ''}`, { cause: error }));
      },
    );
  });
}
