// The workspace's packages as pnpm sees them (pnpm-workspace.yaml), for the release scripts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every workspace package: `{ name, dir, rel, manifest }`, `rel` being its path in the repository. */
export function workspacePackages(repo) {
  const globs = readFileSync(join(repo, 'pnpm-workspace.yaml'), 'utf8')
    .split('\n')
    .map((line) => /^\s*-\s*['"]?([^'"#\s]+)['"]?/.exec(line)?.[1])
    .filter(Boolean);
  const dirs = globs.flatMap((glob) => {
    if (!glob.endsWith('/*')) return [join(repo, glob)];
    const base = join(repo, glob.slice(0, -2));
    return existsSync(base) ? readdirSync(base).map((n) => join(base, n)) : [];
  });
  return dirs
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      return { name: manifest.name, dir, rel: relative(repo, dir), manifest };
    });
}

/**
 * The packages that get published (not `private`), dependencies before their dependents, so
 * publishing in this order never leaves a published package whose dependency is not yet there.
 */
export function publicPackagesInOrder(repo) {
  const pub = workspacePackages(repo).filter((p) => !p.manifest.private);
  const byName = new Map(pub.map((p) => [p.name, p]));
  const ordered = [];
  const seen = new Set();
  const visit = (p, path) => {
    if (seen.has(p.name)) return;
    if (path.includes(p.name)) throw new Error(`dependency cycle: ${[...path, p.name].join(' -> ')}`);
    for (const dep of Object.keys({ ...p.manifest.dependencies, ...p.manifest.peerDependencies })) {
      const d = byName.get(dep);
      if (d) visit(d, [...path, p.name]);
    }
    seen.add(p.name);
    ordered.push(p);
  };
  for (const p of [...pub].sort((a, b) => a.name.localeCompare(b.name))) visit(p, []);
  return ordered;
}
