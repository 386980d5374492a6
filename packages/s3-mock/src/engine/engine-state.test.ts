import { describe, expect, it } from 'vitest';
import { copyState, emptyState } from './engine-state.js';
import { deepFreeze } from './freeze.js';

describe('copyState', () => {
  it('copies every container and shares the frozen records', () => {
    const state = emptyState();
    const record = deepFreeze({ Name: 'b', CreationDate: 0, Region: 'us-east-1', Owner: { ID: 'o', DisplayName: 'o' }, config: { Acl: { Owner: { ID: 'o', DisplayName: 'o' }, Grants: [] } } });
    const parts = new Map([[1, deepFreeze({ PartNumber: 1, body: new Uint8Array([1]), ETag: '"e"', LastModified: 0 })]]);
    state.buckets.set('b', { record, keys: new Map(), uploads: new Map([['u', { record: deepFreeze({ UploadId: 'u' }) as never, parts }]]), sortedKeys: undefined });
    const copy = copyState(state);
    const live = state.buckets.get('b')!;
    const copied = copy.buckets.get('b')!;
    expect(copied).not.toBe(live);
    expect(copied.record).toBe(live.record);
    expect(copied.uploads.get('u')!.parts).not.toBe(parts);
    expect(copied.uploads.get('u')!.parts.get(1)).toBe(parts.get(1));
    // A change to the live containers does not reach the copy, and records cannot change at all.
    live.keys.set('k', { Key: 'k', versions: [] });
    parts.delete(1);
    expect(copied.keys.size).toBe(0);
    expect(copied.uploads.get('u')!.parts.size).toBe(1);
    expect(() => {
      (live.record as { Region: string }).Region = 'eu-west-1';
    }).toThrow(TypeError);
  });
});
