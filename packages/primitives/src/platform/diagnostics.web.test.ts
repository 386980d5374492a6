import { describe, expect, it } from 'vitest';
import type { TracingHandlers } from './diagnostics-port.js';
import { createContextStore, tracingChannel } from './diagnostics.web.js';

interface Ctx {
  name: string;
  result?: unknown;
  error?: unknown;
}

function recorder(events: string[]): TracingHandlers<Ctx> {
  return {
    start: (c) => events.push(`start ${c.name}`),
    end: (c) => events.push(`end ${c.name}`),
    asyncStart: (c) => events.push(`asyncStart ${c.name}`),
    asyncEnd: (c) => events.push(`asyncEnd ${c.name}`),
    error: (c) => events.push(`error ${c.name} ${String(c.error)}`),
  };
}

describe('web tracing channel', () => {
  it('is shared by name and publishes start, end, asyncStart, asyncEnd around a resolved promise', async () => {
    const events: string[] = [];
    const handlers = recorder(events);
    const channel = tracingChannel<Ctx>('test:web-a');
    expect(channel.hasSubscribers).toBe(false);
    tracingChannel<Ctx>('test:web-a').subscribe(handlers);
    expect(channel.hasSubscribers).toBe(true);
    const context: Ctx = { name: 'op' };
    await expect(channel.tracePromise(() => Promise.resolve(42), context)).resolves.toBe(42);
    expect(context.result).toBe(42);
    expect(events).toEqual(['start op', 'end op', 'asyncStart op', 'asyncEnd op']);
    channel.unsubscribe(handlers);
    expect(channel.hasSubscribers).toBe(false);
  });

  it('publishes error before asyncEnd on rejection, and on a synchronous throw', async () => {
    const events: string[] = [];
    const channel = tracingChannel<Ctx>('test:web-b');
    channel.subscribe(recorder(events));
    await expect(channel.tracePromise(() => Promise.reject(new Error('no')), { name: 'a' })).rejects.toThrow('no');
    expect(() => channel.tracePromise(() => {
      throw new Error('sync');
    }, { name: 'b' })).toThrow('sync');
    expect(events).toEqual(['start a', 'end a', 'error a Error: no', 'asyncStart a', 'asyncEnd a', 'start b', 'error b Error: sync', 'end b']);
  });
});

describe('web context store', () => {
  it('holds the value for the synchronous extent of run, nested runs restoring the outer one', () => {
    const store = createContextStore<string>();
    expect(store.getStore()).toBeUndefined();
    const seen = store.run('outer', () => {
      const inner = store.run('inner', () => store.getStore());
      return [inner, store.getStore()];
    });
    expect(seen).toEqual(['inner', 'outer']);
    expect(store.getStore()).toBeUndefined();
  });
});
