import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

interface Manifest {
  name: string;
  exports?: Record<string, string | { default?: string; import?: string }>;
  imports?: Record<string, string | { node?: string; default?: string }>;
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
function sourceAliases(variant: 'node' | 'web'): { find: string | RegExp; replacement: string }[] {
  const aliases: { find: RegExp; replacement: string }[] = [];
  const platformOwners = new Map<string, string>();
  for (const { dir, manifest } of workspacePackages()) {
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      if (subpath === './package.json') continue;
      const file = typeof target === 'string' ? target : (target.default ?? target.import);
      if (!file) continue;
      const src = file.replace(/^\.\/dist\//, './src/').replace(/\.js$/, '.ts');
      const spec = manifest.name + subpath.slice(1);
      aliases.push({ find: new RegExp(`^${spec.replace(/[/.-]/g, (c) => `\\${c}`)}$`), replacement: resolve(dir, src) });
    }
    // `#platform/*` imports, from source: the `node` variant, or the web one (`default`) for the `web`
    // project. Names are global here (and in tsconfig.json's paths), so each must be unique across packages.
    for (const [spec, target] of Object.entries(manifest.imports ?? {})) {
      const file = typeof target === 'string' ? target : variant === 'node' ? (target.node ?? target.default) : target.default;
      if (!file) continue;
      if (platformOwners.has(spec)) throw new Error(`${spec} is declared by both ${platformOwners.get(spec)} and ${manifest.name}`);
      platformOwners.set(spec, manifest.name);
      const src = file.replace(/^\.\/dist\//, './src/').replace(/\.js$/, '.ts');
      aliases.push({ find: new RegExp(`^${spec.replace(/[/.-]/g, (c) => `\\${c}`)}$`), replacement: resolve(dir, src) });
    }
  }
  return aliases;
}

const nodeAliases = sourceAliases('node');

const unitProjects = workspacePackages()
  .filter(({ dir }) => dir.includes(join(root, 'packages')))
  .map(({ short }) => ({
    extends: true as const,
    resolve: { alias: nodeAliases },
    test: {
      name: short,
      root: join(root, 'packages', short),
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      exclude: ['**/*.integ.test.ts', '**/node_modules/**'],
    },
  }));

export default defineConfig({
  test: {
    reporters: ['default', join(root, 'scripts/summary-reporter.ts')],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // Byte arrays compare by content in one call, not element by element (see the file).
    setupFiles: [join(root, 'scripts/byte-equality.ts')],
    projects: [
      ...unitProjects,
      {
        // Suites that must hold where Node's built-ins are missing, rerun on Node with every
        // `#platform/*` import bound to its web variant (what browsers and workerd load).
        extends: true,
        resolve: { alias: sourceAliases('web') },
        test: {
          name: 'web',
          root,
          include: [
            'packages/sigv4/test/sigv4-suite.test.ts',
            'packages/sigv4/src/signer.test.ts',
            'packages/sigv4/src/post-policy.test.ts',
            'packages/sigv4/src/aws-chunked.test.ts',
            'packages/sigv4/src/verify-aws-chunked.test.ts',
            'packages/s3-core/src/checksums/*.test.ts',
            'packages/s3-core/src/interpreter/*.test.ts',
            'packages/s3-core/src/client/s3-client-protocol.test.ts',
            'packages/s3-core/src/client/streaming-upload.test.ts',
            'packages/s3-core/src/client/body-safety.test.ts',
            'packages/s3-core/src/operations/examples.test.ts',
            'packages/s3-mock/src/engine/*.test.ts',
            'packages/s3-mock/src/protocol/*.test.ts',
            'packages/s3-mock/src/mock/*.test.ts',
            'packages/s3-mock/test/readme-example.test.ts',
          ],
          // Integration tests, the two that also drive the mock's HTTP server, and SigV4a uploads
          // (SigV4a needs node:crypto; its web variant throws ERR_CONFIG): Node-only by design.
          exclude: [
            '**/*.integ.test.ts',
            '**/node_modules/**',
            'packages/s3-mock/src/protocol/bad-input.test.ts',
            'packages/s3-mock/src/mock/fault-actions.test.ts',
            'packages/s3-mock/src/protocol/sigv4a-chunked.test.ts',
          ],
        },
      },
      {
        extends: true,
        resolve: { alias: nodeAliases },
        test: {
          name: 'tooling',
          root,
          include: ['scripts/**/*.test.mjs', 'bench/src/**/*.test.mjs', 'tooling/*/src/**/*.test.ts'],
          exclude: ['**/*.integ.test.mjs', '**/*.integ.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        resolve: { alias: nodeAliases },
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
