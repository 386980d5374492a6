/**
 * Bucket lifecycle configurations: validated and stored as given (expiry and transitions do not
 * run; the mock keeps no time-driven jobs).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLifecycleConfiguration.html
 */
import type { Requester } from './account.js';
import { readSubresource, writeSubresource } from './bucket-subresource.js';
import { childOf, childrenOf, valueOf, withChild } from './config-document.js';
import type { ConfigElement } from './config-document.js';
import type { EngineContext } from './engine-state.js';
import { randomId } from './engine-state.js';
import { S3MockError } from './errors.js';

const invalid = (message: string): S3MockError => new S3MockError('InvalidArgument', {}, message);
const ACTIONS = ['Expiration', 'Transition', 'NoncurrentVersionExpiration', 'NoncurrentVersionTransition', 'AbortIncompleteMultipartUpload'];

/** A lifecycle date: midnight UTC in ISO 8601 (`2030-01-01` or `2030-01-01T00:00:00Z`). */
function checkDate(text: string): void {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00:00(?:\.000)?(?:Z|\+00:00))?$/.exec(text);
  if (!m || Number.isNaN(Date.parse(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`))) invalidDate();
}
const invalidDate = (): never => {
  throw invalid("'Date' must be at midnight GMT");
};

function checkPositive(text: string | undefined, name: string): void {
  if (text !== undefined && !(/^\d+$/.test(text) && Number(text) > 0)) throw invalid(`'${name}' for Expiration action must be a positive integer`);
}

/** Validates one rule and gives it an ID when it has none. */
function checkRule(ctx: EngineContext, rule: ConfigElement): ConfigElement {
  const id = valueOf(rule, 'ID');
  if (id !== undefined && id.length > 255) throw invalid('ID length should not exceed allowed limit of 255');
  const status = valueOf(rule, 'Status');
  if (status !== 'Enabled' && status !== 'Disabled') throw new S3MockError('MalformedXML');
  if (childOf(rule, 'Filter') !== undefined && childOf(rule, 'Prefix') !== undefined) throw new S3MockError('MalformedXML');
  if (!ACTIONS.some((a) => childOf(rule, a) !== undefined)) throw invalid('At least one action needs to be specified in a rule');
  for (const action of [...childrenOf(rule, 'Expiration'), ...childrenOf(rule, 'Transition')]) {
    const date = valueOf(action, 'Date');
    if (date !== undefined) checkDate(date);
    checkPositive(valueOf(action, 'Days'), 'Days');
  }
  for (const action of childrenOf(rule, 'NoncurrentVersionExpiration')) checkPositive(valueOf(action, 'NoncurrentDays'), 'NoncurrentDays');
  if (id !== undefined) return rule;
  return withChild(rule, 'ID', { name: 'ID', text: randomId(ctx, 48, () => false), children: [] });
}

/**
 * Validates and stores a lifecycle configuration (up to 1000 rules, unique IDs).
 * @throws S3MockError `NoSuchBucket`, `MalformedXML`, `InvalidArgument`
 */
export function putBucketLifecycle(ctx: EngineContext, input: { Bucket: string; LifecycleConfiguration: ConfigElement }, _requester: Requester): void {
  const rules = childrenOf(input.LifecycleConfiguration, 'Rule');
  if (rules.length === 0 || rules.length > 1000) throw new S3MockError('MalformedXML');
  const ids = rules.map((r) => valueOf(r, 'ID')).filter((id) => id !== undefined);
  if (new Set(ids).size !== ids.length) throw invalid('Rule ID must be unique. Found same ID for more than one rule');
  writeSubresource(ctx, input.Bucket, 'Lifecycle', { ...input.LifecycleConfiguration, children: rules.map((r) => checkRule(ctx, r)) });
}

/** @throws S3MockError `NoSuchBucket`, `NoSuchLifecycleConfiguration` */
export function getBucketLifecycle(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): ConfigElement {
  return readSubresource(ctx, input.Bucket, 'Lifecycle', 'NoSuchLifecycleConfiguration');
}

/** @throws S3MockError `NoSuchBucket` */
export function deleteBucketLifecycle(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): void {
  writeSubresource(ctx, input.Bucket, 'Lifecycle', undefined);
}
