import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const execFileAsync = promisify(execFile);
const DIST = pathToFileURL(join(import.meta.dirname, '../../dist/index.js')).href;

/** Runs an ES module source in a fresh `node` with nothing else keeping its event loop alive. */
async function runModule(source: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, ['--input-type=module', '-e', source]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('systemClock in a real process', () => {
  it('keeps the process alive while a sleep is pending (regression: unref timer let Node exit 13 mid-wait)', async () => {
    const result = await runModule(`import { systemClock } from ${JSON.stringify(DIST)};\nawait systemClock.sleep(50);\nconsole.log('woke');`);
    expect(result).toMatchObject({ code: 0, stdout: 'woke\n' });
  });

  it('keeps a main().catch() script alive through a retry backoff (regression: unref timer made it exit 0 with the work undone)', async () => {
    const source = `import { createRetryStrategy, NetworkError } from ${JSON.stringify(DIST)};
let calls = 0;
async function main() {
  const strategy = createRetryStrategy({ baseDelayMs: 40, random: () => 1 });
  const out = await strategy.run(async () => {
    if (++calls === 1) throw new NetworkError('reset', { details: { errno: 'ECONNRESET' } });
    return 'done';
  });
  console.log(out, calls);
}
main().catch((err) => { console.error(err); process.exitCode = 1; });`;
    expect(await runModule(source)).toMatchObject({ code: 0, stdout: 'done 2\n' });
  });

  it('still lets the process exit once an aborted sleep is cleared', async () => {
    const source = `import { systemClock } from ${JSON.stringify(DIST)};
const controller = new AbortController();
const sleeping = systemClock.sleep(60_000, controller.signal).catch((err) => console.log(err.code));
controller.abort();
await sleeping;`;
    expect(await runModule(source)).toMatchObject({ code: 0, stdout: 'ERR_ABORTED\n' });
  });
});
