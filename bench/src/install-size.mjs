// What a user's disk gets from `npm install`: the bench's installed-size figures (scenario 8c) and
// the release rehearsal's check that a registry install matches them both measure through here.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/**
 * The s3kit sets the bench measures: each package with the @s3kit packages it depends on, installed
 * together from tarballs as the registry would resolve them.
 */
export const INSTALL_SETS = [
  { id: 's3-core', label: '@s3kit/s3-core (+ primitives, sigv4)', packages: ['primitives', 'sigv4', 's3-core'] },
  { id: 's3-transfer', label: '@s3kit/s3-transfer (+ s3-core)', packages: ['primitives', 'sigv4', 's3-core', 's3-transfer'] },
];

// npm's own bookkeeping, not installed code: `.package-lock.json` records where each tarball came
// from (a file path or a registry URL), `.bin` holds links to files counted where they live.
const BOOKKEEPING = new Set(['.package-lock.json', '.bin', '.cache']);

function bytesUnder(dir) {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = lstatSync(p, { throwIfNoEntry: false });
    if (!s || s.isSymbolicLink()) continue;
    total += s.isDirectory() ? bytesUnder(p) : s.size;
  }
  return total;
}

function packagesUnder(nodeModules, out) {
  for (const name of readdirSync(nodeModules)) {
    if (name.startsWith('.')) continue;
    const dirs = name.startsWith('@') ? readdirSync(join(nodeModules, name)).map((n) => join(nodeModules, name, n)) : [join(nodeModules, name)];
    for (const dir of dirs) {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      out.push({ name: manifest.name, version: manifest.version, dir });
      if (existsSync(join(dir, 'node_modules'))) packagesUnder(join(dir, 'node_modules'), out);
    }
  }
  return out;
}

/**
 * Measures an installed `node_modules`: bytes of the files on disk (without npm's bookkeeping, so
 * the same packages measure the same whether they came from tarballs or a registry) and every
 * installed package, nested ones included.
 */
export function measureNodeModules(nodeModules) {
  let bytes = 0;
  for (const name of readdirSync(nodeModules)) {
    if (BOOKKEEPING.has(name)) continue;
    const p = join(nodeModules, name);
    const s = lstatSync(p);
    if (s.isSymbolicLink()) continue;
    bytes += s.isDirectory() ? bytesUnder(p) : s.size;
  }
  const installed = packagesUnder(nodeModules, []).sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  return { bytes, packages: installed.length, installed };
}

/**
 * `npm install --omit=dev` of `specs` (tarball paths or `name@version`) into a fresh project, then
 * measured; `env` chooses the registry (the rehearsal passes its loopback one).
 */
export function installSize(specs, { env = process.env } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 's3kit-size-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{"name":"size","private":true}');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--omit=dev', ...specs], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env });
    return measureNodeModules(join(dir, 'node_modules'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `pnpm pack` rewrites `workspace:^` ranges to real versions; `npm pack` would not.
const defaultPnpm = process.env.npm_execpath && /pnpm/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['npx', '-y', 'pnpm@10.34.8'];

/**
 * Files under `packageDir`/dist that no source in its src emits (`x.js`/`x.d.ts` without `x.ts`;
 * the bundled `index.node.js` aside): what an earlier build left after its source moved.
 */
export function staleDistFiles(packageDir) {
  const dist = join(packageDir, 'dist');
  if (!existsSync(dist)) return [];
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(d\.ts|js)$/.test(e.name) && e.name !== 'index.node.js')
    .map((e) => relative(dist, join(e.parentPath, e.name)))
    .filter((rel) => !existsSync(join(packageDir, 'src', rel.replace(/\.(d\.ts|js)$/, '.ts'))))
    .sort();
}

/**
 * Packs `packages/<short>` of the workspace at `repo` (built) into a new temporary directory;
 * `pnpm` is the command that runs pnpm, `env` its environment.
 * @throws Error when a package's dist holds stale files (turbo restores a cached build on top of
 *   what dist holds, so a cache hit can bring them back): they would be packed and measured.
 */
export function packWorkspacePackages(repo, shorts, { pnpm = defaultPnpm, env = process.env } = {}) {
  for (const short of shorts) {
    const stale = staleDistFiles(join(repo, 'packages', short));
    if (stale.length > 0) {
      throw new Error(`packages/${short}/dist holds ${stale.length} files no source emits (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', ...' : ''}): run its build (which empties dist first) without the turbo cache (turbo run build --force)`);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 's3kit-sizepack-'));
  for (const short of shorts) {
    execFileSync(pnpm[0], [...pnpm.slice(1), 'pack', '--pack-destination', dir], { cwd: join(repo, 'packages', short), stdio: 'ignore', env });
  }
  return { dir, files: readdirSync(dir).map((f) => join(dir, f)) };
}
