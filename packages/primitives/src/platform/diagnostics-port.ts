/**
 * The two pieces of `node:diagnostics_channel` and `node:async_hooks` that tracing uses, as a port:
 * `diagnostics.node.ts` hands out Node's own (also in Bun and Deno), `diagnostics.web.ts` a small
 * in-process version for runtimes without them (browsers, workerd).
 */

/** Handlers of a tracing channel, as `diagnostics_channel.TracingChannelSubscribers`. */
export interface TracingHandlers<C> {
  start(context: C): void;
  end(context: C): void;
  asyncStart(context: C): void;
  asyncEnd(context: C): void;
  error(context: C): void;
}

/** The part of `diagnostics_channel.TracingChannel` s3kit uses. */
export interface TracingChannelLike<C extends object> {
  /** Whether any handler is subscribed (checked before a context is built). */
  readonly hasSubscribers: boolean;
  subscribe(handlers: TracingHandlers<C>): void;
  unsubscribe(handlers: TracingHandlers<C>): void;
  /** Runs `fn`, publishing start/end and, when its promise settles, asyncStart/asyncEnd (error first on rejection). */
  tracePromise<T>(fn: () => Promise<T>, context: C): Promise<T>;
}

/** The part of `AsyncLocalStorage` s3kit uses. */
export interface ContextStore<T> {
  /** The value of the innermost `run` this code runs in. */
  getStore(): T | undefined;
  /** Runs `fn` with `value` as the store. */
  run<R>(value: T, fn: () => R): R;
}
