// Scenario 8: cold start and installed size.
// (a) import + construct, and (b) import + construct + first completed GET against a local server,
// each in a fresh Node process (time from process start, `performance.now()`), s3kit vs
// @aws-sdk/client-s3, minio and aws4fetch, with an empty `node` process as the floor.
// (c) installed size on disk and package count of a fresh `npm install` of the packed s3kit
// tarballs (@s3kit/s3-core, and @s3kit/s3-transfer when it exists) vs @aws-sdk/client-s3
// (+ lib-storage) and minio at the bench's pinned versions.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSeededRandom } from '@s3kit/primitives';
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
  aws4fetch: {
    construct: `const { AwsClient } = await import('aws4fetch'); const c = new AwsClient({ ...${creds}, service: 's3', region: 'us-east-1' });`,
    request: `const r = await c.fetch('http://127.0.0.1:' + process.env.PORT + '/bench/k'); if ((await r.arrayBuffer()).byteLength !== 1024) throw new Error('bytes');`,
  },
};
const LABELS = { floor: 'node (empty process, floor)', s3kit: 's3kit', sdk: '@aws-sdk/client-s3', minio: 'minio', aws4fetch: 'aws4fetch' };

function runChild(source, port) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', `${source} process.stdout.write(String(performance.now()));`], {
    cwd: benchDir,
    env: { ...process.env, PORT: String(port), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    encoding: 'utf8',
  });
  return Number(out.trim().split('\n').pop());
}

function duBytes(dir) {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p, { throwIfNoEntry: false });
    if (!s) continue;
    total += s.isDirectory() && !s.isSymbolicLink() ? duBytes(p) : s.size;
  }
  return total;
}

function packageCount(nodeModules) {
  let n = 0;
  for (const name of readdirSync(nodeModules)) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) n += readdirSync(join(nodeModules, name)).length;
    else n++;
  }
  return n;
}

function installSize(specs) {
  const dir = mkdtempSync(join(tmpdir(), 's3kit-size-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{"name":"size","private":true}');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--omit=dev', ...specs], { cwd: dir, stdio: 'ignore' });
    const nm = join(dir, 'node_modules');
    return { bytes: duBytes(nm), packages: packageCount(nm) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `pnpm pack` rewrites `workspace:^` ranges to real versions; `npm pack` would not.
const pnpm = process.env.npm_execpath && /pnpm/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['npx', '-y', 'pnpm@10.34.8'];

function packOurs(shorts) {
  const dir = mkdtempSync(join(tmpdir(), 's3kit-sizepack-'));
  const files = [];
  for (const short of shorts) {
    execFileSync(pnpm[0], [...pnpm.slice(1), 'pack', '--pack-destination', dir], { cwd: join(repo, 'packages', short), stdio: 'ignore' });
  }
  for (const f of readdirSync(dir)) files.push(join(dir, f));
  return { dir, files };
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
    return impls.map((i) => ({ impl: i, label: LABELS[i], floor: i === 'floor', stats: summarize(series.get(i)) }));
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
    return {
      id: 'cold-request',
      title: '8b. Cold start: import + construct + first completed GET (fresh process)',
      description: 'Milliseconds from process start to the first 1 KiB GET read to the end, against a local fixed-response server; lower is better. Target: no slower than @aws-sdk/client-s3.',
      unit: 'ms',
      higherIsBetter: false,
      ours: 's3kit',
      rows: await timings(size, true),
      notes: [],
    };
  },
};

export const installedSize = {
  id: 'install-size',
  targets: { sdk: 3 },
  async run({ size }) {
    const shorts = ['primitives', 'sigv4', 's3-core'];
    const rows = [];
    const notes = [];
    const ours = packOurs(shorts);
    try {
      const core = installSize(ours.files);
      rows.push({ impl: 's3kit', label: '@s3kit/s3-core (+ primitives, sigv4)', stats: summarize([core.bytes / 1e6]), packages: core.packages });
      notes.push(`@s3kit/s3-core: ${core.packages} packages, ${(core.bytes / 1e6).toFixed(1)} MB`);
      if (existsSync(join(repo, 'packages/s3-transfer/dist/index.js'))) {
        const withTransfer = packOurs([...shorts, 's3-transfer']);
        try {
          const t = installSize(withTransfer.files);
          notes.push(`@s3kit/s3-transfer (+ s3-core): ${t.packages} packages, ${(t.bytes / 1e6).toFixed(1)} MB`);
        } finally {
          rmSync(withTransfer.dir, { recursive: true, force: true });
        }
      }
    } finally {
      rmSync(ours.dir, { recursive: true, force: true });
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
      rows,
      notes,
    };
  },
};
