/**
 * The bucket settings S3 stores and returns as documents, one declarative spec each: website,
 * logging, notification, transfer acceleration and request payment. What S3 checks on a put is the
 * spec's `validate`; what it answers when none is set, its `missing` error or `empty` document.
 */
import type { Requester } from './account.js';
import type { BucketConfig } from './bucket-config.js';
import { readSubresource, writeSubresource } from './bucket-subresource.js';
import { childOf, valueOf } from './config-document.js';
import type { ConfigElement } from './config-document.js';
import type { EngineContext } from './engine-state.js';
import { S3MockError } from './errors.js';
import type { S3ErrorCode } from './errors.js';
import { requireBucket } from './lookups.js';

/** One setting. */
export interface BucketSetting {
  /** Where the document lives in the bucket's configuration. */
  member: 'Website' | 'Logging' | 'Notification' | 'Accelerate' | 'RequestPayment';
  /** The document's root element. */
  root: string;
  /** The error when none is set, or... */
  missing?: S3ErrorCode;
  /** ...the document S3 answers when none is set. */
  empty?: ConfigElement;
  /** S3's checks. @throws S3MockError */
  validate(ctx: EngineContext, bucket: string, doc: ConfigElement): void;
}

const el = (name: string, text = '', children: readonly ConfigElement[] = []): ConfigElement => ({ name, text, children });

const oneOf = (value: string | undefined, allowed: readonly string[]): void => {
  if (value === undefined || !allowed.includes(value)) throw new S3MockError('MalformedXML');
};

/** The settings by their S3 name. */
export const BUCKET_SETTINGS = {
  website: {
    member: 'Website',
    root: 'WebsiteConfiguration',
    missing: 'NoSuchWebsiteConfiguration',
    validate: (_ctx, _bucket, doc) => {
      if (childOf(doc, 'IndexDocument') === undefined && childOf(doc, 'RedirectAllRequestsTo') === undefined) {
        throw new S3MockError('InvalidArgument', {}, 'A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo is empty');
      }
    },
  },
  logging: {
    member: 'Logging',
    root: 'BucketLoggingStatus',
    empty: el('BucketLoggingStatus'),
    validate: (ctx, _bucket, doc) => {
      const enabled = childOf(doc, 'LoggingEnabled');
      if (!enabled) return;
      const target = valueOf(enabled, 'TargetBucket');
      if (target === undefined || !ctx.state.buckets.has(target)) {
        throw new S3MockError('InvalidTargetBucketForLogging', { TargetBucket: target ?? '' }, 'The target bucket for logging does not exist');
      }
    },
  },
  notification: {
    member: 'Notification',
    root: 'NotificationConfiguration',
    empty: el('NotificationConfiguration'),
    validate: () => undefined,
  },
  accelerate: {
    member: 'Accelerate',
    root: 'AccelerateConfiguration',
    empty: el('AccelerateConfiguration'),
    validate: (_ctx, bucket, doc) => {
      oneOf(valueOf(doc, 'Status'), ['Enabled', 'Suspended']);
      if (bucket.includes('.')) throw new S3MockError('InvalidRequest', {}, 'S3 Transfer Acceleration is not supported for buckets with periods (.) in their names');
    },
  },
  requestPayment: {
    member: 'RequestPayment',
    root: 'RequestPaymentConfiguration',
    empty: el('RequestPaymentConfiguration', '', [el('Payer', 'BucketOwner')]),
    validate: (_ctx, _bucket, doc) => {
      oneOf(valueOf(doc, 'Payer'), ['BucketOwner', 'Requester']);
    },
  },
} as const satisfies Record<string, BucketSetting>;

/** A setting's name. */
export type BucketSettingName = keyof typeof BUCKET_SETTINGS;

/**
 * Stores a setting's document (removes it when `doc` is undefined).
 * @throws S3MockError `NoSuchBucket`, `MalformedXML` (another root element), and the setting's own checks
 */
export function putBucketSetting(ctx: EngineContext, name: BucketSettingName, input: { Bucket: string; Document: ConfigElement | undefined }, _requester: Requester): void {
  const spec: BucketSetting = BUCKET_SETTINGS[name];
  requireBucket(ctx, input.Bucket);
  if (input.Document) {
    if (input.Document.name !== spec.root) throw new S3MockError('MalformedXML');
    spec.validate(ctx, input.Bucket, input.Document);
  }
  writeSubresource(ctx, input.Bucket, spec.member, input.Document satisfies BucketConfig[typeof spec.member]);
}

/** A setting's document, or its empty document. @throws S3MockError `NoSuchBucket`, the setting's `missing` error */
export function getBucketSetting(ctx: EngineContext, name: BucketSettingName, input: { Bucket: string }, _requester: Requester): ConfigElement {
  const spec: BucketSetting = BUCKET_SETTINGS[name];
  if (spec.missing) return readSubresource(ctx, input.Bucket, spec.member, spec.missing);
  return requireBucket(ctx, input.Bucket).record.config[spec.member] ?? spec.empty!;
}
