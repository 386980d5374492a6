/**
 * Waiters in a real child process (`node wait.mjs`, the built package) against Ceph RGW: a bucket
 * that appears while the child polls, one that never does (the time limit ends the wait and the
 * process says so), and SIGINT during the wait (aborted, exit 130, said on stderr).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { testS3 } from '@s3kit/rgw-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Client } from '../client/s3-client.js';

const s3 = testS3();
const DIST = pathToFileURL(join(import.meta.dirname, '../../dist/index.js')).href;
const SCRIPT = `
import { S3Client, waitUntilBucketExists } from ${JSON.stringify(DIST)};
const [bucket, maxWaitTimeMs] = process.argv.slice(2);
const client = new S3Client({
  endpoint: process.env.S3_ENDPOINT, region: process.env.S3_REGION,
  credentials: { accessKeyId: process.env.S3_KEY, secretAccessKey: process.env.S3_SECRET },
  config: { env: { AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' } },
});
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.stdout.write('waiting\\n');
try {
  const result = await waitUntilBucketExists(client, { Bucket: bucket }, { maxWaitTimeMs: Number(maxWaitTimeMs), minDelayMs: 200, maxDelayMs: 400, signal: controller.signal });
  process.stdout.write(JSON.stringify({ attempts: result.attempts }) + '\\n');
} catch (err) {
  process.stderr.write(\`wait failed: \${err.code}: \${err.message}\\n\`);
  process.exitCode = err.code === 'ERR_ABORTED' ? 130 : 1;
} finally {
  await client.close();
}
`;

let dir: string;
const client = new S3Client({
  endpoint: s3.endpoint,
  region: s3.region,
  credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  config: { env: { AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' } },
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 's3kit-waiter-'));
  await writeFile(join(dir, 'wait.mjs'), SCRIPT);
});
afterAll(async () => {
  await client.close();
  await rm(dir, { recursive: true, force: true });
});

function child(bucket: string, maxWaitTimeMs: number) {
  const proc = spawn(process.execPath, [join(dir, 'wait.mjs'), bucket, String(maxWaitTimeMs)], {
    env: { ...process.env, S3_ENDPOINT: s3.endpoint, S3_REGION: s3.region, S3_KEY: s3.accessKeyId, S3_SECRET: s3.secretAccessKey },
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => proc.once('close', (code) => { resolve({ code, stdout, stderr }); }));
  // Started once it says so; a child that dies first fails the test with what it printed.
  const started = Promise.race([
    new Promise<void>((resolve) => proc.stdout.once('data', () => { resolve(); })),
    exit.then((r) => Promise.reject(new Error(`child exited ${r.code} before waiting: ${r.stderr}`))),
  ]);
  return { proc, started, exit };
}

const name = (): string => `s3kit-wait-${randomBytes(4).toString('hex')}`;

describe('waiters in a child process (RGW)', () => {
  it('waitUntilBucketExists returns once another client creates the bucket', async () => {
    const bucket = name();
    const run = child(bucket, 30_000);
    await run.started;
    await new Promise((resolve) => setTimeout(resolve, 700));
    await client.createBucket({ Bucket: bucket });
    const { code, stdout, stderr } = await run.exit;
    await client.deleteBucket({ Bucket: bucket });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(stdout.split('\n')[1]!) as { attempts: number }).attempts).toBeGreaterThan(1);
  });

  it('a bucket that never appears ends the wait at the time limit, exit 1, reason on stderr', async () => {
    const { code, stderr } = await child(name(), 1500).exit;
    expect(code).toBe(1);
    expect(stderr).toMatch(/^wait failed: ERR_WAITER_TIMEOUT: BucketExists: not reached within 1500 ms/);
  });

  it('SIGINT during the wait aborts it: exit 130, reason on stderr', async () => {
    const run = child(name(), 30_000);
    await run.started;
    await new Promise((resolve) => setTimeout(resolve, 500));
    run.proc.kill('SIGINT');
    const { code, stderr } = await run.exit;
    expect(code).toBe(130);
    expect(stderr).toMatch(/^wait failed: ERR_ABORTED/);
  });
});
