import { describe, expect, it } from 'vitest';
import type { DeleteMarker, KeyVersion } from './records.js';
import { currentOf, pushVersion, removeVersion, replaceVersion, versionOf } from './version-stack.js';

const owner = { ID: 'o', DisplayName: 'o' };
const marker = (VersionId: string): DeleteMarker => ({ kind: 'deleteMarker', Key: 'k', VersionId, LastModified: 0, Owner: owner });
const object = (VersionId: string, ETag = VersionId): KeyVersion => ({
  kind: 'object', Key: 'k', VersionId, segments: [], Size: 0, ETag, LastModified: 0, ContentType: 'x/y', headers: {}, Metadata: {}, StorageClass: 'STANDARD', Tags: [], Owner: owner, Acl: { Owner: owner, Grants: [] },
});

describe('version stack', () => {
  it('keeps versions newest first; the current object is the newest unless it is a delete marker', () => {
    let stack = pushVersion(undefined, object('v1'));
    stack = pushVersion(stack, object('v2'));
    expect(stack.versions.map((v) => v.VersionId)).toEqual(['v2', 'v1']);
    expect(currentOf(stack)?.VersionId).toBe('v2');
    stack = pushVersion(stack, marker('m1'));
    expect(currentOf(stack)).toBeUndefined();
    expect(versionOf(stack, 'v1')?.kind).toBe('object');
    expect(currentOf(undefined)).toBeUndefined();
  });

  it('a null version replaces the previous null version wherever it is, and becomes the newest', () => {
    let stack = pushVersion(undefined, object('null', 'a'));
    stack = pushVersion(stack, object('v1'));
    stack = pushVersion(stack, object('null', 'b'));
    expect(stack.versions.map((v) => [v.VersionId, v.kind === 'object' ? v.ETag : 'marker'])).toEqual([['null', 'b'], ['v1', 'v1']]);
    stack = pushVersion(stack, marker('null'));
    expect(stack.versions.map((v) => v.VersionId)).toEqual(['null', 'v1']);
    expect(currentOf(stack)).toBeUndefined();
  });

  it('replaces a version in place and removes versions until none is left', () => {
    let stack = pushVersion(pushVersion(undefined, object('v1')), object('v2'));
    stack = replaceVersion(stack, object('v1', 'tagged'));
    expect(stack.versions.map((v) => (v.kind === 'object' ? v.ETag : ''))).toEqual(['v2', 'tagged']);
    const rest = removeVersion(stack, 'v2')!;
    expect(currentOf(rest)?.ETag).toBe('tagged');
    expect(removeVersion(rest, 'v1')).toBeUndefined();
  });

  it('stacks are immutable: a change returns a new stack', () => {
    const one = pushVersion(undefined, object('v1'));
    const two = pushVersion(one, object('v2'));
    expect(one.versions).toHaveLength(1);
    expect(two.versions).toHaveLength(2);
    expect(Object.isFrozen(two.versions)).toBe(true);
  });
});
