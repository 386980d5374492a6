import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidationError } from '@s3kit/primitives';
import { meteredBody, openUploadSource } from './body-source.js';
import { nodeFileSystem } from '../files/file-system.js';
import type { TransferFileSystem } from '../files/file-system.js';

describe('openUploadSource', () => {
  it('fills buffers from streams across chunk boundaries, encoding strings', async () => {
    const source = await openUploadSource(
      (async function* () {
        yield 'ab';
        yield new Uint8Array([99, 100, 101]);
      })() as AsyncIterable<Uint8Array>,
      nodeFileSystem,
    );
    expect(source.kind).toBe('stream');
    if (source.kind !== 'stream') return;
    const buf = new Uint8Array(4);
    expect(await source.fill(buf)).toBe(4);
    expect(new TextDecoder().decode(buf)).toBe('abcd');
    expect(await source.fill(buf)).toBe(1);
    expect(buf[0]).toBe(101);
    expect(await source.fill(buf)).toBe(0);
    await source.close();
  });

  it('refuses bad chunks, bad bodies and directories', async () => {
    const source = await openUploadSource(
      (async function* () {
        yield 42;
      })() as AsyncIterable<Uint8Array>,
      nodeFileSystem,
    );
    if (source.kind !== 'stream') throw new Error('expected a stream');
    await expect(source.fill(new Uint8Array(1))).rejects.toSatisfy(isValidationError);
    await expect(openUploadSource(42 as unknown as Uint8Array, nodeFileSystem)).rejects.toSatisfy(isValidationError);
    await expect(openUploadSource(tmpdir(), nodeFileSystem)).rejects.toThrow(/regular file/);
  });

  it('notices a file that shrank while being read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 's3t-src-'));
    try {
      const path = join(dir, 'f');
      await writeFile(path, 'hello');
      const fs: TransferFileSystem = {
        ...nodeFileSystem,
        open: async (p, flags) => {
          const handle = await nodeFileSystem.open(p, flags);
          return { ...handle, read: () => Promise.resolve({ bytesRead: 0 }), write: handle.write.bind(handle), close: handle.close.bind(handle) };
        },
      };
      const source = await openUploadSource(path, fs);
      if (source.kind !== 'sized') throw new Error('expected a sized source');
      await expect(source.read(0, 5)).rejects.toThrow(/shrank/);
      await source.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('meteredBody yields subarray views and counts each chunk once pulled', async () => {
    const data = new Uint8Array(10);
    const seen: number[] = [];
    const chunks: Uint8Array[] = [];
    for await (const c of meteredBody(data, 4, undefined, (n) => seen.push(n))) chunks.push(c);
    expect(chunks.map((c) => c.byteLength)).toEqual([4, 4, 2]);
    expect(chunks[0]!.buffer).toBe(data.buffer);
    expect(seen).toEqual([4, 4, 2]);
  });
});
