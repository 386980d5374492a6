import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Prefix of every cluster directory the harness creates. */
export const DIR_PREFIX = 's3kit-rgw-';
/** File inside a cluster directory holding the PID of the process that owns it. */
export const OWNER_FILE = 'owner.pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes cluster directories under `parent` whose owner process is gone: what remains after a
 * parent was killed with SIGKILL (its daemons die with it, see daemon.ts, but its directory
 * stays). Directories without an owner file, or owned by a live process, are left alone.
 */
export async function removeStaleDirs(parent: string): Promise<void> {
  const names = await readdir(parent).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => n.startsWith(DIR_PREFIX))
      .map(async (n) => {
        const dir = join(parent, n);
        const pid = Number.parseInt(await readFile(join(dir, OWNER_FILE), 'utf8').catch(() => ''), 10);
        if (Number.isInteger(pid) && pid > 0 && !alive(pid)) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      }),
  );
}
