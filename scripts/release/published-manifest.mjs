// What every published @s3kit package must carry, judged on the manifest and file list a registry
// serves (the release rehearsal) and on the workspace's own manifests (a unit test, so a missing
// field fails long before a release).

/** The project's repository; there is no public remote yet, the name is reserved for it. */
export const REPOSITORY = 'https://github.com/s3kit/s3kit';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/**
 * Problems with a package manifest, as sentences naming the field; empty when it is fine.
 * `rel` is the package's path in the repository (`packages/s3-core`), `nodeEngines` the root's
 * `engines.node`, `privateNames` the workspace packages that are never published. `published`
 * manifests must also have every `workspace:` range rewritten to a real version.
 */
export function manifestProblems(manifest, { rel, nodeEngines, privateNames, published }) {
  const problems = [];
  const expect = (ok, text) => {
    if (!ok) problems.push(text);
  };
  expect(!manifest.private, 'is marked private');
  expect(typeof manifest.description === 'string' && manifest.description.length > 0, 'has no description');
  expect(Array.isArray(manifest.keywords) && manifest.keywords.length > 0, 'has no keywords');
  expect(manifest.license === 'MIT', `license is ${JSON.stringify(manifest.license)}, not "MIT"`);
  const repo = manifest.repository ?? {};
  expect(repo.type === 'git' && repo.url === `git+${REPOSITORY}.git` && repo.directory === rel, `repository should be { type: "git", url: "git+${REPOSITORY}.git", directory: "${rel}" }`);
  expect(manifest.homepage === `${REPOSITORY}/tree/main/${rel}#readme`, `homepage should be ${REPOSITORY}/tree/main/${rel}#readme`);
  expect(manifest.bugs?.url === `${REPOSITORY}/issues`, `bugs.url should be ${REPOSITORY}/issues`);
  expect(manifest.engines?.node === nodeEngines, `engines.node should be ${JSON.stringify(nodeEngines)} (the root's)`);
  expect(typeof manifest.sideEffects === 'boolean' || Array.isArray(manifest.sideEffects), 'does not declare sideEffects');
  expect(manifest.type === 'module', 'is not "type": "module"');
  expect(manifest.publishConfig?.registry === undefined, 'sets publishConfig.registry (the registry is the publisher\'s npm config, not the manifest\'s)');
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (privateNames.includes(name)) {
        problems.push(`${field} lists the private workspace package ${name} (test-only workspace packages belong in the root package.json)`);
      }
      if (published && String(range).startsWith('workspace:')) problems.push(`${field}.${name} is still ${range}`);
    }
  }
  return problems;
}

/** Problems with the file list of a package tarball (paths as `tar -t` lists them, under `package/`). */
export function tarballProblems(files) {
  const problems = [];
  for (const required of ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts']) {
    if (!files.includes(`package/${required}`)) problems.push(`has no ${required}`);
  }
  for (const file of files) {
    if (/\.test\.|\.map$|\/test-support\//.test(file) || !file.startsWith('package/')) problems.push(`ships ${file}`);
  }
  return problems;
}
