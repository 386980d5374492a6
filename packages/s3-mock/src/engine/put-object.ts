import type { Requester } from './account.js';
import type { WriteConditions } from './conditions.js';
import type { EngineContext } from './engine-state.js';
import { requireBucket, writtenVersionId } from './lookups.js';
import { assertKey, checkContentMD5, normalizeMetadata, splitContentHeaders, storageClass } from './object-input.js';
import { writeSinglePartObject } from './single-part-write.js';
import { assertObjectSize } from './object-write.js';
import type { AclInput } from './acl.js';
import type { ObjectLockInput } from './object-lock.js';
import { encryptionOutput } from './encryption.js';
import type { EncryptionInput, EncryptionOutput } from './encryption.js';
import type { ContentHeaders, ObjectChecksum } from './records.js';
import { validateTags } from './tags.js';
import type { Tag } from './tags.js';

/** Input of PutObject. */
export interface PutObjectInput extends ContentHeaders, WriteConditions, AclInput, EncryptionInput, ObjectLockInput {
  Bucket: string;
  Key: string;
  /** The whole body; copied on the way in. */
  Body: Uint8Array;
  /** User metadata (`x-amz-meta-*` without the prefix); keys are lower-cased. */
  Metadata?: Readonly<Record<string, string>>;
  /** @default 'STANDARD' */
  StorageClass?: string;
  /** Checksum the protocol layer verified or was sent (`x-amz-checksum-*`); stored verbatim. */
  Checksum?: ObjectChecksum;
  /** Tags from `x-amz-tagging`, already URL-decoded into pairs. */
  Tagging?: readonly Tag[];
  /** `Content-MD5` header (base64); checked against the body. */
  ContentMD5?: string;
}

/** Output of PutObject. */
export interface PutObjectOutput extends EncryptionOutput {
  ETag: string;
  Size: number;
  Checksum?: ObjectChecksum;
  /** The new version's id, when the bucket's versioning was ever configured (`null` while suspended). */
  VersionId?: string;
}

/**
 * Stores an object.
 * @throws S3MockError `NoSuchBucket`, `KeyTooLongError`, `MetadataTooLarge`, `InvalidStorageClass`, `InvalidTag`,
 * `BadRequest`, `InvalidDigest`, `BadDigest`, `EntityTooLarge`, `PreconditionFailed`, `NoSuchKey` (If-Match on a missing key), `NotImplemented`
 */
export function putObject(ctx: EngineContext, input: PutObjectInput, requester: Requester): PutObjectOutput {
  const bucket = requireBucket(ctx, input.Bucket);
  assertKey(input.Key);
  const Metadata = normalizeMetadata(input.Metadata);
  const StorageClass = storageClass(input.StorageClass);
  const Tags = validateTags(input.Tagging ?? [], 'object');
  assertObjectSize(ctx, input.Body.length);
  checkContentMD5(input.ContentMD5, input.Body);
  const record = writeSinglePartObject(ctx, bucket, requester, input, input.Body.slice(), {
    content: splitContentHeaders(input),
    Metadata,
    StorageClass,
    Tags,
    ...(input.Checksum ? { Checksum: { ...input.Checksum } } : {}),
  });
  const out: PutObjectOutput = { ETag: record.ETag, Size: record.Size, ...encryptionOutput(record.Encryption) };
  if (record.Checksum) out.Checksum = { ...record.Checksum };
  const VersionId = writtenVersionId(record);
  if (VersionId !== undefined) out.VersionId = VersionId;
  return out;
}
