/**
 * Fault paths of `s3kit api`, end to end: the built bin in a real child process against a loopback
 * s3-mock server that misbehaves (s3-mock's fault rules), and against a refused port.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createS3Mock } from '@s3kit/s3-mock';
import type { S3Mock, S3MockServer } from '@s3kit/s3-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, runBin } from '../../test-support/bin.js';
import { refusedPort } from '../../test-support/refused-port.js';

const execFileAsync = promisify(execFile);

describe('s3kit api fault paths (built bin, real server)', () => {
  let mock: S3Mock;
  let server: S3MockServer;
  let dir: string;
  const env = cleanEnv({ AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: '3' });
  const api = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => runBin(['api', ...args, '--endpoint-url', server.endpoint], env);

  beforeAll(async () => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build first`);
    const objects = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`page/${String(i)}.txt`, `item ${String(i)}`]));
    mock = createS3Mock({ seed: { buckets: { faults: { objects } } } });
    server = await mock.start();
    dir = await mkdtemp(join(tmpdir(), 's3kit-api-faults-'));
  });
  afterEach(() => {
    mock.faults.clear();
  });
  afterAll(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('a refused port: says it could not connect, prints nothing on stdout, exits 255', async () => {
    const endpoint = `http://127.0.0.1:${String(await refusedPort())}`;
    const result = await runBin(['api', 'list-buckets', '--endpoint-url', endpoint], env);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`Could not connect to the endpoint URL: "${endpoint}/`);
    expect(result.code).toBe(255);
  });

  it('a SlowDown is retried and the output printed; a lasting InternalError exits 254 with aws\'s error line after the retries', async () => {
    mock.faults.add({ match: { operation: 'ListObjectsV2' }, action: { slowDown: true } });
    const ok = await api('list-objects-v2', '--bucket', 'faults', '--query', 'length(Contents)');
    expect(ok).toMatchObject({ code: 0, stdout: '7\n', stderr: '' });
    expect(mock.faults.fired).toHaveLength(1);

    mock.faults.add({ match: { operation: 'GetBucketTagging' }, times: 10, action: { status: 500, code: 'InternalError', message: 'We encountered an internal error. Please try again.' } });
    const failed = await api('get-bucket-tagging', '--bucket', 'faults');
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toBe('\nAn error occurred (InternalError) when calling the GetBucketTagging operation: We encountered an internal error. Please try again.\n');
    expect(failed.code).toBe(254);
    expect(mock.requests.filter((r) => r.operation === 'GetBucketTagging')).toHaveLength(3);
  });

  it('a body cut midway fails get-object with 255 and leaves no partial outfile', async () => {
    mock.engine.putObject({ Bucket: 'faults', Key: 'cut.bin', Body: new Uint8Array(64 * 1024) });
    mock.faults.add({ match: { operation: 'GetObject', key: 'cut.bin' }, times: 10, action: { truncateBodyAt: 1000 } });
    const out = await mkdtemp(join(dir, 'cut-'));
    const result = await api('get-object', '--bucket', 'faults', '--key', 'cut.bin', join(out, 'cut.bin'));
    // The cut may come before the file is opened (then there is nothing to remove) or after.
    expect(result.stderr).toContain('[ERR_NETWORK]');
    expect(result.code).toBe(255);
    expect(existsSync(join(out, 'cut.bin'))).toBe(false);
  });

  it('SIGINT during get-object exits 130, says it was interrupted and removes the partial outfile', async () => {
    mock.engine.putObject({ Bucket: 'faults', Key: 'slow.bin', Body: new Uint8Array(2 * 1024 * 1024) });
    mock.faults.add({ match: { operation: 'GetObject', key: 'slow.bin' }, times: 10, action: { bytesPerSecond: 128 * 1024 } });
    const outDir = await mkdtemp(join(dir, 'sigint-'));
    const child = spawn(process.execPath, [BIN, 'api', 'get-object', '--bucket', 'faults', '--key', 'slow.bin', join(outDir, 'slow.bin'), '--endpoint-url', server.endpoint], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    for (let i = 0; i < 400 && !(await readdir(outDir)).includes('slow.bin'); i++) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stdout).toBe('');
    expect(stderr).toContain('the partial file was removed');
    expect(stderr).toContain('interrupted');
    expect(await readdir(outDir)).toEqual([]);
  });

  it('a NextToken printed by aws resumes in s3kit, and one printed by s3kit resumes in aws', async () => {
    const common = ['--bucket', 'faults', '--prefix', 'page/', '--page-size', '2', '--max-items', '3', '--endpoint-url', server.endpoint];
    const fromAws = JSON.parse((await execFileAsync('aws', ['s3api', 'list-objects-v2', ...common], { env })).stdout) as { Contents: { Key: string }[]; NextToken: string };
    expect(fromAws.Contents.map((c) => c.Key)).toEqual(['page/0.txt', 'page/1.txt', 'page/2.txt']);
    const inKit = await runBin(['api', 'list-objects-v2', ...common, '--starting-token', fromAws.NextToken], env);
    const kitPage = JSON.parse(inKit.stdout) as { Contents: { Key: string }[]; NextToken: string };
    expect(kitPage.Contents.map((c) => c.Key)).toEqual(['page/3.txt', 'page/4.txt', 'page/5.txt']);
    const back = JSON.parse((await execFileAsync('aws', ['s3api', 'list-objects-v2', ...common, '--starting-token', kitPage.NextToken], { env })).stdout) as { Contents: { Key: string }[]; NextToken?: string };
    expect(back.Contents.map((c) => c.Key)).toEqual(['page/6.txt']);
    expect(back.NextToken).toBeUndefined();
  });
});
