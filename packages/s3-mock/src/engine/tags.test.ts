import { describe, expect, it } from 'vitest';
import { validateTags } from './tags.js';
import { expectS3Error } from './test-support/expect-s3-error.js';

const n = (count: number) => Array.from({ length: count }, (_, i) => ({ Key: `k${i}`, Value: `v${i}` }));

describe('validateTags', () => {
  it('accepts limits exactly and returns a copy', () => {
    const tags = [{ Key: 'k'.repeat(128), Value: 'v'.repeat(256) }, { Key: '\u{1F600}'.repeat(128), Value: '' }];
    const out = validateTags(tags, 'object');
    expect(out).toEqual(tags);
    expect(out[0]).not.toBe(tags[0]);
    expect(validateTags(n(10), 'object')).toHaveLength(10);
    expect(validateTags(n(50), 'bucket')).toHaveLength(50);
  });

  it('caps object tags at 10 and bucket tags at 50 with BadRequest', () => {
    expect(expectS3Error(() => validateTags(n(11), 'object'), 'BadRequest').message).toBe('Object tags cannot be greater than 10');
    expect(expectS3Error(() => validateTags(n(51), 'bucket'), 'BadRequest').message).toContain('50');
  });

  it.each([
    [[{ Key: '', Value: 'v' }], 'TagKey'],
    [[{ Key: 'k'.repeat(129), Value: 'v' }], 'TagKey'],
    [[{ Key: 'k', Value: 'v'.repeat(257) }], 'TagValue'],
    [[{ Key: 'aws:x', Value: 'v' }], 'aws:'],
    [[{ Key: 'k', Value: 'a' }, { Key: 'k', Value: 'b' }], 'same key'],
  ])('rejects %o with InvalidTag', (tags, words) => {
    expect(expectS3Error(() => validateTags(tags, 'object'), 'InvalidTag').message).toContain(words);
  });
});
