/**
 * The engine's records: object versions and delete markers, multipart uploads and their parts,
 * buckets. Every record is deep-frozen when stored (see `freeze.ts`); an update stores a new one.
 */
import type { Owner } from './account.js';
import type { AccessControlPolicy } from './acl.js';
import type { ObjectEncryption } from './encryption.js';
import type { Retention } from './object-lock.js';
import type { BucketConfig } from './bucket-config.js';
import type { Tag } from './tags.js';

/** Checksum algorithms S3 accepts. */
export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256';

/**
 * A checksum as the protocol layer received or computed it; the engine stores it verbatim and
 * returns it on reads (it never computes CRCs itself).
 */
export interface ObjectChecksum {
  /** Algorithm name. */
  readonly algorithm: ChecksumAlgorithm;
  /** Base64 value as S3 shows it (a composite one ends in `-N`). */
  readonly value: string;
  /** Whole-object checksum or checksum of part checksums. */
  readonly type: 'FULL_OBJECT' | 'COMPOSITE';
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

/** Content headers other than Content-Type, as stored. */
export type StoredContentHeaders = Readonly<Omit<ContentHeaders, 'ContentType'>>;

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
  readonly Size: number;
  /** The part's quoted ETag. */
  readonly ETag: string;
  /** The part's checksum, when one was uploaded. */
  readonly Checksum?: ObjectChecksum;
}

/** The version id of objects written while versioning was never enabled, or is suspended. */
export const NULL_VERSION_ID = 'null';

/** One stored version of an object: its body and everything S3 keeps with it. */
export interface ObjectVersion {
  readonly kind: 'object';
  readonly Key: string;
  /** `null` ({@link NULL_VERSION_ID}) unless written while versioning was enabled. */
  readonly VersionId: string;
  /** Body as segments (one per part for multipart objects) to avoid concatenating on complete. */
  readonly segments: readonly Uint8Array[];
  readonly Size: number;
  readonly ETag: string;
  /** ms since the epoch, whole seconds. */
  readonly LastModified: number;
  /** Always set (`binary/octet-stream` by default). */
  readonly ContentType: string;
  readonly headers: StoredContentHeaders;
  /** User metadata, keys lower-cased, without the `x-amz-meta-` prefix. */
  readonly Metadata: Readonly<Record<string, string>>;
  readonly StorageClass: string;
  readonly Checksum?: ObjectChecksum;
  readonly Tags: readonly Tag[];
  /** Present for multipart objects. */
  readonly Parts?: readonly PartExtent[];
  readonly Owner: Owner;
  /** The object's ACL. */
  readonly Acl: AccessControlPolicy;
  /** How it is encrypted, if at all. */
  readonly Encryption?: ObjectEncryption;
  /** Object lock retention, if any. */
  readonly Retention?: Retention;
  /** Object lock legal hold status, if ever set. */
  readonly LegalHold?: 'ON' | 'OFF';
}

/** A delete marker: the newest version of a key deleted in a versioning-enabled or suspended bucket. */
export interface DeleteMarker {
  readonly kind: 'deleteMarker';
  readonly Key: string;
  readonly VersionId: string;
  /** ms since the epoch, whole seconds. */
  readonly LastModified: number;
  readonly Owner: Owner;
}

/** One entry of a key's version stack. */
export type KeyVersion = ObjectVersion | DeleteMarker;

/** An uploaded part of an in-flight multipart upload. */
export interface PartRecord {
  readonly PartNumber: number;
  readonly body: Uint8Array;
  readonly ETag: string;
  /** ms since the epoch, whole seconds. */
  readonly LastModified: number;
  readonly Checksum?: ObjectChecksum;
}

/** An in-flight multipart upload (its parts live beside it, in `UploadState.parts`). */
export interface UploadRecord {
  readonly UploadId: string;
  readonly Key: string;
  /** ms since the epoch. */
  readonly Initiated: number;
  /** Creation order, breaks ties between uploads initiated in the same ms. */
  readonly seq: number;
  readonly ContentType: string;
  readonly headers: StoredContentHeaders;
  readonly Metadata: Readonly<Record<string, string>>;
  readonly StorageClass: string;
  readonly Tags: readonly Tag[];
  readonly ChecksumAlgorithm?: ChecksumAlgorithm;
  readonly ChecksumType?: 'FULL_OBJECT' | 'COMPOSITE';
  readonly Owner: Owner;
  readonly Initiator: Owner;
  /** The ACL the completed object gets. */
  readonly Acl: AccessControlPolicy;
  /** The encryption of the completed object (SSE-C: every part must bring its key). */
  readonly Encryption?: ObjectEncryption;
  /** The completed object's retention and legal hold. */
  readonly Retention?: Retention;
  readonly LegalHold?: 'ON' | 'OFF';
}

/** A completed upload, remembered so that a retried CompleteMultipartUpload succeeds again. */
export interface CompletedUpload {
  readonly Bucket: string;
  readonly Key: string;
  /** `partNumber:etag` list the upload was completed with. */
  readonly signature: string;
  readonly ETag: string;
  /** The version the completion stored. */
  readonly VersionId: string;
  readonly Checksum?: ObjectChecksum;
}

/** A bucket's own attributes and configuration (its content lives in `BucketState`). */
export interface BucketRecord {
  readonly Name: string;
  /** ms since the epoch. */
  readonly CreationDate: number;
  readonly Region: string;
  readonly Owner: Owner;
  readonly config: BucketConfig;
}
