import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

interface Manifest {
  name: string;
  exports?: Record<string, string | { default?: string; import?: string }>;
}

/** Workspace packages (published ones under packages/, private tooling under tooling/). */
function workspacePackages(): { dir: string; short: string; manifest: Manifest }[] {
  const out: { dir: string; short: string; manifest: Manifest }[] = [];
  for (const group of ['packages', 'tooling']) {
    const base = join(root, group);
    if (!existsSync(base)) continue;
    for (const short of readdirSync(base)) {
      const pj = join(base, short, 'package.json');
      if (!existsSync(pj)) continue;
      out.push({ dir: join(base, short), short, manifest: JSON.parse(readFileSync(pj, 'utf8')) as Manifest });
    }
  }
  return out;
}

/**
 * Tests import workspace packages by their public names; resolve those names to the TypeScript
 * sources behind each `exports` entry (dist/x.js -> src/x.ts) so tests never need a build first
 * and still only see what a package exports.
 */
function sourceAliases(): { find: string | RegExp; replacement: string }[] {
  const aliases: { find: RegExp; replacement: string }[] = [];
  for (const { dir, manifest } of workspacePackages()) {
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      if (subpath === './package.json') continue;
      const file = typeof target === 'string' ? target : (target.default ?? target.import);
      if (!file) continue;
      const src = file.replace(/^\.\/dist\//, './src/').replace(/\.js$/, '.ts');
      const spec = manifest.name + subpath.slice(1);
      aliases.push({ find: new RegExp(`^${spec.replace(/[/.-]/g, (c) => `\\${c}`)}$`), replacement: resolve(dir, src) });
    }
  }
  return aliases;
}

const unitProjects = workspacePackages()
  .filter(({ dir }) => dir.includes(join(root, 'packages')))
  .map(({ short }) => ({
    extends: true as const,
    test: {
      name: short,
      root: join(root, 'packages', short),
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      exclude: ['**/*.integ.test.ts', '**/node_modules/**'],
    },
  }));

export default defineConfig({
  resolve: { alias: sourceAliases() },
  test: {
    reporters: ['default', join(root, 'scripts/summary-reporter.ts')],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    projects: [
      ...unitProjects,
      {
        extends: true,
        test: { name: 'tooling', root, include: ['scripts/**/*.test.mjs', 'bench/src/**/*.test.mjs'], exclude: ['**/*.integ.test.mjs', '**/node_modules/**'] },
      },
      {
        extends: true,
        test: {
          name: 'integ',
          root,
          include: ['packages/*/src/**/*.integ.test.ts', 'packages/*/test/**/*.integ.test.ts', 'tooling/*/src/**/*.integ.test.ts', 'scripts/**/*.integ.test.mjs'],
          globalSetup: [join(root, 'tooling/rgw-harness/src/global-setup.ts')],
          // One RGW for the whole run; integration files share it, so keep them from racing on 2 cores.
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
    ],
    coverage: {
      provider: 'v8',
      include: ['packages/*/src/**/*.ts'],
      exclude: ['**/*.test.ts', '**/*.d.ts', '**/test-support/**'],
      reporter: ['text-summary', 'json-summary', 'json'],
      reportsDirectory: join(root, 'coverage'),
    },
  },
});
