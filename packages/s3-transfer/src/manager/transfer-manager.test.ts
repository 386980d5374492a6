import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { installS3MockMatchers } from '@s3kit/s3-mock/testing';
import { checksumBase64 } from '@s3kit/s3-core';
import { PART, bytes, setup, useTempDir } from '../test-support/setup.js';
import type { TransferProgress } from './progress.js';
import type { UploadCheckpoint } from '../checkpoint/checkpoint.js';

installS3MockMatchers();

const tmp = useTempDir();

async function stored(s: Awaited<ReturnType<typeof setup>>, key: string): Promise<Uint8Array> {
  const out = await s.client.getObject({ Bucket: 'bkt', Key: key });
  return out.Body.bytes();
}

describe('upload', () => {
  it('uploads small bytes with one PutObject and a CRC32', async () => {
    const s = await setup();
    const data = bytes(100);
    const result = await s.tm.upload({ Bucket: 'bkt', Key: 'small', Body: data, ContentType: 'text/plain' });
    expect(result).toMatchObject({ multipart: false, parts: 1, size: 100, checksum: { algorithm: 'CRC32', value: checksumBase64('CRC32', data) } });
    expect(await stored(s, 'small')).toEqual(data);
    expect(s.mock).toHaveReceived('PutObject');
  });

  it.each(['CRC32C', 'CRC64NVME'] as const)('uploads in parts with a FULL_OBJECT %s when the manager says so', async (algorithm) => {
    const s = await setup({ checksumAlgorithm: algorithm });
    const data = bytes(3 * PART + 5);
    const result = await s.tm.upload({ Bucket: 'bkt', Key: 'crc', Body: data });
    expect(result.checksum).toEqual({ algorithm, value: checksumBase64(algorithm, data) });
    const head = await s.client.headObject({ Bucket: 'bkt', Key: 'crc', ChecksumMode: 'ENABLED' });
    expect(head[`Checksum${algorithm}`]).toBe(checksumBase64(algorithm, data));
    expect(s.mock.requests.filter((r) => r.operation === 'UploadPart').every((r) => r.headers[`x-amz-checksum-${algorithm.toLowerCase()}`] !== undefined)).toBe(true);
  });

  it('uploads in parts with COMPOSITE SHA-256 checksums, and refuses SHA-256 for full-object checksums', async () => {
    const s = await setup({ checksum: 'composite', checksumAlgorithm: 'SHA256' });
    const data = bytes(2 * PART + 9);
    const result = await s.tm.upload({ Bucket: 'bkt', Key: 'sha', Body: data });
    expect(result.checksum?.algorithm).toBe('SHA256');
    expect(result.checksum?.value).toMatch(/-3$/);
    const single = await s.tm.upload({ Bucket: 'bkt', Key: 'sha-small', Body: data.subarray(0, 10) });
    expect(single.checksum).toEqual({ algorithm: 'SHA256', value: checksumBase64('SHA256', data.subarray(0, 10)) });
    expect(() => s.make({ checksum: 'full-object', checksumAlgorithm: 'SHA256' })).toThrow(expect.objectContaining({ code: 'ERR_VALIDATION', field: 'checksumAlgorithm' }));
    expect(() => s.make({ checksumAlgorithm: 'MD5' as never })).toThrow(expect.objectContaining({ code: 'ERR_VALIDATION', field: 'checksumAlgorithm' }));
  });

  it('uploads bytes in parts with a FULL_OBJECT CRC32 and reports byte-accurate progress', async () => {
    const s = await setup();
    const data = bytes(5 * PART + 17);
    const events: TransferProgress[] = [];
    const result = await s.tm.upload({ Bucket: 'bkt', Key: 'big', Body: data, Metadata: { a: '1' } }, { onProgress: (p) => events.push(p) });
    expect(result).toMatchObject({ multipart: true, parts: 6, size: data.byteLength, checksum: { algorithm: 'CRC32', value: checksumBase64('CRC32', data) } });
    expect(await stored(s, 'big')).toEqual(data);
    const head = await s.client.headObject({ Bucket: 'bkt', Key: 'big', ChecksumMode: 'ENABLED' });
    expect(head.Metadata).toEqual({ a: '1' });
    expect(head.ChecksumCRC32).toBe(checksumBase64('CRC32', data));
    expect(events.at(-1)).toMatchObject({ loadedBytes: data.byteLength, totalBytes: data.byteLength, Bucket: 'bkt', Key: 'big' });
    for (let i = 1; i < events.length; i++) expect(events[i]!.loadedBytes).toBeGreaterThanOrEqual(events[i - 1]!.loadedBytes);
    expect(s.mock).toHaveNoUploadsInFlight();
  });

  it('uploads a file path in parts and a Blob', async () => {
    const s = await setup();
    const data = bytes(4 * PART + 1, 7);
    const path = join(tmp.dir, 'f.bin');
    await writeFile(path, data);
    await s.tm.upload({ Bucket: 'bkt', Key: 'file', Body: path });
    expect(await stored(s, 'file')).toEqual(data);
    await s.tm.upload({ Bucket: 'bkt', Key: 'blob', Body: new Blob([data]) });
    expect(await stored(s, 'blob')).toEqual(data);
  });

  it('uploads streams of unknown length (Readable, ReadableStream, async iterable), small and large', async () => {
    const s = await setup();
    const data = bytes(3 * PART + 500, 3);
    const chunks = (): Uint8Array[] => [data.subarray(0, 700), data.subarray(700, 2500), data.subarray(2500)];
    await s.tm.upload({ Bucket: 'bkt', Key: 'r', Body: Readable.from(chunks()) });
    expect(await stored(s, 'r')).toEqual(data);
    await s.tm.upload({ Bucket: 'bkt', Key: 'w', Body: new Blob([data]).stream() });
    expect(await stored(s, 'w')).toEqual(data);
    const result = await s.tm.upload({
      Bucket: 'bkt',
      Key: 'i',
      Body: (async function* () {
        yield data.subarray(0, 10);
      })(),
    });
    expect(result.multipart).toBe(false);
    expect(await stored(s, 'i')).toEqual(data.subarray(0, 10));
    expect(s.mock).toHaveNoUploadsInFlight();
  });

  it('rides out a SlowDown storm and a connection reset mid-part', async () => {
    const s = await setup();
    s.mock.faults.add({ match: { operation: 'UploadPart' }, action: { slowDown: true }, times: 6 });
    s.mock.faults.add({ match: { operation: 'UploadPart' }, action: 'reset', times: 2 });
    const data = bytes(4 * PART, 9);
    const events: number[] = [];
    await s.tm.upload({ Bucket: 'bkt', Key: 'storm', Body: data }, { onProgress: (p) => events.push(p.loadedBytes) });
    expect(await stored(s, 'storm')).toEqual(data);
    expect(events.at(-1)).toBe(data.byteLength);
    expect(Math.max(...events)).toBe(data.byteLength);
    expect(s.clock.slept).toBeGreaterThan(0);
    expect(s.mock).toHaveNoUploadsInFlight();
  });

  it('aborts the multipart upload when a part keeps failing and no checkpoint is kept', async () => {
    const s = await setup({ retry: { maxAttempts: 2 } });
    s.mock.faults.add({ match: { operation: 'UploadPart' }, action: { status: 500, code: 'InternalError' }, times: 100 });
    await expect(s.tm.upload({ Bucket: 'bkt', Key: 'fail', Body: bytes(4 * PART) })).rejects.toMatchObject({ code: 'InternalError' });
    expect(s.mock).toHaveNoUploadsInFlight();
    expect(s.mock).toHaveReceived('AbortMultipartUpload');
  });

  it('pauses with a checkpoint and resumes without re-sending verified parts', async () => {
    const s = await setup({ concurrency: 1 });
    const data = bytes(6 * PART + 3, 11);
    const path = join(tmp.dir, 'src.bin');
    const checkpoint = join(tmp.dir, 'src.ckpt');
    await writeFile(path, data);
    // Paused (caller's signal) once 3 parts' bytes were sent.
    const controller = new AbortController();
    const first = s.tm.upload(
      { Bucket: 'bkt', Key: 'resumable', Body: path },
      {
        checkpoint,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.loadedBytes >= 3 * PART) controller.abort();
        },
      },
    );
    await expect(first).rejects.toMatchObject({ code: 'ERR_ABORTED' });
    expect(s.mock.uploadsInFlight()).toHaveLength(1);
    const saved = JSON.parse(await readFile(checkpoint, 'utf8')) as { parts: unknown[] };
    expect(saved.parts.length).toBeGreaterThanOrEqual(2);
    s.mock.clearRequests();
    const result = await s.tm.upload({ Bucket: 'bkt', Key: 'resumable', Body: path }, { checkpoint });
    expect(result.resumedParts).toBeGreaterThanOrEqual(2);
    const sentAgain = s.mock.requests.filter((r) => r.operation === 'UploadPart').length;
    expect(sentAgain).toBe(7 - result.resumedParts);
    expect(await stored(s, 'resumable')).toEqual(data);
    expect(s.mock).toHaveNoUploadsInFlight();
    expect(await readdir(tmp.dir)).toEqual(['src.bin']);
  });

  it('resumes from a version 1 checkpoint (CRC32 named in its fields) without re-sending verified parts', async () => {
    const s = await setup({ concurrency: 1 });
    const data = bytes(5 * PART + 1, 12);
    const path = join(tmp.dir, 'old.bin');
    const checkpoint = join(tmp.dir, 'old.ckpt');
    await writeFile(path, data);
    const controller = new AbortController();
    const first = s.tm.upload({ Bucket: 'bkt', Key: 'old', Body: path }, { checkpoint, signal: controller.signal, onProgress: (p) => {
      if (p.loadedBytes >= 3 * PART) controller.abort();
    } });
    await expect(first).rejects.toMatchObject({ code: 'ERR_ABORTED' });
    // Rewritten as the version 1 writer wrote it (test/fixtures/checkpoint-v1-upload.json).
    const { version: _v, checksumAlgorithm, parts, ...rest } = JSON.parse(await readFile(checkpoint, 'utf8')) as UploadCheckpoint;
    const v1 = { ...rest, version: 1, checksum: checksumAlgorithm === 'CRC32', parts: parts.map(({ checksum, ...p }) => ({ ...p, ChecksumCRC32: checksum!.value })) };
    await writeFile(checkpoint, JSON.stringify(v1));
    s.mock.clearRequests();
    const result = await s.tm.resumeUpload(checkpoint);
    expect(result.resumedParts).toBe(parts.length);
    expect(s.mock.requests.filter((r) => r.operation === 'UploadPart')).toHaveLength(6 - parts.length);
    expect(result.checksum).toEqual({ algorithm: 'CRC32', value: checksumBase64('CRC32', data) });
    expect(await stored(s, 'old')).toEqual(data);
  });

  it('resumes from a checkpoint file with resumeUpload, and refuses a changed source', async () => {
    const s = await setup({ concurrency: 1 });
    const data = bytes(5 * PART, 5);
    const path = join(tmp.dir, 'a.bin');
    const checkpoint = join(tmp.dir, 'a.ckpt');
    await writeFile(path, data);
    const controller = new AbortController();
    await expect(
      s.tm.upload({ Bucket: 'bkt', Key: 'a', Body: path }, { checkpoint, signal: controller.signal, onProgress: (p) => {
        if (p.loadedBytes >= 2 * PART) controller.abort();
      } }),
    ).rejects.toMatchObject({ code: 'ERR_ABORTED' });
    const result = await s.tm.resumeUpload(checkpoint);
    expect(result.resumedParts).toBeGreaterThanOrEqual(1);
    expect(await stored(s, 'a')).toEqual(data);

    const controller2 = new AbortController();
    await expect(
      s.tm.upload({ Bucket: 'bkt', Key: 'a2', Body: path }, { checkpoint, signal: controller2.signal, onProgress: (p) => {
        if (p.loadedBytes >= 2 * PART) controller2.abort();
      } }),
    ).rejects.toMatchObject({ code: 'ERR_ABORTED' });
    await writeFile(path, bytes(5 * PART + 1, 6));
    await expect(s.tm.resumeUpload(checkpoint)).rejects.toMatchObject({ code: 'ERR_SOURCE_CHANGED' });
    expect(s.mock).toHaveNoUploadsInFlight();
  });

  it('manager.abort() cancels and cleans up even with a checkpoint', async () => {
    const s = await setup({ concurrency: 1 });
    const path = join(tmp.dir, 'c.bin');
    const checkpoint = join(tmp.dir, 'c.ckpt');
    await writeFile(path, bytes(5 * PART));
    const tm = s.make();
    await expect(
      tm.upload({ Bucket: 'bkt', Key: 'c', Body: path }, { checkpoint, onProgress: (p) => {
        if (p.loadedBytes >= PART) tm.abort();
      } }),
    ).rejects.toMatchObject({ code: 'ERR_ABORTED' });
    expect(s.mock).toHaveNoUploadsInFlight();
    expect(await readdir(tmp.dir)).toEqual(['c.bin']);
  });
});

describe('download', () => {
  it('downloads in verified ranges to a file (full-object checksum) and to a Writable', async () => {
    const s = await setup();
    const data = bytes(5 * PART + 3, 21);
    await s.tm.upload({ Bucket: 'bkt', Key: 'd', Body: data });
    const to = join(tmp.dir, 'sub', 'd.bin');
    const events: TransferProgress[] = [];
    const result = await s.tm.download({ Bucket: 'bkt', Key: 'd' }, { to, onProgress: (p) => events.push(p) });
    expect(result).toMatchObject({ size: data.byteLength, verifiedBy: 'checksum' });
    expect(new Uint8Array(await readFile(to))).toEqual(data);
    expect(events.at(-1)?.loadedBytes).toBe(data.byteLength);
    expect(await readdir(join(tmp.dir, 'sub'))).toEqual(['d.bin']);
    const parts: Buffer[] = [];
    const sink = new Writable({
      highWaterMark: 10,
      write(chunk: Buffer, _enc, cb) {
        parts.push(chunk);
        setImmediate(cb);
      },
    });
    const streamed = await s.tm.download({ Bucket: 'bkt', Key: 'd' }, { to: sink });
    expect(streamed.verifiedBy).toBe('checksum');
    expect(new Uint8Array(Buffer.concat(parts))).toEqual(data);
  });

  it('verifies a multipart ETag when there is no full-object checksum, and plain ETags and empty objects', async () => {
    const s = await setup({ checksum: 'none' });
    const data = bytes(4 * PART + 9, 2);
    await s.tm.upload({ Bucket: 'bkt', Key: 'm', Body: data });
    const result = await s.make({ partSize: 2 * PART }).download({ Bucket: 'bkt', Key: 'm' }, { to: join(tmp.dir, 'm') });
    expect(result.verifiedBy).toBe('multipart-etag');
    expect(new Uint8Array(await readFile(join(tmp.dir, 'm')))).toEqual(data);
    s.mock.seed({ buckets: { bkt: { objects: { plain: 'hello', empty: '' } } } });
    expect((await s.tm.download({ Bucket: 'bkt', Key: 'plain' }, { to: join(tmp.dir, 'p') })).verifiedBy).toBe('etag');
    expect(await readFile(join(tmp.dir, 'p'), 'utf8')).toBe('hello');
    expect((await s.tm.download({ Bucket: 'bkt', Key: 'empty' }, { to: join(tmp.dir, 'e') })).size).toBe(0);
    expect(await readFile(join(tmp.dir, 'e'), 'utf8')).toBe('');
  });

  it('re-fetches a truncated range and leaves no corrupt byte', async () => {
    const s = await setup();
    const data = bytes(4 * PART, 4);
    await s.tm.upload({ Bucket: 'bkt', Key: 't', Body: data });
    s.mock.faults.add({ match: { operation: 'GetObject' }, action: { truncateBodyAt: 100 }, times: 2 });
    const result = await s.tm.download({ Bucket: 'bkt', Key: 't' }, { to: join(tmp.dir, 't') });
    expect(result.verifiedBy).toBe('checksum');
    expect(new Uint8Array(await readFile(join(tmp.dir, 't')))).toEqual(data);
  });

  it('fails with ERR_OBJECT_CHANGED when the object is replaced mid-download, leaving nothing behind', async () => {
    const s = await setup({ concurrency: 1 });
    await s.tm.upload({ Bucket: 'bkt', Key: 'x', Body: bytes(4 * PART, 1) });
    let replaced = false;
    const download = s.tm.download(
      { Bucket: 'bkt', Key: 'x' },
      {
        to: join(tmp.dir, 'x'),
        onProgress: () => {
          if (replaced) return;
          replaced = true;
          s.mock.engine.putObject({ Bucket: 'bkt', Key: 'x', Body: bytes(4 * PART, 2) });
        },
      },
    );
    await expect(download).rejects.toMatchObject({ name: 'TransferError', code: 'ERR_OBJECT_CHANGED' });
    expect(await readdir(tmp.dir)).toEqual([]);
  });

  it('resumes a paused download from its checkpoint without re-fetching finished ranges', async () => {
    const s = await setup({ concurrency: 1 });
    const data = bytes(6 * PART, 8);
    await s.tm.upload({ Bucket: 'bkt', Key: 'r', Body: data });
    const to = join(tmp.dir, 'r');
    const checkpoint = join(tmp.dir, 'r.ckpt');
    const controller = new AbortController();
    await expect(
      s.tm.download({ Bucket: 'bkt', Key: 'r' }, { to, checkpoint, signal: controller.signal, onProgress: (p) => {
        if (p.loadedBytes >= 3 * PART) controller.abort();
      } }),
    ).rejects.toMatchObject({ code: 'ERR_ABORTED' });
    s.mock.clearRequests();
    const result = await s.tm.download({ Bucket: 'bkt', Key: 'r' }, { to, checkpoint });
    expect(result.resumedRanges).toBeGreaterThanOrEqual(2);
    expect(s.mock.requests.filter((r) => r.operation === 'GetObject')).toHaveLength(6 - result.resumedRanges);
    expect(new Uint8Array(await readFile(to))).toEqual(data);
    expect(await readdir(tmp.dir)).toEqual(['r']);
  });
});

describe('copy', () => {
  it('copies with CopyObject below the threshold and UploadPartCopy above, keeping metadata and tags', async () => {
    const s = await setup({ copyThreshold: 2 * PART });
    const data = bytes(5 * PART, 13);
    await s.tm.upload({ Bucket: 'bkt', Key: 'src', Body: data, Metadata: { m: 'v' }, ContentType: 'application/x-test', Tagging: { t: '1' } });
    const big = await s.tm.copy({ source: { Bucket: 'bkt', Key: 'src' }, destination: { Bucket: 'bkt', Key: 'dst' } });
    expect(big.multipart).toBe(true);
    expect(await stored(s, 'dst')).toEqual(data);
    const head = await s.client.headObject({ Bucket: 'bkt', Key: 'dst' });
    expect(head).toMatchObject({ Metadata: { m: 'v' }, ContentType: 'application/x-test' });
    expect((await s.client.getObjectTagging({ Bucket: 'bkt', Key: 'dst' })).TagSet).toEqual([{ Key: 't', Value: '1' }]);
    s.mock.seed({ buckets: { bkt: { objects: { little: 'tiny' } } } });
    const small = await s.tm.copy({ source: { Bucket: 'bkt', Key: 'little' }, destination: { Bucket: 'bkt', Key: 'little2', Metadata: { n: 'w' } } }, { metadata: 'replace' });
    expect(small.multipart).toBe(false);
    expect((await s.client.headObject({ Bucket: 'bkt', Key: 'little2' })).Metadata).toEqual({ n: 'w' });
    expect(s.mock).toHaveNoUploadsInFlight();
  });
});
