/**
 * The chunks of a Node `Readable` one by one, as its source pushed them. Its own async iterator
 * calls `read()` without a size, which concatenates everything buffered into a new Buffer: with a
 * source that pushes 1 MiB chunks into a 1 MiB high-water mark, about a quarter of a 1 GiB upload
 * was copied once more into 2 MiB Buffers that only the garbage collector frees.
 */

import type { Readable } from 'node:stream';

/** The part of a Node `Readable` that {@link readableChunks} uses (a type only: nothing of `node:stream` is loaded). */
export type NodeReadableLike = Pick<Readable, 'on' | 'off' | 'pause' | 'resume' | 'destroy' | 'readableEnded' | 'destroyed'>;

/** Whether `body` looks like a Node `Readable` (duck-typed: no `node:stream` import at run time). */
export function isNodeReadable(body: unknown): body is NodeReadableLike {
  const b = body as Partial<Record<'on' | 'off' | 'pause' | 'resume' | 'destroy', unknown>> | null;
  return typeof b === 'object' && b !== null && typeof b.on === 'function' && typeof b.off === 'function' && typeof b.pause === 'function' && typeof b.resume === 'function' && typeof b.destroy === 'function';
}

/** A Readable closed before its end without an error (`destroy()` with no reason). */
function prematureClose(): Error {
  return Object.assign(new Error('The body stream closed before its end'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}

/**
 * Reads `stream` in flowing mode, paused whenever a chunk waits to be taken, so at most one chunk
 * beyond the stream's own buffer is held. `return()` (an upload that stops early) destroys the
 * stream, as the stream's own iterator does.
 */
export function readableChunks(stream: NodeReadableLike): AsyncIterableIterator<unknown> {
  const queue: unknown[] = [];
  let ended = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  let started = false;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const onData = (chunk: unknown): void => {
    queue.push(chunk);
    stream.pause();
    notify();
  };
  const onEnd = (): void => {
    ended = true;
    notify();
  };
  const onError = (error: unknown): void => {
    failure ??= { error };
    notify();
  };
  const onClose = (): void => {
    if (!ended && failure === undefined) failure = { error: prematureClose() };
    notify();
  };
  const detach = (): void => {
    stream.off('data', onData);
    stream.off('end', onEnd);
    stream.off('error', onError);
    stream.off('close', onClose);
  };
  const iterator: AsyncIterableIterator<unknown> = {
    async next() {
      if (!started) {
        started = true;
        if (stream.readableEnded) ended = true;
        else if (stream.destroyed) failure = { error: prematureClose() };
        else {
          stream.on('end', onEnd);
          stream.on('error', onError);
          stream.on('close', onClose);
          stream.on('data', onData);
        }
      }
      for (;;) {
        if (queue.length > 0) return { done: false, value: queue.shift() };
        if (failure !== undefined) {
          detach();
          throw failure.error;
        }
        if (ended) {
          detach();
          return { done: true, value: undefined };
        }
        const woken = new Promise<void>((resolve) => {
          wake = resolve;
        });
        stream.resume();
        await woken;
      }
    },
    return() {
      detach();
      if (!ended && !stream.destroyed) stream.destroy();
      return Promise.resolve({ done: true, value: undefined });
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
