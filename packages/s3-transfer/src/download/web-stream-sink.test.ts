import { describe, expect, it } from 'vitest';
import { isAbortError } from '@s3kit/primitives';
import { bytes, setup, PART } from '../test-support/setup.js';
import { isWritableStream, webStreamSink } from './web-stream-sink.js';

function collector(highWaterMark = 1): { stream: WritableStream<Uint8Array>; chunks: Uint8Array[]; state: { closed: boolean; aborted: unknown } } {
  const chunks: Uint8Array[] = [];
  const state = { closed: false, aborted: undefined as unknown };
  const stream = new WritableStream<Uint8Array>(
    {
      async write(chunk) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        chunks.push(chunk.slice());
      },
      close() {
        state.closed = true;
      },
      abort(reason) {
        state.aborted = reason;
      },
    },
    new CountQueuingStrategy({ highWaterMark }),
  );
  return { stream, chunks, state };
}

function joined(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

describe('download to a web WritableStream', () => {
  it('writes the ranges in order under backpressure, verifies, then closes the stream', async () => {
    const s = await setup();
    const data = bytes(5 * PART + 17, 3);
    await s.tm.upload({ Bucket: 'bkt', Key: 'web', Body: data });
    const { stream, chunks, state } = collector();
    const result = await s.tm.download({ Bucket: 'bkt', Key: 'web' }, { to: stream });
    expect(joined(chunks)).toEqual(data);
    expect(result.size).toBe(data.byteLength);
    expect(state.closed).toBe(true);
  });

  it('aborts the stream when the download is aborted, and rejects with AbortError', async () => {
    const s = await setup();
    await s.tm.upload({ Bucket: 'bkt', Key: 'big', Body: bytes(8 * PART, 4) });
    const { stream, state } = collector();
    const controller = new AbortController();
    const pending = s.tm.download({ Bucket: 'bkt', Key: 'big' }, {
      to: stream,
      signal: controller.signal,
      onProgress: () => {
        controller.abort();
      },
    });
    expect(isAbortError(await pending.catch((e: unknown) => e))).toBe(true);
    expect(state.closed).toBe(false);
    expect(state.aborted).toBeDefined();
  });

  it('fails the download with the error of a stream that rejects a write', async () => {
    const s = await setup();
    await s.tm.upload({ Bucket: 'bkt', Key: 'w', Body: bytes(3 * PART, 5) });
    const broken = new WritableStream<Uint8Array>({
      write() {
        throw new Error('disk full');
      },
    });
    await expect(s.tm.download({ Bucket: 'bkt', Key: 'w' }, { to: broken })).rejects.toThrow('disk full');
  });
});

describe('webStreamSink', () => {
  it('recognizes web streams only', () => {
    expect(isWritableStream(new WritableStream())).toBe(true);
    expect(isWritableStream({ write: () => true })).toBe(false);
  });

  it('refuses writes after the stream failed', async () => {
    const sink = webStreamSink(
      new WritableStream<Uint8Array>({
        write() {
          throw new Error('gone');
        },
      }),
    );
    const failed = new Promise<Error>((resolve) => sink.on('error', resolve));
    sink.write(new Uint8Array(1));
    expect((await failed).message).toBe('gone');
    expect(() => sink.write(new Uint8Array(1))).toThrow('gone');
  });
});
