import { describe, expect, it } from 'vitest';
import { createFaultRegistry } from './faults.js';

const objectRoute = { operation: 'GetObject' as const, bucket: 'bkt', key: 'a/b', virtualHost: false };
const bucketRoute = { operation: 'ListObjects' as const, bucket: 'bkt', virtualHost: false };

describe('createFaultRegistry', () => {
  it('matches every given member and fires the set number of times, first rule first', () => {
    const faults = createFaultRegistry();
    faults.add({ match: { method: 'PUT' }, action: 'reset' });
    faults.add({ match: { bucket: 'other' }, action: 'reset' });
    faults.add({ match: { operation: 'PutObject' }, action: 'reset' });
    faults.add({ match: { key: /^a\// }, action: { slowDown: true } });
    faults.add({ match: { key: 'a/b', method: 'get' }, times: 2, action: '200-error' });
    expect(faults.take(bucketRoute, 'GET')).toBeUndefined();
    expect(faults.take(objectRoute, 'GET')).toEqual({ slowDown: true });
    expect(faults.take(objectRoute, 'GET')).toBe('200-error');
    expect(faults.pending.at(-1)?.times).toBe(1);
    expect(faults.take(objectRoute, 'GET')).toBe('200-error');
    expect(faults.take(objectRoute, 'GET')).toBeUndefined();
    expect(faults.take({ ...objectRoute, key: 'zzz' }, 'GET')).toBeUndefined();
    expect(faults.pending).toHaveLength(3);
    faults.clear();
    expect(faults.take(objectRoute, 'PUT')).toBeUndefined();
  });

  it('removes a rule once, even if called twice', () => {
    const faults = createFaultRegistry();
    const remove = faults.add({ action: 'reset' });
    faults.add({ action: { delayMs: 5 } });
    remove();
    remove();
    expect(faults.take(objectRoute, 'GET')).toEqual({ delayMs: 5 });
  });

  it('targets a key prefix, starts at the nth match, fires a count, and journals each firing', () => {
    const faults = createFaultRegistry();
    faults.add({ name: 'third-and-fourth', match: { keyPrefix: 'a/' }, nth: 3, times: 2, action: 'RequestTimeout' });
    const seen = Array.from({ length: 6 }, () => faults.take(objectRoute, 'get'));
    expect(seen).toEqual([undefined, undefined, 'RequestTimeout', 'RequestTimeout', undefined, undefined]);
    expect(faults.take({ ...objectRoute, key: 'b/a/' }, 'GET')).toBeUndefined();
    expect(faults.take(bucketRoute, 'GET')).toBeUndefined();
    expect(faults.fired).toEqual([
      { rule: 'third-and-fourth', action: 'RequestTimeout', operation: 'GetObject', bucket: 'bkt', key: 'a/b', method: 'GET', match: 3 },
      { rule: 'third-and-fourth', action: 'RequestTimeout', operation: 'GetObject', bucket: 'bkt', key: 'a/b', method: 'GET', match: 4 },
    ]);
    faults.add({ action: 'reset' });
    faults.take(objectRoute, 'GET');
    expect(faults.fired.at(-1)?.rule).toBe('rule-2');
    faults.clear();
    expect(faults.fired).toEqual([]);
  });

  it('fires with a seeded probability: the same seed gives the same run, a rule passed over lets the next one fire', () => {
    const run = (seed: number): (string | undefined)[] => {
      const faults = createFaultRegistry();
      faults.add({ probability: 0.3, seed, times: 1000, action: 'reset' });
      faults.add({ times: 1000, action: { delayMs: 1 } });
      return Array.from({ length: 200 }, () => {
        const a = faults.take(objectRoute, 'GET');
        return a === 'reset' ? 'reset' : a === undefined ? undefined : 'delay';
      });
    };
    const first = run(42);
    expect(run(42)).toEqual(first);
    expect(run(7)).not.toEqual(first);
    const resets = first.filter((a) => a === 'reset').length;
    expect(resets).toBeGreaterThan(30);
    expect(resets).toBeLessThan(90);
    expect(first.filter((a) => a === 'delay')).toHaveLength(200 - resets);
    const never = createFaultRegistry();
    never.add({ probability: 0, action: 'reset' });
    expect(Array.from({ length: 50 }, () => never.take(objectRoute, 'GET')).every((a) => a === undefined)).toBe(true);
  });

  it('refuses nonsensical rules', () => {
    const faults = createFaultRegistry();
    expect(() => faults.add({ nth: 0, action: 'reset' })).toThrow(RangeError);
    expect(() => faults.add({ times: 1.5, action: 'reset' })).toThrow(RangeError);
    expect(() => faults.add({ probability: 2, action: 'reset' })).toThrow(RangeError);
    expect(faults.pending).toEqual([]);
  });
});
