import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isNodeReadable, readableChunks } from './readable-chunks.js';

async function collect(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const chunk of iterable) out.push(chunk);
  return out;
}

describe('readableChunks', () => {
  // Cause: Readable's own iterator calls read() without a size, which joins every buffered chunk
  // into a new Buffer; a 1 GiB stream upload copied a quarter of its bytes once more that way.
  it('hands over the very chunks the source pushed, never a concatenation of buffered ones', async () => {
    const pushed = Array.from({ length: 6 }, (_, i) => Buffer.alloc(1024, i));
    let next = 0;
    const stream = new Readable({
      highWaterMark: 4096,
      read() {
        // Two pushes per read: Readable's iterator would find both buffered and join them.
        for (let k = 0; k < 2; k++) this.push(next < pushed.length ? pushed[next++] : null);
      },
    });
    const got = await collect(readableChunks(stream));
    expect(got).toHaveLength(pushed.length);
    for (const [i, chunk] of got.entries()) expect(chunk).toBe(pushed[i]);
  });

  it('passes strings of an encoded stream through and ends on an already ended stream', async () => {
    const stream = Readable.from(['ab', 'cd'], { objectMode: true });
    expect(await collect(readableChunks(stream))).toEqual(['ab', 'cd']);
    expect(await collect(readableChunks(stream))).toEqual([]);
  });

  it('rethrows the error the stream emits after its earlier chunks', async () => {
    const failure = new Error('disk gone');
    const stream = new Readable({ read() {} });
    stream.push(Buffer.from('x'));
    const it = readableChunks(stream);
    expect((await it.next()).value).toEqual(Buffer.from('x'));
    stream.destroy(failure);
    await expect(it.next()).rejects.toBe(failure);
  });

  it('fails with ERR_STREAM_PREMATURE_CLOSE when the stream is destroyed before its end without an error', async () => {
    const stream = new Readable({ read() {} });
    const it = readableChunks(stream);
    const pending = it.next();
    stream.destroy();
    await expect(pending).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
    await expect(readableChunks(stream).next()).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });

  it('destroys the stream when the reader stops early, and leaves no listener behind', async () => {
    const stream = new Readable({ read() { this.push(Buffer.alloc(16)); } });
    const it = readableChunks(stream);
    await it.next();
    expect(stream.listenerCount('data')).toBe(1);
    await it.return!();
    expect(stream.destroyed).toBe(true);
    expect(stream.listenerCount('data') + stream.listenerCount('end') + stream.listenerCount('close')).toBe(0);
  });

  it('recognizes Node Readables and nothing else', () => {
    expect(isNodeReadable(Readable.from([]))).toBe(true);
    expect(isNodeReadable(new Blob([]).stream())).toBe(false);
    expect(isNodeReadable((async function* () {})())).toBe(false);
    expect(isNodeReadable(null)).toBe(false);
  });
});
