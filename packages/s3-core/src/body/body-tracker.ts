/**
 * The safety net behind "an unread body never leaks a socket": every response body handed to a
 * caller is tracked until it is read to the end, fails, or is dumped. A body whose wrapper is
 * garbage-collected unread is dumped (with a debug line), and `client.close()` dumps the ones still
 * open, so a forgotten `GetObject` body cannot hold a pooled connection for ever.
 *
 * Wrappers are registered with the `FinalizationRegistry` only when they are still unread one
 * macrotask after they were handed out: registered bodies (and what they hold) survived V8's
 * young-generation collections, so registering each small GET's body promoted ~6 KB per request to
 * the old generation and made each scavenge ~5x slower (`--trace-gc`, docs/performance.md). A body read at once (`await
 * Body.bytes()`) is never registered; one kept for later is, before any collection can matter.
 */
import type { HttpResponseBody, LogFields, Logger } from '@s3kit/primitives';

/** The part of `FinalizationRegistry` the tracker uses (injectable so tests need no real GC). */
export interface FinalizationRegistryLike<T> {
  register(target: object, held: T, unregisterToken?: object): void;
  unregister(unregisterToken: object): boolean;
}

/** A tracked body: the transport's body and where it came from (for the log line). */
export interface TrackedBody {
  /** The transport's body, dumped if the caller never finishes it. */
  readonly source: HttpResponseBody;
  /** Log fields naming the request (`operation`, `bucket`, `key`); never a secret. */
  readonly fields: LogFields;
}

/** Options of {@link createBodyTracker}. */
export interface BodyTrackerOptions {
  /** Where the "collected unread" debug line goes. @default none */
  logger?: Logger | undefined;
  /** Registry factory. @default `(cleanup) => new FinalizationRegistry(cleanup)` */
  createRegistry?: (cleanup: (held: TrackedBody) => void) => FinalizationRegistryLike<TrackedBody>;
  /**
   * Runs `task` on a later macrotask: when bodies still unread are registered for collection.
   * @default `setImmediate` where it exists, else `setTimeout(task, 0)`
   */
  schedule?: (task: () => void) => void;
}

/** A macrotask later (Node's check phase; a zero timeout elsewhere). */
function nextMacrotask(task: () => void): void {
  if (typeof setImmediate === 'function') setImmediate(task);
  else setTimeout(task, 0);
}

/** Tracks the response bodies a client hands out; see the file comment. */
export interface BodyTracker {
  /**
   * Wraps `source` so that finishing it (read to the end, failed, dumped) stops tracking it, builds
   * the caller's wrapper with `wrap`, and registers that wrapper for collection.
   */
  track<T extends object>(source: HttpResponseBody, fields: LogFields, wrap: (tracked: HttpResponseBody) => T): T;
  /** Bodies handed out and not finished yet. */
  readonly open: number;
  /** Dumps every open body (each releases or destroys its connection). Never rejects. */
  dumpAll(): Promise<void>;
  /** What runs when a wrapper was collected unread: dumps its source and logs at debug level. */
  readonly onCollected: (held: TrackedBody) => void;
}

/**
 * Creates a body tracker.
 * @example
 * ```ts
 * const tracker = createBodyTracker({ logger });
 * const body = tracker.track(response.body, { operation: 'GetObject' }, (b) => createS3Body(b));
 * await tracker.dumpAll(); // on close
 * ```
 */
export function createBodyTracker(options: BodyTrackerOptions = {}): BodyTracker {
  const open = new Set<TrackedBody>();
  const logger = options.logger;
  const onCollected = (held: TrackedBody): void => {
    if (!open.delete(held)) return;
    logger?.debug('Response body was garbage-collected unread; dumping it to release its connection (read it or call dump())', held.fields);
    void held.source.dump().catch(() => undefined);
  };
  const registry = options.createRegistry ? options.createRegistry(onCollected) : new FinalizationRegistry<TrackedBody>(onCollected);
  const schedule = options.schedule ?? nextMacrotask;
  // Registrations waiting for the next macrotask; each does nothing if its body was read by then.
  let pending: (() => void)[] = [];
  const flush = (): void => {
    const due = pending;
    pending = [];
    for (const register of due) register();
  };
  const later = (register: () => void): void => {
    if (pending.push(register) === 1) schedule(flush);
  };

  return {
    track(source, fields, wrap) {
      const held: TrackedBody = { source, fields };
      // The token must not be the wrapper (it would keep it alive) nor the held value's source alone.
      const token = {};
      let started = false;
      let registered = false;
      const finish = (): void => {
        if (open.delete(held) && registered) registry.unregister(token);
      };
      // Once reading starts, the wrapper may be dropped while its stream or iterator is still in use
      // (`for await (const c of Body)`, `Body.toNodeReadable()`): from then on the iterator (held by
      // whoever reads) is what must be collected before the source is dumped.
      const start = (): void => {
        started = true;
        if (registered) registry.unregister(token);
        registered = false;
      };
      const settle = async <R>(run: () => Promise<R>): Promise<R> => {
        start();
        try {
          return await run();
        } finally {
          finish();
        }
      };
      const tracked: HttpResponseBody = {
        [Symbol.asyncIterator]: () => {
          start();
          const iterator = source[Symbol.asyncIterator]();
          const reader: AsyncIterator<Uint8Array> = {
            next: async () => {
              try {
                const result = await iterator.next();
                if (result.done === true) finish();
                return result;
              } catch (err) {
                finish();
                throw err;
              }
            },
            return: async (value?: unknown) => {
              try {
                return (await iterator.return?.(value)) ?? { done: true as const, value: undefined };
              } finally {
                finish();
              }
            },
          };
          later(() => {
            if (open.has(held)) {
              registry.register(reader, held, token);
              registered = true;
            }
          });
          return reader;
        },
        bytes: () => settle(() => source.bytes()),
        text: () => settle(() => source.text()),
        dump: () => settle(() => source.dump()),
      };
      const wrapper = wrap(tracked);
      open.add(held);
      later(() => {
        if (!started && open.has(held)) {
          registry.register(wrapper, held, token);
          registered = true;
        }
      });
      return wrapper;
    },
    get open() {
      return open.size;
    },
    async dumpAll() {
      const pending = [...open];
      open.clear();
      await Promise.all(pending.map((held) => held.source.dump().catch(() => undefined)));
    },
    onCollected,
  };
}
