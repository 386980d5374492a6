/**
 * GetObjectAttributes: the attributes a request names (ETag, Checksum, ObjectParts, StorageClass,
 * ObjectSize) of the current object or a version, parts paged by number.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObjectAttributes.html
 */
import type { Requester } from './account.js';
import { unquote } from './etag.js';
import { checkReadKey } from './encryption.js';
import type { EncryptionInput } from './encryption.js';
import type { EngineContext } from './engine-state.js';
import { S3MockError } from './errors.js';
import { maxItems } from './list-ops.js';
import { requireBucket, requireVersion, shownVersionId } from './lookups.js';
import { assertKey } from './object-input.js';
import type { ObjectChecksum } from './records.js';

/** The attributes GetObjectAttributes can return. */
export type ObjectAttribute = 'ETag' | 'Checksum' | 'ObjectParts' | 'StorageClass' | 'ObjectSize';
const ATTRIBUTES: readonly ObjectAttribute[] = ['ETag', 'Checksum', 'ObjectParts', 'StorageClass', 'ObjectSize'];

/** Input of GetObjectAttributes (an SSE-C object needs its key). */
export interface GetObjectAttributesInput extends EncryptionInput {
  Bucket: string;
  Key: string;
  VersionId?: string;
  ObjectAttributes: readonly string[];
  /** @default 1000 */
  MaxParts?: number;
  /** List parts after this number. @default 0 */
  PartNumberMarker?: number;
}

/** Output of GetObjectAttributes: only the attributes asked for. */
export interface GetObjectAttributesOutput {
  LastModified: Date;
  VersionId?: string;
  /** Unquoted, as S3 writes it here. */
  ETag?: string;
  Checksum?: ObjectChecksum;
  ObjectParts?: {
    TotalPartsCount: number;
    PartNumberMarker: number;
    NextPartNumberMarker?: number;
    MaxParts: number;
    IsTruncated: boolean;
    Parts: { PartNumber: number; Size: number; Checksum?: ObjectChecksum }[];
  };
  StorageClass?: string;
  ObjectSize?: number;
}

/**
 * The attributes asked for.
 * @throws S3MockError `InvalidArgument` (no or unknown attributes), `NoSuchBucket`, `NoSuchKey`, `NoSuchVersion`, `InvalidRequest` (SSE-C key)
 */
export function getObjectAttributes(ctx: EngineContext, input: GetObjectAttributesInput, _requester: Requester): GetObjectAttributesOutput {
  assertKey(input.Key);
  const wanted = new Set(input.ObjectAttributes);
  if (wanted.size === 0 || [...wanted].some((a) => !(ATTRIBUTES as readonly string[]).includes(a))) {
    throw new S3MockError('InvalidArgument', { ArgumentName: 'x-amz-object-attributes', ArgumentValue: input.ObjectAttributes.join(',').slice(0, 256) }, 'Invalid attribute name specified.');
  }
  const bucket = requireBucket(ctx, input.Bucket);
  const o = requireVersion(bucket, input.Key, input.VersionId);
  checkReadKey(o.Encryption, input);
  const out: GetObjectAttributesOutput = { LastModified: new Date(o.LastModified) };
  const VersionId = shownVersionId(bucket, o);
  if (VersionId !== undefined) out.VersionId = VersionId;
  if (wanted.has('ETag')) out.ETag = unquote(o.ETag);
  if (wanted.has('Checksum') && o.Checksum) out.Checksum = { ...o.Checksum };
  if (wanted.has('StorageClass')) out.StorageClass = o.StorageClass;
  if (wanted.has('ObjectSize')) out.ObjectSize = o.Size;
  if (wanted.has('ObjectParts') && o.Parts) {
    const MaxParts = maxItems(input.MaxParts, 'max-parts');
    const marker = input.PartNumberMarker ?? 0;
    const after = o.Parts.map((p, i) => ({ PartNumber: i + 1, Size: p.Size, ...(p.Checksum ? { Checksum: { ...p.Checksum } } : {}) })).filter((p) => p.PartNumber > marker);
    const Parts = after.slice(0, MaxParts);
    const IsTruncated = after.length > Parts.length;
    out.ObjectParts = { TotalPartsCount: o.Parts.length, PartNumberMarker: marker, MaxParts, IsTruncated, Parts };
    if (IsTruncated) out.ObjectParts.NextPartNumberMarker = Parts.at(-1)?.PartNumber ?? marker;
  }
  return out;
}
