// Scenario 11: directory upload and sync planning of real trees of 1k, 10k and 100k small files,
// s3kit beside `aws s3 sync` (the same work: the upload is a first sync into an empty bucket, the
// plan a no-op re-sync that lists, walks and compares). Against the s3kit mock in its own process
// (signatures verified), a fresh server per implementation and size. s3kit runs in its own process
// (clients/tree-client.mjs) for its peak RSS; the AWS CLI's peak RSS comes from /usr/bin/time.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client, paginateListObjectsV2 } from '@s3kit/s3-core';
import { cliEnv } from '../clients/cli-env.mjs';
import { runChild } from '../clients/run-child.mjs';
import { spawnServer } from '../servers/spawn.mjs';
import { summarize } from '../stats.mjs';

const SIZES = { full: [1_000, 10_000, 100_000], quick: [1_000, 10_000], tiny: [200] };
const PER_DIR = 1000;
const serverScript = new URL('../servers/s3-mock-server.mjs', import.meta.url);
const clientScript = new URL('../clients/tree-client.mjs', import.meta.url);

function writeTree(root, files) {
  const body = Buffer.alloc(1024, 'x');
  for (let i = 0; i < files; i++) {
    const dir = join(root, `d${String(Math.floor(i / PER_DIR)).padStart(4, '0')}`);
    if (i % PER_DIR === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `f${String(i).padStart(7, '0')}.bin`), body);
  }
}

function awsCli() {
  try {
    return execFileSync('sh', ['-c', 'command -v aws'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Runs the AWS CLI under /usr/bin/time: wall seconds and peak RSS (MiB). */
function timedAws(args, env) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let err = '';
    const child = spawn('/usr/bin/time', ['-f', 'MAXRSS %M', 'aws', ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (c) => (err += c));
    child.once('error', reject);
    child.once('exit', (code) => {
      const ms = performance.now() - t0;
      const rss = /MAXRSS (\d+)/.exec(err);
      if (code !== 0) reject(new Error(`aws ${args.join(' ')} exited with ${code}: ${err.slice(0, 500)}`));
      else resolve({ ms, maxRssMiB: rss ? Number(rss[1]) / 1024 : undefined });
    });
  });
}

async function count(client, Bucket) {
  let n = 0;
  for await (const page of paginateListObjectsV2(client, { Bucket })) n += page.Contents?.length ?? 0;
  return n;
}

export const scalingTree = {
  id: 'scaling-tree',
  targets: {},
  async run({ size }) {
    const points = SIZES[size];
    const aws = existsSync('/usr/bin/time') ? awsCli() : undefined;
    const work = mkdtempSync(join(tmpdir(), 's3kit-bench-tree-'));
    const home = join(work, 'home');
    mkdirSync(home);
    writeFileSync(join(home, 'config'), '[default]\ns3 =\n  max_concurrent_requests = 16\n');
    const env = cliEnv(home);
    const rows = [];
    const notes = [];
    const perFile = { upload: [], plan: [], 'aws-upload': [], 'aws-plan': [] };
    try {
      for (const files of points) {
        const root = join(work, `tree-${files}`);
        writeTree(root, files);
        for (const who of aws ? ['s3kit', 'aws'] : ['s3kit']) {
          const server = await spawnServer(serverScript);
          const endpoint = `http://127.0.0.1:${server.port}`;
          const client = new S3Client({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, forcePathStyle: true });
          try {
            const Bucket = `tree-${who}-${files}`;
            await client.createBucket({ Bucket });
            let up;
            let plan;
            if (who === 's3kit') {
              up = await runChild(clientScript, { impl: 'tree-upload', kind: 'upload', port: server.port, root, Bucket });
              if (up.files !== files) throw new Error(`s3kit uploaded ${up.files} of ${files} files`);
              plan = await runChild(clientScript, { impl: 'tree-plan', kind: 'plan', port: server.port, root, Bucket });
              if (plan.files !== files || plan.actions !== 0) throw new Error(`s3kit planned ${plan.actions} actions over ${plan.files} files`);
            } else {
              up = await timedAws(['s3', 'sync', root, `s3://${Bucket}/`, '--endpoint-url', endpoint, '--only-show-errors'], env);
              plan = await timedAws(['s3', 'sync', root, `s3://${Bucket}/`, '--endpoint-url', endpoint, '--only-show-errors'], env);
            }
            const stored = await count(client, Bucket);
            if (stored !== files) throw new Error(`${who}: the bucket holds ${stored} of ${files} objects`);
            const label = (what) => `${who === 's3kit' ? (what === 'upload' ? 's3kit uploadDirectory' : 's3kit planSync (no-op)') : `aws s3 sync, ${what === 'upload' ? 'first sync' : 'no-op re-sync'}`}, ${files.toLocaleString('en-US')} files`;
            for (const [what, m] of [['upload', up], ['plan', plan]]) {
              const impl = who === 's3kit' && what === 'upload' && files === points[0] ? 's3kit' : `${who}-${what}-${files}`;
              rows.push({ impl, label: label(what), stats: summarize([m.ms / 1000]), ...(m.maxRssMiB === undefined ? {} : { peakRssMiB: m.maxRssMiB }) });
              perFile[who === 's3kit' ? what : `aws-${what}`].push({ files, ms: m.ms, rss: m.maxRssMiB });
            }
          } finally {
            await client.close();
            await server.stop();
          }
        }
        rmSync(root, { recursive: true, force: true });
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    for (const [what, series] of Object.entries(perFile)) {
      if (!series.length) continue;
      notes.push(`${what}: ${series.map((p) => `${p.files.toLocaleString('en-US')} files ${((p.ms * 1000) / p.files).toFixed(0)} us/file${p.rss === undefined ? '' : `, peak RSS ${p.rss.toFixed(0)} MiB`}`).join('; ')}.`);
    }
    for (const what of ['upload', 'plan']) {
      const ours = perFile[what];
      const theirs = perFile[`aws-${what}`];
      if (!theirs.length) continue;
      notes.push(`s3kit vs aws s3 sync (${what}): ${ours.map((p, k) => `${p.files.toLocaleString('en-US')} files ${(theirs[k].ms / p.ms).toFixed(2)}x`).join('; ')}.`);
    }
    if (!aws) notes.push('No AWS CLI (or no /usr/bin/time) on this machine: only s3kit was run.');
    return {
      id: 'scaling-tree',
      title: '11. Scaling: directory upload and sync planning of real trees, 1k to 100k files of 1 KiB',
      description:
        'Wall seconds of each step, against the s3kit mock in its own process (a fresh server per implementation and size, signatures verified). s3kit runs in its own process (time from the call, after start-up); the AWS CLI is timed as a process (start-up included, ~0.5 s) with 16 concurrent requests, as s3kit uploads 16 files at once.',
      unit: 's',
      higherIsBetter: false,
      ours: 's3kit',
      noRatios: true,
      noFloor: 'the floors of one transfer are in scenarios 5 and 6; this one compares s3kit with itself across sizes and with aws s3 sync at each size (in the notes).',
      rows,
      notes,
    };
  },
};
