/** Helpers shared by the operations that write object versions. */
import { isAnonymous } from './account.js';
import type { Owner, Requester } from './account.js';
import type { BucketState, EngineContext } from './engine-state.js';
import { S3MockError } from './errors.js';
import type { ObjectVersion } from './records.js';

/** What conditional headers are checked against: the current object, if any. */
export function conditionTarget(o: ObjectVersion | undefined): { ETag: string; LastModified: number } | undefined {
  return o && { ETag: o.ETag, LastModified: o.LastModified };
}

/** The owner of what `requester` writes into `bucket` (anonymous writes belong to the bucket owner). */
export function writerOf(bucket: BucketState, requester: Requester): Owner {
  return isAnonymous(requester) ? bucket.record.Owner : { ID: requester.ID, DisplayName: requester.DisplayName };
}

/**
 * Refuses a body over `maxObjectSize`.
 * @throws S3MockError `EntityTooLarge`
 */
export function assertObjectSize(ctx: EngineContext, size: number): void {
  if (size > ctx.maxObjectSize) {
    throw new S3MockError('EntityTooLarge', { ProposedSize: size, MaxSizeAllowed: ctx.maxObjectSize });
  }
}
