#!/usr/bin/env node
// Proves the published shape of every package: packs it with `pnpm pack` (which rewrites
// `workspace:^` to real versions), runs publint and @arethetypeswrong/cli on the tarball, then
// installs all tarballs into a scratch project OUTSIDE the workspace and loads each package with
// both `import` and `require` (Node >= 20.19 loads ESM from require).
//
// Expects `pnpm build` to have run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const pnpm = process.env.npm_execpath && /pnpm/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['npx', '-y', 'pnpm@10.34.8'];
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });

const packages = readdirSync(join(root, 'packages'))
  .map((short) => ({ short, dir: join(root, 'packages', short) }))
  .filter(({ dir }) => existsSync(join(dir, 'package.json')))
  .map((p) => ({ ...p, manifest: JSON.parse(readFileSync(join(p.dir, 'package.json'), 'utf8')) }))
  .filter(({ manifest }) => !manifest.private);

const packDir = mkdtempSync(join(tmpdir(), 's3kit-packs-'));
const consumer = mkdtempSync(join(tmpdir(), 's3kit-consumer-'));
const failures = [];
try {
  const tarballs = [];
  for (const { short, dir, manifest } of packages) {
    if (!existsSync(join(dir, 'dist', 'index.js'))) {
      failures.push(`${manifest.name}: dist/index.js missing (run pnpm build first)`);
      continue;
    }
    run(pnpm[0], [...pnpm.slice(1), 'pack', '--pack-destination', packDir], { cwd: dir });
    const tgz = readdirSync(packDir).find((f) => f.startsWith(`s3kit-${short}-`) && f.endsWith('.tgz'));
    if (!tgz) {
      failures.push(`${manifest.name}: pnpm pack produced no tarball`);
      continue;
    }
    const file = join(packDir, tgz);
    tarballs.push({ manifest, file });
    try {
      const out = run(bin('publint'), ['run', file, '--strict']);
      console.log(`publint ${manifest.name}: ${out.trim().split('\n').pop()}`);
    } catch (err) {
      failures.push(`publint ${manifest.name}:\n${err.stdout ?? ''}${err.stderr ?? ''}`);
    }
    try {
      run(bin('attw'), [file, '--profile', 'esm-only', '--format', 'ascii']);
      console.log(`attw ${manifest.name}: no problems (esm-only profile)`);
    } catch (err) {
      failures.push(`attw ${manifest.name}:\n${err.stdout ?? ''}${err.stderr ?? ''}`);
    }
  }

  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'scratch-consumer', private: true, version: '0.0.0' }));
  mkdirSync(join(consumer, 'node_modules'), { recursive: true });
  // Peer dependencies (also optional ones, e.g. vitest for `@s3kit/s3-mock/testing`) are installed
  // as a user of those entry points would, at the versions this workspace tests with.
  const rootDev = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies ?? {};
  const peers = new Map();
  for (const { manifest } of tarballs) {
    for (const [name, range] of Object.entries(manifest.peerDependencies ?? {})) {
      const devVersion = rootDev[name] ?? manifest.devDependencies?.[name];
      peers.set(name, `${name}@${devVersion && !devVersion.startsWith('workspace:') ? devVersion : range}`);
    }
  }
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs.map((t) => t.file), ...peers.values()], { cwd: consumer });
  for (const { manifest } of tarballs) {
    const subpaths = Object.keys(manifest.exports ?? { '.': '' }).filter((s) => s !== './package.json');
    for (const sub of subpaths) {
      const spec = manifest.name + sub.slice(1);
      const esm = `const m = await import(${JSON.stringify(spec)}); const n = Object.keys(m).length; if (!n) throw new Error('no exports'); console.log(n);`;
      const cjs = `const m = require(${JSON.stringify(spec)}); const n = Object.keys(m).length; if (!n) throw new Error('no exports'); console.log(n);`;
      try {
        const a = run(process.execPath, ['--input-type=module', '-e', esm], { cwd: consumer }).trim();
        const b = run(process.execPath, ['-e', cjs], { cwd: consumer }).trim();
        console.log(`consumer ${spec}: import ok (${a} exports), require ok (${b} exports)`);
      } catch (err) {
        failures.push(`consumer ${spec}:\n${err.stdout ?? ''}${err.stderr ?? ''}`);
      }
    }
  }
  for (const { manifest } of tarballs) {
    for (const name of Object.keys(manifest.bin ?? {})) {
      try {
        const out = run(join(consumer, 'node_modules', '.bin', name), ['--help'], { cwd: consumer });
        console.log(`consumer bin ${name} --help: ok (${out.trim().split('\n')[0]})`);
      } catch (err) {
        failures.push(`consumer bin ${name}:\n${err.stdout ?? ''}${err.stderr ?? ''}`);
      }
    }
  }
} finally {
  rmSync(packDir, { recursive: true, force: true });
  rmSync(consumer, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`Pack smoke test failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(`Pack smoke test: ${packages.length} packages packed, linted and loaded from a scratch project`);
