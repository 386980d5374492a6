import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isAsyncIterable, readableStreamChunks } from './async-chunks.js';

describe('isAsyncIterable', () => {
  it('accepts Node Readables and async generators, refuses bytes, strings, web streams without the protocol and null', async () => {
    async function* gen(): AsyncGenerator<number> {
      yield 1;
    }
    expect(isAsyncIterable(Readable.from(['a']))).toBe(true);
    expect(isAsyncIterable(gen())).toBe(true);
    expect(isAsyncIterable(new Uint8Array(1))).toBe(false);
    expect(isAsyncIterable('text')).toBe(false);
    expect(isAsyncIterable(null)).toBe(false);
    expect(isAsyncIterable({ [Symbol.asyncIterator]: 1 })).toBe(false);
  });
});

describe('readableStreamChunks', () => {
  const stream = (): ReadableStream<Uint8Array> =>
    new ReadableStream({
      start(c) {
        c.enqueue(new Uint8Array([1, 2]));
        c.enqueue(new Uint8Array([3]));
        c.close();
      },
    });

  it('yields every chunk in order and releases the lock at the end', async () => {
    const s = stream();
    const seen: number[][] = [];
    for await (const chunk of readableStreamChunks(s)) seen.push([...chunk]);
    expect(seen).toEqual([[1, 2], [3]]);
    expect(s.locked).toBe(false);
  });

  it('releases the lock without cancelling when the reader stops early, so the rest can still be read', async () => {
    const s = stream();
    for await (const chunk of readableStreamChunks(s)) {
      expect([...chunk]).toEqual([1, 2]);
      break;
    }
    expect(s.locked).toBe(false);
    const rest = await s.getReader().read();
    expect(rest.value && [...rest.value]).toEqual([3]);
  });
});
