import { S3MockError } from './errors.js';

/** One tag, as in S3's `<Tag><Key/><Value/></Tag>`. */
export interface Tag {
  /** 1 to 128 Unicode characters. */
  Key: string;
  /** 0 to 256 Unicode characters. */
  Value: string;
}

/** Tag limits per resource kind. */
const MAX_TAGS = { object: 10, bucket: 50 } as const;

/** Length in Unicode code points (S3 counts characters, not UTF-16 units). */
const chars = (s: string): number => Array.from(s).length;

/**
 * Validates a tag set and returns a copy.
 *
 * Count limits (10 per object, 50 per bucket) give `BadRequest` as S3 does ("Object tags cannot be
 * greater than 10"); bad keys/values, duplicate keys and `aws:` keys give `InvalidTag`. Character-set
 * rules are not enforced.
 *
 * @throws S3MockError `BadRequest`, `InvalidTag`
 */
export function validateTags(tags: readonly Tag[], kind: 'object' | 'bucket'): Tag[] {
  const max = MAX_TAGS[kind];
  if (tags.length > max) {
    const what = kind === 'object' ? 'Object tags' : 'Bucket tag count';
    throw new S3MockError('BadRequest', {}, `${what} cannot be greater than ${max}`);
  }
  const seen = new Set<string>();
  for (const { Key, Value } of tags) {
    if (chars(Key) < 1 || chars(Key) > 128) {
      throw new S3MockError('InvalidTag', { TagKey: Key }, 'The TagKey you have provided is invalid');
    }
    if (chars(Value) > 256) {
      throw new S3MockError('InvalidTag', { TagKey: Key }, 'The TagValue you have provided is invalid');
    }
    if (Key.toLowerCase().startsWith('aws:')) {
      throw new S3MockError('InvalidTag', { TagKey: Key }, 'Your TagKey cannot be prefixed with aws:');
    }
    if (seen.has(Key)) {
      throw new S3MockError('InvalidTag', { TagKey: Key }, 'Cannot provide multiple Tags with the same key');
    }
    seen.add(Key);
  }
  return tags.map(({ Key, Value }) => ({ Key, Value }));
}
