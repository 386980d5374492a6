/**
 * Part planning: how an object is cut into multipart parts (uploads, copies) or ranges (downloads),
 * within S3's multipart limits
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html).
 */
import { ValidationError } from '@s3kit/primitives';

/** Binary mebibyte. */
export const MiB = 1024 * 1024;
/** S3's smallest part (every part but the last). */
export const MIN_PART_SIZE = 5 * MiB;
/** S3's largest part. */
export const MAX_PART_SIZE = 5 * 1024 * MiB;
/** S3's most parts in one upload. */
export const MAX_PARTS = 10_000;
/** S3's largest object (5 TiB). */
export const MAX_OBJECT_SIZE = 5 * 1024 * 1024 * MiB;
/** Part size used when none is given and the object is small enough for it. */
export const DEFAULT_PART_SIZE = 8 * MiB;
/**
 * Parts of a stream of unknown length are this many per size tier: parts 1-1000 have the base size,
 * 1001-2000 twice it, and so on (capped at {@link MAX_PART_SIZE}), so 10,000 parts of an 8 MiB base
 * reach past 5 TiB while small streams still use small parts.
 */
export const STREAM_TIER_PARTS = 1000;

/** One part: its number (1-based) and its byte range `[start, end)`. */
export interface PartRange {
  /** Part number, 1 to 10,000. */
  partNumber: number;
  /** First byte (inclusive). */
  start: number;
  /** End (exclusive). */
  end: number;
}

/** Options of {@link planParts}. */
export interface PartPlanOptions {
  /** Wanted part size; validated, never silently changed. @default the smallest MiB multiple >= 8 MiB that fits 10,000 parts */
  partSize?: number | undefined;
  /**
   * Smallest accepted part size: lower it only for servers or mocks with a lower minimum.
   * @default MIN_PART_SIZE (5 MiB)
   */
  minPartSize?: number | undefined;
}

/** A part plan for a known size. */
export interface PartPlan {
  /** Size of every part but the last. */
  partSize: number;
  /** Number of parts (at least 1, even for an empty object). */
  partCount: number;
  /** Object size. */
  size: number;
}

function checkSize(field: string, value: number, min: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ValidationError({ field, rule: `must be an integer from ${min} to ${max}`, value });
  }
}

/**
 * The part size for `size` bytes: the caller's (checked against S3's limits), or the smallest
 * multiple of 1 MiB, at least 8 MiB, that keeps the object within 10,000 parts.
 * @throws {ValidationError} `ERR_VALIDATION` for a size over 5 TiB, a part size outside
 *   [minPartSize, 5 GiB], or one that needs more than 10,000 parts.
 * @example `planParts(100 * MiB) // { partSize: 8 MiB, partCount: 13, size: 100 MiB }`
 */
export function planParts(size: number, options: PartPlanOptions = {}): PartPlan {
  checkSize('size', size, 0, MAX_OBJECT_SIZE);
  const min = options.minPartSize ?? MIN_PART_SIZE;
  checkSize('minPartSize', min, 1, MAX_PART_SIZE);
  let partSize = options.partSize;
  if (partSize === undefined) {
    const needed = Math.ceil(size / MAX_PARTS / MiB) * MiB;
    partSize = Math.max(min, Math.min(MAX_PART_SIZE, Math.max(DEFAULT_PART_SIZE, needed)));
  } else {
    checkSize('partSize', partSize, min, MAX_PART_SIZE);
    if (Math.ceil(size / partSize) > MAX_PARTS) {
      throw new ValidationError({
        field: 'partSize',
        rule: `is too small for ${size} bytes: S3 allows ${MAX_PARTS} parts, use at least ${Math.ceil(size / MAX_PARTS)}`,
        value: partSize,
      });
    }
  }
  return { partSize, partCount: Math.max(1, Math.ceil(size / partSize)), size };
}

/** The byte range of part `partNumber` (1-based) of a plan. */
export function partRange(plan: PartPlan, partNumber: number): PartRange {
  const start = (partNumber - 1) * plan.partSize;
  return { partNumber, start, end: Math.min(plan.size, start + plan.partSize) };
}

/** Every part range of a plan, in order. */
export function partRanges(plan: PartPlan): PartRange[] {
  const out: PartRange[] = [];
  for (let n = 1; n <= plan.partCount; n++) out.push(partRange(plan, n));
  return out;
}

/**
 * Size of part `partNumber` of a stream of unknown length with base part size `base`: the base
 * doubles every {@link STREAM_TIER_PARTS} parts, capped at 5 GiB (so memory grows only for
 * streams big enough to need it).
 * @throws {ValidationError} `ERR_VALIDATION` when `partNumber` is past 10,000 (the stream is larger than S3 accepts).
 */
export function streamPartSize(base: number, partNumber: number): number {
  if (!Number.isSafeInteger(partNumber) || partNumber < 1 || partNumber > MAX_PARTS) {
    throw new ValidationError({
      field: 'Body',
      rule: `is too large: a stream of unknown length may have at most ${MAX_PARTS} parts (${maxStreamSize(base)} bytes with a ${base}-byte base part size)`,
      value: partNumber,
    });
  }
  const tier = Math.floor((partNumber - 1) / STREAM_TIER_PARTS);
  return Math.min(MAX_PART_SIZE, base * 2 ** tier);
}

/** The largest stream {@link streamPartSize} can carry with base part size `base`. */
export function maxStreamSize(base: number): number {
  let total = 0;
  for (let tier = 0; tier < MAX_PARTS / STREAM_TIER_PARTS; tier++) total += STREAM_TIER_PARTS * Math.min(MAX_PART_SIZE, base * 2 ** tier);
  return Math.min(total, MAX_OBJECT_SIZE);
}

/** A download range for an HTTP `Range` header: `bytes=start-(end-1)`. */
export function rangeHeader(range: Pick<PartRange, 'start' | 'end'>): string {
  return `bytes=${range.start}-${range.end - 1}`;
}
