#!/usr/bin/env node
// Fails when a package breaks the layering or imports something it does not declare.
//
// Rules (DEVELOPERS.md): arrows point down only, and s3-mock is an independent oracle that never
// sees s3-core. Every bare import in a package's non-test sources must be a Node builtin or be
// declared in that package's dependencies or peerDependencies; test files may also use
// devDependencies and the root's devDependencies. No file may reach into another package's files
// by a relative path.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve, dirname, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** Which @s3kit packages each package may import. */
export const ALLOWED = {
  primitives: [],
  sigv4: ['primitives'],
  's3-core': ['primitives', 'sigv4'],
  's3-transfer': ['primitives', 'sigv4', 's3-core'],
  's3-mock': ['primitives', 'sigv4'],
  cli: ['primitives', 'sigv4', 's3-core', 's3-transfer', 's3-mock'],
};

/**
 * Modules that import Node built-ins although they sit outside `src/platform/`: each is reached only
 * through a `#platform/*.node.ts` variant, so browsers and workerd never load it.
 */
export const NODE_ONLY_MODULES = new Set([
  'packages/primitives/src/http/undici-transport.ts',
  'packages/sigv4/src/sigv4a-chunk-signer.ts',
  'packages/sigv4/src/sigv4a-key.ts',
  'packages/sigv4/src/sigv4a-signer.ts',
  'packages/s3-mock/src/server/listen.ts',
]);

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const isTest = (file) => /\.test\.ts$/.test(file) || file.includes(`${sep}test-support${sep}`);

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const importRe = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function packageNameOf(spec) {
  if (spec.startsWith('@')) return spec.split('/').slice(0, 2).join('/');
  return spec.split('/')[0];
}

export function checkLayering(repoRoot = root) {
  const problems = [];
  const rootManifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const rootDev = new Set(Object.keys(rootManifest.devDependencies ?? {}));
  const pkgsDir = join(repoRoot, 'packages');
  for (const short of readdirSync(pkgsDir)) {
    const dir = join(pkgsDir, short);
    if (!existsSync(join(dir, 'package.json'))) continue;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (!(short in ALLOWED)) {
      problems.push(`packages/${short}: not in the layering table (scripts/check-layering.mjs): decide where it sits`);
      continue;
    }
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
    const dev = new Set(Object.keys(manifest.devDependencies ?? {}));
    // A package with `#platform/*` imports runs beyond Node: its Node built-ins live in platform variants.
    const platformImports = manifest.imports ?? {};
    const neutral = Object.keys(platformImports).length > 0;
    const srcDir = join(dir, 'src');
    if (!existsSync(srcDir)) continue;
    for (const file of walk(srcDir)) {
      // Comments may show imports in examples (TSDoc `@example`); only code counts.
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      const rel = relative(repoRoot, file);
      for (const m of text.matchAll(importRe)) {
        const spec = m[1] ?? m[2] ?? m[3];
        if (!spec) continue;
        const typeOnly = /^\s*;?\s*(?:import|export)\s+type\s/.test(m[0]);
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          if (!target.startsWith(dir + sep)) problems.push(`${rel}: relative import '${spec}' leaves the package`);
          const targetRel = relative(repoRoot, target.replace(/\.js$/, '.ts'));
          if (file.endsWith('.web.ts') && !typeOnly && NODE_ONLY_MODULES.has(targetRel)) problems.push(`${rel}: a web variant imports the Node-only module ${targetRel}`);
          continue;
        }
        if (spec.startsWith('#')) {
          if (!Object.hasOwn(platformImports, spec)) problems.push(`${rel}: imports '${spec}' but it is not in ${manifest.name}'s "imports"`);
          continue;
        }
        if (builtins.has(spec) || spec.startsWith('node:')) {
          const nodeVariant = /[/\\]platform[/\\][^/\\]+\.node\.ts$/.test(file);
          if (neutral && !typeOnly && !isTest(file) && !nodeVariant && !NODE_ONLY_MODULES.has(rel)) {
            problems.push(`${rel}: imports the Node built-in '${spec}' outside src/platform/*.node.ts; put it behind a #platform import so browsers and workerd never load it`);
          }
          continue;
        }
        const name = packageNameOf(spec);
        if (name === manifest.name) {
          problems.push(`${rel}: imports its own package by name ('${spec}'); use a relative import`);
          continue;
        }
        if (name.startsWith('@s3kit/')) {
          const used = name.slice('@s3kit/'.length);
          const allowed = ALLOWED[short];
          if (!allowed.includes(used) && !(isTest(file) && (dev.has(name) || rootDev.has(name)))) {
            problems.push(`${rel}: imports ${name}, but ${manifest.name} may only use ${allowed.length ? allowed.map((a) => `@s3kit/${a}`).join(', ') : 'no @s3kit package'}`);
            continue;
          }
        }
        if (declared.has(name)) continue;
        if (isTest(file) && (dev.has(name) || rootDev.has(name))) continue;
        problems.push(`${rel}: imports '${spec}' but '${name}' is not in ${manifest.name}'s ${isTest(file) ? 'dependencies or devDependencies' : 'dependencies'}`);
      }
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkLayering();
  if (problems.length) {
    console.error(`Layering check failed (${problems.length}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log('Layering check: ok');
}
