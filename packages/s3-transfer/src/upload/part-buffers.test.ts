import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { S3Client } from '@s3kit/s3-core';
import { installS3MockMatchers } from '@s3kit/s3-mock/testing';
import { createPartBuffers } from './part-buffers.js';
import { PART, bytes, setup, tempDir, wrapClient } from '../test-support/setup.js';
import type { TransferClient } from '../manager/transfer-client.js';

installS3MockMatchers();

describe('createPartBuffers', () => {
  it('hands back a returned buffer of the same size and allocates for another size', () => {
    const pool = createPartBuffers();
    const a = pool.take(10_000);
    const b = pool.take(10_000);
    expect(a).not.toBe(b);
    pool.give(a);
    expect(pool.take(10_000)).toBe(a);
    pool.give(b);
    const c = pool.take(20_000);
    expect(c).not.toBe(b);
    expect(c.byteLength).toBe(20_000);
    pool.give(c);
    expect(pool.take(20_000)).toBe(c);
  });
});

/** Wraps uploadPart to note which memory each part's bytes came from, and to keep a copy of them. */
function recordingClient(client: S3Client, seen: Set<ArrayBufferLike>): TransferClient {
  return wrapClient(client, {
    uploadPart: async (input, options) => {
      const chunks: Uint8Array[] = [];
      for await (const chunk of input.Body as AsyncIterable<Uint8Array>) {
        seen.add(chunk.buffer);
        chunks.push(Uint8Array.from(chunk));
      }
      return client.uploadPart({ ...input, Body: Buffer.concat(chunks) }, options);
    },
  });
}

describe('part buffers in uploads', () => {
  // 8 KiB parts: above Buffer's 4 KiB shared-slab limit, so each allocation has its own ArrayBuffer.
  const partSize = 8 * PART;

  it('a file upload of 12 parts, 2 in flight, reads into at most 2 buffers and stores the right bytes', async () => {
    const s = await setup();
    const { dir, cleanup } = await tempDir();
    try {
      const data = bytes(12 * partSize - 5, 3);
      const path = join(dir, 'f.bin');
      await writeFile(path, data);
      const seen = new Set<ArrayBufferLike>();
      const tm = s.make({ client: recordingClient(s.client, seen), partSize, concurrency: 2 });
      const result = await tm.upload({ Bucket: 'bkt', Key: 'file', Body: path });
      expect(result.parts).toBe(12);
      expect(seen.size).toBeLessThanOrEqual(2);
      expect(await (await s.client.getObject({ Bucket: 'bkt', Key: 'file' })).Body.bytes()).toEqual(data);
    } finally {
      await cleanup();
    }
  });

  it('a stream upload of 10 parts, 3 in flight, fills at most 3 buffers and stores the right bytes', async () => {
    const s = await setup();
    const data = bytes(10 * partSize - 100, 9);
    const seen = new Set<ArrayBufferLike>();
    const tm = s.make({ client: recordingClient(s.client, seen), partSize, concurrency: 3 });
    const chunks = Array.from({ length: Math.ceil(data.byteLength / 3000) }, (_, i) => data.slice(i * 3000, (i + 1) * 3000));
    const result = await tm.upload({ Bucket: 'bkt', Key: 'stream', Body: Readable.from(chunks) });
    expect(result.parts).toBe(10);
    expect(seen.size).toBeLessThanOrEqual(3);
    expect(await (await s.client.getObject({ Bucket: 'bkt', Key: 'stream' })).Body.bytes()).toEqual(data);
    expect(s.mock).toHaveNoUploadsInFlight();
  });

  // The order is forced so that a buffer given back to the pool at a retry (instead of once the
  // part is done) would be on top of the free list when part 3 is filled, while part 2 still sends it.
  it('a retried stream part re-sends the bytes of its first attempt: its buffer is not recycled while a retry may still read it', async () => {
    const s = await setup();
    s.mock.faults.add({ match: { operation: 'UploadPart' }, action: 'reset', times: 2 });
    const data = bytes(6 * partSize, 13);
    const gates = new Map<string, { opened: Promise<void>; open: () => void }>();
    const gate = (name: string): { opened: Promise<void>; open: () => void } => {
      let entry = gates.get(name);
      if (!entry) {
        let open = (): void => undefined;
        const opened = new Promise<void>((resolve) => {
          open = resolve;
        });
        entry = { opened, open };
        gates.set(name, entry);
      }
      return entry;
    };
    // Before its body is read: which attempt of which part has to have started first.
    const waitFor: Record<string, string> = { 'p2a1': 'p1a2', 'p1a2': 'p2a2', 'p2a2': 'p3a1' };
    const attempts = new Map<number, Uint8Array[]>();
    const client = wrapClient(s.client, {
      uploadPart: async (input, options) => {
        const sent = attempts.get(input.PartNumber) ?? [];
        attempts.set(input.PartNumber, sent);
        const name = `p${input.PartNumber}a${sent.length + 1}`;
        gate(name).open();
        const before = waitFor[name];
        if (before !== undefined) await gate(before).opened;
        const chunks: Uint8Array[] = [];
        for await (const chunk of input.Body as AsyncIterable<Uint8Array>) chunks.push(Uint8Array.from(chunk));
        const body = Buffer.concat(chunks);
        sent.push(body);
        return s.client.uploadPart({ ...input, Body: body }, options);
      },
    });
    const tm = s.make({ client, partSize, concurrency: 2 });
    const chunks = Array.from({ length: Math.ceil(data.byteLength / 5000) }, (_, i) => data.slice(i * 5000, (i + 1) * 5000));
    const result = await tm.upload({ Bucket: 'bkt', Key: 'retried', Body: Readable.from(chunks) });
    expect(result.parts).toBe(6);
    expect(attempts.get(1)).toHaveLength(2);
    expect(attempts.get(2)).toHaveLength(2);
    for (const part of [1, 2]) expect(attempts.get(part)![1]).toEqual(attempts.get(part)![0]);
    expect(await (await s.client.getObject({ Bucket: 'bkt', Key: 'retried' })).Body.bytes()).toEqual(data);
    expect(s.mock).toHaveNoUploadsInFlight();
  });

  it('an aborted stream upload gives its buffers back and leaves no upload behind', async () => {
    const s = await setup({ retry: { maxAttempts: 1 } });
    s.mock.faults.add({ match: { operation: 'UploadPart' }, nth: 4, action: { status: 500, code: 'InternalError' }, times: 1 });
    const data = bytes(10 * partSize, 17);
    const tm = s.make({ partSize, concurrency: 3 });
    const chunks = Array.from({ length: 10 }, (_, i) => data.slice(i * partSize, (i + 1) * partSize));
    const body = Readable.from(chunks);
    await expect(tm.upload({ Bucket: 'bkt', Key: 'failed', Body: body })).rejects.toMatchObject({ code: 'InternalError' });
    expect(body.destroyed).toBe(true);
    expect(s.mock).toHaveNoUploadsInFlight();
  });
});

