import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Mock } from '@s3kit/s3-mock';
import type { S3Mock, S3MockServer } from '@s3kit/s3-mock';
import { BIN, cleanEnv, runBin } from './test-support/bin.js';
import { refusedPort } from './test-support/refused-port.js';

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

describe('s3kit fault paths (built bin, real server)', () => {
  let mock: S3Mock;
  let server: S3MockServer;
  let dir: string;
  const env = cleanEnv({ AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1' });
  beforeAll(async () => {
    mock = createS3Mock({ seed: { buckets: { faults: {} } } });
    server = await mock.start();
    dir = await mkdtemp(join(tmpdir(), 's3kit-faults-'));
  });
  afterAll(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('ls against a refused port says it could not connect to the endpoint URL and exits 255 (regression: unref backoff timer exited 13 silently)', async () => {
    const endpoint = `http://127.0.0.1:${await refusedPort()}`;
    const result = await runBin(['ls', 's3://faults/', '--endpoint-url', endpoint], { ...env, AWS_MAX_ATTEMPTS: '2' });
    expect(result.stderr).toContain(`Could not connect to the endpoint URL: "${endpoint}/faults?`);
    expect(result.code).toBe(255);
  });

  it('cp uploads through a 503 SlowDown and exits 0 (regression: unref backoff timer exited 13 silently)', async () => {
    const path = join(dir, 'slow.txt');
    await writeFile(path, 'uploaded after one SlowDown');
    mock.faults.add({ match: { operation: 'PutObject', key: 'slow.txt' }, action: { slowDown: true } });
    const result = await runBin(['cp', path, 's3://faults/slow.txt', '--endpoint-url', server.endpoint], env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('upload: ');
    expect(mock.faults.fired.map((f) => f.key)).toContain('slow.txt');
    expect(new TextDecoder().decode(mock.engine.getObject({ Bucket: 'faults', Key: 'slow.txt' }).Body)).toBe('uploaded after one SlowDown');
  });

  it('cp --bwlimit downloads the whole object and leaves no temp file (regression: unref pause timer exited 13 with f.*.s3kit-part left)', async () => {
    const data = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7) & 0xff);
    mock.engine.putObject({ Bucket: 'faults', Key: 'big.bin', Body: data });
    const out = join(dir, 'down');
    await rm(out, { recursive: true, force: true });
    await mkdir(out);
    const result = await runBin(['cp', 's3://faults/big.bin', join(out, 'big.bin'), '--bwlimit', '2MB/s', '--no-progress', '--endpoint-url', server.endpoint], env);
    expect(result).toMatchObject({ code: 0 });
    expect(sha256(await readFile(join(out, 'big.bin')))).toBe(sha256(data));
    expect(await readdir(out)).toEqual(['big.bin']);
  });

  /** Runs the bin, sends SIGINT once a partial download shows up in `watch`, and collects the outcome. */
  async function interrupted(args: string[], watch: string): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    for (let i = 0; i < 200 && !(await readdir(watch)).some((name) => name.endsWith('.s3kit-part')); i++) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGINT');
    return { code: await exited, stderr };
  }

  it('cp interrupted by SIGINT mid-download exits 130, removes the partial file and says so', async () => {
    mock.engine.putObject({ Bucket: 'faults', Key: 'slow.bin', Body: new Uint8Array(2 * 1024 * 1024) });
    mock.faults.add({ match: { operation: 'GetObject', key: 'slow.bin' }, times: 100, action: { bytesPerSecond: 128 * 1024 } });
    const out = join(dir, 'interrupt');
    await mkdir(out, { recursive: true });
    const result = await interrupted(['cp', 's3://faults/slow.bin', join(out, 'slow.bin'), '--no-progress', '--endpoint-url', server.endpoint], out);
    mock.faults.clear();
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('(the partial download was removed)');
    expect(await readdir(out)).toEqual([]);
  });

  it('cp --resume interrupted by SIGINT keeps the partial file and names it; the next run finishes it', async () => {
    const data = new Uint8Array(2 * 1024 * 1024).map((_, i) => (i * 13) & 0xff);
    mock.engine.putObject({ Bucket: 'faults', Key: 'resume.bin', Body: data });
    mock.faults.add({ match: { operation: 'GetObject', key: 'resume.bin' }, times: 100, action: { bytesPerSecond: 128 * 1024 } });
    const out = join(dir, 'resume');
    await mkdir(out, { recursive: true });
    const target = join(out, 'resume.bin');
    const args = ['cp', 's3://faults/resume.bin', target, '--resume', '--no-progress', '--endpoint-url', server.endpoint];
    const result = await interrupted(args, out);
    mock.faults.clear();
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/the partial download \S+\.s3kit-part is kept for a resume from \S+resume\.bin\.s3kit-checkpoint/);
    expect((await readdir(out)).length).toBe(2);
    const again = await runBin(args, env);
    expect(again.code).toBe(0);
    expect(sha256(await readFile(target))).toBe(sha256(data));
    expect(await readdir(out)).toEqual(['resume.bin']);
  });
});
