import { etagListMatches } from './etag.js';
import { S3MockError } from './errors.js';

/** Conditional read headers of GetObject / HeadObject, already parsed by the protocol layer. */
export interface ReadConditions {
  /** `If-Match`: `*` or a comma-separated list of ETags (quoted or not). */
  IfMatch?: string;
  /** `If-None-Match`: `*` or a comma-separated list of ETags. */
  IfNoneMatch?: string;
  /** `If-Modified-Since`, parsed from its HTTP date (leave it out when the date does not parse). */
  IfModifiedSince?: Date;
  /** `If-Unmodified-Since`, parsed from its HTTP date. */
  IfUnmodifiedSince?: Date;
}

/** Copy-source conditions of CopyObject / UploadPartCopy (`x-amz-copy-source-if-*`). */
export interface CopySourceConditions {
  /** `x-amz-copy-source-if-match`. */
  CopySourceIfMatch?: string;
  /** `x-amz-copy-source-if-none-match`. */
  CopySourceIfNoneMatch?: string;
  /** `x-amz-copy-source-if-modified-since`. */
  CopySourceIfModifiedSince?: Date;
  /** `x-amz-copy-source-if-unmodified-since`. */
  CopySourceIfUnmodifiedSince?: Date;
}

/** Conditional write headers of PutObject / CompleteMultipartUpload / CopyObject (destination). */
export interface WriteConditions {
  /** `If-Match`: the write happens only if the current object's ETag matches. */
  IfMatch?: string;
  /** `If-None-Match`: `*` (write only if the key does not exist) or ETags the current object must not have. */
  IfNoneMatch?: string;
}

/** What the conditions are checked against. */
export interface ConditionTarget {
  /** Quoted ETag of the current object. */
  ETag: string;
  /** Last-Modified of the current object, ms since the epoch (whole seconds). */
  LastModified: number;
}

const seconds = (ms: number): number => Math.floor(ms / 1000);

type Outcome = 'ok' | { fail: 'PreconditionFailed' | 'NotModified'; condition: string };

/**
 * RFC 7232 section 6 order, which S3 follows: If-Match, else If-Unmodified-Since (ignored when If-Match
 * is present: If-Match true + If-Unmodified-Since false gives 200); then If-None-Match, else
 * If-Modified-Since (If-None-Match false + If-Modified-Since true gives 304).
 */
function evaluate(
  target: ConditionTarget,
  ifMatch: string | undefined,
  ifNoneMatch: string | undefined,
  ifModifiedSince: Date | undefined,
  ifUnmodifiedSince: Date | undefined,
  names: readonly [string, string, string, string],
): Outcome {
  const modified = seconds(target.LastModified);
  if (ifMatch !== undefined) {
    if (!etagListMatches(ifMatch, target.ETag)) return { fail: 'PreconditionFailed', condition: names[0] };
  } else if (ifUnmodifiedSince !== undefined && modified > seconds(ifUnmodifiedSince.getTime())) {
    return { fail: 'PreconditionFailed', condition: names[3] };
  }
  if (ifNoneMatch !== undefined) {
    if (etagListMatches(ifNoneMatch, target.ETag)) return { fail: 'NotModified', condition: names[1] };
  } else if (ifModifiedSince !== undefined && modified <= seconds(ifModifiedSince.getTime())) {
    return { fail: 'NotModified', condition: names[2] };
  }
  return 'ok';
}

/**
 * Checks GetObject/HeadObject conditions.
 * @throws S3MockError `PreconditionFailed` (412, with `Condition`) or `NotModified` (304, with `ETag` and `LastModified` fields)
 */
export function checkReadConditions(c: ReadConditions, target: ConditionTarget): void {
  const outcome = evaluate(target, c.IfMatch, c.IfNoneMatch, c.IfModifiedSince, c.IfUnmodifiedSince, [
    'If-Match',
    'If-None-Match',
    'If-Modified-Since',
    'If-Unmodified-Since',
  ]);
  if (outcome === 'ok') return;
  if (outcome.fail === 'NotModified') {
    throw new S3MockError('NotModified', { ETag: target.ETag, LastModified: target.LastModified });
  }
  throw new S3MockError('PreconditionFailed', { Condition: outcome.condition });
}

/**
 * Checks copy-source conditions. Unlike reads, every failure is a 412 (S3 never answers 304 to a copy).
 * @throws S3MockError `PreconditionFailed`
 */
export function checkCopySourceConditions(c: CopySourceConditions, target: ConditionTarget): void {
  const outcome = evaluate(
    target,
    c.CopySourceIfMatch,
    c.CopySourceIfNoneMatch,
    c.CopySourceIfModifiedSince,
    c.CopySourceIfUnmodifiedSince,
    [
      'x-amz-copy-source-If-Match',
      'x-amz-copy-source-If-None-Match',
      'x-amz-copy-source-If-Modified-Since',
      'x-amz-copy-source-If-Unmodified-Since',
    ],
  );
  if (outcome !== 'ok') throw new S3MockError('PreconditionFailed', { Condition: outcome.condition });
}

/**
 * Checks conditional-write headers against the current object at the key (`undefined` when absent):
 * If-None-Match (`*` or ETags) fails when it matches the current object, If-Match when it does not.
 * @throws S3MockError `PreconditionFailed`, `NoSuchKey` (If-Match on a missing key)
 */
export function checkWriteConditions(c: WriteConditions, current: ConditionTarget | undefined, key: string): void {
  if (c.IfNoneMatch !== undefined && current && etagListMatches(c.IfNoneMatch, current.ETag)) {
    throw new S3MockError('PreconditionFailed', { Condition: 'If-None-Match' });
  }
  if (c.IfMatch !== undefined) {
    if (!current) throw new S3MockError('NoSuchKey', { Key: key });
    if (!etagListMatches(c.IfMatch, current.ETag)) throw new S3MockError('PreconditionFailed', { Condition: 'If-Match' });
  }
}
