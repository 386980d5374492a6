import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspacePackages } from '../workspace-packages.mjs';
import { manifestProblems, REPOSITORY, tarballProblems } from './published-manifest.mjs';

const repo = resolve(import.meta.dirname, '../..');
const root = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const all = workspacePackages(repo);
const privateNames = all.filter((p) => p.manifest.private).map((p) => p.name);

const good = {
  name: '@s3kit/example',
  version: '0.1.0',
  description: 'An example.',
  keywords: ['s3'],
  license: 'MIT',
  repository: { type: 'git', url: `git+${REPOSITORY}.git`, directory: 'packages/example' },
  homepage: `${REPOSITORY}/tree/main/packages/example#readme`,
  bugs: { url: `${REPOSITORY}/issues` },
  type: 'module',
  sideEffects: false,
  engines: { node: '>=20.19' },
  dependencies: { '@s3kit/primitives': '^0.1.0', undici: '7.30.2' },
};
const opts = { rel: 'packages/example', nodeEngines: '>=20.19', privateNames: ['@s3kit/rgw-harness'], published: true };

describe('published package metadata', () => {
  it('every public workspace package carries it, with its README and the project LICENSE', () => {
    const license = readFileSync(join(repo, 'LICENSE'), 'utf8');
    const pub = all.filter((p) => !p.manifest.private);
    expect(pub.map((p) => p.rel).sort()).toEqual(['packages/cli', 'packages/primitives', 'packages/s3-core', 'packages/s3-mock', 'packages/s3-transfer', 'packages/sigv4']);
    for (const p of pub) {
      expect(manifestProblems(p.manifest, { rel: p.rel, nodeEngines: root.engines.node, privateNames, published: false }), p.name).toEqual([]);
      expect(readFileSync(join(p.dir, 'README.md'), 'utf8'), p.name).toMatch(new RegExp(`^# ${p.name.replace('/', '\\/')}`));
      expect(readFileSync(join(p.dir, 'LICENSE'), 'utf8'), p.name).toBe(license);
    }
  });

  it('accepts a complete manifest', () => {
    expect(manifestProblems(good, opts)).toEqual([]);
  });

  it('names each missing or wrong field', () => {
    const bad = { ...good, description: '', keywords: [], license: 'ISC', repository: 'github:s3kit/s3kit', homepage: undefined, bugs: undefined, type: 'commonjs', sideEffects: undefined, engines: { node: '>=18' } };
    expect(manifestProblems(bad, opts)).toEqual([
      'has no description',
      'has no keywords',
      'license is "ISC", not "MIT"',
      `repository should be { type: "git", url: "git+${REPOSITORY}.git", directory: "packages/example" }`,
      `homepage should be ${REPOSITORY}/tree/main/packages/example#readme`,
      `bugs.url should be ${REPOSITORY}/issues`,
      'engines.node should be ">=20.19" (the root\'s)',
      'does not declare sideEffects',
      'is not "type": "module"',
    ]);
  });

  it('refuses private workspace packages in any dependency field, and workspace: ranges once published', () => {
    const bad = { ...good, devDependencies: { '@s3kit/rgw-harness': 'workspace:*' }, dependencies: { '@s3kit/primitives': 'workspace:^' }, private: true, publishConfig: { registry: 'https://example.com/' } };
    expect(manifestProblems(bad, opts)).toEqual([
      'is marked private',
      "sets publishConfig.registry (the registry is the publisher's npm config, not the manifest's)",
      'dependencies.@s3kit/primitives is still workspace:^',
      'devDependencies lists the private workspace package @s3kit/rgw-harness (test-only workspace packages belong in the root package.json)',
      'devDependencies.@s3kit/rgw-harness is still workspace:*',
    ]);
    expect(manifestProblems({ ...good, dependencies: { '@s3kit/primitives': 'workspace:^' } }, { ...opts, published: false })).toEqual([]);
  });
});

describe('tarball contents', () => {
  const files = ['package/package.json', 'package/README.md', 'package/LICENSE', 'package/dist/index.js', 'package/dist/index.d.ts', 'package/dist/client.js'];

  it('accepts README, LICENSE and dist', () => {
    expect(tarballProblems(files)).toEqual([]);
  });

  it('names what is missing and what should not ship', () => {
    expect(tarballProblems([...files.filter((f) => !/README|LICENSE/.test(f)), 'package/dist/client.test.js', 'package/dist/index.js.map', 'package/src/test-support/setup.js'])).toEqual([
      'has no README.md',
      'has no LICENSE',
      'ships package/dist/client.test.js',
      'ships package/dist/index.js.map',
      'ships package/src/test-support/setup.js',
    ]);
  });
});
