/**
 * A web `WritableStream` as a download destination: the same small sink surface the download writes
 * Node `Writable`s through (`write` answering whether to go on, `drain` and `error` events), so one
 * ordered writer serves both. Backpressure follows the stream's `desiredSize`.
 */

/** What the download writes ranges to, in order: a Node `Writable` or {@link webStreamSink}'s adapter. */
export interface ChunkSink {
  /** Queues a chunk; `false` asks the writer to wait for `drain`. */
  write(chunk: Uint8Array): boolean;
  on(event: 'drain', listener: () => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  off(event: 'drain', listener: () => void): unknown;
  off(event: 'error', listener: (err: Error) => void): unknown;
}

/** A {@link ChunkSink} over a web stream, closed when the download succeeds or aborted when it fails. */
export interface WebStreamSink extends ChunkSink {
  /** Waits for every queued write, then closes the stream. */
  close(): Promise<void>;
  /** Aborts the stream with `reason` (queued writes are dropped). */
  abort(reason: unknown): Promise<void>;
}

/** Whether `value` is a web `WritableStream`. */
export function isWritableStream(value: unknown): value is WritableStream<Uint8Array> {
  return typeof WritableStream === 'function' && value instanceof WritableStream;
}

/** Adapts `stream` (locked to the download until it closes or aborts). */
export function webStreamSink(stream: WritableStream<Uint8Array>): WebStreamSink {
  const writer = stream.getWriter();
  const drains = new Set<() => void>();
  const errors = new Set<(err: Error) => void>();
  let failure: Error | undefined;
  const fail = (err: unknown): void => {
    failure ??= err instanceof Error ? err : new Error(String(err));
    for (const listener of [...errors]) listener(failure);
  };
  return {
    write(chunk) {
      if (failure) throw failure;
      writer.write(chunk).catch(fail);
      if ((writer.desiredSize ?? 0) > 0) return true;
      writer.ready.then(
        () => {
          for (const listener of [...drains]) listener();
        },
        fail,
      );
      return false;
    },
    on(event: 'drain' | 'error', listener: (() => void) | ((err: Error) => void)) {
      if (event === 'drain') drains.add(listener as () => void);
      else errors.add(listener);
      return undefined;
    },
    off(event: 'drain' | 'error', listener: (() => void) | ((err: Error) => void)) {
      if (event === 'drain') drains.delete(listener as () => void);
      else errors.delete(listener);
      return undefined;
    },
    async close() {
      await writer.close();
    },
    async abort(reason) {
      await writer.abort(reason).catch(() => undefined);
    },
  };
}
