import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Mock } from '@s3kit/s3-mock';
import type { S3Mock, S3MockServer } from '@s3kit/s3-mock';
import { cleanEnv, runBin } from './test-support/bin.js';

/** A loopback port nothing listens on (bound, then released). */
async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return port;
}

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
});
