// Tests of the harness's pure parts. Tooling packages have no unit-test project, so they live in
// the integ project next to the tests that start RGW.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCephConf } from './ceph-conf.js';
import { describeCommand, runCommand } from './exec.js';
import { notRunMessage } from './global-setup.js';
import { signListBucketsHeaders } from './http-probe.js';
import { logTails } from './log-tails.js';
import { checkPlatform, type PlatformFacts } from './platform.js';
import { s3ConfigFromEnv, s3ConfigToEnv } from './s3-test-config.js';
import { removeStaleDirs } from './stale-dirs.js';
import { waitFor } from './wait-for.js';

describe('s3ConfigFromEnv', () => {
  it('is undefined without S3KIT_TEST_ENDPOINT, so the harness starts RGW', () => {
    expect(s3ConfigFromEnv({})).toBeUndefined();
    expect(s3ConfigFromEnv({ S3KIT_TEST_ENDPOINT: '' })).toBeUndefined();
  });

  it('reads endpoint and keys, defaulting the region to us-east-1, and round-trips to env', () => {
    const env = { S3KIT_TEST_ENDPOINT: 'http://127.0.0.1:9000', S3KIT_TEST_ACCESS_KEY: 'AK', S3KIT_TEST_SECRET_KEY: 'SK' };
    const config = s3ConfigFromEnv(env);
    expect(config).toEqual({ endpoint: 'http://127.0.0.1:9000', accessKeyId: 'AK', secretAccessKey: 'SK', region: 'us-east-1', source: 'env' });
    expect(s3ConfigFromEnv({ ...env, S3KIT_TEST_REGION: 'eu-west-3' })?.region).toBe('eu-west-3');
    expect(s3ConfigToEnv(config!)).toEqual({ ...env, S3KIT_TEST_REGION: 'us-east-1' });
  });

  it('rejects a half-set override and names what is missing, never the secret', () => {
    expect(() => s3ConfigFromEnv({ S3KIT_TEST_ENDPOINT: 'http://h:1' })).toThrow(/S3KIT_TEST_ACCESS_KEY and S3KIT_TEST_SECRET_KEY are not/);
    expect(() => s3ConfigFromEnv({ S3KIT_TEST_ENDPOINT: 'http://h:1', S3KIT_TEST_SECRET_KEY: 'hunter2' })).toThrow(/S3KIT_TEST_ACCESS_KEY is not$/);
    try {
      s3ConfigFromEnv({ S3KIT_TEST_ENDPOINT: 'http://h:1', S3KIT_TEST_SECRET_KEY: 'hunter2' });
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
      expect((error as { code?: string }).code).toBe('ERR_RGW_CONFIG');
    }
    expect(() => s3ConfigFromEnv({ S3KIT_TEST_ENDPOINT: 'localhost:9000', S3KIT_TEST_ACCESS_KEY: 'a', S3KIT_TEST_SECRET_KEY: 'b' })).toThrow(/http:\/\/ or https:\/\//);
    expect(() => s3ConfigFromEnv({ S3KIT_TEST_ENDPOINT: 'not a url', S3KIT_TEST_ACCESS_KEY: 'a', S3KIT_TEST_SECRET_KEY: 'b' })).toThrow(/http:\/\/ or https:\/\//);
  });
});

describe('checkPlatform', () => {
  const ready: PlatformFacts = { platform: 'linux', uid: 1000, missingBinaries: [], isDebianLike: false, hasAptGet: false };
  const missing: PlatformFacts = { platform: 'linux', uid: 0, missingBinaries: ['radosgw'], isDebianLike: true, hasAptGet: true };

  it('accepts installed Ceph for any user, and missing Ceph for root with apt', () => {
    expect(checkPlatform(ready)).toEqual({ available: true, needsInstall: false });
    expect(checkPlatform(missing)).toEqual({ available: true, needsInstall: true });
  });

  it('says why RGW cannot run', () => {
    const reason = (facts: PlatformFacts): string => {
      const status = checkPlatform(facts);
      return status.available ? '' : status.reason;
    };
    expect(reason({ ...ready, platform: 'darwin' })).toBe('Ceph RGW runs only on Linux; this is darwin');
    expect(reason({ ...missing, isDebianLike: false })).toMatch(/missing: radosgw\) and the harness installs it only on Debian\/Ubuntu/);
    expect(reason({ ...missing, hasAptGet: false })).toMatch(/apt-get is not on PATH/);
    expect(reason({ ...missing, uid: 1000 })).toMatch(/needs root \(uid is 1000\); run: sudo apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw/);
  });

  it('reports this machine, which must be able to run RGW', () => {
    expect(checkPlatform()).toMatchObject({ available: true });
  });

  it('turns a reason into a failure that says the integ project did not run and how to fix it', () => {
    const message = notRunMessage('Ceph RGW runs only on Linux; this is darwin');
    expect(message).toMatch(/^The integ project did not run\. Ceph RGW runs only on Linux; this is darwin\.\n/);
    expect(message).toContain('S3KIT_TEST_ENDPOINT=');
    expect(message).toContain('never skipped');
  });
});

describe('renderCephConf', () => {
  const conf = renderCephConf({ fsid: 'f-s-i-d', dir: '/tmp/x', monV2Port: 1, monV1Port: 2, rgwPort: 3, memstoreBytes: 4096 });

  it('holds the settings that make a one-OSD loopback cluster start fast', () => {
    for (const line of [
      'fsid = f-s-i-d',
      'mon host = [v2:127.0.0.1:1,v1:127.0.0.1:2]',
      'auth cluster required = none',
      'osd pool default size = 1',
      'osd crush chooseleaf type = 0',
      'paxos propose interval = 0.01',
      'paxos min wait = 0.01',
      'osd objectstore = memstore',
      'memstore device bytes = 4096',
      'ms mon client mode = crc',
      'rgw frontends = beast endpoint=127.0.0.1:3',
      'rgw enable lc threads = false',
      'rgw dns name = localhost',
    ]) {
      expect(conf.split('\n')).toContain(line);
    }
  });

  it('keeps every path inside the cluster directory', () => {
    const paths = conf.split('\n').filter((l) => / = \//.test(l) && !l.startsWith('keyring'));
    expect(paths.length).toBeGreaterThan(5);
    for (const line of paths) expect(line).toMatch(/ = \/tmp\/x(\/|$)/);
  });
});

describe('signListBucketsHeaders', () => {
  it('matches botocore for the same request', () => {
    // Expected value from botocore's S3SigV4Auth (the AWS CLI's signer) for GET http://127.0.0.1:17102/
    // with keys AK/SK, us-east-1, at 2026-11-22T04:58:16Z.
    const headers = signListBucketsHeaders('http://127.0.0.1:17102', { accessKeyId: 'AK', secretAccessKey: 'SK', region: 'us-east-1' }, new Date('2026-11-22T04:58:16.123Z'));
    expect(headers).toEqual({
      host: '127.0.0.1:17102',
      'x-amz-date': '20261122T045816Z',
      'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AK/20261122/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=3b42ef8484bd6a4e21975b920ec94dfeeba6a3b19969f3e56f4e25cd1234c944',
    });
  });
});

describe('runCommand and describeCommand', () => {
  it('hides the value after a secret flag', () => {
    expect(describeCommand('radosgw-admin', ['user', 'create', '--secret-key', 'hunter2', '--uid', 'u'], ['--secret-key'])).toBe(
      'radosgw-admin user create --secret-key *** --uid u',
    );
  });

  it('reports the exit status and stderr tail of a failed command without the secret', async () => {
    const error = await runCommand('sh', ['-c', 'echo boom >&2; exit 3', '--secret-key', 'hunter2'], { env: process.env, timeoutMs: 5_000, secretFlags: ['--secret-key'] }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/--secret-key \*\*\*` failed \(exit 3\):\nboom$/);
    expect(error?.message).not.toContain('hunter2');
  });

  it('kills a command that runs past its bound', async () => {
    await expect(runCommand('sleep', ['5'], { env: process.env, timeoutMs: 50 })).rejects.toThrow(/killed after 50 ms/);
  });
});

describe('waitFor', () => {
  it('retries until the probe holds', async () => {
    let calls = 0;
    await waitFor(() => Promise.resolve(++calls === 3), { what: 'third call', timeoutMs: 5_000, intervalMs: 1 });
    expect(calls).toBe(3);
  });

  it('gives up when time runs out, quoting the last error', async () => {
    await expect(waitFor(() => Promise.reject(new Error('connection refused')), { what: 'the thing', timeoutMs: 0 })).rejects.toThrow(
      'timed out after 0 ms waiting for the thing; last error: connection refused',
    );
    await expect(waitFor(() => Promise.resolve(false), { what: 'never', timeoutMs: 0 })).rejects.toThrow(/^timed out after 0 ms waiting for never$/);
  });
});

describe('logTails', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 's3kit-tails-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('shows the last lines of each log and output file, skipping blank lines and other files', async () => {
    await writeFile(join(dir, 'mon.a.log'), Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n') + '\n\n');
    await writeFile(join(dir, 'rgw.out'), `short\n\n${'x'.repeat(500)}\n`);
    await writeFile(join(dir, 'empty.out'), '\n\n');
    await writeFile(join(dir, 'ceph.conf'), 'not a log');
    const tails = await logTails(dir, 3);
    expect(tails).toBe(`--- mon.a.log ---\nline 27\nline 28\nline 29\n--- rgw.out ---\nshort\n${'x'.repeat(400)}...`);
  });

  it('is empty for a directory that is gone', async () => {
    expect(await logTails(join(dir, 'nope'))).toBe('');
  });
});

describe('removeStaleDirs', () => {
  it('removes cluster directories whose owner process is gone and keeps the rest', async () => {
    const parent = await mkdtemp(join(tmpdir(), 's3kit-stale-'));
    try {
      const dead = spawn('true');
      const deadPid = await new Promise<number>((resolve) => dead.once('exit', () => { resolve(dead.pid!); }));
      await mkdir(join(parent, 's3kit-rgw-dead'));
      await writeFile(join(parent, 's3kit-rgw-dead', 'owner.pid'), String(deadPid));
      await mkdir(join(parent, 's3kit-rgw-mine'));
      await writeFile(join(parent, 's3kit-rgw-mine', 'owner.pid'), String(process.pid));
      await mkdir(join(parent, 's3kit-rgw-unowned'));
      await mkdir(join(parent, 'someone-else'));
      await writeFile(join(parent, 'someone-else', 'owner.pid'), String(deadPid));
      await removeStaleDirs(parent);
      expect((await readdir(parent)).sort()).toEqual(['s3kit-rgw-mine', 's3kit-rgw-unowned', 'someone-else']);
      await removeStaleDirs(join(parent, 'missing')); // no parent: nothing to do
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});
