/**
 * Tracing channels and context for runtimes without `node:diagnostics_channel` (browsers, workerd
 * without nodejs_compat). Channels live in one registry per global object, keyed by name, so two
 * copies of s3kit on one page still share them. The context store only covers synchronous code
 * and the synchronous part of an async function: without `AsyncLocalStorage`, an HTTP attempt
 * made after an `await` does not see its operation as `parent`.
 */
import type { ContextStore, TracingChannelLike, TracingHandlers } from './diagnostics-port.js';

const REGISTRY = Symbol.for('s3kit.tracingChannels');

function registry(): Map<string, TracingChannelLike<object>> {
  const holder = globalThis as unknown as Record<symbol, Map<string, TracingChannelLike<object>> | undefined>;
  return (holder[REGISTRY] ??= new Map<string, TracingChannelLike<object>>());
}

function createChannel<C extends object>(): TracingChannelLike<C> {
  const subscribers: TracingHandlers<C>[] = [];
  const publish = (phase: keyof TracingHandlers<C>, context: C): void => {
    for (const handlers of subscribers.slice()) handlers[phase](context);
  };
  return {
    get hasSubscribers() {
      return subscribers.length > 0;
    },
    subscribe(handlers) {
      subscribers.push(handlers);
    },
    unsubscribe(handlers) {
      const i = subscribers.indexOf(handlers);
      if (i >= 0) subscribers.splice(i, 1);
    },
    tracePromise<T>(fn: () => Promise<T>, context: C): Promise<T> {
      publish('start', context);
      let promise: Promise<T>;
      try {
        promise = fn();
      } catch (error) {
        (context as { error?: unknown }).error = error;
        publish('error', context);
        throw error;
      } finally {
        publish('end', context);
      }
      return promise.then(
        (result) => {
          (context as { result?: unknown }).result = result;
          publish('asyncStart', context);
          publish('asyncEnd', context);
          return result;
        },
        (error: unknown) => {
          (context as { error?: unknown }).error = error;
          publish('error', context);
          publish('asyncStart', context);
          publish('asyncEnd', context);
          throw error;
        },
      );
    },
  };
}

/** The tracing channel `name`, shared by every copy of s3kit in this global object. */
export function tracingChannel<C extends object>(name: string): TracingChannelLike<C> {
  const channels = registry();
  let channel = channels.get(name);
  if (!channel) {
    channel = createChannel<object>();
    channels.set(name, channel);
  }
  return channel;
}

/** A store scoped to the synchronous extent of `run` (see the module comment). */
export function createContextStore<T>(): ContextStore<T> {
  let current: T | undefined;
  return {
    getStore: () => current,
    run(value, fn) {
      const previous = current;
      current = value;
      try {
        return fn();
      } finally {
        current = previous;
      }
    },
  };
}
