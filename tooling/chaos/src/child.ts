/** Runs one child process (a worker script or the `s3kit` bin) and collects how it ended. */
import { spawn } from 'node:child_process';

/** How a child run ended. */
export interface ChildRun {
  /** Exit code, or `null` when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Killed by the time limit. */
  hung: boolean;
  /** Killed on purpose (kill-and-resume). */
  killed: boolean;
}

/** Options of {@link runChild}. */
export interface RunChildOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Longest a run may take before it is killed and counted as hung. */
  limitMs: number;
  /**
   * Kills the child with SIGKILL once this returns true (polled), as a crash would; it is not
   * polled once the child has exited.
   */
  killWhen?: () => boolean;
  /** Kills the child by then even if `killWhen` never held. */
  killAfterMs?: number;
}

/** Runs `node args...` to completion. */
export function runChild(args: readonly string[], options: RunChildOptions): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let hung = false;
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const started = Date.now();
    const poll = setInterval(() => {
      const elapsed = Date.now() - started;
      if (elapsed > options.limitMs) {
        hung = true;
        child.kill('SIGKILL');
      } else if (options.killWhen && !killed && (options.killWhen() || (options.killAfterMs !== undefined && elapsed > options.killAfterMs))) {
        killed = true;
        child.kill('SIGKILL');
      }
    }, 10);
    child.once('error', (err) => {
      clearInterval(poll);
      reject(err);
    });
    child.once('close', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stdout, stderr, hung, killed });
    });
  });
}
