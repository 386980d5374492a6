import { createHash } from 'node:crypto';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const CHUNK = 1024 * 1024;

/** A deterministic pseudo-random byte source (xorshift32): the same seed gives the same bytes. */
export function createByteStream(seed: number): (into: Uint8Array) => void {
  let state = seed >>> 0 || 0x9e3779b9;
  return (into) => {
    const words = new Uint32Array(into.buffer, into.byteOffset, into.byteLength >>> 2);
    for (let i = 0; i < words.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      words[i] = state >>> 0;
    }
    for (let i = words.length * 4; i < into.byteLength; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      into[i] = state & 0xff;
    }
  };
}

/**
 * Writes `size` deterministic pseudo-random bytes to `path`, 1 MiB at a time (never more in
 * memory), and returns their SHA-256 in hex.
 */
export async function writeRandomFile(path: string, size: number, seed: number, onBytes: (n: number) => void = () => undefined): Promise<string> {
  const fill = createByteStream(seed);
  const hash = createHash('sha256');
  const buffer = new Uint8Array(CHUNK);
  const file = await open(path, 'w');
  try {
    for (let written = 0; written < size; ) {
      const n = Math.min(CHUNK, size - written);
      const view = buffer.subarray(0, n);
      fill(view);
      hash.update(view);
      await file.write(view, 0, n, written);
      written += n;
      onBytes(n);
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}

/** A generated tree: relative paths (with `/`) and total bytes. */
export interface GeneratedTree {
  files: string[];
  bytes: number;
}

/** Relative path of the `i`th generated file: nested two levels (`d3/s07/file-00042.txt`). */
export function treePath(i: number): string {
  return `d${i % 10}/s${String(Math.floor(i / 10) % 20).padStart(2, '0')}/file-${String(i).padStart(5, '0')}.txt`;
}

/** Writes `count` small text files (128 B to 4 KiB, deterministic) under `root`. */
export async function writeTree(root: string, count: number, seed: number): Promise<GeneratedTree> {
  const fill = createByteStream(seed);
  const files: string[] = [];
  let bytes = 0;
  const sizeSource = new Uint8Array(4);
  for (let i = 0; i < count; i++) {
    fill(sizeSource);
    const size = 128 + (((sizeSource[0]! << 8) | sizeSource[1]!) % 3968);
    const relative = treePath(i);
    const path = join(root, ...relative.split('/'));
    await mkdir(dirname(path), { recursive: true });
    const line = `s3kit demo file ${i} `;
    await writeFile(path, line.repeat(Math.ceil(size / line.length)).slice(0, size));
    files.push(relative);
    bytes += size;
  }
  return { files, bytes };
}

/**
 * Changes `count` files of a generated tree, spread evenly, by appending a line: the size changes
 * too, so sync sees the change even within the second of the previous upload.
 */
export async function changeTree(root: string, tree: GeneratedTree, count: number): Promise<string[]> {
  const changed: string[] = [];
  const step = tree.files.length / Math.max(1, count);
  for (let n = 0; n < count && n < tree.files.length; n++) {
    const relative = tree.files[Math.floor(n * step)]!;
    const file = await open(join(root, ...relative.split('/')), 'a');
    try {
      await file.write(`changed for the re-sync, round ${n}\n`);
    } finally {
      await file.close();
    }
    changed.push(relative);
  }
  return changed;
}

/** SHA-256 (hex) of a stream of chunks. */
export async function sha256Of(chunks: AsyncIterable<Uint8Array>, onBytes: (n: number) => void = () => undefined): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of chunks) {
    hash.update(chunk);
    onBytes(chunk.byteLength);
  }
  return hash.digest('hex');
}
