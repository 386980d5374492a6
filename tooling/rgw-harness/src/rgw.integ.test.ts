import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RgwHarnessError, signedListBuckets, startRgw, testS3 } from '@s3kit/rgw-harness';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** PIDs of live processes whose command line mentions `text`. */
function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) pids.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

describe('the S3 server provided to this run', () => {
  it('answers a SigV4-signed ListBuckets with the provided credentials', async () => {
    const s3 = testS3();
    const res = await signedListBuckets(s3.endpoint, s3, 5_000);
    expect(res.status).toBe(200);
    expect(res.body).toContain('ListAllMyBucketsResult');
  });

  it('is exported to child processes as S3KIT_TEST_* variables', () => {
    const s3 = testS3();
    expect(process.env['S3KIT_TEST_ENDPOINT']).toBe(s3.endpoint);
    expect(process.env['S3KIT_TEST_ACCESS_KEY']).toBe(s3.accessKeyId);
    expect(process.env['S3KIT_TEST_SECRET_KEY']).toBe(s3.secretAccessKey);
    expect(process.env['S3KIT_TEST_REGION']).toBe(s3.region);
  });

  it('rejects a request signed with a wrong secret key', async () => {
    const s3 = testS3();
    const res = await signedListBuckets(s3.endpoint, { ...s3, secretAccessKey: `${s3.secretAccessKey}x` }, 5_000);
    expect(res.status).toBe(403);
  });
});

describe('startRgw', () => {
  let parentDir: string;
  beforeAll(async () => {
    parentDir = await mkdtemp(join(tmpdir(), 's3kit-rgw-test-'));
  });
  afterAll(async () => {
    await rm(parentDir, { recursive: true, force: true });
  });

  it('runs two clusters side by side, and stop() leaves none of their processes or files', async () => {
    const [a, b] = await Promise.all([startRgw({ parentDir }), startRgw({ parentDir })]);
    try {
      expect(a.endpoint).not.toBe(b.endpoint);
      expect(a.dir).not.toBe(b.dir);
      expect(a.accessKeyId).not.toBe(b.accessKeyId);
      for (const server of [a, b]) {
        expect(server.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(Object.values(server.pids).every(isAlive)).toBe(true);
        const res = await signedListBuckets(server.endpoint, server, 5_000);
        expect(res.status).toBe(200);
      }
      // One cluster's keys mean nothing to the other: they really are separate clusters.
      expect((await signedListBuckets(a.endpoint, { ...b, region: a.region }, 5_000)).status).toBe(403);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    for (const server of [a, b]) {
      expect(Object.values(server.pids).filter(isAlive)).toEqual([]);
      expect(existsSync(server.dir)).toBe(false);
      expect(processesMentioning(server.dir)).toEqual([]);
    }
    await expect(a.stop()).resolves.toBeUndefined(); // idempotent
    expect(readdirSync(parentDir)).toEqual([]);
  });

  it('on a failed start stops what it started, removes its directory and reports the daemon logs', async () => {
    // An address rgw cannot bind (TEST-NET-1): mon and OSD come up, then radosgw exits.
    const error: unknown = await startRgw({
      parentDir,
      extraConf: '\n[client.rgw.s3kit]\nrgw frontends = beast endpoint=192.0.2.1:80\n',
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RgwHarnessError);
    const e = error as RgwHarnessError;
    expect(e.code).toBe('ERR_RGW_START');
    expect(e.message).toMatch(/rgw \(pid \d+\) exited/);
    expect(e.message).toContain('--- client.rgw.s3kit.log ---');
    expect(e.message).toContain('--- mon.a.log ---');
    // Its own last words, in its own tail: they depend on `log flush on exit` (Ceph logs from a
    // thread; without it a clean-clone run once lost them).
    const rgwTail = e.message.split('--- client.rgw.s3kit.log ---')[1]?.split('\n--- ')[0] ?? '';
    expect(rgwTail).toContain('failed to bind address 192.0.2.1:80');
    expect(readdirSync(parentDir)).toEqual([]);
    expect(processesMentioning(parentDir)).toEqual([]);
  });

  it('stops at once when the signal is already aborted, leaving nothing behind', async () => {
    const error: unknown = await startRgw({ parentDir, signal: AbortSignal.abort() }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RgwHarnessError);
    expect((error as RgwHarnessError).code).toBe('ERR_ABORTED');
    expect(readdirSync(parentDir)).toEqual([]);
  });
});
