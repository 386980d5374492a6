/** The write PutObject and CopyObject share: one new version holding one segment of bytes. */
import type { Requester } from './account.js';
import type { AclInput } from './acl.js';
import { checkWriteConditions } from './conditions.js';
import type { WriteConditions } from './conditions.js';
import { writeEncryption } from './encryption.js';
import type { EncryptionInput } from './encryption.js';
import type { BucketState, EngineContext } from './engine-state.js';
import { singlePartETag } from './etag.js';
import { currentObject } from './lookups.js';
import { toSeconds } from './object-input.js';
import { writeLock } from './object-lock.js';
import type { ObjectLockInput } from './object-lock.js';
import { writeVersion } from './object-store.js';
import { conditionTarget } from './object-write.js';
import { objectOwnership } from './ownership.js';
import type { ObjectChecksum, ObjectVersion, StoredContentHeaders } from './records.js';
import type { Tag } from './tags.js';

/** The request headers a single-part write honours: conditions, ACL, encryption and lock. */
export type SinglePartWriteInput = WriteConditions & AclInput & EncryptionInput & ObjectLockInput & { Key: string };

/** What the new version carries besides its bytes, already validated by the operation. */
export interface SinglePartFields {
  /** `Content-Type` (always set) and the other stored content headers. */
  content: { ContentType: string; headers: StoredContentHeaders };
  Metadata: Record<string, string>;
  StorageClass: string;
  Tags: readonly Tag[];
  Checksum?: ObjectChecksum;
}

/**
 * Checks the write conditions against the current object, settles owner and ACL, encryption and
 * object lock, then stores `body` as the key's new version.
 * @throws S3MockError `PreconditionFailed`, `NoSuchKey` (If-Match on a missing key), the ACL,
 * encryption and object-lock errors of their checks
 */
export function writeSinglePartObject(
  ctx: EngineContext,
  bucket: BucketState,
  requester: Requester,
  input: SinglePartWriteInput,
  body: Uint8Array,
  fields: SinglePartFields,
): ObjectVersion {
  checkWriteConditions(input, conditionTarget(currentObject(bucket, input.Key)), input.Key);
  const ownership = objectOwnership(ctx, bucket, requester, input);
  const encryption = writeEncryption(bucket, input);
  const lock = writeLock(bucket, input, ctx.clock.now());
  return writeVersion(ctx, bucket, {
    Key: input.Key,
    segments: [body],
    Size: body.length,
    ETag: singlePartETag(body),
    LastModified: toSeconds(ctx.clock.now()),
    ...fields.content,
    Metadata: fields.Metadata,
    StorageClass: fields.StorageClass,
    Tags: fields.Tags,
    ...ownership,
    ...(encryption ? { Encryption: encryption } : {}),
    ...lock,
    ...(fields.Checksum ? { Checksum: fields.Checksum } : {}),
  });
}
