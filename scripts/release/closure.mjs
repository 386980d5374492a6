// The packages `npm install <one of ours>` should put on disk: the package, its dependencies and
// theirs, at the versions the workspace's lockfile installed (the versions the tests ran with).
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The dependencies npm installs for a manifest: regular, optional when present, required peers. */
function installedDependencies(manifest) {
  const optionalPeers = new Set(Object.entries(manifest.peerDependenciesMeta ?? {}).filter(([, m]) => m?.optional).map(([n]) => n));
  return [
    ...Object.keys(manifest.dependencies ?? {}).map((name) => ({ name, optional: false })),
    ...Object.keys(manifest.optionalDependencies ?? {}).map((name) => ({ name, optional: true })),
    ...Object.keys(manifest.peerDependencies ?? {}).filter((n) => !optionalPeers.has(n)).map((name) => ({ name, optional: false })),
  ];
}

/** Finds `name` from `dir` the way Node does: `node_modules/<name>` here, then in each parent. */
function locate(name, dir) {
  for (let d = dir; ; d = dirname(d)) {
    const candidate = join(d, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(d) === d) return undefined;
  }
}

/**
 * The dependency closure of the workspace package `root`: a Map of `name@version` to
 * `{ name, version, dir, workspace }`. Workspace packages come from `workspace` (name -> `{ dir,
 * manifest }`, their versions as about to be published); everything else from the directories the
 * lockfile installed, found from the depending package's directory.
 * @throws {Error} when a required dependency is not installed in the workspace.
 */
export function dependencyClosure(root, workspace) {
  const out = new Map();
  const visit = (name, fromDir, optional) => {
    const ws = workspace.get(name);
    const dir = ws ? ws.dir : locate(name, fromDir);
    if (!dir) {
      if (optional) return;
      throw new Error(`${name} (needed from ${fromDir}) is not installed in the workspace: run pnpm install`);
    }
    const manifest = ws ? ws.manifest : JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const id = `${manifest.name}@${manifest.version}`;
    if (out.has(id)) return;
    out.set(id, { name: manifest.name, version: manifest.version, dir, workspace: Boolean(ws) });
    for (const dep of installedDependencies(manifest)) visit(dep.name, dir, dep.optional);
  };
  visit(root, workspace.get(root)?.dir ?? '/', false);
  return out;
}
