/** Tracing channels and async context from Node's built-ins (Node, Bun, Deno). */
import { AsyncLocalStorage } from 'node:async_hooks';
import diagnosticsChannel from 'node:diagnostics_channel';
import type { ContextStore, TracingChannelLike } from './diagnostics-port.js';

/** The tracing channel `name` (channels are global by name, so every copy of s3kit shares it). */
export function tracingChannel<C extends object>(name: string): TracingChannelLike<C> {
  return diagnosticsChannel.tracingChannel<unknown, C>(name);
}

/** A store that follows async continuations (`AsyncLocalStorage`). */
export function createContextStore<T>(): ContextStore<T> {
  return new AsyncLocalStorage<T>();
}
