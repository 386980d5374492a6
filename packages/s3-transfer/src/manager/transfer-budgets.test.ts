import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isValidationError } from '@s3kit/primitives';
import { installS3MockMatchers } from '@s3kit/s3-mock/testing';
import { createTransferManager } from './transfer-manager.js';
import type { TransferManagerOptions } from './transfer-manager.js';
import { PART, bytes, setup, useTempDir, wrapClient } from '../test-support/setup.js';

installS3MockMatchers();

const tmp = useTempDir();

describe('budgets', () => {
  it('reads a stream only as far as the memory budget allows (backpressure)', async () => {
    const s = await setup();
    let pulled = 0;
    let acked = 0;
    let maxAhead = 0;
    const client = wrapClient(s.client, {
      uploadPart: async (input, options) => {
        const out = await s.client.uploadPart(input, options);
        acked += input.ContentLength ?? 0;
        return out;
      },
    });
    const tm = s.make({ client, memoryBudget: 3 * PART, concurrency: 8 });
    const chunk = PART / 4;
    const total = 40 * PART;
    const body = (async function* () {
      for (let at = 0; at < total; at += chunk) {
        pulled += chunk;
        maxAhead = Math.max(maxAhead, pulled - acked);
        yield bytes(chunk, at);
      }
    })();
    const result = await tm.upload({ Bucket: 'bkt', Key: 'stream', Body: body });
    expect(result).toMatchObject({ multipart: true, parts: 40, size: total });
    expect(maxAhead).toBeLessThanOrEqual(3 * PART + chunk);
    expect(s.mock).toHaveNoUploadsInFlight();
  });

  it('spends the bandwidth budget on the manager clock', async () => {
    const s = await setup();
    const tm = s.make({ bandwidthLimit: 100_000, partSize: 64 * 1024, multipartThreshold: 10_000_000 });
    const size = 600_000;
    await tm.upload({ Bucket: 'bkt', Key: 'slow', Body: bytes(size) });
    // The first 256 KiB are the burst; the rest waits at 100 kB/s.
    expect(s.clock.slept).toBeGreaterThanOrEqual(((size - 262_144) / 100_000) * 1000 - 1);
    expect(s.clock.slept).toBeLessThan(7000);
  });

  it('starts at the limit: the burst is about 100 ms of it (regression: a one-second burst ran 2.6-2.9x over the limit at first)', async () => {
    const s = await setup();
    const limit = 4 * 1024 * 1024;
    const tm = s.make({ bandwidthLimit: limit, partSize: 1024 * 1024, multipartThreshold: 10 * limit });
    await tm.upload({ Bucket: 'bkt', Key: 'one-second', Body: bytes(limit) });
    // One second's worth of bytes may go out no faster than the limit allows past a 0.1 s burst.
    expect(s.clock.slept).toBeGreaterThanOrEqual(900 - 1);
  });

  it('validates manager options', async () => {
    const s = await setup();
    const bad: Partial<TransferManagerOptions>[] = [
      { concurrency: 0 },
      { partSize: 10 },
      { partSize: PART, minPartSize: 0 },
      { memoryBudget: 0 },
      { bandwidthLimit: -1 },
      { multipartThreshold: Number.NaN },
      { checksum: 'md5' as 'none' },
    ];
    for (const o of bad) expect(() => createTransferManager({ client: s.client, ...o }), JSON.stringify(o)).toThrow(expect.toSatisfy(isValidationError));
  });
});

describe('failures', () => {
  it('fails with ERR_INTEGRITY when the server reports another part checksum, aborting the upload', async () => {
    const s = await setup();
    const client = wrapClient(s.client, {
      uploadPart: async (input, options) => ({ ...(await s.client.uploadPart(input, options)), ChecksumCRC32: 'AAAAAA==' }),
    });
    await expect(s.make({ client }).upload({ Bucket: 'bkt', Key: 'k', Body: bytes(3 * PART) })).rejects.toMatchObject({ code: 'ERR_INTEGRITY' });
    expect(s.mock).toHaveNoUploadsInFlight();
  });

  it('refuses to resume an upload that no longer exists, removing its checkpoint', async () => {
    const s = await setup({ concurrency: 1 });
    const path = join(tmp.dir, 'f');
    const checkpoint = join(tmp.dir, 'f.ckpt');
    await writeFile(path, bytes(4 * PART));
    const controller = new AbortController();
    await expect(
      s.tm.upload(
        { Bucket: 'bkt', Key: 'gone', Body: path },
        {
          checkpoint,
          signal: controller.signal,
          onProgress: (p) => {
            if (p.loadedBytes >= PART) controller.abort();
          },
        },
      ),
    ).rejects.toMatchObject({ code: 'ERR_ABORTED' });
    const [upload] = s.mock.uploadsInFlight();
    await s.client.abortMultipartUpload({ Bucket: 'bkt', Key: 'gone', UploadId: upload!.UploadId });
    await expect(s.tm.resumeUpload(checkpoint)).rejects.toMatchObject({ code: 'ERR_CHECKPOINT_INVALID' });
    expect(await readdir(tmp.dir)).toEqual(['f']);
    await expect(s.tm.resumeUpload(join(tmp.dir, 'missing.ckpt'))).rejects.toMatchObject({ code: 'ERR_CHECKPOINT_INVALID' });
  });

  it('re-uses a part uploaded but not checkpointed after verifying its CRC32 against the file', async () => {
    const s = await setup({ concurrency: 1 });
    const data = bytes(3 * PART, 77);
    const path = join(tmp.dir, 'f');
    await writeFile(path, data);
    const { stat } = await import('node:fs/promises');
    const st = await stat(path);
    const created = await s.client.createMultipartUpload({ Bucket: 'bkt', Key: 'k', ChecksumAlgorithm: 'CRC32', ChecksumType: 'FULL_OBJECT' });
    const { checksumBase64 } = await import('@s3kit/s3-core');
    await s.client.uploadPart({
      Bucket: 'bkt',
      Key: 'k',
      UploadId: created.UploadId!,
      PartNumber: 2,
      Body: data.subarray(PART, 2 * PART),
      ChecksumCRC32: checksumBase64('CRC32', data.subarray(PART, 2 * PART)),
    });
    s.mock.clearRequests();
    const result = await s.tm.resumeUpload({
      version: 2,
      kind: 'upload',
      Bucket: 'bkt',
      Key: 'k',
      UploadId: created.UploadId!,
      partSize: PART,
      checksumAlgorithm: 'CRC32',
      source: { path, size: st.size, mtimeMs: st.mtimeMs },
      parts: [],
    });
    expect(result.resumedParts).toBe(1);
    expect(s.mock.requests.filter((r) => r.operation === 'UploadPart').map((r) => r.query.partNumber)).toEqual(['1', '3']);
    const got = await s.client.getObject({ Bucket: 'bkt', Key: 'k' });
    expect(await got.Body.bytes()).toEqual(data);
  });

  it('fails a Writable download when the object changes, and when the Writable errors', async () => {
    const s = await setup();
    await s.tm.upload({ Bucket: 'bkt', Key: 'w', Body: bytes(4 * PART) });
    const client = wrapClient(s.client, {
      headObject: async (input, options) => {
        const out = await s.client.headObject(input, options);
        s.mock.engine.putObject({ Bucket: 'bkt', Key: 'w', Body: bytes(4 * PART, 3) });
        return out;
      },
    });
    const sink = new Writable({
      write: (_c, _e, cb) => {
        cb();
      },
    });
    await expect(s.make({ client }).download({ Bucket: 'bkt', Key: 'w' }, { to: sink })).rejects.toMatchObject({ code: 'ERR_OBJECT_CHANGED' });
    const broken = new Writable({
      highWaterMark: 1,
      write: (_c, _e, cb) => {
        cb(new Error('disk full'));
      },
    });
    broken.on('error', () => undefined);
    await expect(s.tm.download({ Bucket: 'bkt', Key: 'w' }, { to: broken })).rejects.toThrow('disk full');
  });

  it('fails a copy whose source changes, single and multipart, leaving no upload', async () => {
    const s = await setup({ copyThreshold: 2 * PART });
    for (const size of [PART, 4 * PART]) {
      await s.tm.upload({ Bucket: 'bkt', Key: 'src', Body: bytes(size) });
      const client = wrapClient(s.client, {
        headObject: async (input, options) => {
          const out = await s.client.headObject(input, options);
          s.mock.engine.putObject({ Bucket: 'bkt', Key: 'src', Body: bytes(size, 9) });
          return out;
        },
      });
      await expect(s.make({ client }).copy({ source: { Bucket: 'bkt', Key: 'src' }, destination: { Bucket: 'bkt', Key: 'dst' } })).rejects.toMatchObject({
        code: 'ERR_OBJECT_CHANGED',
      });
    }
    expect(s.mock).toHaveNoUploadsInFlight();
  });
});

describe('per-call validation and budget release', () => {
  it('refuses a zero concurrency or range size instead of hanging', async () => {
    const s = await setup();
    await s.tm.upload({ Bucket: 'bkt', Key: 'v', Body: bytes(3 * PART) });
    await expect(s.tm.download({ Bucket: 'bkt', Key: 'v' }, { to: join(tmp.dir, 'v'), concurrency: 0 })).rejects.toSatisfy(isValidationError);
    await expect(s.tm.download({ Bucket: 'bkt', Key: 'v' }, { to: join(tmp.dir, 'v'), partSize: 0 })).rejects.toSatisfy(isValidationError);
    await expect(s.tm.upload({ Bucket: 'bkt', Key: 'v', Body: bytes(3 * PART) }, { concurrency: 0 })).rejects.toSatisfy(isValidationError);
    expect(s.mock).toHaveNoUploadsInFlight();
  });

  it('regression: a stream upload failing before its first part is sent returns its buffer to the memory budget', async () => {
    const s = await setup();
    const tm = s.make({ memoryBudget: PART, retry: { maxAttempts: 1 } });
    const stream = (): AsyncIterable<Uint8Array> =>
      (async function* () {
        yield bytes(3 * PART);
      })();
    await expect(tm.upload({ Bucket: 'bkt', Key: 's', Body: stream() }, { concurrency: 0 })).rejects.toSatisfy(isValidationError);
    // With the budget leaked, this one would wait forever for memory.
    const result = await tm.upload({ Bucket: 'bkt', Key: 's', Body: stream() });
    expect(result.parts).toBe(3);
  });
});
