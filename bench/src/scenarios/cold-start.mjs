// Scenario 8: cold start and installed size.
// (a) import + construct, and (b) import + construct + first completed GET against a local server,
// each in a fresh Node process (time from process start, `performance.now()`), s3kit vs
// @aws-sdk/client-s3, minio and aws4fetch, with an empty `node` process as the floor.
// (c) installed size on disk and package count of a fresh `npm install` of the packed s3kit
// tarballs (@s3kit/s3-core, and @s3kit/s3-transfer when it exists) vs @aws-sdk/client-s3
// (+ lib-storage) and minio at the bench's pinned versions.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSeededRandom } from '@s3kit/primitives';
import { INSTALL_SETS, installSize, packWorkspacePackages } from '../install-size.mjs';
import { spawnServer } from '../servers/spawn.mjs';
import { shuffled, summarize } from '../stats.mjs';

const benchDir = resolve(import.meta.dirname, '../..');
const repo = resolve(benchDir, '..');
const SIZES = { full: { runs: 10, install: true }, quick: { runs: 4, install: true }, tiny: { runs: 1, install: false } };
const creds = `{ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }`;

/** Child scripts: construct only, or construct and complete one GET of `/bench/k` on PORT. */
const SCRIPTS = {
  floor: { construct: '', request: '' },
  s3kit: {
    construct: `const { S3Client } = await import('@s3kit/s3-core'); const c = new S3Client({ endpoint: 'http://127.0.0.1:' + process.env.PORT, region: 'us-east-1', credentials: ${creds}, forcePathStyle: true });`,
    request: `const r = await c.getObject({ Bucket: 'bench', Key: 'k' }); if ((await r.Body.bytes()).byteLength !== 1024) throw new Error('bytes'); await c.close();`,
  },
  sdk: {
    construct: `const { S3Client, GetObjectCommand } = await import('@aws-sdk/client-s3'); const c = new S3Client({ endpoint: 'http://127.0.0.1:' + process.env.PORT, region: 'us-east-1', credentials: ${creds}, forcePathStyle: true, responseChecksumValidation: 'WHEN_REQUIRED' });`,
    request: `const r = await c.send(new GetObjectCommand({ Bucket: 'bench', Key: 'k' })); if ((await r.Body.transformToByteArray()).byteLength !== 1024) throw new Error('bytes'); c.destroy();`,
  },
  minio: {
    construct: `const { Client } = await import('minio'); const c = new Client({ endPoint: '127.0.0.1', port: Number(process.env.PORT), useSSL: false, accessKey: 'AKIAIOSFODNN7EXAMPLE', secretKey: 'x', region: 'us-east-1', pathStyle: true });`,
    request: `let n = 0; for await (const b of await c.getObject('bench', 'k')) n += b.length; if (n !== 1024) throw new Error('bytes');`,
  },
  // The least code for the same GET: undici's Agent and request API loaded from their own modules,
  // as primitives' transport loads them, no signing, no parsing.
  undici: {
    construct: `const { createRequire } = await import('node:module'); const require = createRequire(process.cwd() + '/'); const Agent = require('undici/lib/dispatcher/agent.js'); const request = require('undici/lib/api/api-request.js'); const c = new Agent();`,
    request: `const r = await request.call(c, { origin: 'http://127.0.0.1:' + process.env.PORT, path: '/bench/k', method: 'GET' }); if ((await r.body.bytes()).byteLength !== 1024) throw new Error('bytes'); await c.close();`,
  },
  aws4fetch: {
    construct: `const { AwsClient } = await import('aws4fetch'); const c = new AwsClient({ ...${creds}, service: 's3', region: 'us-east-1' });`,
    request: `const r = await c.fetch('http://127.0.0.1:' + process.env.PORT + '/bench/k'); if ((await r.arrayBuffer()).byteLength !== 1024) throw new Error('bytes');`,
  },
};
const LABELS = {
  floor: 'node (empty process)',
  s3kit: 's3kit',
  sdk: '@aws-sdk/client-s3',
  minio: 'minio',
  undici: 'undici Agent + request, unsigned',
  aws4fetch: 'aws4fetch',
};

function runChild(source, port) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', `${source} process.stdout.write(String(performance.now()));`], {
    cwd: benchDir,
    env: { ...process.env, PORT: String(port), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    encoding: 'utf8',
  });
  return Number(out.trim().split('\n').pop());
}

function peerVersion(name) {
  return JSON.parse(readFileSync(join(benchDir, 'package.json'), 'utf8')).dependencies[name];
}

async function timings(size, withRequest) {
  const { runs } = SIZES[size];
  const server = withRequest ? await spawnServer(new URL('../servers/fixed-server.mjs', import.meta.url), { BODY_SIZE: '1024' }) : undefined;
  try {
    const impls = Object.keys(SCRIPTS);
    const series = new Map(impls.map((i) => [i, []]));
    const random = createSeededRandom(8);
    for (let r = 0; r < runs; r++) {
      for (const impl of shuffled(impls, random)) {
        const s = SCRIPTS[impl];
        series.get(impl).push(runChild(withRequest ? `${s.construct} ${s.request}` : s.construct, server?.port ?? 9));
      }
    }
    // Construct only: the empty process is the floor. With a GET: the unsigned undici GET is, and the
    // empty process stays beside it as a reference.
    const floorImpl = withRequest ? 'undici' : 'floor';
    return impls.map((i) => ({
      impl: i,
      label: i === floorImpl ? `${LABELS[i]} (floor)` : LABELS[i],
      ...(i === floorImpl ? { floor: true } : {}),
      ...(i === 'floor' && withRequest ? { reference: true } : {}),
      stats: summarize(series.get(i)),
    }));
  } finally {
    await server?.stop();
  }
}

export const coldStartConstruct = {
  id: 'cold-construct',
  targets: {},
  async run({ size }) {
    return {
      id: 'cold-construct',
      title: '8a. Cold start: import + construct (fresh process)',
      description: 'Milliseconds from process start to a constructed client (`performance.now()` in the child); lower is better.',
      unit: 'ms',
      higherIsBetter: false,
      ours: 's3kit',
      rows: await timings(size, false),
      notes: [],
    };
  },
};

export const coldStartRequest = {
  id: 'cold-request',
  targets: { sdk: 1 },
  async run({ size }) {
    const rows = await timings(size, true);
    const ours = rows.find((r) => r.impl === 's3kit').stats.median;
    return {
      id: 'cold-request',
      title: '8b. Cold start: import + construct + first completed GET (fresh process)',
      description:
        'Milliseconds from process start to the first 1 KiB GET read to the end, against a local fixed-response server; lower is better. The floor is the same GET through undici alone (unsigned, loaded as primitives loads it). Target: at most 110 ms and no slower than @aws-sdk/client-s3.',
      unit: 'ms',
      higherIsBetter: false,
      ours: 's3kit',
      rows,
      notes: [`Target: s3kit at most 110 ms from process start to the first completed GET: ${ours <= 110 ? 'met' : 'NOT met'} (${ours.toFixed(0)} ms).`],
    };
  },
};

export const installedSize = {
  id: 'install-size',
  targets: { sdk: 3 },
  async run({ size }) {
    const rows = [];
    const notes = [];
    for (const set of INSTALL_SETS) {
      if (!set.packages.every((short) => existsSync(join(repo, 'packages', short, 'dist/index.js')))) continue;
      const packed = packWorkspacePackages(repo, set.packages);
      try {
        const s = installSize(packed.files);
        if (set.id === 's3-core') rows.push({ impl: 's3kit', label: set.label, stats: summarize([s.bytes / 1e6]), packages: s.packages });
        notes.push(`${set.label}: ${s.packages} packages, ${(s.bytes / 1e6).toFixed(1)} MB`);
      } finally {
        rmSync(packed.dir, { recursive: true, force: true });
      }
    }
    if (SIZES[size].install) {
      for (const [impl, label, specs] of [
        ['sdk', '@aws-sdk/client-s3', [`@aws-sdk/client-s3@${peerVersion('@aws-sdk/client-s3')}`]],
        ['sdk-storage', '@aws-sdk/client-s3 + lib-storage', [`@aws-sdk/client-s3@${peerVersion('@aws-sdk/client-s3')}`, `@aws-sdk/lib-storage@${peerVersion('@aws-sdk/lib-storage')}`]],
        ['minio', 'minio', [`minio@${peerVersion('minio')}`]],
      ]) {
        const s = installSize(specs);
        rows.push({ impl, label, stats: summarize([s.bytes / 1e6]), packages: s.packages });
        notes.push(`${label}: ${s.packages} packages, ${(s.bytes / 1e6).toFixed(1)} MB`);
      }
    } else {
      notes.push('Peers are installed from the registry only in quick and full runs.');
    }
    return {
      id: 'install-size',
      title: '8c. Installed size (fresh npm install, production dependencies)',
      description: 'Bytes on disk of node_modules after installing the packed tarballs (s3kit) or the pinned registry versions (peers); lower is better. Target: s3-core at most a third of @aws-sdk/client-s3.',
      unit: 'MB',
      higherIsBetter: false,
      ours: 's3kit',
      noFloor: 'installed size has no code to trim to a floor beyond the dependencies themselves; the peers are the comparison.',
      rows,
      notes,
    };
  },
};
