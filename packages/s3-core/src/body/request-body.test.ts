import { describe, expect, it } from 'vitest';
import { toHttpBody } from './request-body.js';
import type { RequestBody } from './request-body.js';

describe('toHttpBody', () => {
  it('passes bytes, text and async iterables through', () => {
    const bytes = new Uint8Array([1]);
    expect(toHttpBody(bytes)).toBe(bytes);
    expect(toHttpBody('x')).toBe('x');
    const iterable = (async function* () {})();
    expect(toHttpBody(iterable)).toBe(iterable);
  });

  it('reads a stream that only has getReader (older web streams) and releases its lock', async () => {
    const chunks = [new Uint8Array([1, 2]), new Uint8Array([3])];
    let released = false;
    const readerOnly = {
      getReader: () => ({
        read: () => Promise.resolve(chunks.length ? { done: false, value: chunks.shift() } : { done: true, value: undefined }),
        releaseLock: () => {
          released = true;
        },
      }),
    } as unknown as RequestBody;
    const out: number[] = [];
    for await (const chunk of toHttpBody(readerOnly) as AsyncIterable<Uint8Array>) out.push(...chunk);
    expect(out).toEqual([1, 2, 3]);
    expect(released).toBe(true);
  });

  it('rejects anything else, naming the field', () => {
    expect(() => toHttpBody({} as RequestBody, 'Body')).toThrow(expect.objectContaining({ code: 'ERR_VALIDATION', details: expect.objectContaining({ field: 'Body' }) }));
  });
});
