/**
 * Client-side validation: the named domain rules S3 enforces beyond its model (bucket names, key
 * bytes, tag and metadata limits), and the model's generic constraints. Each check throws a
 * `ValidationError` naming the member and the rule, before anything is sent.
 */
import { ValidationError, utf8ByteLength } from '@s3kit/primitives';
import { validateBucketName } from '../endpoints/bucket-name.js';
import { validateObjectKey } from '../endpoints/object-key.js';
import type { Constraints, ValidationRule } from './spec.js';

/** Most keys in one DeleteObjects request. */
export const MAX_DELETE_OBJECTS = 1000;
/** Most user metadata per object, in bytes (names and values, UTF-8). */
export const MAX_METADATA_BYTES = 2048;
/** Most tags on an object. */
export const MAX_OBJECT_TAGS = 10;
/** Most tags on a bucket. */
export const MAX_BUCKET_TAGS = 50;
/** Longest tag key, in characters. */
export const MAX_TAG_KEY_LENGTH = 128;
/** Longest tag value, in characters. */
export const MAX_TAG_VALUE_LENGTH = 256;

const HEADER_VALUE = /^[\t\x20-\x7e]*$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function fail(field: string, rule: string, value?: unknown): never {
  throw new ValidationError(value === undefined ? { field, rule } : { field, rule, value });
}

function checkTags(field: string, tags: readonly { Key?: unknown; Value?: unknown }[], max: number): void {
  if (tags.length > max) fail(field, `must have at most ${max} tags (got ${tags.length})`);
  const seen = new Set<string>();
  for (const tag of tags) {
    const { Key: key, Value: value } = tag;
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_TAG_KEY_LENGTH) {
      fail(`${field}.Key`, `must be 1 to ${MAX_TAG_KEY_LENGTH} characters`, key);
    }
    if (typeof value !== 'string' || value.length > MAX_TAG_VALUE_LENGTH) fail(`${field}.Value`, `must be 0 to ${MAX_TAG_VALUE_LENGTH} characters`, value);
    if (seen.has(key)) fail(`${field}.Key`, 'must be unique', key);
    seen.add(key);
  }
}

/** Tags of an `x-amz-tagging` value: a record or an URL query string. */
export function taggingEntries(value: string | Record<string, string>): { Key: string; Value: string }[] {
  if (typeof value === 'string') return [...new URLSearchParams(value)].map(([Key, Value]) => ({ Key, Value }));
  return Object.entries(value).map(([Key, Value]) => ({ Key, Value }));
}

type Check = (value: unknown, field: string) => void;

function tagSet(max: number): Check {
  return (value, field) => {
    const tags = (value as { TagSet?: unknown }).TagSet;
    if (!Array.isArray(tags)) fail(`${field}.TagSet`, 'must be an array of { Key, Value }');
    checkTags(`${field}.TagSet`, tags as { Key?: unknown; Value?: unknown }[], max);
  };
}

/** The built-in domain rules by name. */
export const RULES = {
  bucketName: (value, field) => {
    if (typeof value !== 'string') fail(field, 'must be a string', value);
    validateBucketName(value);
  },
  createBucketName: (value, field) => {
    if (typeof value !== 'string') fail(field, 'must be a string', value);
    validateBucketName(value, 'create');
  },
  objectKey: (value, field) => {
    validateObjectKey(value as string, field);
  },
  partNumber: (value, field) => {
    if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 10_000) fail(field, 'must be an integer from 1 to 10000', value);
  },
  nonNegativeInteger: (value, field) => {
    if (!Number.isSafeInteger(value) || (value as number) < 0) fail(field, 'must be a non-negative integer', value);
  },
  uploadId: (value, field) => {
    if (typeof value !== 'string' || value === '') fail(field, 'must be a non-empty string', value);
  },
  metadata: (value, field) => {
    if (typeof value !== 'object' || value === null) fail(field, 'must be a record of strings');
    let size = 0;
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      if (!TOKEN.test(name)) fail(`${field}.${name}`, 'name must be an HTTP token (letters, digits, - _ . and a few symbols)');
      if (typeof v !== 'string' || !HEADER_VALUE.test(v)) {
        fail(`${field}.${name}`, 'must be a string of printable US-ASCII (S3 user metadata over REST; encode other text, e.g. RFC 2047)');
      }
      size += utf8ByteLength(name) + utf8ByteLength(v);
    }
    if (size > MAX_METADATA_BYTES) fail(field, `must be at most ${MAX_METADATA_BYTES} bytes in all (got ${size})`);
  },
  objectTagging: (value, field) => {
    if (typeof value !== 'string' && (typeof value !== 'object' || value === null)) fail(field, 'must be a query string or a record');
    checkTags(field, taggingEntries(value as string | Record<string, string>), MAX_OBJECT_TAGS);
  },
  objectTagSet: tagSet(MAX_OBJECT_TAGS),
  bucketTagSet: tagSet(MAX_BUCKET_TAGS),
  deleteObjects: (value, field) => {
    const objects = (value as { Objects?: unknown }).Objects;
    if (!Array.isArray(objects) || objects.length === 0) fail(`${field}.Objects`, 'must be a non-empty array');
    if (objects.length > MAX_DELETE_OBJECTS) fail(`${field}.Objects`, `must have at most ${MAX_DELETE_OBJECTS} keys (got ${objects.length})`);
    for (const [i, o] of (objects as { Key?: unknown }[]).entries()) validateObjectKey(o.Key as string, `${field}.Objects[${i}].Key`);
  },
} as const satisfies Readonly<Record<string, Check>>;

/** Name of a built-in domain rule. */
export type RuleName = keyof typeof RULES;

/**
 * Applies `rule` to the value of input member `field`.
 * @throws {ValidationError} `ERR_VALIDATION`.
 */
export function applyRule(rule: ValidationRule, field: string, value: unknown): void {
  (typeof rule === 'string' ? RULES[rule] : rule)(value, field);
}

/**
 * Checks the model's generic constraints: string length in characters, number range, list length,
 * pattern.
 * @throws {ValidationError} `ERR_VALIDATION`.
 */
export function checkConstraints(constraints: Constraints, field: string, value: unknown): void {
  const { min, max, pattern } = constraints;
  const size = typeof value === 'string' || Array.isArray(value) ? value.length : typeof value === 'number' ? value : undefined;
  if (size === undefined) return;
  const what = typeof value === 'number' ? '' : Array.isArray(value) ? ' items' : ' characters';
  if (min !== undefined && size < min) fail(field, max === undefined ? `must be at least ${min}${what}` : `must be ${min} to ${max}${what}`, value);
  if (max !== undefined && size > max) fail(field, min === undefined ? `must be at most ${max}${what}` : `must be ${min} to ${max}${what}`, value);
  if (pattern !== undefined && typeof value === 'string' && !patternOf(pattern).test(value)) fail(field, `must match ${pattern}`, value);
}

const patterns = new Map<string, RegExp>();

/** A model pattern as a RegExp: ECMA-262 syntax, not anchored (the model anchors where it means to). */
function patternOf(source: string): RegExp {
  let re = patterns.get(source);
  if (re === undefined) {
    re = new RegExp(source);
    patterns.set(source, re);
  }
  return re;
}
