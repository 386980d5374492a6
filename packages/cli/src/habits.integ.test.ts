import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Mock } from '@s3kit/s3-mock';
import type { S3Mock, S3MockServer } from '@s3kit/s3-mock';
import { BIN, cleanEnv, runBin } from './test-support/bin.js';

const execFileAsync = promisify(execFile);

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Runs the bin with `input` on stdin; stdout is kept as bytes. */
async function runWithStdin(args: readonly string[], env: NodeJS.ProcessEnv, input: Uint8Array | undefined): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  if (input === undefined) child.stdin.end();
  else child.stdin.end(input);
  return { code: await exited, stdout: Buffer.concat(out), stderr };
}

describe('s3kit habits the AWS CLI has (built bin, real server)', () => {
  let mock: S3Mock;
  let server: S3MockServer;
  let dir: string;
  const env = cleanEnv({ AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1' });
  beforeAll(async () => {
    mock = createS3Mock({ seed: { buckets: { habits: {}, pages: {} } } });
    server = await mock.start();
    dir = await mkdtemp(join(tmpdir(), 's3kit-habits-'));
    for (let i = 0; i < 3000; i++) mock.engine.putObject({ Bucket: 'pages', Key: `k/${String(i).padStart(5, '0')}`, Body: new Uint8Array(1) });
    mock.engine.putObject({ Bucket: 'habits', Key: 'hello.txt', Body: new TextEncoder().encode('hello habits') });
  });
  afterAll(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes the global options before or after the command, in both spellings', async () => {
    const before = await runBin(['--endpoint-url', server.endpoint, '--region', 'us-east-1', 'ls', 's3://habits/'], env);
    const after = await runBin(['ls', 's3://habits/', `--endpoint-url=${server.endpoint}`, '--output', 'text'], env);
    expect(before).toMatchObject({ code: 0, stderr: '' });
    expect(before.stdout).toMatch(/ 12 hello\.txt\n$/);
    expect(after.stdout).toBe(before.stdout);
    const json = await runBin(['--output', 'json', 'ls', 's3://habits/', '--endpoint-url', server.endpoint], env);
    expect((JSON.parse(json.stdout) as { objects: { key: string }[] }).objects.map((o) => o.key)).toEqual(['hello.txt']);
  });

  it('s3kit api reads --output from anywhere too (regression: the global parser took --output before api saw it)', async () => {
    const before = await runBin(['--output', 'text', 'api', 'list-buckets', '--endpoint-url', server.endpoint], env);
    const after = await runBin(['api', 'list-buckets', '--endpoint-url', server.endpoint, '--output', 'text'], env);
    expect(before).toMatchObject({ code: 0, stderr: '' });
    expect(before.stdout).toMatch(/^BUCKETS\t/m);
    expect(after.stdout).toBe(before.stdout);
  });

  it('an unknown flag prints one clean line and exits 252 (regression: doubled s3kit prefix and an unclosed quote)', async () => {
    const result = await runBin(['cp', '--bogus', 'a', 's3://habits/a', '--endpoint-url', server.endpoint], env);
    expect(result.code).toBe(252);
    expect(result.stderr).toBe("s3kit: cp: unknown option --bogus\nhint: run 's3kit cp --help' for the accepted flags\n");
    const global = await runBin(['--output', 'xml', 'ls'], env);
    expect(global.code).toBe(252);
    expect(global.stderr).toBe('s3kit: --output "xml" is not one of json, text, table, yaml\nhint: e.g. --output json\n');
  });

  it('s3kit ls | head -2 ends quietly with 0 (regression: unhandled EPIPE stack trace)', async () => {
    const script = `set -o pipefail; "${process.execPath}" "${BIN}" ls s3://pages/k/ --endpoint-url ${server.endpoint} | head -2`;
    const { stdout, stderr } = await execFileAsync('bash', ['-c', script], { env });
    expect(stdout.split('\n')).toHaveLength(3);
    expect(stdout).toContain(' 00001\n');
    expect(stderr).toBe('');
  });

  it('cp - s3://b/k uploads stdin (multipart past the part size) and cp s3://b/k - writes it back to stdout', async () => {
    const data = new Uint8Array(6 * 1024 * 1024 + 123).map((_, i) => (i * 31) & 0xff);
    const up = await runWithStdin(['cp', '-', 's3://habits/piped.bin', '--part-size', '5MiB', '--endpoint-url', server.endpoint], env, data);
    expect(up.stderr).toBe('');
    expect(up.code).toBe(0);
    expect(up.stdout.toString()).toBe('upload: - to s3://habits/piped.bin\n');
    expect(sha256(mock.engine.getObject({ Bucket: 'habits', Key: 'piped.bin' }).Body)).toBe(sha256(data));
    const down = await runWithStdin(['cp', 's3://habits/piped.bin', '-', '--part-size', '5MiB', '--endpoint-url', server.endpoint], env, undefined);
    expect(down.stderr).toBe('');
    expect(down.code).toBe(0);
    expect(sha256(down.stdout)).toBe(sha256(data));
    const both = await runWithStdin(['cp', '-', '-'], env, undefined);
    expect(both.code).toBe(252);
  });

  it('cat (with --range), stat --json and du run through the bin', async () => {
    const at = ['--endpoint-url', server.endpoint];
    expect(await runBin(['cat', 's3://habits/hello.txt', ...at], env)).toEqual({ code: 0, stdout: 'hello habits', stderr: '' });
    expect((await runBin(['cat', 's3://habits/hello.txt', '--range', '6-', ...at], env)).stdout).toBe('habits');
    const stat = await runBin(['stat', 's3://habits/hello.txt', '--json', ...at], env);
    expect(JSON.parse(stat.stdout)).toMatchObject({ Bucket: 'habits', Key: 'hello.txt', ContentLength: 12 });
    const du = await runBin(['du', 's3://pages/k/', ...at], env);
    expect(du).toMatchObject({ code: 0, stderr: '' });
    expect(du.stdout).toMatch(/\s3000\s+3000 objects {2}s3:\/\/pages\/k\/ \(total\)\n$/);
  });

  it('rm --recursive deletes through s3-transfer\'s batch delete (1000 keys a request); --dryrun only plans', async () => {
    for (let i = 0; i < 1500; i++) mock.engine.putObject({ Bucket: 'habits', Key: `many/${i}`, Body: new Uint8Array(1) });
    const count = (): number => {
      let n = 0;
      let token: string | undefined;
      do {
        const page = mock.engine.listObjectsV2({ Bucket: 'habits', Prefix: 'many/', ...(token === undefined ? {} : { ContinuationToken: token }) });
        n += page.KeyCount;
        token = page.NextContinuationToken;
      } while (token !== undefined);
      return n;
    };
    const plan = await runBin(['rm', 's3://habits/many/', '--recursive', '--dryrun', '--endpoint-url', server.endpoint], env);
    expect(plan).toMatchObject({ code: 0, stderr: '' });
    expect(plan.stdout.match(/^\(dryrun\) delete: s3:\/\/habits\/many\/\d+$/gm)).toHaveLength(1500);
    expect(count()).toBe(1500);
    const done = await runBin(['rm', 's3://habits/many/', '--recursive', '--endpoint-url', server.endpoint], env);
    expect(done).toMatchObject({ code: 0, stderr: '' });
    expect(done.stdout.match(/^delete: s3:\/\/habits\/many\/\d+$/gm)).toHaveLength(1500);
    expect(count()).toBe(0);
  });

  it('--no-sign-request sends anonymous requests: a private bucket refuses them with AccessDenied (254)', async () => {
    const result = await runBin(['ls', 's3://habits/', '--no-sign-request', '--endpoint-url', server.endpoint], env);
    expect(result.stderr).toContain('ListObjectsV2 habits failed: AccessDenied (403)');
    expect(result.code).toBe(254);
  });

  it('--debug logs each request to stderr without the signature', async () => {
    const result = await runBin(['--debug', 'ls', 's3://habits/', '--endpoint-url', server.endpoint], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/DEBUG http request method=GET origin=http:\/\/127\.0\.0\.1:\d+ target="\/habits\?.*list-type=2/);
    expect(result.stderr).toMatch(/DEBUG http response .*statusCode=200/);
    expect(result.stderr).toContain('"authorization":"[REDACTED]"');
    expect(result.stderr).not.toMatch(/Signature=[0-9a-f]{64}/);
  });

  it('--cli-read-timeout gives up on a server that does not answer, says why and exits 255', async () => {
    mock.faults.add({ match: { operation: 'ListObjectsV2', bucket: 'habits' }, times: 5, action: { delayMs: 30_000 } });
    try {
      const result = await runBin(['ls', 's3://habits/', '--cli-read-timeout', '0.5', '--endpoint-url', server.endpoint], { ...env, AWS_MAX_ATTEMPTS: '1' });
      expect(result.code).toBe(255);
      expect(result.stderr).toMatch(/^s3kit: .*(time|Timeout)/i);
    } finally {
      mock.faults.clear();
    }
  });

  it('--no-verify-ssl accepts a self-signed endpoint and --ca-bundle trusts it; by default it is refused', async () => {
    const certs = await mkdtemp(join(tmpdir(), 's3kit-tls-'));
    const proxy = createTlsServer({}, (socket) => {
      const upstream = connect(Number(new URL(server.endpoint).port), '127.0.0.1');
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
      socket.pipe(upstream).pipe(socket);
    });
    try {
      await execFileAsync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(certs, 'key.pem'), '-out', join(certs, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']);
      proxy.setSecureContext({ key: await readFile(join(certs, 'key.pem')), cert: await readFile(join(certs, 'cert.pem')) });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      const endpoint = `https://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const refused = await runBin(['ls', 's3://habits/', '--endpoint-url', endpoint], { ...env, AWS_MAX_ATTEMPTS: '1' });
      expect(refused.code).toBe(255);
      expect(refused.stderr).toMatch(/certificate/i);
      const insecure = await runBin(['--no-verify-ssl', 'ls', 's3://habits/', '--endpoint-url', endpoint], env);
      expect(insecure).toMatchObject({ code: 0, stderr: '' });
      expect(insecure.stdout).toContain(' hello.txt');
      const trusted = await runBin(['ls', 's3://habits/', '--ca-bundle', join(certs, 'cert.pem'), '--endpoint-url', endpoint], env);
      expect(trusted).toMatchObject({ code: 0, stderr: '' });
      const missing = await runBin(['ls', 's3://habits/', '--ca-bundle', join(certs, 'none.pem'), '--endpoint-url', endpoint], env);
      expect(missing.code).toBe(252);
      expect(missing.stderr).toContain('cannot be read (ENOENT)');
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
      await rm(certs, { recursive: true, force: true });
    }
  });

  it('SIGINT during a multipart upload aborts the upload, says so and exits 130; with --resume it keeps it and says so', async () => {
    const path = join(dir, 'big.bin');
    await writeFile(path, new Uint8Array(12 * 1024 * 1024).map((_, i) => i & 0xff));
    const uploads = (): number => mock.engine.listMultipartUploads({ Bucket: 'habits' }).Uploads.length;
    const interrupt = async (extra: string[]): Promise<{ code: number | null; stderr: string }> => {
      mock.faults.add({ match: { operation: 'UploadPart', bucket: 'habits' }, times: 100, action: { delayMs: 30_000 } });
      const child = spawn(process.execPath, [BIN, 'cp', path, 's3://habits/big.bin', '--part-size', '5MiB', '--no-progress', '--endpoint-url', server.endpoint, ...extra], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      for (let i = 0; i < 400 && uploads() === 0; i++) await new Promise((r) => setTimeout(r, 25));
      child.kill('SIGINT');
      const code = await exited;
      mock.faults.clear();
      return { code, stderr };
    };
    const plain = await interrupt([]);
    expect(plain.code).toBe(130);
    expect(plain.stderr).toMatch(/multipart upload \S+ of s3:\/\/habits\/big\.bin was aborted/);
    expect(uploads()).toBe(0);

    const kept = await interrupt(['--resume']);
    expect(kept.code).toBe(130);
    expect(kept.stderr).toMatch(/multipart upload \S+ of s3:\/\/habits\/big\.bin is kept for a resume from \S+big\.bin\.s3kit-checkpoint/);
    expect(uploads()).toBe(1);
    const again = await runBin(['cp', path, 's3://habits/big.bin', '--part-size', '5MiB', '--resume', '--no-progress', '--endpoint-url', server.endpoint], env);
    expect(again.code).toBe(0);
    expect(uploads()).toBe(0);
    expect(await readdir(dir)).toEqual(['big.bin']);
  });
});
