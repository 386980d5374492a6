/**
 * `s3kit` in a pseudo-terminal, as a person runs it: util-linux `script(1)` gives the bin a
 * terminal for stdin, stdout and stderr, and a Ctrl-C typed into it reaches the bin as SIGINT
 * through the terminal's line discipline (not a `kill` from the test).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Mock } from '@s3kit/s3-mock';
import type { S3Mock, S3MockServer } from '@s3kit/s3-mock';
import { BIN, cleanEnv } from './test-support/bin.js';

const CTRL_C = '\u0003';

function quote(arg: string): string {
  return `'${arg.replaceAll("'", "'\\''")}'`;
}

/** A bin run inside a pseudo-terminal: what the terminal showed, and a way to type into it. */
interface TerminalRun {
  /** Everything written to the terminal so far (stdout and stderr, `\r\n` line ends). */
  readonly screen: string;
  type(text: string): void;
  exited: Promise<number | null>;
}

function inTerminal(args: readonly string[], env: NodeJS.ProcessEnv): TerminalRun {
  const command = `exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
  // -e: exit with the bin's code; -f: flush at once; stdin stays open until the bin exits
  // (script ends the session at end of input).
  const child = spawn('script', ['-qfec', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let screen = '';
  child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  void exited.then(() => child.stdin.end());
  return {
    get screen() {
      return screen;
    },
    type: (text) => child.stdin.write(text),
    exited,
  };
}

describe('s3kit in a terminal (script(1), built bin, real server)', () => {
  let mock: S3Mock;
  let server: S3MockServer;
  let dir: string;
  const env = cleanEnv({ AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', TERM: 'xterm-256color' });
  delete env.NO_COLOR;
  beforeAll(async () => {
    mock = createS3Mock({ seed: { buckets: { tty: {} } } });
    server = await mock.start();
    dir = await mkdtemp(join(tmpdir(), 's3kit-tty-'));
  });
  afterAll(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('draws progress bars and the overall line of a tree, then prints what it did', async () => {
    const tree = join(dir, 'tree');
    await mkdir(tree, { recursive: true });
    for (let i = 0; i < 6; i++) await writeFile(join(tree, `f${i}.bin`), new Uint8Array(64 * 1024));
    mock.faults.add({ match: { operation: 'PutObject', bucket: 'tty' }, times: 6, action: { delayMs: 400 } });
    const run = inTerminal(['cp', tree, 's3://tty/tree/', '--recursive', '--concurrency', '2', '--endpoint-url', server.endpoint], env);
    expect(await run.exited).toBe(0);
    mock.faults.clear();
    expect(run.screen).toMatch(/total: \d\/\d files/);
    expect(run.screen).toMatch(/\d+% \S+ KiB\/\S+ KiB .* ETA/);
    expect(run.screen).toContain('\u001b[?25l');
    expect(run.screen.match(/upload: \S+ to s3:\/\/tty\/tree\/f\d\.bin/g)).toHaveLength(6);
    expect(run.screen).toMatch(/6 done, 0 failed, 384 KiB in/);
  });

  it('colours the error label on a terminal, not with NO_COLOR or --color off', async () => {
    const coloured = inTerminal(['ls', 's3://missing-bucket/', '--endpoint-url', server.endpoint], env);
    expect(await coloured.exited).toBe(254);
    expect(coloured.screen).toContain('\u001b[31ms3kit:\u001b[0m ListObjectsV2 missing-bucket failed: NoSuchBucket (404)');
    const plain = inTerminal(['ls', 's3://missing-bucket/', '--endpoint-url', server.endpoint], { ...env, NO_COLOR: '1' });
    expect(await plain.exited).toBe(254);
    expect(plain.screen).toContain('s3kit: ListObjectsV2 missing-bucket failed');
    expect(plain.screen).not.toContain('\u001b[31m');
    const off = inTerminal(['--color', 'off', 'ls', 's3://missing-bucket/', '--endpoint-url', server.endpoint], env);
    expect(await off.exited).toBe(254);
    expect(off.screen).not.toContain('\u001b[31m');
  });

  it('Ctrl-C typed during a download stops it, removes the partial file, says so and exits 130', async () => {
    mock.engine.putObject({ Bucket: 'tty', Key: 'slow.bin', Body: new Uint8Array(2 * 1024 * 1024) });
    mock.faults.add({ match: { operation: 'GetObject', key: 'slow.bin' }, times: 100, action: { bytesPerSecond: 128 * 1024 } });
    const out = join(dir, 'down');
    await mkdir(out, { recursive: true });
    const run = inTerminal(['cp', 's3://tty/slow.bin', join(out, 'slow.bin'), '--endpoint-url', server.endpoint], env);
    for (let i = 0; i < 400 && !(await readdir(out)).some((name) => name.endsWith('.s3kit-part')); i++) await new Promise((r) => setTimeout(r, 25));
    run.type(CTRL_C);
    const code = await run.exited;
    mock.faults.clear();
    expect(code).toBe(130);
    expect(run.screen).toContain('^C');
    expect(run.screen).toContain('(the partial download was removed)');
    expect(await readdir(out)).toEqual([]);
  });
});
