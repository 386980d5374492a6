#!/usr/bin/env node
// `pnpm release:rehearse`: cuts a release the way a maintainer would, against a real npm registry
// on loopback, and installs the result the way users do. Nothing leaves the machine: the registry
// has no uplinks, third-party dependencies are served from what the lockfile installed, and every
// npm/pnpm call sees only the loopback registry.
//   1. copy the working tree (tracked and untracked, not ignored) into a temporary directory, commit
//      it there, install from the lockfile offline;
//   2. `pnpm changeset version`: versions, CHANGELOG.md files; committed;
//   3. start Verdaccio on 127.0.0.1, seed it with the third-party packages our packages depend on;
//   4. `pnpm release` (build, `pnpm -r publish` in dependency order, `changeset tag`), then
//      `pnpm changeset publish`, which must find nothing left to publish;
//   5. check what the registry holds: versions, publish order, internal ranges, metadata, tarball
//      contents, publint and attw;
//   6. per package, a fresh project runs `npm install <package>`: exactly its dependency closure,
//      every entry point loads with import and require, a tiny program runs; `npx @s3kit/cli
//      --version` from an empty directory; installed sizes equal the bench's figures;
//   7. stop the registry and remove the temporary directory (also on failure or Ctrl-C).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { INSTALL_SETS, installSize, measureNodeModules, packWorkspacePackages } from '../../bench/src/install-size.mjs';
import { publicPackagesInOrder, workspacePackages } from '../workspace-packages.mjs';
import { dependencyClosure } from './closure.mjs';
import { CONSUMER_PROGRAMS } from './consumer-programs.mjs';
import { manifestProblems, tarballProblems } from './published-manifest.mjs';
import { packumentPath, startRegistry } from './registry.mjs';
import { runCommand } from './run-command.mjs';

const repo = resolve(import.meta.dirname, '../..');
const bin = (name) => join(repo, 'node_modules', '.bin', name);

/**
 * pnpm's own script, found before any registry setting changes (npx could not fetch pnpm from the
 * loopback registry), and the directory of its `pnpm` command for scripts that call `pnpm`.
 */
function resolvePnpm() {
  const execpath = process.env.npm_execpath && /pnpm/.test(process.env.npm_execpath)
    ? process.env.npm_execpath
    : realpathSync(execFileSync('npx', ['-y', '-p', 'pnpm@10.34.8', '-c', 'command -v pnpm'], { encoding: 'utf8' }).trim());
  return { command: [process.execPath, execpath], binDir: resolve(dirname(execpath), '../../.bin') };
}
const pnpm = resolvePnpm();
const STEP_TIMEOUT_MS = 5 * 60_000;
const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 's3kit-rehearsal-'));
const copy = join(work, 'repo');
let registry;

const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The environment of every command the rehearsal starts: no inherited npm config, a temporary npm
 * cache, no telemetry, and git without the user's or the system's config (no signing prompts, no
 * hooks) under a fixed identity, for the copy's commits and `changeset tag`.
 */
function toolEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_config_/i.test(k)) env[k] = v;
  env.PATH = [pnpm.binDir, env.PATH].filter(Boolean).join(delimiter);
  const who = { NAME: 's3kit release rehearsal', EMAIL: 'rehearsal@localhost' };
  return {
    ...env,
    npm_config_cache: join(work, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    TURBO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: who.NAME,
    GIT_AUTHOR_EMAIL: who.EMAIL,
    GIT_COMMITTER_NAME: who.NAME,
    GIT_COMMITTER_EMAIL: who.EMAIL,
    ...extra,
  };
}

// Ctrl-C (or SIGTERM) stops the command running, then the normal path stops the registry and
// removes the temporary directory; a second signal exits at once.
const interrupt = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupt.signal.aborted) process.exit(130);
    console.error(`\nrelease rehearsal: ${signal}: stopping the registry and removing ${work}`);
    interrupt.abort(new Error(`interrupted by ${signal}`));
  });
}

const run = (cmd, args, opts = {}) => runCommand(cmd, args, { env: toolEnv(), timeoutMs: STEP_TIMEOUT_MS, signal: interrupt.signal, ...opts });
const runPnpm = (args, opts) => run(pnpm.command[0], [...pnpm.command.slice(1), ...args], opts);

async function step(title, fn) {
  interrupt.signal.throwIfAborted();
  const t0 = Date.now();
  console.log(`\n--- ${title}`);
  const result = await fn();
  console.log(`    (${secs(Date.now() - t0)})`);
  return result;
}

const failures = [];
const check = (ok, text) => {
  if (!ok) failures.push(text);
  return ok;
};

async function cleanup() {
  await registry?.stop();
  rmSync(work, { recursive: true, force: true });
}

/** Step 1: the working tree, as git would see it after `git add -A`, in a fresh repository. */
async function copyWorkspace() {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repo, encoding: 'utf8' }).split('\0').filter(Boolean);
  let copied = 0;
  for (const file of files) {
    const from = join(repo, file);
    const stat = lstatSync(from, { throwIfNoEntry: false });
    if (!stat) continue; // deleted in the working tree
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    if (stat.isSymbolicLink()) symlinkSync(readlinkSync(from), join(copy, file));
    else cpSync(from, join(copy, file));
    copied++;
  }
  const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' }).trim();
  const git = (...args) => run('git', args, { cwd: copy });
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'rehearsal: working tree');
  console.log(`    ${copied} files from ${repo}${dirty ? ` (working tree, ${dirty.split('\n').length} uncommitted changes)` : ''}`);
  await runPnpm(['install', '--offline', '--frozen-lockfile'], { cwd: copy });
  console.log('    pnpm install --offline --frozen-lockfile: ok');
  return git;
}

/** Step 2: `changeset version`, what it bumped, and the CHANGELOG.md of each bumped package. */
async function versionPackages(git) {
  const before = new Map(publicPackagesInOrder(copy).map((p) => [p.name, p.manifest.version]));
  await runPnpm(['changeset', 'version'], { cwd: copy });
  const packages = publicPackagesInOrder(copy);
  for (const p of packages) {
    const from = before.get(p.name);
    const to = p.manifest.version;
    if (from === to) {
      console.log(`    ${p.name.padEnd(20)} ${to} (no changeset, not bumped)`);
      continue;
    }
    const changelog = join(p.dir, 'CHANGELOG.md');
    const text = existsSync(changelog) ? readFileSync(changelog, 'utf8') : '';
    const firstHeading = /^## (.+)$/m.exec(text)?.[1];
    check(firstHeading === to, `${p.name}: CHANGELOG.md should start with "## ${to}", found ${firstHeading ? `"## ${firstHeading}"` : 'no version heading'}`);
    const entries = (text.split(/^## /m)[1] ?? '').split('\n').filter((l) => /^- /.test(l)).length;
    console.log(`    ${p.name.padEnd(20)} ${from} -> ${to}  (CHANGELOG.md: ${entries} entries)`);
  }
  const left = readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
  check(left.length === 0, `changeset version left changesets it should have consumed: ${left.join(', ')}`);
  await git('add', '-A');
  await git('commit', '-q', '-m', 'Version packages');
  return packages;
}

/** Step 3: the registry, seeded with every third-party package our packages' closures need. */
async function startSeededRegistry(packages, workspace) {
  registry = await startRegistry({ dir: join(work, 'registry') });
  console.log(`    Verdaccio at ${registry.url} (no uplinks; storage in the rehearsal directory)`);
  const thirdParty = new Map();
  const closures = new Map();
  for (const p of packages) {
    const closure = dependencyClosure(p.name, workspace);
    closures.set(p.name, closure);
    for (const [id, entry] of closure) if (!entry.workspace) thirdParty.set(id, entry);
  }
  const packDir = join(work, 'third-party');
  mkdirSync(packDir);
  const dirs = [...thirdParty.values()].map((e) => e.dir);
  const packed = JSON.parse(await run('npm', ['pack', '--ignore-scripts', '--json', '--loglevel=error', '--pack-destination', packDir, ...dirs], { cwd: packDir }));
  const tarballs = new Map(packed.map((t) => [`${t.name}@${t.version}`, join(packDir, t.filename)]));
  for (const [id, entry] of thirdParty) {
    if (!check(tarballs.has(id), `npm pack made no tarball for ${id}`)) continue;
    await registry.publishTarball(tarballs.get(id), JSON.parse(readFileSync(join(entry.dir, 'package.json'), 'utf8')));
  }
  console.log(`    seeded ${thirdParty.size} third-party packages from the lockfile's install: ${[...thirdParty.keys()].sort().join(', ')}`);
  return closures;
}

/** Step 4: the maintainer's commands, pointed at the loopback registry. */
async function publish(packages, releaseEnv) {
  const out = await runPnpm(['release'], { cwd: copy, env: releaseEnv });
  for (const line of out.split('\n')) if (/^\+ @s3kit\//.test(line.trim()) || /New tag:/.test(line)) console.log(`    ${line.trim().replace(/^🦋\s+/, '')}`);
  const again = await runPnpm(['changeset', 'publish'], { cwd: copy, env: releaseEnv });
  const nothingLeft = /No unpublished projects to publish/.test(again);
  check(nothingLeft, `pnpm changeset publish after pnpm release should find nothing to publish:\n${again}`);
  if (nothingLeft) console.log(`    pnpm changeset publish: every version of the ${packages.length} packages is already on the registry`);
}

/** Step 5: what the registry serves for each package. */
async function inspectRegistry(packages, workspace) {
  const rootManifest = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8'));
  const privateNames = workspacePackages(copy).filter((p) => p.manifest.private).map((p) => p.name);
  const times = new Map();
  const tarDir = join(work, 'tarballs');
  mkdirSync(tarDir);
  for (const p of packages) {
    const { name, version } = p.manifest;
    const doc = await registry.packument(name);
    if (!check(doc?.versions?.[version], `${name}@${version} is not on the registry`)) continue;
    check(doc['dist-tags']?.latest === version, `${name}: dist-tag latest is ${doc['dist-tags']?.latest}, not ${version}`);
    times.set(name, Date.parse(doc.time[version]));
    const published = doc.versions[version];
    for (const problem of manifestProblems(published, { rel: p.rel, nodeEngines: rootManifest.engines.node, privateNames, published: true })) failures.push(`${name}@${version} (published manifest) ${problem}`);
    for (const [dep, range] of Object.entries(published.dependencies ?? {})) {
      const ws = workspace.get(dep);
      if (ws) check(range === `^${ws.manifest.version}`, `${name}@${version} depends on ${dep}@${range}, not ^${ws.manifest.version}`);
      if (ws) check(times.has(dep) && times.get(dep) <= times.get(name), `${name} was published before its dependency ${dep}`);
    }
    const file = join(tarDir, `${packumentPath(name).replace(/[@%]/g, '_')}-${version}.tgz`);
    const res = await fetch(published.dist.tarball);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const files = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const contents = tarballProblems(files);
    for (const problem of contents) failures.push(`${name}@${version} tarball ${problem}`);
    const lint = await run(bin('publint'), ['run', file, '--strict'], { cwd: tarDir }).then((o) => o.trim().split('\n').pop(), (err) => (failures.push(`publint ${name}: ${err.message}`), 'FAILED'));
    const types = await run(bin('attw'), [file, '--profile', 'esm-only', '--format', 'ascii'], { cwd: tarDir }).then(() => 'no problems', (err) => (failures.push(`attw ${name}: ${err.message}`), 'FAILED'));
    const deps = Object.entries(published.dependencies ?? {}).map(([d, r]) => `${d}@${r}`);
    console.log(`    ${name}@${version} (published ${doc.time[version].slice(11, 23)}): ${files.length} files${contents.length ? '' : ' (README.md, LICENSE, dist; no tests, no maps)'}; dependencies: ${deps.join(' ') || 'none'}; publint: ${lint}; attw: ${types}`);
  }
}

/** Loads every entry point of `manifest` from `dir` with import and with require. */
async function loadEntryPoints(manifest, dir, subpaths) {
  const loaded = [];
  for (const sub of subpaths) {
    const spec = manifest.name + sub.slice(1);
    const esm = `const m = await import(${JSON.stringify(spec)}); if (!Object.keys(m).length) throw new Error('no exports'); console.log(Object.keys(m).length);`;
    const cjs = `const m = require(${JSON.stringify(spec)}); if (!Object.keys(m).length) throw new Error('no exports'); console.log(Object.keys(m).length);`;
    try {
      const a = (await run(process.execPath, ['--input-type=module', '-e', esm], { cwd: dir })).trim();
      await run(process.execPath, ['-e', cjs], { cwd: dir });
      loaded.push(`${spec} (${a} exports)`);
    } catch (err) {
      failures.push(`loading ${spec}: ${err.message}`);
    }
  }
  return loaded;
}

/** Step 6: one fresh project per package, `npm install <name>` and nothing else. */
async function installAsUsers(packages, closures, workspace, userEnv) {
  const installs = new Map();
  for (const p of packages) {
    const { name, version } = p.manifest;
    const dir = join(work, 'consumers', p.rel.replace(/\//g, '-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '0.0.0' }));
    await run('npm', ['install', '--loglevel=error', name], { cwd: dir, env: userEnv });
    const measured = measureNodeModules(join(dir, 'node_modules'));
    installs.set(name, measured);
    const got = new Set(measured.installed.map((i) => `${i.name}@${i.version}`));
    const want = new Set(closures.get(name).keys());
    const extra = [...got].filter((id) => !want.has(id));
    const missing = [...want].filter((id) => !got.has(id));
    check(extra.length === 0, `npm install ${name} brought packages outside its dependency closure: ${extra.join(', ')}`);
    check(missing.length === 0, `npm install ${name} did not bring ${missing.join(', ')}`);
    const ours = [...got].filter((id) => id.startsWith('@s3kit/'));
    console.log(`    npm install ${name}: ${measured.packages} packages, ${mb(measured.bytes)} (${measured.bytes} bytes)`);
    console.log(`      ours: ${ours.join(', ')}`);
    console.log(`      third-party: ${[...got].filter((id) => !id.startsWith('@s3kit/')).join(', ') || 'none'}`);

    // The main entry must load without optional peers; other entry points (s3-mock/testing needs
    // vitest) load after linking the optional peers the workspace has installed, as a user of those
    // entry points would have them.
    const subpaths = Object.keys(p.manifest.exports ?? { '.': '' }).filter((s) => s !== './package.json');
    const loaded = await loadEntryPoints(p.manifest, dir, subpaths.filter((s) => s === '.'));
    const others = subpaths.filter((s) => s !== '.');
    if (others.length) {
      for (const peer of Object.keys(p.manifest.peerDependencies ?? {})) {
        const target = join(workspace.get(name).dir, 'node_modules', peer);
        const link = join(dir, 'node_modules', peer);
        if (existsSync(target) && !existsSync(link)) {
          mkdirSync(dirname(link), { recursive: true });
          symlinkSync(target, link);
        }
      }
      loaded.push(...(await loadEntryPoints(p.manifest, dir, others)));
    }
    console.log(`      import and require: ${loaded.join(', ')}`);
    const program = CONSUMER_PROGRAMS[name];
    if (program) {
      const said = await run(process.execPath, ['--input-type=module', '-e', program], { cwd: dir, timeoutMs: 60_000 }).catch((err) => (failures.push(`${name} program: ${err.message}`), 'FAILED'));
      console.log(`      program: ${said.trim()}`);
    }
    for (const command of Object.keys(p.manifest.bin ?? {})) {
      const help = await run(join(dir, 'node_modules', '.bin', command), ['--help'], { cwd: dir }).catch((err) => (failures.push(`${command} --help: ${err.message}`), 'FAILED'));
      const npxDir = join(work, 'npx');
      mkdirSync(npxDir, { recursive: true });
      const said = (await run('npx', ['--yes', `${name}@${version}`, '--version'], { cwd: npxDir, env: userEnv }).catch((err) => (failures.push(`npx ${name} --version: ${err.message}`), 'FAILED'))).trim();
      check(said === version, `npx ${name} --version printed ${JSON.stringify(said)}, not ${version}`);
      console.log(`      ${command} --help: ${help.split('\n')[0]}; npx ${name} --version (empty directory): ${said}`);
    }
  }
  return installs;
}

/** Step 6, end: the bench's installed-size figures, measured the bench's way, against the registry installs. */
function compareWithBench(installs, userEnv) {
  for (const set of INSTALL_SETS) {
    const packed = packWorkspacePackages(copy, set.packages, { pnpm: pnpm.command, env: toolEnv() });
    try {
      const bench = installSize(packed.files, { env: userEnv });
      const user = installs.get(`@s3kit/${set.id}`);
      const same = bench.bytes === user.bytes && bench.packages === user.packages;
      check(same, `${set.label}: the bench measures ${bench.bytes} bytes in ${bench.packages} packages, a registry install ${user.bytes} bytes in ${user.packages}`);
      console.log(`    ${set.label}: bench ${bench.bytes} bytes / ${bench.packages} packages, npm install @s3kit/${set.id} ${user.bytes} bytes / ${user.packages} packages: ${same ? 'equal' : 'DIFFERENT'}`);
    } finally {
      rmSync(packed.dir, { recursive: true, force: true });
    }
  }
}

try {
  console.log(`release rehearsal in ${work}`);
  const git = await step('1. throwaway copy', copyWorkspace);
  const packages = await step('2. pnpm changeset version', () => versionPackages(git));
  const workspace = new Map(workspacePackages(copy).map((p) => [p.name, p]));
  const closures = await step('3. registry on loopback', () => startSeededRegistry(packages, workspace));
  const npmrc = join(work, 'npmrc');
  const host = new URL(registry.url).host;
  writeFileSync(npmrc, `registry=${registry.url}\n//${host}/:_authToken=${registry.token}\n`, { mode: 0o600 });
  const releaseEnv = toolEnv({ npm_config_registry: registry.url, npm_config_userconfig: npmrc });
  const userEnv = toolEnv({ npm_config_registry: registry.url, npm_config_userconfig: join(work, 'user-npmrc') });
  writeFileSync(join(work, 'user-npmrc'), `registry=${registry.url}\n`);
  await step('4. pnpm release (build, publish in dependency order, tag), then pnpm changeset publish', () => publish(packages, releaseEnv));
  await step('5. what the registry serves', () => inspectRegistry(packages, workspace));
  const installs = await step('6. installs as users do, one package per fresh project', () => installAsUsers(packages, closures, workspace, userEnv));
  await step('   installed sizes against the bench (bench/src/install-size.mjs)', () => compareWithBench(installs, userEnv));
} catch (err) {
  failures.push(err instanceof Error ? err.message : String(err));
} finally {
  await cleanup();
  console.log(`\n--- registry stopped, ${work} removed`);
}

if (interrupt.signal.aborted) {
  console.error(`\nRelease rehearsal ${interrupt.signal.reason.message} after ${secs(Date.now() - started)}`);
  process.exit(130);
}
if (failures.length) {
  console.error(`\nRelease rehearsal FAILED after ${secs(Date.now() - started)} (${failures.length}):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(`\nRelease rehearsal passed in ${secs(Date.now() - started)}`);
