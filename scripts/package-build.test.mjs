import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspacePackages } from './workspace-packages.mjs';

const repo = resolve(import.meta.dirname, '..');
// The CLI's build is its own (tsc, then scripts/bundle.mjs); the libraries share one shape.
const libraries = workspacePackages(repo).filter((p) => !p.manifest.private && p.manifest.scripts?.build && p.name !== '@s3kit/cli');

/** Every file under `dir` whose name ends with `suffix`. */
function filesUnder(dir, suffix) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => join(e.parentPath, e.name));
}

describe('library builds', () => {
  it('cover primitives, sigv4, s3-core, s3-transfer and s3-mock', () => {
    expect(libraries.map((p) => p.name).sort()).toEqual(['@s3kit/primitives', '@s3kit/s3-core', '@s3kit/s3-mock', '@s3kit/s3-transfer', '@s3kit/sigv4']);
  });

  for (const p of libraries) {
    it(`${p.name}: empties dist, then emits .d.ts with their TSDoc and .js without comments`, () => {
      // Stale dist outputs of moved sources were packed when the build wrote on top of an old dist.
      expect(p.manifest.scripts.build).toMatch(
        /^node \.\.\/\.\.\/scripts\/clean-dist\.mjs && tsc -p tsconfig\.build\.json --emitDeclarationOnly && tsc -p tsconfig\.build\.json --declaration false --removeComments( && |$)/,
      );
      const dist = join(p.dir, 'dist');
      // Built by `pnpm test` before vitest runs; a bare `vitest` after a clean checkout has no dist.
      if (!existsSync(dist)) return;
      expect(filesUnder(dist, '.d.ts').some((f) => readFileSync(f, 'utf8').includes('/**')), 'the .d.ts keep the TSDoc').toBe(true);
      const withComments = filesUnder(dist, '.js').filter((f) => /^\s*(\/\*\*|\/\/ )/m.test(readFileSync(f, 'utf8')));
      expect(withComments, 'per-file .js without comments').toEqual([]);
    });
  }
});
