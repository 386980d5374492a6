import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workspacePackages } from '../workspace-packages.mjs';
import { dependencyClosure } from './closure.mjs';

const repo = resolve(import.meta.dirname, '../..');
const workspace = new Map(workspacePackages(repo).map((p) => [p.name, p]));
const names = (closure) => [...closure.values()].map((e) => e.name).sort();

let dir;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function pkg(at, manifest) {
  mkdirSync(at, { recursive: true });
  writeFileSync(join(at, 'package.json'), JSON.stringify({ version: '1.0.0', ...manifest }));
}

describe('dependencyClosure', () => {
  it("follows this workspace's packages and the lockfile's installs, not devDependencies or optional peers", () => {
    const core = names(dependencyClosure('@s3kit/s3-core', workspace));
    expect(core).toEqual(expect.arrayContaining(['@s3kit/primitives', '@s3kit/s3-core', '@s3kit/sigv4', 'fast-xml-parser', 'undici']));
    const mock = names(dependencyClosure('@s3kit/s3-mock', workspace));
    expect(mock).toEqual(['@s3kit/primitives', '@s3kit/s3-mock', '@s3kit/sigv4', 'undici']);
    for (const closure of [core, mock]) {
      expect(closure).not.toContain('vitest');
      expect(closure).not.toContain('@s3kit/rgw-harness');
      expect(closure).not.toContain('@aws-sdk/client-s3');
    }
  });

  it('resolves each dependency from the depending package, as Node does, at its installed version', () => {
    dir = mkdtempSync(join(tmpdir(), 'closure-'));
    pkg(join(dir, 'app'), { name: 'app', dependencies: { a: '^1' }, optionalDependencies: { 'not-for-this-os': '1' }, peerDependencies: { p: '1', q: '1' }, peerDependenciesMeta: { q: { optional: true } } });
    pkg(join(dir, 'app/node_modules/a'), { name: 'a', version: '1.2.0', dependencies: { b: '2' } });
    pkg(join(dir, 'app/node_modules/b'), { name: 'b', version: '1.0.0' });
    pkg(join(dir, 'app/node_modules/a/node_modules/b'), { name: 'b', version: '2.0.0' });
    pkg(join(dir, 'node_modules/p'), { name: 'p', version: '3.0.0' });
    const ws = new Map([['app', { dir: join(dir, 'app'), manifest: { name: 'app', version: '0.1.0', dependencies: { a: '^1' }, optionalDependencies: { 'not-for-this-os': '1' }, peerDependencies: { p: '1', q: '1' }, peerDependenciesMeta: { q: { optional: true } } } }]]);
    expect([...dependencyClosure('app', ws).keys()].sort()).toEqual(['a@1.2.0', 'app@0.1.0', 'b@2.0.0', 'p@3.0.0']);
  });

  it('says which required dependency is not installed', () => {
    dir = mkdtempSync(join(tmpdir(), 'closure-'));
    pkg(join(dir, 'app'), { name: 'app' });
    const ws = new Map([['app', { dir: join(dir, 'app'), manifest: { name: 'app', version: '0.1.0', dependencies: { gone: '1' } } }]]);
    expect(() => dependencyClosure('app', ws)).toThrow(/gone \(needed from .*app\) is not installed in the workspace: run pnpm install/);
  });
});
