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
});
