// Scenario: start-up of the s3kit CLI as a process, against the AWS CLI on the same machine:
// `s3kit --version` vs `aws --version`, and a one-page listing (`s3kit ls` vs `aws s3 ls`, 100
// objects) against the s3kit mock in its own process. An empty `node` process is the floor. The
// s3kit rows run the bin as published (the esbuild bundle); the unbundled build is shown beside it.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSeededRandom } from '@s3kit/primitives';
import { S3Client } from '@s3kit/s3-core';
import { cliEnv } from '../clients/cli-env.mjs';
import { spawnServer } from '../servers/spawn.mjs';
import { shuffled, summarize } from '../stats.mjs';

const SIZES = { full: { runs: 15 }, quick: { runs: 5 }, tiny: { runs: 1 } };
const OBJECTS = 100;
const serverScript = new URL('../servers/s3-mock-server.mjs', import.meta.url);
const bundle = fileURLToPath(new URL('../../../packages/cli/dist/bundle/s3kit.js', import.meta.url));
const unbundled = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));

function which(name) {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/** Wall seconds of one process run; rejects unless it exits 0 with `expect` in its stdout. */
function timed(cmd, args, env, expect) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let out = '';
    let err = '';
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.once('error', reject);
    child.once('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}: ${err.slice(0, 500)}`));
      else if (!expect.test(out)) reject(new Error(`${cmd} ${args.join(' ')} printed ${JSON.stringify(out.slice(0, 200))}, not ${expect}`));
      else resolve(seconds);
    });
  });
}

export const cliStartup = {
  id: 'cli-startup',
  targets: { aws: 2, 'aws-ls': 2 },
  async run({ size }) {
    const { runs } = SIZES[size];
    const work = mkdtempSync(join(tmpdir(), 's3kit-bench-startup-'));
    const home = join(work, 'home');
    mkdirSync(home);
    const env = cliEnv(home);
    const server = await spawnServer(serverScript);
    const endpoint = `http://127.0.0.1:${server.port}`;
    const client = new S3Client({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, forcePathStyle: true });
    const aws = which('aws');
    const page = /\s99 k099\n$/;
    const version = /^\S/;
    const cases = [
      { impl: 's3kit', label: 's3kit --version (bundle)', cmd: process.execPath, args: [bundle, '--version'], expect: version },
      { impl: 's3kit-unbundled', label: 's3kit --version (unbundled dist/bin.js)', cmd: process.execPath, args: [unbundled, '--version'], expect: version, vs: 's3kit' },
      { impl: 'node', label: 'node -e 0 (empty process, floor)', cmd: process.execPath, args: ['-e', '0'], expect: /^$/, floor: true },
      { impl: 's3kit-ls', label: `s3kit ls (one page, ${OBJECTS} objects)`, cmd: process.execPath, args: [bundle, 'ls', 's3://startup/', '--endpoint-url', endpoint], expect: page },
    ];
    if (aws) {
      cases.push({ impl: 'aws', label: `aws --version (${execFileSync(aws, ['--version'], { encoding: 'utf8' }).trim().split(/\s+/)[0]})`, cmd: aws, args: ['--version'], expect: /^aws-cli\//, vs: 's3kit' });
      cases.push({ impl: 'aws-ls', label: `aws s3 ls (one page, ${OBJECTS} objects)`, cmd: aws, args: ['s3', 'ls', 's3://startup/', '--endpoint-url', endpoint], expect: page, vs: 's3kit-ls' });
    }
    const series = new Map(cases.map((c) => [c.impl, []]));
    try {
      await client.createBucket({ Bucket: 'startup' });
      for (let i = 0; i < OBJECTS; i++) await client.putObject({ Bucket: 'startup', Key: `k${String(i).padStart(3, '0')}`, Body: new Uint8Array(i) });
      const random = createSeededRandom(OBJECTS);
      for (let r = 0; r < runs; r++) {
        for (const c of shuffled(cases, random)) series.get(c.impl).push(await timed(c.cmd, c.args, env, c.expect));
      }
    } finally {
      await client.close();
      await server.stop();
      rmSync(work, { recursive: true, force: true });
    }
    const rows = cases.map((c) => ({ impl: c.impl, label: c.label, stats: summarize(series.get(c.impl)), ...(c.vs ? { vs: c.vs } : {}), ...(c.floor ? { floor: true } : {}) }));
    const notes = [`${runs} runs of each, interleaved in a seeded random order; wall time from spawn to exit.`];
    if (!aws) notes.push('No AWS CLI on PATH: only s3kit was run.');
    return {
      id: 'cli-startup',
      title: 'CLI start-up: --version and a one-page ls',
      description: 'Wall time of each command as a process, start-up included; the listing runs against the mock in its own process with signatures verified.',
      unit: 's',
      higherIsBetter: false,
      ours: 's3kit',
      rows,
      notes,
    };
  },
};
