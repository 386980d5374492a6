#!/usr/bin/env node
// Bundles the built CLI (dist/bin.js and everything it imports from the workspace packages) into
// dist/bundle/: one entry file plus a chunk per lazily loaded command, so `s3kit --version` loads
// one small file instead of ~150 modules and `s3kit sync` loads only what sync needs. Third-party
// code is bundled too, except undici, which @s3kit/primitives loads by path on the first request
// (the CLI depends on it directly so the bundle can resolve it).
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = resolve(root, 'dist/bundle');

// Packages read their own package.json beside their files (`new URL('../package.json',
// import.meta.url)`); inside the bundle that path would point elsewhere, so the read is replaced
// by the manifest's version at build time.
const OWN_MANIFEST = /readFileSync\(new URL\('((?:\.\.\/)+package\.json)', import\.meta\.url\), 'utf8'\)/g;
const inlineManifests = {
  name: 'inline-own-manifests',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('package.json')) return undefined;
      const contents = source.replace(OWN_MANIFEST, (_, rel) => {
        const { version } = JSON.parse(readFileSync(resolve(dirname(args.path), rel), 'utf8'));
        return JSON.stringify(JSON.stringify({ version }));
      });
      return { contents, loader: 'js' };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
const { metafile } = await build({
  entryPoints: { s3kit: resolve(root, 'dist/bin.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: ['undici'],
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies (cli-progress) call require() for Node's own modules.
  banner: { js: "import { createRequire as __s3kitRequire } from 'node:module'; const require = __s3kitRequire(import.meta.url);" },
  plugins: [inlineManifests],
  // The repository's tsconfig.json maps @s3kit/* and #platform/* to sources for the typecheck; the
  // bundle is made of what is published (package.json exports and imports, dist/).
  tsconfig: resolve(root, 'tsconfig.build.json'),
  logLevel: 'warning',
  legalComments: 'none',
  metafile: true,
});

// The licenses of the third-party packages inside the bundle, beside it (their MIT/ISC terms ask
// for the notice to travel with the code).
const packages = new Map();
for (const input of Object.keys(metafile.inputs)) {
  const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/@][^/]*)\//.exec(input);
  if (m) packages.set(resolve(root, m[1]), true);
}
const notices = [...packages.keys()].sort().map((dir) => {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((name) => /^licen[cs]e/i.test(name));
  const text = file === undefined ? `(no license file; package.json says ${manifest.license})` : readFileSync(join(dir, file), 'utf8').trim();
  return `${manifest.name}@${manifest.version} (${manifest.license})\n\n${text}\n`;
});
writeFileSync(join(outdir, 'THIRD-PARTY-LICENSES.txt'), `Third-party code bundled into ${relative(root, outdir)}/:\n\n${notices.join('\n---\n\n')}`);
if (!existsSync(join(outdir, 's3kit.js'))) throw new Error('bundle: dist/bundle/s3kit.js was not written');
