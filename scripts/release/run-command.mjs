// Child processes of the release rehearsal: run to completion, output kept for the failure message.
import { spawn } from 'node:child_process';

/**
 * Runs `cmd args` and resolves with its stdout and stderr together. Rejects when it exits non-zero,
 * cannot start, runs past `timeoutMs` (it is killed), or `signal` aborts (it is terminated); the
 * message names the command and carries its output.
 */
export function runCommand(cmd, args, { cwd, env = process.env, timeoutMs = 5 * 60_000, signal } = {}) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error(`${cmd} was not started: ${signal.reason?.message ?? 'aborted'}`, { cause: signal.reason }));
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const onAbort = () => child.kill('SIGTERM');
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    child.once('error', (err) => {
      done();
      reject(new Error(`${cmd} could not start (in ${cwd ?? process.cwd()}): ${err.message}`, { cause: err }));
    });
    child.once('close', (code, killedBy) => {
      done();
      if (code === 0) return resolve(out);
      const how = timedOut ? `was stopped after ${timeoutMs / 1000} s` : signal?.aborted ? `was stopped: ${signal.reason?.message ?? 'aborted'}` : killedBy ? `was killed by ${killedBy}` : `exited ${code}`;
      reject(new Error(`${[cmd, ...args].join(' ')} (in ${cwd ?? process.cwd()}) ${how}:\n${out.trim()}`, signal?.aborted ? { cause: signal.reason } : undefined));
    });
  });
}
