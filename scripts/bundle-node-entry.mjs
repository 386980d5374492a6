#!/usr/bin/env node
// `node ../../scripts/bundle-node-entry.mjs` (run by a package's build after tsc): writes
// dist/index.node.js, the package's own modules in one ES module, for Node's `node` export condition.
//
// Why: Node's ES module loader pays per module (resolve, read, compile, link), about 0.3 ms each
// here. s3-core's public surface is ~95 files, so `import '@s3kit/s3-core'` spent ~29 ms of CPU
// in the loader before the first request (bench scenario 8b). Bundlers keep the per-file build
// through the `module` condition listed before `node`, so tree-shaking of `send(Operation, input)`
// is unchanged. Dependencies and Node built-ins stay imports, so one copy of every other package is
// loaded, as before. `#platform/*` imports are bundled in their Node variant (only this package's
// own modules import them, so no second copy is ever loaded), except those named with
// `--keep-platform-import <name>` (a platform module that finds files relative to its own location).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { values } = parseArgs({ options: { 'keep-platform-import': { type: 'string', multiple: true, default: [] } } });
const dir = process.cwd();
const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const external = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})];
for (const name of values['keep-platform-import']) external.push(`#platform/${name}`);

await build({
  entryPoints: [join(dir, 'dist/index.js')],
  outfile: join(dir, 'dist/index.node.js'),
  bundle: true,
  platform: 'node',
  conditions: ['node'],
  format: 'esm',
  target: 'node20',
  external,
  // Resolve `#platform/*` through the package's own `imports` map, to the built files: the repository's
  // tsconfig.json maps it to the TypeScript sources (for typecheck and tests), and esbuild reading it
  // bundled a second copy of every module a platform file imports (errors.ts among them, so the
  // transport's errors were not instances of the exported classes).
  tsconfigRaw: {},
  // Whitespace and syntax minified (a fifth of the bytes installed), identifiers kept: stack
  // traces name the functions and classes as in the source. No source map ships (it would weigh
  // more than what minifying saved, and would point at files that are not published); the per-file
  // build beside it is the readable copy of the same code.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: false,
  // Two modules' top-level names that clash are renamed in one module (`mapUndiciError2`):
  // keepNames gives such functions and classes back the `.name` their source gave them.
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
});
