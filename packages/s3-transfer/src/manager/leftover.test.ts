import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getTransferLeftover } from './leftover.js';
import { PART, bytes, setup, useTempDir } from '../test-support/setup.js';

const scratch = useTempDir();

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the transfer to fail');
}

describe('a failed download says what became of its partial file', () => {
  it('without a checkpoint it is removed, and the error says so (regression: .s3kit-part files piled up, one per try)', async () => {
    const s = await setup({ retry: { maxAttempts: 2 } });
    s.mock.engine.putObject({ Bucket: 'bkt', Key: 'd', Body: bytes(3 * PART) });
    s.mock.faults.add({ match: { operation: 'GetObject' }, nth: 2, times: 100, action: { status: 500, code: 'InternalError' } });
    const err = await failure(s.tm.download({ Bucket: 'bkt', Key: 'd' }, { to: join(scratch.dir, 'd') }));
    expect(err.message).toMatch(/InternalError.*\(the partial download was removed\)$/);
    expect(getTransferLeftover(err)).toMatchObject({ kind: 'partial-file', kept: false });
    expect(await readdir(scratch.dir)).toEqual([]);
  });

  it('with a checkpoint it is kept for the resume, and the error names it and the checkpoint', async () => {
    const s = await setup({ retry: { maxAttempts: 2 }, concurrency: 1 });
    s.mock.engine.putObject({ Bucket: 'bkt', Key: 'd', Body: bytes(3 * PART) });
    s.mock.faults.add({ match: { operation: 'GetObject' }, nth: 2, times: 100, action: 'reset' });
    const checkpoint = join(scratch.dir, 'd.ckpt');
    const err = await failure(s.tm.download({ Bucket: 'bkt', Key: 'd' }, { to: join(scratch.dir, 'd'), checkpoint }));
    const leftover = getTransferLeftover(err);
    expect(leftover).toMatchObject({ kind: 'partial-file', kept: true, checkpoint });
    const temp = leftover?.kind === 'partial-file' ? leftover.path : '';
    expect(err.message).toContain(`(the partial download ${temp} is kept for a resume from ${checkpoint})`);
    expect((await readdir(scratch.dir)).sort()).toEqual(['d.ckpt', temp.slice(scratch.dir.length + 1)].sort());
  });
});

describe('a failed multipart upload says what became of the upload', () => {
  it('without a checkpoint it is aborted, and the error says so', async () => {
    const s = await setup();
    s.mock.faults.add({ match: { operation: 'UploadPart' }, times: 100, action: { status: 403, code: 'AccessDenied' } });
    const err = await failure(s.tm.upload({ Bucket: 'bkt', Key: 'u', Body: bytes(3 * PART) }));
    expect(err.message).toMatch(/AccessDenied.*\(multipart upload \S+ of s3:\/\/bkt\/u was aborted\)$/);
    expect(getTransferLeftover(err)).toMatchObject({ kind: 'multipart-upload', state: 'aborted', Bucket: 'bkt', Key: 'u' });
    expect(s.mock.uploadsInFlight()).toEqual([]);
  });

  it('with a checkpoint it is kept for the resume and named in the error', async () => {
    const s = await setup();
    const path = join(scratch.dir, 'f');
    const checkpoint = join(scratch.dir, 'f.ckpt');
    await writeFile(path, bytes(3 * PART));
    s.mock.faults.add({ match: { operation: 'UploadPart' }, nth: 2, times: 100, action: { status: 403, code: 'AccessDenied' } });
    const err = await failure(s.tm.upload({ Bucket: 'bkt', Key: 'u', Body: path }, { checkpoint }));
    const [upload] = s.mock.uploadsInFlight();
    expect(getTransferLeftover(err)).toEqual({ kind: 'multipart-upload', state: 'kept', Bucket: 'bkt', Key: 'u', UploadId: upload?.UploadId, checkpoint });
    expect(err.message).toContain(`(multipart upload ${upload?.UploadId ?? ''} of s3://bkt/u is kept for a resume from ${checkpoint})`);
  });

  it('when the abort fails too, the error names the orphaned upload', async () => {
    const s = await setup({ retry: { maxAttempts: 2 } });
    s.mock.faults.add({ match: { operation: 'UploadPart' }, times: 100, action: { status: 403, code: 'AccessDenied' } });
    s.mock.faults.add({ match: { operation: 'AbortMultipartUpload' }, times: 100, action: { status: 500, code: 'InternalError' } });
    const err = await failure(s.tm.upload({ Bucket: 'bkt', Key: 'u', Body: bytes(3 * PART) }));
    expect(getTransferLeftover(err)).toMatchObject({ kind: 'multipart-upload', state: 'orphaned' });
    expect(err.message).toContain('could not be aborted');
    expect(s.mock.uploadsInFlight()).toHaveLength(1);
  });
});
