import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** How a supervised daemon ended. */
export interface DaemonExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A daemon running in the foreground as a child of this process. */
export interface Daemon {
  /** Short name used in messages and for the output file (`<dir>/<name>.out`). */
  readonly name: string;
  /** The PID this harness started. */
  readonly pid: number;
  /** Set once the process has exited. */
  readonly exit: DaemonExit | undefined;
  /** Resolves when the process has exited (never rejects). */
  readonly exited: Promise<DaemonExit>;
  /**
   * Sends `signal`, waits up to `graceMs` for the exit, then sends SIGKILL and waits for the exit.
   * Resolves once the PID has been reaped.
   */
  stop(signal: NodeJS.Signals, graceMs: number): Promise<DaemonExit>;
}

// Everything started and not yet stopped, so a dying parent can take it down with it.
const live = new Set<ChildProcess>();
const liveDirs = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let hooksInstalled = false;

function killAllSync(): void {
  for (const child of live) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
  for (const dir of liveDirs) rmSync(dir, { recursive: true, force: true });
  liveDirs.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  killAllSync();
  removeHooks();
  // Nobody else handles this signal: restore the default action (terminate) by re-raising it.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', killAllSync);
  for (const s of SIGNALS) process.on(s, onSignal);
}

function removeHooks(): void {
  if (!hooksInstalled) return;
  hooksInstalled = false;
  process.removeListener('exit', killAllSync);
  for (const s of SIGNALS) process.removeListener(s, onSignal);
}

function maybeRemoveHooks(): void {
  if (live.size === 0 && liveDirs.size === 0) removeHooks();
}

/**
 * Registers a directory to delete if this process exits (or dies by SIGINT/SIGTERM/SIGHUP)
 * before {@link releaseDir} is called.
 */
export function trackDir(dir: string): void {
  liveDirs.add(dir);
  installHooks();
}

/** Removes `dir` from the exit-time clean-up list (the caller deletes it). */
export function releaseDir(dir: string): void {
  liveDirs.delete(dir);
  maybeRemoveHooks();
}

// util-linux's setpriv sets PR_SET_PDEATHSIG and then execs the daemon under the same PID, so
// the kernel kills the daemon even when this process is killed with SIGKILL (no exit hook runs).
const SETPRIV = '/usr/bin/setpriv';

/**
 * Starts `command args` as a supervised child: stdout and stderr go to `<dir>/<name>.out`, the
 * child is killed when this process exits, and it does not keep the event loop alive.
 *
 * @throws {Error} when the executable cannot be started (ENOENT, EACCES).
 */
export async function startDaemon(
  name: string,
  command: string,
  args: readonly string[],
  options: { dir: string; env: NodeJS.ProcessEnv },
): Promise<Daemon> {
  const out = openSync(join(options.dir, `${name}.out`), 'a');
  let child: ChildProcess;
  try {
    const [cmd, argv] = existsSync(SETPRIV) ? [SETPRIV, ['--pdeathsig', 'KILL', '--', command, ...args]] : [command, [...args]];
    child = spawn(cmd, argv, { stdio: ['ignore', out, out], env: options.env });
  } finally {
    closeSync(out);
  }
  let exit: DaemonExit | undefined;
  const exited = new Promise<DaemonExit>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      live.delete(child);
      maybeRemoveHooks();
      resolve(exit);
    });
  });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  live.add(child);
  installHooks();
  child.unref();
  const pid = child.pid!;

  return {
    name,
    pid,
    get exit() {
      return exit;
    },
    exited,
    async stop(signal, graceMs) {
      if (exit) return exit;
      child.ref(); // keep the loop alive until the exit is seen
      child.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => { resolve('timeout'); }, graceMs);
      });
      const first = await Promise.race([exited, graceOver]);
      clearTimeout(timer);
      if (first === 'timeout') child.kill('SIGKILL');
      return exited;
    },
  };
}
