import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BIN, cleanEnv, runBin } from './test-support/bin.js';

const execFileAsync = promisify(execFile);

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build first (pnpm build, or pnpm test which builds)`);
});

describe('s3kit serve (built bin)', () => {
  it('prints its endpoint first, the AWS CLI works against it, and SIGTERM stops it cleanly', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env: cleanEnv({}), stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = createInterface({ input: child.stdout });
    const endpoint = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => {
        reject(new Error(`serve exited early with ${String(code)}`));
      });
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const env = cleanEnv({ AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1', AWS_REGION: 'us-east-1' });
      const aws = (...args: string[]): Promise<{ stdout: string }> => execFileAsync('aws', ['--endpoint-url', endpoint, ...args], { env });
      await aws('s3', 'mb', 's3://served-bucket');
      const dir = await mkdtemp(join(tmpdir(), 's3kit-serve-'));
      try {
        await writeFile(join(dir, 'hello.txt'), 'hello from s3kit');
        expect((await runBin(['cp', join(dir, 'hello.txt'), 's3://served-bucket/docs/hello.txt', '--endpoint-url', endpoint], env)).code).toBe(0);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      expect((await aws('s3', 'ls')).stdout).toContain('served-bucket');
      expect((await aws('s3', 'ls', 's3://served-bucket/docs/')).stdout).toMatch(/\s16 hello\.txt/);
      const ls = await runBin(['ls', 's3://served-bucket', '--recursive', '--endpoint-url', endpoint], env);
      expect(ls.stdout).toContain(' docs/hello.txt');
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(stderr).toContain('s3kit serve: stopped');
  });
});

describe('s3kit demo (built bin)', () => {
  it('completes against the embedded server with tiny sizes', async () => {
    const result = await runBin(['demo', '--size-mib', '8', '--files', '50'], cleanEnv({}));
    expect(result.stderr).not.toContain('s3kit:');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('re-sync: only the 2 changed files moved (48 unchanged)');
    expect(result.stdout).toMatch(/presigned GET via fetch\s+1\s+8\.0 MiB/);
  });

  it('usage mistakes exit 252 (as the AWS CLI v2) with a hint', async () => {
    const result = await runBin(['demo', '--size-mib', 'lots'], cleanEnv({}));
    expect(result.code).toBe(252);
    expect(result.stderr).toContain('hint: ');
  });
});

describe('s3kit against a real S3 server (the integration run\'s RGW or S3KIT_TEST_ENDPOINT)', () => {
  const s3 = inject('s3');
  const env = cleanEnv({ AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey, AWS_REGION: s3.region });
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 's3kit-real-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('the demo runs there and deletes what it created', async () => {
    const result = await runBin(['demo', '--endpoint-url', s3.endpoint, '--size-mib', '12', '--files', '40', '--part-size', '5MiB'], env);
    expect(result.stderr).not.toContain('s3kit:');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('re-sync: only the 1 changed files moved (39 unchanged)');
    const bucket = /bucket (s3kit-demo-\S+), now deleted/.exec(result.stdout)?.[1];
    expect(bucket).toBeDefined();
    const ls = await runBin(['ls', '--endpoint-url', s3.endpoint], env);
    expect(ls.stdout).not.toContain(bucket!);
  });

  it('interop with the AWS CLI: aws s3 sync after s3kit sync is a no-op, and the other way round', async () => {
    const bucket = `s3kit-interop-${Date.now().toString(36)}`;
    const at = ['--endpoint-url', s3.endpoint];
    const awsEnv = { ...env, AWS_DEFAULT_REGION: s3.region };
    const aws = async (...args: string[]): Promise<string> => (await execFileAsync('aws', [...at, ...args], { env: awsEnv })).stdout;
    // Its own directory: the other tests here sync all of `dir`.
    const own = await mkdtemp(join(tmpdir(), 's3kit-interop-'));
    const tree = join(own, 'up');
    await mkdir(join(tree, 'sub'), { recursive: true });
    // Files last changed a minute ago, as files usually are: `aws s3 sync` re-uploads a file whose
    // mtime is later than its object's LastModified, which S3 gives in whole seconds.
    const past = new Date(Date.now() - 60_000);
    for (const name of ['a.txt', 'sub/b.txt', 'sub/c d.txt']) {
      await writeFile(join(tree, name), `interop ${name}`);
      await utimes(join(tree, name), past, past);
    }
    expect((await runBin(['mb', `s3://${bucket}`, ...at], env)).code).toBe(0);
    try {
      const ours = await runBin(['sync', tree, `s3://${bucket}/by-s3kit/`, '--json', ...at], env);
      expect((JSON.parse(ours.stdout) as { done: unknown[] }).done).toHaveLength(3);
      expect(await aws('s3', 'sync', tree, `s3://${bucket}/by-s3kit/`)).toBe('');

      expect((await aws('s3', 'sync', tree, `s3://${bucket}/by-aws/`)).match(/upload:/g)).toHaveLength(3);
      const theirs = await runBin(['sync', tree, `s3://${bucket}/by-aws/`, '--json', ...at], env);
      expect(JSON.parse(theirs.stdout)).toMatchObject({ done: [], unchanged: 3 });

      const down = join(own, 'down');
      expect((await aws('s3', 'sync', `s3://${bucket}/by-aws/`, down)).match(/download:/g)).toHaveLength(3);
      const back = await runBin(['sync', `s3://${bucket}/by-aws/`, down, '--json', ...at], env);
      expect(JSON.parse(back.stdout)).toMatchObject({ done: [], unchanged: 3 });
    } finally {
      await rm(own, { recursive: true, force: true });
      expect((await runBin(['rb', `s3://${bucket}`, '--force', ...at], env)).code).toBe(0);
    }
  });

  it('mb, cp, sync, ls, presign + fetch, rb --force', async () => {
    const bucket = `s3kit-cli-${Date.now().toString(36)}`;
    const url = (key = ''): string => `s3://${bucket}/${key}`;
    const at = ['--endpoint-url', s3.endpoint];
    expect((await runBin(['mb', url(), ...at], env)).code).toBe(0);
    try {
      await writeFile(join(dir, 'a.txt'), 'alpha');
      await writeFile(join(dir, 'b.txt'), 'bravo');
      expect((await runBin(['cp', 'a.txt', url('one/a.txt'), ...at], env, dir)).code).toBe(0);
      const synced = await runBin(['sync', '.', url('tree/'), '--json', ...at], env, dir);
      expect(synced.code).toBe(0);
      expect((JSON.parse(synced.stdout) as { done: unknown[] }).done).toHaveLength(2);
      const again = await runBin(['sync', '.', url('tree/'), '--json', ...at], env, dir);
      expect((JSON.parse(again.stdout) as { done: unknown[]; unchanged: number }).unchanged).toBe(2);
      const ls = await runBin(['ls', url(), '--recursive', ...at], env);
      expect(ls.stdout).toContain(' tree/b.txt');
      const presigned = await runBin(['presign', url('one/a.txt'), '--expires-in', '300', ...at], env);
      expect(await (await fetch(presigned.stdout.trim())).text()).toBe('alpha');
    } finally {
      const removed = await runBin(['rb', url(), '--force', ...at], env);
      expect(removed.stderr).toBe('');
      expect(removed.code).toBe(0);
    }
  });
});
