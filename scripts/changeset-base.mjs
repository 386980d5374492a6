// Which commit `pnpm check:changesets` compares against, decided from the clone alone: CI may clone
// only what was submitted (one branch, a remote under any name, or none), a maintainer has main.
import { execFileSync } from 'node:child_process';

const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const tryGit = (cwd, ...args) => {
  try {
    return git(cwd, ...args);
  } catch {
    return undefined;
  }
};

/**
 * The base of the changeset check, as `{ sha, reason }`:
 *   1. `env.S3KIT_CHANGESET_BASE` when set (a CI that knows the commit it merges into);
 *   2. where HEAD left `baseBranch`: the local branch of that name, else the same branch of any
 *      remote (a `git clone` of a branch has `<remote>/main`, whatever the remote is called);
 *   3. when there is no such branch, or HEAD is on it already: the last release, i.e. the newest
 *      commit that wrote a package's CHANGELOG.md (`changeset version` does, nothing else should);
 *      with no release yet, the first commit. Every package changed since then must have a pending
 *      changeset, which holds on main by construction and in a clone of a single branch.
 * @throws {Error} in a shallow clone, whose history cannot answer any of these.
 */
export function resolveChangesetBase(cwd, { baseBranch = 'main', env = process.env } = {}) {
  if (tryGit(cwd, 'rev-parse', '--is-shallow-repository') === 'true') {
    throw new Error('this is a shallow clone: the changeset check needs the history back to the base (git fetch --unshallow), or S3KIT_CHANGESET_BASE=<commit> with that commit fetched');
  }
  const head = git(cwd, 'rev-parse', 'HEAD');
  if (env.S3KIT_CHANGESET_BASE) {
    const sha = tryGit(cwd, 'merge-base', env.S3KIT_CHANGESET_BASE, 'HEAD');
    if (!sha) throw new Error(`S3KIT_CHANGESET_BASE=${env.S3KIT_CHANGESET_BASE} is not a commit this clone shares with HEAD`);
    return { sha, reason: `where HEAD left S3KIT_CHANGESET_BASE (${env.S3KIT_CHANGESET_BASE})` };
  }
  const refs = git(cwd, 'for-each-ref', '--format=%(refname)', `refs/heads/${baseBranch}`, `refs/remotes/*/${baseBranch}`).split('\n').filter(Boolean);
  for (const ref of refs) {
    const sha = tryGit(cwd, 'merge-base', ref, 'HEAD');
    if (sha && sha !== head) return { sha, reason: `where HEAD left ${ref.replace(/^refs\/(heads|remotes)\//, '')}` };
  }
  const why = refs.length ? `HEAD is on ${baseBranch}` : `no ${baseBranch} branch in this clone`;
  const release = git(cwd, 'log', '-1', '--format=%H', 'HEAD', '--', ':(glob)packages/*/CHANGELOG.md');
  if (release) return { sha: release, reason: `${why}: the last release (${release.slice(0, 7)} wrote the CHANGELOGs)` };
  const roots = git(cwd, 'rev-list', '--max-parents=0', 'HEAD').split('\n');
  return { sha: roots[roots.length - 1], reason: `${why}, and nothing released yet: the first commit` };
}
