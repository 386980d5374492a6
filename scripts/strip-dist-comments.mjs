#!/usr/bin/env node
// `node ../../scripts/strip-dist-comments.mjs [dir]` (a package's build, after tsc, in the package
// directory; `dir` defaults to dist): re-prints every emitted .js under it without its comments.
// The TSDoc that tsc copies into the JavaScript is read by nobody there (editors and the API report
// read the .d.ts, which keep it); it was a third of the per-file JavaScript's bytes. (esbuild keeps
// the few comments inside class bodies and object literals: 3.5 kB in all.) The code is
// printed as it is, not minified: bundlers and non-Node runtimes load these files, and their stack
// traces and debuggers show them.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transform } from 'esbuild';

/** Every `.js` file under `dir`. */
function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => join(e.parentPath, e.name));
}

const dist = resolve(process.cwd(), process.argv[2] ?? 'dist');
for (const file of jsFiles(dist)) {
  const { code } = await transform(readFileSync(file, 'utf8'), {
    loader: 'js',
    format: 'esm',
    // tsc already emitted ES2022: nothing is lowered, only printed again.
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
  });
  writeFileSync(file, code);
}
