// The rehearsal's registry for real: Verdaccio in a child process on loopback.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRegistry } from './registry.mjs';

let dir;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const children = () => execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).split('\n').filter((l) => l.includes('registry-server'));

describe('the rehearsal registry', () => {
  it('serves what was published to it, 404s every other name (no uplinks), and stops', async () => {
    dir = mkdtempSync(join(tmpdir(), 'registry-'));
    const registry = await startRegistry({ dir: join(dir, 'registry') });
    try {
      expect(registry.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const pkg = join(dir, 'pkg');
      mkdirSync(pkg);
      const manifest = { name: '@example/hello', version: '1.2.3', description: 'hi', main: 'index.js' };
      writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest));
      writeFileSync(join(pkg, 'index.js'), 'module.exports = 42;\n');
      const file = join(dir, execFileSync('npm', ['pack', '--ignore-scripts', '--loglevel=error', pkg], { cwd: dir, encoding: 'utf8' }).trim());
      await registry.publishTarball(file, manifest);

      const doc = await registry.packument('@example/hello');
      expect(doc['dist-tags'].latest).toBe('1.2.3');
      expect(doc.versions['1.2.3'].dist.tarball).toContain(registry.url);
      const tarball = await fetch(doc.versions['1.2.3'].dist.tarball);
      expect(tarball.status).toBe(200);
      expect(await registry.packument('undici')).toBeUndefined();

      const anonymous = await fetch(`${registry.url}@example%2fother`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(anonymous.status).toBe(401);
    } finally {
      await registry.stop();
    }
    expect(alive(registry.pid)).toBe(false);
  });

  it('kills the registry and says so when it does not listen in time', async () => {
    dir = mkdtempSync(join(tmpdir(), 'registry-'));
    await expect(startRegistry({ dir: join(dir, 'registry'), timeoutMs: 1 })).rejects.toThrow(/the registry did not listen within 0\.001 s/);
    expect(children()).toEqual([]);
  });
});
