// Type checking sees only the `node` variant of each `#platform/*` import (package.json `types`), so
// this test holds every web variant to the same export names, for every package that has them.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const cases = [];
for (const short of readdirSync(join(root, 'packages'))) {
  const manifestPath = join(root, 'packages', short, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  for (const [spec, target] of Object.entries(manifest.imports ?? {})) {
    const src = (file) => join(root, 'packages', short, file.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
    cases.push([`${manifest.name} ${spec}`, src(target.node), src(target.default)]);
  }
}

describe('#platform variants', () => {
  it('exist in the packages that run beyond Node', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases)('%s: the web variant exports what the node variant exports', async (_name, nodeFile, webFile) => {
    const [node, web] = await Promise.all([import(nodeFile), import(webFile)]);
    expect(Object.keys(web).sort()).toEqual(Object.keys(node).sort());
  });
});
