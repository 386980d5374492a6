import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspacePackages } from './workspace-packages.mjs';

const repo = resolve(import.meta.dirname, '..');
const withNodeEntry = workspacePackages(repo).filter((p) => typeof p.manifest.exports?.['.'] === 'object' && p.manifest.exports['.'].node);

/**
 * The export names, their kinds and (for functions and classes) their own names of an ES module
 * file, read by a fresh Node process. The bundler renames top-level names that clash between two
 * modules (`mapUndiciError2`): without keepNames such a function's `.name`, and the stack frames
 * that show it, differed from the per-file build's.
 */
function exportsOf(file) {
  const source = `const m = await import(${JSON.stringify(`file://${file}`)}); process.stdout.write(JSON.stringify(Object.keys(m).sort().map((k) => [k, typeof m[k], typeof m[k] === 'function' ? m[k].name : null])));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8' }));
}

describe('one-module Node entries (scripts/bundle-node-entry.mjs)', () => {
  it('primitives, sigv4 and s3-core have one', () => {
    expect(withNodeEntry.map((p) => p.name).sort()).toEqual(expect.arrayContaining(['@s3kit/primitives', '@s3kit/s3-core', '@s3kit/sigv4']));
  });

  for (const p of withNodeEntry) {
    it(`${p.name}: bundlers resolve the per-file build (module before node), Node the one-module entry, with the same exports and names`, () => {
      const conditions = Object.keys(p.manifest.exports['.']);
      expect(conditions.indexOf('module')).toBeGreaterThanOrEqual(0);
      expect(conditions.indexOf('module')).toBeLessThan(conditions.indexOf('node'));
      expect(conditions.at(-1)).toBe('default');
      expect(p.manifest.exports['.'].module).toBe(p.manifest.exports['.'].default);
      const perFile = join(p.dir, p.manifest.exports['.'].default);
      const oneModule = join(p.dir, p.manifest.exports['.'].node);
      expect(existsSync(oneModule), `${oneModule} is built by the package's build script`).toBe(true);
      expect(exportsOf(oneModule)).toEqual(exportsOf(perFile));
    });

    it(`${p.name}: bundles each module once, from the built files (regression: esbuild read the repository tsconfig's #platform paths and bundled a second copy of the sources a platform file imports)`, () => {
      const oneModule = readFileSync(join(p.dir, p.manifest.exports['.'].node), 'utf8');
      // The entry is minified (no `// src/...` path comments to look for); with keepNames every
      // class carries `__name(this,"Name")` once, so a second copy of a module shows as a second one.
      const copies = (name) => oneModule.split(`__name(this,"${name}")`).length - 1;
      const classes = exportsOf(join(p.dir, p.manifest.exports['.'].default)).filter(([, kind, name]) => kind === 'function' && copies(name) > 0);
      expect(classes.length).toBeGreaterThan(0);
      for (const [, , name] of classes) expect(copies(name), name).toBe(1);
    });
  }

  it('@s3kit/primitives: the undici transport throws instances of the exported error classes (regression: its second copy of errors.ts made them other classes)', () => {
    const primitives = withNodeEntry.find((p) => p.name === '@s3kit/primitives');
    const file = join(primitives.dir, primitives.manifest.exports['.'].node);
    const source = `
      const { createServer } = await import('node:net');
      const { createUndiciTransport, NetworkError, S3kitError } = await import(${JSON.stringify(`file://${file}`)});
      const server = createServer().listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      const port = server.address().port;
      await new Promise((r) => server.close(r));
      const transport = createUndiciTransport();
      const error = await transport.send({ method: 'GET', protocol: 'http:', hostname: '127.0.0.1', port, path: '/', headers: {} }).catch((e) => e);
      await transport.close();
      process.stdout.write(JSON.stringify({ code: error.code, network: error instanceof NetworkError, base: error instanceof S3kitError }));`;
    expect(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8' }))).toEqual({ code: 'ERR_NETWORK', network: true, base: true });
  });
});
