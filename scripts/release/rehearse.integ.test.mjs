// Ctrl-C in the middle of a release rehearsal, for real: the rehearsal runs as `node rehearse.mjs`
// and is interrupted once its registry is up.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = join(resolve(import.meta.dirname), 'rehearse.mjs');

describe('pnpm release:rehearse', () => {
  it('on SIGINT stops its registry, removes its directory and exits 130, saying why', async () => {
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const registryUp = new Promise((resolveUp, rejectUp) => {
      child.stdout.on('data', (d) => {
        out += d;
        const url = /Verdaccio at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1];
        if (url) resolveUp(url);
      });
      child.once('exit', () => rejectUp(new Error(`the rehearsal exited before its registry was up:\n${out}\n${err}`)));
    });
    const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
    const url = await registryUp;
    const work = /release rehearsal in (\S+)/.exec(out)[1];
    child.kill('SIGINT');
    expect(await exited).toEqual({ code: 130, signal: null });
    expect(err).toContain(`release rehearsal: SIGINT: stopping the registry and removing ${work}`);
    expect(err).toMatch(/Release rehearsal interrupted by SIGINT after \d+\.\d s/);
    expect(out).toContain(`registry stopped, ${work} removed`);
    expect(existsSync(work)).toBe(false);
    await expect(fetch(url)).rejects.toThrow();
  }, 180_000);
});
