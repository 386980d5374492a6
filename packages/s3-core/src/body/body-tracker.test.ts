import { createResponseBody } from '@s3kit/primitives';
import type { HttpResponseBody, LogFields, Logger } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { createBodyTracker } from './body-tracker.js';
import type { FinalizationRegistryLike, TrackedBody } from './body-tracker.js';
import { createS3Body } from './response-body.js';

/** A registry that records what is registered, so collection can be simulated without a GC. */
function fakeRegistry() {
  const entries: { target: object; held: TrackedBody; token: object | undefined }[] = [];
  let cleanup: ((held: TrackedBody) => void) | undefined;
  const registry: FinalizationRegistryLike<TrackedBody> = {
    register: (target, held, token) => void entries.push({ target, held, token }),
    unregister: (token) => {
      const before = entries.length;
      for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.token === token) entries.splice(i, 1);
      return entries.length < before;
    },
  };
  return {
    entries,
    create: (cb: (held: TrackedBody) => void) => {
      cleanup = cb;
      return registry;
    },
    /** Simulates the collection of `target`. */
    collect(target: object) {
      for (const e of entries.filter((x) => x.target === target)) cleanup?.(e.held);
    },
  };
}

/** A scheduler run by hand: `flush()` is the next macrotask. */
function manualSchedule() {
  const tasks: (() => void)[] = [];
  return {
    schedule: (task: () => void) => void tasks.push(task),
    flush() {
      for (const task of tasks.splice(0)) task();
    },
  };
}

/** A body over `chunks` that counts dumps (and can fail after the first chunk). */
function spyBody(chunks: string[], failAfterFirst = false): HttpResponseBody & { dumps: number } {
  const body = createResponseBody(
    (async function* () {
      for (const [i, c] of chunks.entries()) {
        if (failAfterFirst && i === 1) throw new Error('connection reset');
        yield new TextEncoder().encode(c);
      }
    })(),
  );
  const spy = Object.assign(body, { dumps: 0 });
  const dump = body.dump.bind(body);
  spy.dump = () => {
    spy.dumps++;
    return dump();
  };
  return spy;
}

function recordingLogger(): Logger & { lines: { msg: string; fields: LogFields | undefined }[] } {
  const lines: { msg: string; fields: LogFields | undefined }[] = [];
  const none = (): void => undefined;
  return { lines, debug: (msg, fields) => void lines.push({ msg, fields }), info: none, warn: none, error: none };
}

describe('createBodyTracker', () => {
  it('stops tracking a body read whole, and unregisters it', async () => {
    const fake = fakeRegistry();
    const later = manualSchedule();
    const tracker = createBodyTracker({ createRegistry: fake.create, schedule: later.schedule });
    const body = tracker.track(spyBody(['ab', 'c']), { operation: 'GetObject' }, (b) => createS3Body(b));
    expect(tracker.open).toBe(1);
    later.flush();
    expect(fake.entries.map((e) => e.target)).toEqual([body]);
    expect(await body.text()).toBe('abc');
    expect(tracker.open).toBe(0);
    expect(fake.entries).toEqual([]);
  });

  it('never registers a body read before the next macrotask (regression: registering every body kept it alive through young-generation collections, ~6 KB promoted per small GET)', async () => {
    const fake = fakeRegistry();
    const later = manualSchedule();
    const tracker = createBodyTracker({ createRegistry: fake.create, schedule: later.schedule });
    const read = tracker.track(spyBody(['ab']), {}, (b) => createS3Body(b));
    const iterated = tracker.track(spyBody(['a', 'b']), {}, (b) => createS3Body(b));
    const dumped = tracker.track(spyBody(['c']), {}, (b) => createS3Body(b));
    expect(await read.text()).toBe('ab');
    let n = 0;
    for await (const chunk of iterated) n += chunk.byteLength;
    await dumped.dump();
    later.flush();
    expect([n, tracker.open, fake.entries]).toEqual([2, 0, []]);
  });

  it('registers a body still unread a macrotask later, with the real scheduler', async () => {
    const fake = fakeRegistry();
    const tracker = createBodyTracker({ createRegistry: fake.create });
    const kept = tracker.track(spyBody(['k']), {}, (b) => createS3Body(b));
    const read = tracker.track(spyBody(['r']), {}, (b) => createS3Body(b));
    expect(await read.text()).toBe('r');
    expect(fake.entries).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.entries.map((e) => e.target)).toEqual([kept]);
    expect(await kept.text()).toBe('k');
    expect(fake.entries).toEqual([]);
  });

  it('stops tracking on end of iteration, early break and a failed read', async () => {
    const tracker = createBodyTracker({ createRegistry: fakeRegistry().create });
    const ended = tracker.track(spyBody(['a', 'b']), {}, (b) => createS3Body(b));
    const seen: number[] = [];
    for await (const chunk of ended) seen.push(chunk.byteLength);
    expect(seen).toEqual([1, 1]);
    const broken = tracker.track(spyBody(['a', 'b']), {}, (b) => createS3Body(b));
    for await (const chunk of broken) {
      expect(chunk.byteLength).toBe(1);
      break;
    }
    const failed = tracker.track(spyBody(['a', 'b'], true), {}, (b) => createS3Body(b));
    await expect(failed.bytes()).rejects.toThrow('connection reset');
    expect(tracker.open).toBe(0);
  });

  it('dumps a body collected unread and says so at debug level', async () => {
    const fake = fakeRegistry();
    const logger = recordingLogger();
    const later = manualSchedule();
    const tracker = createBodyTracker({ logger, createRegistry: fake.create, schedule: later.schedule });
    const source = spyBody(['abc']);
    const body = tracker.track(source, { operation: 'GetObject', bucket: 'photos', key: 'a.jpg' }, (b) => createS3Body(b));
    later.flush();
    fake.collect(body);
    await Promise.resolve();
    expect(source.dumps).toBe(1);
    expect(tracker.open).toBe(0);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]?.msg).toMatch(/garbage-collected unread/);
    expect(logger.lines[0]?.fields).toEqual({ operation: 'GetObject', bucket: 'photos', key: 'a.jpg' });
    // A second report of the same body (or one already finished) does nothing.
    tracker.onCollected({ source, fields: {} });
    expect(source.dumps).toBe(1);
    expect(logger.lines).toHaveLength(1);
  });

  it('once reading starts, watches the reader instead of the dropped wrapper', async () => {
    const fake = fakeRegistry();
    const later = manualSchedule();
    const tracker = createBodyTracker({ createRegistry: fake.create, schedule: later.schedule });
    const source = spyBody(['a', 'b']);
    const body = tracker.track(source, {}, (b) => createS3Body(b));
    later.flush();
    expect(fake.entries.map((e) => e.target)).toEqual([body]);
    const readable = body.toNodeReadable();
    // The wrapper is no longer registered: dropping it while the stream is read must not dump it.
    expect(fake.entries.some((e) => e.target === body)).toBe(false);
    fake.collect(body);
    const chunks: Buffer[] = [];
    for await (const chunk of readable) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('ab');
    expect(tracker.open).toBe(0);
  });

  it('dumps a reader abandoned mid-body when it is collected', async () => {
    const fake = fakeRegistry();
    const later = manualSchedule();
    const tracker = createBodyTracker({ createRegistry: fake.create, schedule: later.schedule });
    const source = spyBody(['a', 'b']);
    const body = tracker.track(source, {}, (b) => createS3Body(b));
    const iterator = body[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual(new TextEncoder().encode('a'));
    later.flush();
    expect(fake.entries).toHaveLength(1);
    const reader = fake.entries[0]!.target;
    expect(reader).not.toBe(body);
    fake.collect(reader);
    expect(source.dumps).toBe(1);
    expect(tracker.open).toBe(0);
  });

  it('dumpAll dumps every open body once and never rejects', async () => {
    const tracker = createBodyTracker();
    const a = spyBody(['a']);
    const b = spyBody(['b']);
    const failing = Object.assign(spyBody(['c']), { dump: () => Promise.reject(new Error('boom')) });
    tracker.track(a, {}, (x) => createS3Body(x));
    tracker.track(b, {}, (x) => createS3Body(x));
    tracker.track(failing, {}, (x) => createS3Body(x));
    const read = tracker.track(spyBody(['d']), {}, (x) => createS3Body(x));
    await read.dump();
    expect(tracker.open).toBe(3);
    await tracker.dumpAll();
    expect([a.dumps, b.dumps, tracker.open]).toEqual([1, 1, 0]);
    await tracker.dumpAll();
    expect(a.dumps).toBe(1);
  });

  it('stops tracking when an iteration fails, and ignores a source whose dump rejects on collection', async () => {
    const fake = fakeRegistry();
    const tracker = createBodyTracker({ createRegistry: fake.create });
    const failing = tracker.track(spyBody(['a', 'b'], true), {}, (b) => b);
    const iterator = failing[Symbol.asyncIterator]();
    await iterator.next();
    await expect(iterator.next()).rejects.toThrow('connection reset');
    expect(tracker.open).toBe(0);
    expect(await tracker.track(spyBody(['t']), {}, (b) => b).text()).toBe('t');

    const rejecting = Object.assign(spyBody(['c']), { dump: () => Promise.reject(new Error('boom')) });
    const body = tracker.track(rejecting, {}, (b) => createS3Body(b));
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.entries.map((e) => e.target)).toEqual([body]);
    fake.collect(body);
    await new Promise((resolve) => setImmediate(resolve));
    expect(tracker.open).toBe(0);
  });

  it('does not watch a reader started after close() dumped the body', async () => {
    const fake = fakeRegistry();
    const tracker = createBodyTracker({ createRegistry: fake.create });
    // A lenient source: iterating after a dump yields nothing instead of throwing.
    const lenient: HttpResponseBody = {
      [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: true as const, value: undefined }) }),
      bytes: () => Promise.resolve(new Uint8Array(0)),
      text: () => Promise.resolve(''),
      dump: () => Promise.resolve(),
    };
    const body = tracker.track(lenient, {}, (b) => b);
    await tracker.dumpAll();
    fake.entries.length = 0;
    const iterator = body[Symbol.asyncIterator]();
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.entries).toEqual([]);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(await iterator.return?.()).toEqual({ done: true, value: undefined });
  });
});
