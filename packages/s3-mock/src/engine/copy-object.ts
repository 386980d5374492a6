import type { Requester } from './account.js';
import { checkCopySourceConditions } from './conditions.js';
import type { CopySourceConditions, WriteConditions } from './conditions.js';
import type { BucketState, EngineContext } from './engine-state.js';
import { S3MockError } from './errors.js';
import { requireBucket, requireVersion, shownVersionId, writtenVersionId } from './lookups.js';
import { assertKey, normalizeMetadata, readSegments, splitContentHeaders, storageClass } from './object-input.js';
import { writeSinglePartObject } from './single-part-write.js';
import { assertObjectSize } from './object-write.js';
import type { AclInput } from './acl.js';
import type { ObjectLockInput } from './object-lock.js';
import { checkReadKey, encryptionOutput } from './encryption.js';
import type { EncryptionInput, EncryptionOutput } from './encryption.js';
import type { ContentHeaders, ObjectChecksum, ObjectVersion } from './records.js';
import { validateTags } from './tags.js';
import type { Tag } from './tags.js';

/** Input of CopyObject. */
export interface CopyObjectInput extends ContentHeaders, WriteConditions, CopySourceConditions, AclInput, EncryptionInput, ObjectLockInput {
  /** The source's SSE-C key (`x-amz-copy-source-server-side-encryption-customer-*`). */
  CopySourceEncryption?: EncryptionInput;
  Bucket: string;
  Key: string;
  /** The source, already parsed and URL-decoded from `x-amz-copy-source` (a version of it with `VersionId`). */
  CopySource: { Bucket: string; Key: string; VersionId?: string };
  /** @default 'COPY' */
  MetadataDirective?: 'COPY' | 'REPLACE';
  /** @default 'COPY' */
  TaggingDirective?: 'COPY' | 'REPLACE';
  /** Used with `MetadataDirective: 'REPLACE'`. */
  Metadata?: Readonly<Record<string, string>>;
  /** @default 'STANDARD' (S3 does not carry the source's class over) */
  StorageClass?: string;
  /** Used with `TaggingDirective: 'REPLACE'`. */
  Tagging?: readonly Tag[];
}

/** Output of CopyObject (`<CopyObjectResult>`). */
export interface CopyObjectOutput extends EncryptionOutput {
  ETag: string;
  LastModified: Date;
  Checksum?: ObjectChecksum;
  /** The new version's id (`x-amz-version-id`), when the destination bucket's versioning was ever configured. */
  VersionId?: string;
  /** The source version copied (`x-amz-copy-source-version-id`), when the source bucket's versioning was ever configured. */
  CopySourceVersionId?: string;
}

/**
 * Copies an object server-side. The copy is a single-part object: its ETag is the MD5 of the bytes
 * even when the source was multipart; a COMPOSITE checksum is dropped (it described the source's parts).
 * @throws S3MockError `NoSuchBucket`, `NoSuchKey` (source), `InvalidRequest` (copy onto itself without change),
 * `PreconditionFailed`, `InvalidArgument` (bad directive), `InvalidObjectState`, plus PutObject's validation codes
 */
export function copyObject(ctx: EngineContext, input: CopyObjectInput, requester: Requester): CopyObjectOutput {
  const dest = requireBucket(ctx, input.Bucket);
  assertKey(input.Key);
  const srcBucket = requireBucket(ctx, input.CopySource.Bucket);
  assertKey(input.CopySource.Key);
  const src = copySource(srcBucket, input.CopySource);
  const metadataDirective = directive(input.MetadataDirective, 'x-amz-metadata-directive');
  const taggingDirective = directive(input.TaggingDirective, 'x-amz-tagging-directive');
  const StorageClass = storageClass(input.StorageClass);
  const self = srcBucket === dest && src.Key === input.Key && input.CopySource.VersionId === undefined;
  const reencrypts = input.ServerSideEncryption !== undefined || input.SSECustomerAlgorithm !== undefined;
  if (self && metadataDirective === 'COPY' && !reencrypts && (input.StorageClass === undefined || StorageClass === src.StorageClass)) {
    throw new S3MockError(
      'InvalidRequest',
      {},
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  checkReadKey(src.Encryption, input.CopySourceEncryption ?? {}, 'x-amz-copy-source-server-side-encryption-customer');
  checkCopySourceConditions(input, src);
  if (src.StorageClass === 'GLACIER' || src.StorageClass === 'DEEP_ARCHIVE') {
    throw new S3MockError('InvalidObjectState', { StorageClass: src.StorageClass });
  }
  assertObjectSize(ctx, src.Size);
  const replace = metadataDirective === 'REPLACE';
  const content = replace ? splitContentHeaders(input) : { ContentType: src.ContentType, headers: { ...src.headers } };
  const Metadata = replace ? normalizeMetadata(input.Metadata) : { ...src.Metadata };
  const Tags = taggingDirective === 'REPLACE' ? validateTags(input.Tagging ?? [], 'object') : src.Tags;
  const body = readSegments(src.segments, 0, src.Size - 1);
  const record = writeSinglePartObject(ctx, dest, requester, input, body, {
    content,
    Metadata,
    StorageClass,
    Tags,
    ...(src.Checksum?.type === 'FULL_OBJECT' ? { Checksum: src.Checksum } : {}),
  });
  const out: CopyObjectOutput = { ETag: record.ETag, LastModified: new Date(record.LastModified), ...encryptionOutput(record.Encryption) };
  if (record.Checksum) out.Checksum = { ...record.Checksum };
  const VersionId = writtenVersionId(record);
  if (VersionId !== undefined) out.VersionId = VersionId;
  const CopySourceVersionId = shownVersionId(srcBucket, src);
  if (CopySourceVersionId !== undefined) out.CopySourceVersionId = CopySourceVersionId;
  return out;
}

function directive(value: string | undefined, header: string): 'COPY' | 'REPLACE' {
  if (value === undefined) return 'COPY';
  if (value === 'COPY' || value === 'REPLACE') return value;
  throw new S3MockError('InvalidArgument', { ArgumentName: header, ArgumentValue: value }, `Unknown ${header.slice(6)}.`);
}

/**
 * The object a copy reads: the source's current object, or the version it names.
 * @throws S3MockError `NoSuchKey`, `NoSuchVersion`, `InvalidRequest` (a delete marker's version id)
 */
export function copySource(bucket: BucketState, source: { Key: string; VersionId?: string }): ObjectVersion {
  try {
    return requireVersion(bucket, source.Key, source.VersionId, 'GET');
  } catch (err) {
    if (err instanceof S3MockError && err.code === 'MethodNotAllowed') {
      throw new S3MockError('InvalidRequest', {}, 'The source of a copy request may not specifically refer to a delete marker by version id.');
    }
    throw err;
  }
}
