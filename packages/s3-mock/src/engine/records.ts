import type { Clock, Random } from '@s3kit/primitives';
import type { Tag } from './tags.js';
import { compareUtf8 } from './utf8-order.js';

/** A bucket or object owner (`<Owner><ID/><DisplayName/></Owner>`). */
export interface Owner {
  /** Canonical user id. */
  ID: string;
  /** Display name. */
  DisplayName: string;
}

/** Checksum algorithms S3 accepts. */
export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256';

/**
 * A checksum as the protocol layer received or computed it; the engine stores it verbatim and
 * returns it on reads (it never computes CRCs itself).
 */
export interface ObjectChecksum {
  /** Algorithm name. */
  algorithm: ChecksumAlgorithm;
  /** Base64 value as S3 shows it (a composite one ends in `-N`). */
  value: string;
  /** Whole-object checksum or checksum of part checksums. */
  type: 'FULL_OBJECT' | 'COMPOSITE';
}

/** Standard HTTP content headers S3 stores with an object and returns on GET/HEAD. */
export interface ContentHeaders {
  /** `Content-Type`; the engine stores `binary/octet-stream` when absent, as S3 does. */
  ContentType?: string;
  /** `Content-Encoding`. */
  ContentEncoding?: string;
  /** `Content-Disposition`. */
  ContentDisposition?: string;
  /** `Content-Language`. */
  ContentLanguage?: string;
  /** `Cache-Control`. */
  CacheControl?: string;
  /** `Expires`, kept as the raw header text. */
  Expires?: string;
}

/** Storage classes S3 accepts on writes. */
export const STORAGE_CLASSES: ReadonlySet<string> = new Set([
  'STANDARD',
  'REDUCED_REDUNDANCY',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER',
  'DEEP_ARCHIVE',
  'OUTPOSTS',
  'GLACIER_IR',
  'SNOW',
  'EXPRESS_ONEZONE',
]);

/** Boundaries of one part of a completed multipart object. */
export interface PartExtent {
  /** Part size in bytes. */
  Size: number;
  /** The part's quoted ETag. */
  ETag: string;
  /** The part's checksum, when one was uploaded. */
  Checksum?: ObjectChecksum;
}

/** A stored object. Byte arrays are never mutated after they are stored (snapshots share them). */
export interface ObjectRecord {
  Key: string;
  /** Body as segments (one per part for multipart objects) to avoid concatenating on complete. */
  segments: Uint8Array[];
  Size: number;
  ETag: string;
  /** ms since the epoch, whole seconds. */
  LastModified: number;
  /** Always set (`binary/octet-stream` by default). */
  ContentType: string;
  headers: Omit<ContentHeaders, 'ContentType'>;
  /** User metadata, keys lower-cased, without the `x-amz-meta-` prefix. */
  Metadata: Record<string, string>;
  StorageClass: string;
  Checksum?: ObjectChecksum;
  Tags: Tag[];
  /** Present for multipart objects. */
  Parts?: PartExtent[];
  Owner: Owner;
}

/** An uploaded part of an in-flight multipart upload. */
export interface PartRecord {
  PartNumber: number;
  body: Uint8Array;
  ETag: string;
  /** ms since the epoch, whole seconds. */
  LastModified: number;
  Checksum?: ObjectChecksum;
}

/** An in-flight multipart upload. */
export interface UploadRecord {
  UploadId: string;
  Key: string;
  /** ms since the epoch. */
  Initiated: number;
  /** Creation order, breaks ties between uploads initiated in the same ms. */
  seq: number;
  ContentType: string;
  headers: Omit<ContentHeaders, 'ContentType'>;
  Metadata: Record<string, string>;
  StorageClass: string;
  Tags: Tag[];
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ChecksumType?: 'FULL_OBJECT' | 'COMPOSITE';
  Owner: Owner;
  parts: Map<number, PartRecord>;
}

/** A completed upload, remembered so that a retried CompleteMultipartUpload succeeds again. */
export interface CompletedUpload {
  Bucket: string;
  Key: string;
  /** `partNumber:etag` list the upload was completed with. */
  signature: string;
  ETag: string;
  Checksum?: ObjectChecksum;
}

/** A bucket and everything in it. */
export interface BucketRecord {
  Name: string;
  /** ms since the epoch. */
  CreationDate: number;
  Region: string;
  Owner: Owner;
  objects: Map<string, ObjectRecord>;
  uploads: Map<string, UploadRecord>;
  Tags: Tag[] | undefined;
  /** Object keys in UTF-8 order; rebuilt lazily after a key is added or removed. */
  sortedKeys: string[] | undefined;
}

/** The whole mutable state of an engine. */
export interface EngineState {
  buckets: Map<string, BucketRecord>;
  completed: Map<string, CompletedUpload>;
  seq: number;
}

/** Resolved engine configuration and ports, shared by every operation. */
export interface EngineContext {
  state: EngineState;
  clock: Clock;
  random: Random;
  region: string;
  owner: Owner;
  minPartSize: number;
  maxObjectSize: number;
  incompleteUploadsBlockBucketDelete: boolean;
}

/** A fresh empty state. */
export function emptyState(): EngineState {
  return { buckets: new Map(), completed: new Map(), seq: 0 };
}

/** Object keys of `bucket` in UTF-8 order (cached). */
export function sortedKeys(bucket: BucketRecord): string[] {
  bucket.sortedKeys ??= [...bucket.objects.keys()].sort(compareUtf8);
  return bucket.sortedKeys;
}

const cloneTags = (tags: readonly Tag[]): Tag[] => tags.map((t) => ({ ...t }));
const cloneChecksum = <T extends { Checksum?: ObjectChecksum }>(r: T): T =>
  r.Checksum ? { ...r, Checksum: { ...r.Checksum } } : { ...r };

function cloneObject(o: ObjectRecord): ObjectRecord {
  const copy: ObjectRecord = {
    ...cloneChecksum(o),
    segments: [...o.segments],
    headers: { ...o.headers },
    Metadata: { ...o.Metadata },
    Tags: cloneTags(o.Tags),
    Owner: { ...o.Owner },
  };
  if (o.Parts) copy.Parts = o.Parts.map(cloneChecksum);
  return copy;
}

function cloneUpload(u: UploadRecord): UploadRecord {
  return {
    ...u,
    headers: { ...u.headers },
    Metadata: { ...u.Metadata },
    Tags: cloneTags(u.Tags),
    Owner: { ...u.Owner },
    parts: new Map([...u.parts].map(([n, p]) => [n, cloneChecksum(p)])),
  };
}

/**
 * A deep copy of `state`. Byte arrays are shared: the engine copies bodies on the way in and out and
 * never mutates a stored one, so sharing them is safe and keeps snapshots cheap.
 */
export function cloneState(state: EngineState): EngineState {
  const buckets = new Map<string, BucketRecord>();
  for (const [name, b] of state.buckets) {
    buckets.set(name, {
      ...b,
      Owner: { ...b.Owner },
      objects: new Map([...b.objects].map(([k, o]) => [k, cloneObject(o)])),
      uploads: new Map([...b.uploads].map(([k, u]) => [k, cloneUpload(u)])),
      Tags: b.Tags ? cloneTags(b.Tags) : undefined,
      sortedKeys: undefined,
    });
  }
  const completed = new Map([...state.completed].map(([k, c]) => [k, cloneChecksum(c)]));
  return { buckets, completed, seq: state.seq };
}
