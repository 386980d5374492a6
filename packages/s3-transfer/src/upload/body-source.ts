/**
 * Upload bodies: a file path, bytes, a Blob (known size, read by range) or a stream of unknown
 * length (read part by part, only as fast as parts are sent).
 */
import type { Readable } from 'node:stream';
import { ValidationError, isAsyncIterable, readableStreamChunks } from '@s3kit/primitives';
import type { SourceIdentity } from '../checkpoint/checkpoint.js';
import type { TransferFileHandle, TransferFileSystem } from '../files/file-system.js';
import { allocSharedBytes } from './part-buffers.js';
import { isNodeReadable, readableChunks } from './readable-chunks.js';

/** What `upload` accepts as `Body`: a file path, bytes, a Blob, or a stream (Node `Readable`, web `ReadableStream`, async iterable). */
export type UploadBody = string | Uint8Array | Blob | Readable | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** A source of known size, read by byte range. */
export interface SizedSource {
  readonly kind: 'sized';
  readonly size: number;
  /** Set for files: what a resume checks. */
  readonly identity: SourceIdentity | undefined;
  /** Whether `read` allocates (and so must be counted against the memory budget). */
  readonly allocates: boolean;
  /**
   * Bytes `start` to `end` (exclusive). Sources that allocate read into `into` when given (at
   * least `end - start` bytes long) and return a view of it.
   */
  read(start: number, end: number, into?: Uint8Array): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A source of unknown length. */
export interface StreamSource {
  readonly kind: 'stream';
  /**
   * Fills `buffer` from the stream; returns the bytes written (less than the buffer only at the end).
   * Leftover bytes of a chunk are kept for the next call.
   */
  fill(buffer: Uint8Array): Promise<number>;
  close(): Promise<void>;
}

/** A normalized upload source. */
export type UploadSource = SizedSource | StreamSource;



const encoder = new TextEncoder();

function streamSource(iterable: AsyncIterable<unknown>): StreamSource {
  const iterator = iterable[Symbol.asyncIterator]();
  let pending: Uint8Array | undefined;
  let done = false;
  return {
    kind: 'stream',
    async fill(buffer) {
      let filled = 0;
      while (filled < buffer.byteLength) {
        if (!pending || pending.byteLength === 0) {
          if (done) break;
          const next = await iterator.next();
          if (next.done === true) {
            done = true;
            break;
          }
          const value = next.value;
          if (typeof value === 'string') pending = encoder.encode(value);
          else if (value instanceof Uint8Array) pending = value;
          else throw new ValidationError({ field: 'Body', rule: 'stream chunks must be Uint8Array (or strings)' });
          continue;
        }
        const n = Math.min(pending.byteLength, buffer.byteLength - filled);
        buffer.set(n === pending.byteLength ? pending : pending.subarray(0, n), filled);
        // A view of nothing still holds the chunk's memory: drop it once it is copied.
        pending = n === pending.byteLength ? undefined : pending.subarray(n);
        filled += n;
      }
      return filled;
    },
    async close() {
      if (!done) await iterator.return?.();
    },
  };
}

async function fileSource(path: string, fs: TransferFileSystem): Promise<SizedSource> {
  const stats = await fs.stat(path);
  if (!stats.isFile()) throw new ValidationError({ field: 'Body', rule: 'must be a path to a regular file', value: path });
  let handle: TransferFileHandle | undefined;
  return {
    kind: 'sized',
    size: stats.size,
    identity: { path, size: stats.size, mtimeMs: stats.mtimeMs },
    allocates: true,
    async read(start, end, into) {
      handle ??= await fs.open(path, 'r');
      const buffer = into ? into.subarray(0, end - start) : allocSharedBytes(end - start);
      let at = 0;
      while (at < buffer.byteLength) {
        const { bytesRead } = await handle.read(buffer, at, buffer.byteLength - at, start + at);
        if (bytesRead === 0) throw new ValidationError({ field: 'Body', rule: `file shrank while being read (${path})` });
        at += bytesRead;
      }
      return buffer;
    },
    async close() {
      const h = handle;
      handle = undefined;
      await h?.close();
    },
  };
}

/**
 * Normalizes an upload body.
 * @throws {ValidationError} `ERR_VALIDATION` for anything else, or a path that is not a file.
 */
export async function openUploadSource(body: UploadBody, fs: TransferFileSystem): Promise<UploadSource> {
  if (typeof body === 'string') return fileSource(body, fs);
  if (body instanceof Uint8Array) {
    return { kind: 'sized', size: body.byteLength, identity: undefined, allocates: false, read: (s, e) => Promise.resolve(body.subarray(s, e)), close: () => Promise.resolve() };
  }
  if (typeof Blob !== 'undefined' && body instanceof Blob) {
    return {
      kind: 'sized',
      size: body.size,
      identity: undefined,
      allocates: true,
      read: async (s, e) => new Uint8Array(await body.slice(s, e).arrayBuffer()),
      close: () => Promise.resolve(),
    };
  }
  if (isNodeReadable(body)) return streamSource(readableChunks(body));
  if (isAsyncIterable(body)) return streamSource(body);
  if (typeof (body as { getReader?: unknown }).getReader === 'function') return streamSource(readableStreamChunks(body as unknown as ReadableStream<Uint8Array>));
  throw new ValidationError({ field: 'Body', rule: 'must be a file path, a Uint8Array, a Blob, a Readable, a ReadableStream or an async iterable of Uint8Array' });
}

/**
 * Yields `data` in chunks, calling `before(n)` ahead of each chunk (bandwidth budget) and
 * `after(n)` once the consumer pulled it (byte-accurate progress while the request is sent).
 * Chunks are `subarray` views: no copy.
 */
export async function* meteredBody(
  data: Uint8Array,
  chunkSize: number,
  before: ((n: number) => Promise<void>) | undefined,
  after: (n: number) => void,
): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.byteLength; at += chunkSize) {
    const chunk = data.subarray(at, Math.min(data.byteLength, at + chunkSize));
    if (before) await before(chunk.byteLength);
    yield chunk;
    after(chunk.byteLength);
  }
}
