// Scenario 7: sync of a generated tree (mostly 1-64 KiB files, a few 1-8 MiB) to the s3kit mock
// (own process, fresh per run): wall time of the first sync and of a no-op re-sync, the s3kit CLI
// (`s3kit sync`, a process) vs the AWS CLI (`aws s3 sync`; `/usr/bin/aws` v2 too when it exists),
// each into a fresh bucket. Same work: each bucket's listing (keys and sizes) equals the tree.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSeededRandom } from '@s3kit/primitives';
import { S3Client, paginateListObjectsV2 } from '@s3kit/s3-core';
import { patternBlock } from '../clients/pattern.mjs';
import { cliEnv } from '../clients/cli-env.mjs';
import { spawnServer } from '../servers/spawn.mjs';
import { shuffled, summarize } from '../stats.mjs';

const KiB = 1024;
const MiB = 1024 * KiB;
const SIZES = { full: { files: 5000, rounds: 3 }, quick: { files: 1000, rounds: 1 }, tiny: { files: 50, rounds: 1 } };
const serverScript = new URL('../servers/s3-mock-server.mjs', import.meta.url);
// The bin as published (the esbuild bundle `s3kit` runs).
const cliBin = fileURLToPath(new URL('../../../packages/cli/dist/bundle/s3kit.js', import.meta.url));

/** Writes the tree; returns Map relative key -> size. */
function generateTree(root, files) {
  const random = createSeededRandom(files);
  const block = patternBlock();
  const big = Buffer.concat([block, block, block, block, block, block, block, block]);
  const tree = new Map();
  for (let i = 0; i < files; i++) {
    const large = i % 200 === 0;
    const size = large ? MiB + Math.floor(random() * 7 * MiB) : KiB + Math.floor(random() * 63 * KiB);
    const dir = `d${String(i % 50).padStart(2, '0')}`;
    mkdirSync(join(root, dir), { recursive: true });
    const rel = `${dir}/f${i}.bin`;
    const off = Math.floor(random() * KiB);
    writeFileSync(join(root, rel), big.subarray(off, off + size));
    tree.set(rel, size);
  }
  return tree;
}

/** The sync implementations found on this machine. */
function implementations() {
  // BENCH_CPU_PROF_DIR=dir: write a V8 CPU profile of every s3kit process there.
  const prof = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];
  const impls = [{ impl: 's3kit', label: 's3kit sync (CLI process)', cmd: process.execPath, args: [...prof, cliBin, 'sync'] }];
  const which = (name) => {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    } catch {
      return undefined;
    }
  };
  const version = (cmd) => execFileSync(cmd, ['--version'], { encoding: 'utf8' }).trim().split(/\s+/)[0];
  const aws = which('aws');
  if (aws) impls.push({ impl: 'aws', label: `aws s3 sync (${version(aws)})`, cmd: aws, args: ['s3', 'sync', '--only-show-errors'] });
  if (existsSync('/usr/bin/aws') && aws !== '/usr/bin/aws') impls.push({ impl: 'aws2', label: `aws s3 sync (${version('/usr/bin/aws')}, /usr/bin/aws)`, cmd: '/usr/bin/aws', args: ['s3', 'sync', '--only-show-errors'] });
  return impls;
}

function timed(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let err = '';
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (c) => (err += c));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve((performance.now() - t0) / 1000) : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}: ${err.slice(0, 500)}`))));
  });
}

async function listing(client, Bucket) {
  const out = new Map();
  for await (const page of paginateListObjectsV2(client, { Bucket })) for (const o of page.Contents ?? []) out.set(o.Key, o.Size);
  return out;
}

export const sync = {
  id: 'sync-tree',
  targets: { aws: 3, 'aws-noop': 5, aws2: 3, 'aws2-noop': 5 },
  async run({ size }) {
    const { files, rounds } = SIZES[size];
    const work = mkdtempSync(join(tmpdir(), 's3kit-bench-sync-'));
    const root = join(work, 'tree');
    const home = join(work, 'home');
    mkdirSync(home);
    const tree = generateTree(root, files);
    const totalMiB = [...tree.values()].reduce((a, b) => a + b, 0) / MiB;
    const env = cliEnv(home);
    const impls = implementations();
    const series = new Map(impls.map((i) => [i.impl, { first: [], noop: [] }]));
    let n = 0;
    try {
      const random = createSeededRandom(files + 7);
      for (let r = 0; r < rounds; r++) {
        for (const i of shuffled(impls, random)) {
          const server = await spawnServer(serverScript);
          const endpoint = `http://127.0.0.1:${server.port}`;
          const client = new S3Client({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, forcePathStyle: true });
          try {
            const Bucket = `sync-${i.impl}-${n++}`;
            await client.createBucket({ Bucket });
            const args = [...i.args, root, `s3://${Bucket}/`, '--endpoint-url', endpoint];
            const first = await timed(i.cmd, args, env);
            // Same work: the bucket holds exactly the tree (keys and sizes).
            const got = await listing(client, Bucket);
            const diff = [...tree].filter(([k, v]) => got.get(k) !== v).length + [...got.keys()].filter((k) => !tree.has(k)).length;
            if (got.size !== tree.size || diff !== 0) throw new Error(`${i.label}: bucket differs from the tree (${got.size} objects, ${diff} mismatches)`);
            const noop = await timed(i.cmd, args, env);
            const again = await listing(client, Bucket);
            if (again.size !== tree.size) throw new Error(`${i.label}: no-op sync changed the bucket`);
            const s = series.get(i.impl);
            s.first.push(first);
            s.noop.push(noop);
          } finally {
            await client.close();
            await server.stop();
          }
        }
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    const rows = [];
    for (const phase of ['first', 'noop']) {
      for (const i of impls) {
        const s = series.get(i.impl);
        const impl = phase === 'first' ? i.impl : `${i.impl}-noop`;
        const row = { impl, label: `${i.label}, ${phase === 'first' ? 'first sync' : 'no-op re-sync'}`, stats: summarize(s[phase]) };
        if (phase === 'noop' && i.impl !== 's3kit') row.vs = 's3kit-noop';
        rows.push(row);
      }
    }
    const notes = [`Tree: ${files} files in 50 directories, ${totalMiB.toFixed(0)} MiB (${Math.ceil(files / 200)} of 1-8 MiB, the rest 1-64 KiB).`];
    if (impls.length === 1) notes.push('No AWS CLI on PATH: only s3kit was run.');
    return {
      id: 'sync-tree',
      title: `7. Sync of ${files} files to the s3kit mock`,
      description: 'Wall time of each command as a process (startup included), against the mock in its own process with signatures verified; each run syncs into a fresh bucket of a fresh server.',
      unit: 's',
      higherIsBetter: false,
      ours: 's3kit',
      noFloor: 'the CLI issue owns this scenario and its CLI rows; its floor (the same uploads as raw undici PUTs from one process) is left to it.',
      rows,
      notes,
    };
  },
};
