import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createS3Mock } from '@s3kit/s3-mock';
import type { S3Mock } from '@s3kit/s3-mock';
import type { ChildRun } from './child.js';
import { BUCKET } from './environment.js';
import { checkInvariants, cliClaim, findSecrets, workerClaim } from './invariants.js';
import type { Claim, Evidence } from './invariants.js';
import { sha256 } from './prepare.js';
import type { Expectation } from './prepare.js';
import { RESULT_PREFIX } from './worker-protocol.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const run = (code: number | null, stdout = '', stderr = ''): ChildRun => ({ code, signal: null, stdout, stderr, hung: false, killed: false });
const ok: Claim = { outcome: 'ok', typed: true, message: '' };
const failed = (message: string): Claim => ({ outcome: 'failed', typed: true, message });

let mock: S3Mock;
let dir: string;
beforeEach(async () => {
  mock = createS3Mock({ auth: 'none', minPartSize: 1 });
  mock.engine.createBucket({ Bucket: BUCKET });
  dir = await mkdtemp(join(tmpdir(), 'chaos-invariants-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function evidence(expectation: Expectation, claim: Claim, runs: ChildRun[] = [run(claim.outcome === 'ok' ? 0 : 1)]): Evidence {
  return { expectation, claim, runs, mock, dir, secrets: ['topSecretKey'] };
}

describe('claims', () => {
  it('reads a worker result line; a missing line, or exit 0 on failure, is silent', () => {
    expect(workerClaim(run(0, `${RESULT_PREFIX}{"ok":true}\n`))).toMatchObject({ outcome: 'ok' });
    const error = { name: 'S3ServiceError', code: 'SlowDown', typed: true, message: 'slow', leftover: null };
    expect(workerClaim(run(1, `${RESULT_PREFIX}${JSON.stringify({ ok: false, error })}\n`))).toEqual({ outcome: 'failed', typed: true, message: 'slow' });
    expect(workerClaim(run(0, `${RESULT_PREFIX}${JSON.stringify({ ok: false, error })}\n`)).outcome).toBe('silent');
    expect(workerClaim(run(13)).outcome).toBe('silent');
    expect(workerClaim(run(1, `${RESULT_PREFIX}${JSON.stringify({ ok: false, error: { ...error, typed: false, code: undefined } })}\n`)).typed).toBe(false);
  });

  it('reads the CLI exit code and stderr: exit 13 or a bare non-zero exit is silent, a failure without a code is untyped', () => {
    expect(cliClaim(run(0)).outcome).toBe('ok');
    expect(cliClaim(run(13, '', 'Warning: Detected unsettled top-level await')).outcome).toBe('silent');
    expect(cliClaim(run(1)).outcome).toBe('silent');
    expect(cliClaim(run(255, '', 's3kit: boom\n'))).toMatchObject({ outcome: 'failed', typed: false });
    expect(cliClaim(run(255, '', 's3kit: Could not connect [ERR_NETWORK]\n')).typed).toBe(true);
    expect(cliClaim(run(1, '', 'failed: upload: a to s3://b/a: PutObject b/a failed: AccessDenied (403)\n')).typed).toBe(true);
  });

  it('finds secrets and signatures in output', () => {
    expect(findSecrets('key topSecretKey here', ['topSecretKey'])).toEqual(['topSecretKey']);
    expect(findSecrets(`X-Amz-Signature=${'a'.repeat(64)}`, [])).toEqual(['a request signature']);
    expect(findSecrets('all clear', ['topSecretKey'])).toEqual([]);
  });
});

describe('checkInvariants', () => {
  it('passes a success with the right bytes and a typed failure that left nothing', async () => {
    mock.engine.putObject({ Bucket: BUCKET, Key: 'o', Body: bytes('data') });
    expect(await checkInvariants(evidence({ kind: 'object', key: 'o', sha256: sha256(bytes('data')) }, ok))).toEqual({ outcome: 'succeeded', violations: [], notes: [] });
    expect(await checkInvariants(evidence({ kind: 'object', key: 'missing', sha256: sha256(bytes('data')) }, failed('x [ERR_NETWORK]')))).toMatchObject({ outcome: 'failed', violations: [] });
  });

  it('flags wrong bytes as corrupt, success or not', async () => {
    mock.engine.putObject({ Bucket: BUCKET, Key: 'o', Body: bytes('other') });
    const expectation: Expectation = { kind: 'object', key: 'o', sha256: sha256(bytes('data')) };
    expect((await checkInvariants(evidence(expectation, ok))).violations).toEqual(['corrupt']);
    expect((await checkInvariants(evidence(expectation, failed('x')))).violations).toEqual(['corrupt']);
  });

  it('flags silent, untyped, hung and leaking runs', async () => {
    const expectation: Expectation = { kind: 'object', key: 'o', sha256: sha256(bytes('data')) };
    expect((await checkInvariants(evidence(expectation, { outcome: 'silent', typed: false, message: '' }))).violations).toEqual(['silent']);
    expect((await checkInvariants(evidence(expectation, { outcome: 'failed', typed: false, message: 'boom' }))).violations).toEqual(['untyped']);
    const leaky = [{ ...run(1, '', 'secret topSecretKey'), hung: true }];
    expect((await checkInvariants(evidence(expectation, failed('x'), leaky))).violations.sort()).toEqual(['hung', 'secret']);
  });

  it('flags a multipart upload left in flight unless the error names it', async () => {
    const { UploadId } = mock.engine.createMultipartUpload({ Bucket: BUCKET, Key: 'o' });
    const expectation: Expectation = { kind: 'object', key: 'o', sha256: sha256(bytes('data')) };
    expect((await checkInvariants(evidence(expectation, failed('SlowDown [x]')))).violations).toEqual(['orphaned']);
    expect((await checkInvariants(evidence(expectation, failed(`kept ${UploadId} for a resume`)))).violations).toEqual([]);
  });

  it('flags a partial file at the destination name as corrupt, and an unnamed temp file as orphaned', async () => {
    const target = join(dir, 'data.bin');
    const expectation: Expectation = { kind: 'file', path: target, sha256: sha256(bytes('data')) };
    await writeFile(target, 'da');
    expect((await checkInvariants(evidence(expectation, failed('x')))).violations).toEqual(['corrupt']);
    await rm(target);
    await writeFile(join(dir, 'data.bin.1a2b3c4d.s3kit-part'), 'da');
    expect((await checkInvariants(evidence(expectation, failed('x')))).violations).toEqual(['orphaned']);
    expect((await checkInvariants(evidence(expectation, failed('kept data.bin.1a2b3c4d.s3kit-part for a resume')))).violations).toEqual([]);
  });

  it('flags a sync that deleted what the source has, or deleted without a complete listing', async () => {
    const source = new Map([['a', sha256(bytes('a'))]]);
    const before = new Map([
      ['a', sha256(bytes('a'))],
      ['extra', sha256(bytes('e'))],
    ]);
    const expectation: Expectation = { kind: 'sync-up', prefix: 'p/', source, before };
    // Nothing listed, 'extra' gone: deleted without a complete listing.
    mock.engine.putObject({ Bucket: BUCKET, Key: 'p/a', Body: bytes('a') });
    expect((await checkInvariants(evidence(expectation, failed('x')))).violations).toEqual(['bad-delete']);
    // 'a' gone too: deleted what the source has.
    mock.engine.deleteObject({ Bucket: BUCKET, Key: 'p/a' });
    expect((await checkInvariants(evidence(expectation, failed('x')))).notes).toContain('bad-delete: sync deleted a, which the source has');
  });

  it('counts a listing served under a skewed clock as delivered, and a cut one as not (regression: seed 68 flagged a sound sync)', async () => {
    const source = new Map<string, string>();
    const expectation: Expectation = { kind: 'sync-up', prefix: 'p/', source, before: new Map([['extra', sha256(bytes('e'))]]) };
    const list = async (): Promise<void> => {
      const res = await mock.transport.send({ method: 'GET', protocol: 'http:', hostname: '127.0.0.1', path: `/${BUCKET}`, query: { 'list-type': '2' }, headers: {} });
      await res.body.bytes().catch(() => undefined);
    };
    mock.faults.add({ match: { operation: 'ListObjectsV2' }, action: { truncateBodyAt: 0 } });
    await list();
    expect((await checkInvariants(evidence(expectation, failed('x')))).violations).toEqual(['bad-delete']);
    mock.faults.add({ match: { operation: 'ListObjectsV2' }, action: { clockSkewMs: 60_000 } });
    await list();
    expect((await checkInvariants(evidence(expectation, failed('x')))).violations).toEqual([]);
  });

  it('checks a synced local tree, ignoring named temp files', async () => {
    const tree = join(dir, 'tree');
    await mkdir(tree);
    await writeFile(join(tree, 'a'), 'a');
    const expectation: Expectation = { kind: 'sync-down', dir: tree, source: new Map([['a', sha256(bytes('a'))]]), before: new Map() };
    expect(await checkInvariants(evidence(expectation, ok))).toMatchObject({ outcome: 'succeeded', violations: [] });
    await writeFile(join(tree, 'b'), 'b');
    expect((await checkInvariants(evidence(expectation, ok))).violations).toEqual(['corrupt']);
  });
});
