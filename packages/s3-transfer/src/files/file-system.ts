import { fs, fsp } from '#platform/node-files';

/** The file metadata transfers read. */
export interface TransferStats {
  size: number;
  mtimeMs: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

/** An open file: positional reads and writes (node's `FileHandle` fits). */
export interface TransferFileHandle {
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  /** Writes several buffers back to back at `position` in one call; optional (`write` is used without it). */
  writev?(buffers: Uint8Array[], position: number): Promise<{ bytesWritten: number }>;
  close(): Promise<void>;
}

/** A directory entry (node's `Dirent` fits). */
export interface TransferDirent {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
}

/**
 * The filesystem port of s3-transfer: every local read and write goes through it, so tests can
 * inject faults. The default is `node:fs/promises`.
 */
export interface TransferFileSystem {
  stat(path: string): Promise<TransferStats>;
  open(path: string, flags: 'r' | 'r+' | 'w' | 'wx'): Promise<TransferFileHandle>;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options?: { force?: boolean }): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  readdir(path: string, options: { withFileTypes: true }): Promise<TransferDirent[]>;
  utimes(path: string, atime: Date, mtime: Date): Promise<void>;
}

/** {@link TransferFileSystem} over `node:fs/promises`. */
export const nodeFileSystem: TransferFileSystem = {
  // The callback API: half the CPU of fs/promises per call, which shows when a sync stats every
  // file of a large tree.
  stat: (path) =>
    new Promise((resolve, reject) => {
      fs.stat(path, (err, stats) => {
        if (err) reject(err);
        else resolve(stats);
      });
    }),
  open: (path, flags) => fsp.open(path, flags),
  readFile: (path) => fsp.readFile(path),
  writeFile: (path, data) => fsp.writeFile(path, data),
  rename: (from, to) => fsp.rename(from, to),
  rm: (path, options) => fsp.rm(path, options),
  mkdir: (path, options) => fsp.mkdir(path, options),
  readdir: (path, options) => fsp.readdir(path, options),
  utimes: (path, atime, mtime) => fsp.utimes(path, atime, mtime),
};

/** Writes `chunks` back to back at `position`: one `writev` where the handle has it, else `write`s. */
export async function writeAt(file: TransferFileHandle, chunks: Uint8Array[], position: number): Promise<void> {
  let at = position;
  let rest = chunks;
  if (file.writev && chunks.length > 1) {
    const { bytesWritten } = await file.writev(chunks, at);
    at += bytesWritten;
    // A short writev (rare on regular files): the remainder goes through write below.
    let skip = bytesWritten;
    rest = [];
    for (const c of chunks) {
      if (skip >= c.byteLength) skip -= c.byteLength;
      else {
        rest.push(skip > 0 ? c.subarray(skip) : c);
        skip = 0;
      }
    }
  }
  for (const chunk of rest) {
    let done = 0;
    while (done < chunk.byteLength) {
      const { bytesWritten } = await file.write(chunk, done, chunk.byteLength - done, at);
      done += bytesWritten;
      at += bytesWritten;
    }
  }
}
