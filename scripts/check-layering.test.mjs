import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLayering } from './check-layering.mjs';

let dir;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function repo(packages, rootDevDependencies = {}) {
  dir = mkdtempSync(join(tmpdir(), 'layering-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ devDependencies: { vitest: '1', ...rootDevDependencies } }));
  for (const [short, { manifest, files }] of Object.entries(packages)) {
    const pdir = join(dir, 'packages', short);
    mkdirSync(join(pdir, 'src'), { recursive: true });
    writeFileSync(join(pdir, 'package.json'), JSON.stringify({ name: `@s3kit/${short}`, ...manifest }));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(pdir, 'src', name)), { recursive: true });
      writeFileSync(join(pdir, 'src', name), text);
    }
  }
  return dir;
}

describe('checkLayering', () => {
  it('accepts imports that point down and are declared', () => {
    const root = repo({
      primitives: { manifest: { dependencies: { undici: '7' } }, files: { 'a.ts': "import { Pool } from 'undici';\nimport { x } from './b.js';\nimport 'node:fs';" } },
      sigv4: { manifest: { dependencies: { '@s3kit/primitives': 'workspace:^' } }, files: { 'a.ts': "import type { X } from '@s3kit/primitives';" } },
    });
    expect(checkLayering(root)).toEqual([]);
  });

  it('ignores imports shown in comments and TSDoc examples', () => {
    const root = repo({
      primitives: { manifest: {}, files: { 'a.ts': "/**\n * @example\n * import pino from 'pino';\n */\n// import x from 'left-pad';\nexport const a = 1;" } },
    });
    expect(checkLayering(root)).toEqual([]);
  });

  it('rejects an arrow pointing up and s3-mock seeing s3-core', () => {
    const root = repo({
      primitives: { manifest: { dependencies: { '@s3kit/sigv4': '1' } }, files: { 'a.ts': "import { sign } from '@s3kit/sigv4';" } },
      's3-mock': { manifest: { dependencies: { '@s3kit/s3-core': '1' } }, files: { 'a.ts': "export { S3Client } from '@s3kit/s3-core';" } },
    });
    const problems = checkLayering(root);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/primitives.*imports @s3kit\/sigv4.*no @s3kit package/);
    expect(problems[1]).toMatch(/s3-mock.*imports @s3kit\/s3-core/);
  });

  it('rejects undeclared bare imports in sources but lets tests use devDependencies', () => {
    const root = repo({
      primitives: {
        manifest: { devDependencies: { 'fast-check': '4' } },
        files: {
          'a.ts': "const x = await import('left-pad');",
          'a.test.ts': "import fc from 'fast-check';\nimport { it } from 'vitest';",
          'b.ts': "import fc from 'fast-check';",
        },
      },
    });
    const problems = checkLayering(root);
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/a\.ts: imports 'left-pad'/);
    expect(problems.join('\n')).toMatch(/b\.ts: imports 'fast-check'.*dependencies/);
  });

  it("lets tests use test-only workspace packages declared at the root, never the package's sources", () => {
    const root = repo(
      {
        's3-core': {
          manifest: {},
          files: { 'a.integ.test.ts': "import { testS3 } from '@s3kit/rgw-harness';", 'b.ts': "import { testS3 } from '@s3kit/rgw-harness';" },
        },
      },
      { '@s3kit/rgw-harness': 'workspace:*' },
    );
    const problems = checkLayering(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/s3-core\/src\/b\.ts: imports @s3kit\/rgw-harness, but @s3kit\/s3-core may only use @s3kit\/primitives, @s3kit\/sigv4/);
  });

  it('rejects relative imports that reach into another package and unknown packages', () => {
    const root = repo({
      sigv4: { manifest: {}, files: { 'a.ts': "import { x } from '../../primitives/src/x.js';" } },
      extra: { manifest: {}, files: { 'a.ts': '' } },
    });
    const problems = checkLayering(root);
    expect(problems.join('\n')).toMatch(/leaves the package/);
    expect(problems.join('\n')).toMatch(/packages\/extra: not in the layering table/);
  });

  it('keeps Node built-ins of packages with #platform imports inside platform node variants', () => {
    const platform = { '#platform/files': { node: './dist/platform/files.node.js', default: './dist/platform/files.web.js' } };
    const root = repo({
      primitives: {
        manifest: { imports: platform },
        files: {
          'a.ts': "import { readFile } from 'node:fs/promises';\nimport type { Stats } from 'node:fs';",
          'b.ts': "import { x } from '#platform/files';\nimport { y } from '#platform/other';",
          'c.web.ts': "import { createUndiciTransport } from './http/undici-transport.js';",
          'http/undici-transport.ts': "import { createRequire } from 'node:module';",
        },
      },
    });
    mkdirSync(join(root, 'packages', 'primitives', 'src', 'platform'));
    writeFileSync(join(root, 'packages', 'primitives', 'src', 'platform', 'files.node.ts'), "export { readFile } from 'node:fs/promises';");
    const problems = checkLayering(root);
    expect(problems).toHaveLength(3);
    expect(problems.some((p) => p.includes("a.ts: imports the Node built-in 'node:fs/promises'"))).toBe(true);
    expect(problems.some((p) => p.includes("'#platform/other' but it is not in @s3kit/primitives's \"imports\""))).toBe(true);
    expect(problems.some((p) => p.includes('c.web.ts: a web variant imports the Node-only module'))).toBe(true);
  });
});
