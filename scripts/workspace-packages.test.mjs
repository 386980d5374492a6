import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publicPackagesInOrder, workspacePackages } from './workspace-packages.mjs';

const repo = resolve(import.meta.dirname, '..');

let dir;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('workspace packages', () => {
  it('lists what pnpm-workspace.yaml names, private tooling included', () => {
    const rels = workspacePackages(repo).map((p) => p.rel);
    expect(rels).toEqual(expect.arrayContaining(['packages/s3-core', 'tooling/rgw-harness', 'bench']));
  });

  it('orders the public packages so each comes after the packages it depends on', () => {
    const order = publicPackagesInOrder(repo).map((p) => p.name);
    expect(order).not.toContain('@s3kit/rgw-harness');
    expect(order).not.toContain('@s3kit/bench');
    for (const p of publicPackagesInOrder(repo)) {
      for (const dep of Object.keys(p.manifest.dependencies ?? {}).filter((d) => order.includes(d))) {
        expect(order.indexOf(dep), `${dep} before ${p.name}`).toBeLessThan(order.indexOf(p.name));
      }
    }
  });

  it('refuses a dependency cycle, naming it', () => {
    dir = mkdtempSync(join(tmpdir(), 'ws-'));
    writeFileSync(join(dir, 'pnpm-workspace.yaml'), "packages:\n  - 'packages/*'\n");
    for (const [name, dep] of [['a', 'b'], ['b', 'a']]) {
      mkdirSync(join(dir, 'packages', name), { recursive: true });
      writeFileSync(join(dir, 'packages', name, 'package.json'), JSON.stringify({ name, version: '1.0.0', dependencies: { [dep]: 'workspace:^' } }));
    }
    expect(() => publicPackagesInOrder(dir)).toThrow('dependency cycle: a -> b -> a');
  });
});
