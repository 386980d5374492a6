import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCredentialsError } from '@s3kit/primitives';
import { fromProcess, nodeExecFile } from './from-process.js';
import type { ExecFile } from './from-process.js';

const SECRET = 'procSecretKEY/zz9+Distinctive0000000003';
const TOKEN = 'procSessionTOKEN/zz9+Distinctive000000004==';

let dir: string;
let script: string;
const node = JSON.stringify(process.execPath);

// The script prints what its first argument asks for: ok, expiring, v2, garbage, fail, leak, hang, args.
const SOURCE = `
const [mode, ...rest] = process.argv.slice(2);
const creds = { Version: 1, AccessKeyId: 'AKIDPROC', SecretAccessKey: ${JSON.stringify(SECRET)}, SessionToken: ${JSON.stringify(TOKEN)} };
if (mode === 'ok') console.log(JSON.stringify(creds));
else if (mode === 'expiring') console.log(JSON.stringify({ ...creds, Expiration: '2031-05-06T07:08:09Z' }));
else if (mode === 'v2') console.log(JSON.stringify({ ...creds, Version: 2 }));
else if (mode === 'garbage') console.log('not json ' + ${JSON.stringify(SECRET)});
else if (mode === 'badexp') console.log(JSON.stringify({ ...creds, Expiration: 'later' }));
else if (mode === 'nosecret') console.log(JSON.stringify({ Version: 1, AccessKeyId: 'AKIDPROC' }));
else if (mode === 'fail') { console.error('profile not found: dev'); process.exit(3); }
else if (mode === 'leak') { console.error('token=' + ${JSON.stringify(TOKEN)} + ' secret ' + ${JSON.stringify(SECRET)}); process.exit(1); }
else if (mode === 'args') console.log(JSON.stringify({ ...creds, AccessKeyId: 'AKID' + rest.join('|').replace(/[^A-Za-z0-9|]/g, '_') }));
else if (mode === 'hang') setInterval(() => {}, 1000);
`;

function assertNoSecret(value: unknown): void {
  const e = value as Error & { toJSON?: () => unknown };
  const text = `${String(e)}${e.stack ?? ''}${JSON.stringify(e.toJSON?.())}${JSON.stringify(value)}`;
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(TOKEN);
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 's3kit cred-'));
  script = join(dir, 'creds.cjs');
  writeFileSync(script, SOURCE);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const cmd = (...args: string[]): string => [node, JSON.stringify(script), ...args].join(' ');

describe('fromProcess (runs a node script)', () => {
  it('parses Version 1 output', async () => {
    await expect(fromProcess({ command: cmd('ok') })()).resolves.toEqual({ accessKeyId: 'AKIDPROC', secretAccessKey: SECRET, sessionToken: TOKEN });
  });

  it('reads Expiration', async () => {
    const c = await fromProcess({ command: cmd('expiring') })();
    expect(c.expiration).toEqual(new Date('2031-05-06T07:08:09Z'));
  });

  it('splits the command like a shell: quotes and backslashes group words', async () => {
    const c = await fromProcess({ command: `${cmd('args')} "a b" 'c d' e\\ f` })();
    expect(c.accessKeyId).toBe('AKIDa_b|c_d|e_f');
  });

  it.each([
    ['v2', 'must have "Version": 1'],
    ['garbage', 'is not a JSON object'],
    ['badexp', 'Expiration is not an ISO 8601 date'],
    ['nosecret', 'no secretAccessKey'],
  ])('rejects %s output without echoing it', async (mode, expected) => {
    const error = await rejection(fromProcess({ command: cmd(mode), source: 'profile p' })());
    expect(isCredentialsError(error)).toBe(true);
    expect(error.message).toContain(expected);
    expect(error.message).toMatch(/^profile p: /);
    assertNoSecret(error);
  });

  it('reports the exit code with a safe stderr line', async () => {
    const error = await rejection(fromProcess({ command: cmd('fail') })());
    expect(error.message).toMatch(/exited with code 3: profile not found: dev$/);
  });

  it('never leaks secrets printed on stderr', async () => {
    const error = await rejection(fromProcess({ command: cmd('leak') })());
    expect(error.message).toContain('exited with code 1');
    assertNoSecret(error);
  });

  it('kills a process that outlives its timeout', async () => {
    const error = await rejection(fromProcess({ command: cmd('hang'), timeoutMs: 300 })());
    expect(error.message).toContain('timed out after 300 ms');
  });

  it('reports a program that cannot start, and an unclosed quote', async () => {
    const missing = await rejection(fromProcess({ command: join(dir, 'no-such-program') })());
    expect(missing.message).toContain('could not start (ENOENT)');
    await expect(fromProcess({ command: `${cmd('ok')} "open` })()).rejects.toThrow('unclosed quote');
    await expect(fromProcess({ command: '   ' })()).rejects.toThrow('is empty');
  });

  it('honours an aborted signal', async () => {
    await expect(fromProcess({ command: cmd('ok') })({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    const controller = new AbortController();
    const pending = fromProcess({ command: cmd('hang') })({ signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('uses an injected exec port and passes env and timeout', async () => {
    const seen: unknown[] = [];
    const exec: ExecFile = (file, args, options) => {
      seen.push(file, args, options.timeoutMs, options.env);
      return Promise.resolve({ stdout: JSON.stringify({ Version: 1, AccessKeyId: 'AKIDX', SecretAccessKey: SECRET }), stderr: '', exitCode: 0 });
    };
    await fromProcess({ command: 'get-creds --x', exec, env: { A: '1' }, timeoutMs: 5 })();
    expect(seen).toEqual(['get-creds', ['--x'], 5, { A: '1' }]);
    const failing: ExecFile = () => Promise.reject(new Error('boom'));
    await expect(fromProcess({ command: 'x', exec: failing })()).rejects.toThrow('credential_process "x" failed');
    const silent: ExecFile = () => Promise.resolve({ stdout: '', stderr: '  ', exitCode: null });
    await expect(fromProcess({ command: 'x', exec: silent })()).rejects.toThrow(/exited with code null$/);
  });

  it('nodeExecFile passes env to the child', async () => {
    const result = await nodeExecFile(process.execPath, ['-e', 'process.stdout.write(process.env.S3KIT_X ?? "")'], { timeoutMs: 10_000, env: { S3KIT_X: 'yes' } });
    expect(result).toEqual({ stdout: 'yes', stderr: '', exitCode: 0 });
  });
});
