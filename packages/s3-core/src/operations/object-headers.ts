/** The object description headers GetObject and HeadObject both return. */
import type { OutputBinding } from '../interpreter/spec.js';
import { checksumOutput, requestCharged, sseOutput } from './common.js';
import type { ChecksumValues, SseOutput } from './common.js';

/** Headers describing a stored object (GetObject, HeadObject). */
export interface ObjectDescription extends SseOutput, ChecksumValues {
  DeleteMarker?: boolean;
  AcceptRanges?: string;
  Expiration?: string;
  Restore?: string;
  LastModified?: Date;
  ContentLength?: number;
  ETag?: string;
  ChecksumType?: string;
  MissingMeta?: number;
  VersionId?: string;
  CacheControl?: string;
  ContentDisposition?: string;
  ContentEncoding?: string;
  ContentLanguage?: string;
  ContentRange?: string;
  ContentType?: string;
  /** The `Expires` header parsed; `undefined` when absent or not an HTTP date (see `ExpiresString`). */
  Expires?: Date;
  /** The raw `Expires` header. */
  ExpiresString?: string;
  WebsiteRedirectLocation?: string;
  /** User metadata, names lower-cased without `x-amz-meta-`. */
  Metadata?: Record<string, string>;
  StorageClass?: string;
  RequestCharged?: string;
  ReplicationStatus?: string;
  PartsCount?: number;
  TagCount?: number;
  ObjectLockMode?: string;
  ObjectLockRetainUntilDate?: Date;
  ObjectLockLegalHoldStatus?: string;
}

export const objectDescriptionOutput = {
  DeleteMarker: { in: 'header', name: 'x-amz-delete-marker', type: 'boolean' },
  AcceptRanges: { in: 'header', name: 'accept-ranges' },
  Expiration: { in: 'header', name: 'x-amz-expiration' },
  Restore: { in: 'header', name: 'x-amz-restore' },
  LastModified: { in: 'header', name: 'last-modified', type: 'timestamp' },
  ContentLength: { in: 'header', name: 'content-length', type: 'integer' },
  ETag: { in: 'header', name: 'etag' },
  ChecksumType: { in: 'header', name: 'x-amz-checksum-type' },
  MissingMeta: { in: 'header', name: 'x-amz-missing-meta', type: 'integer' },
  VersionId: { in: 'header', name: 'x-amz-version-id' },
  CacheControl: { in: 'header', name: 'cache-control' },
  ContentDisposition: { in: 'header', name: 'content-disposition' },
  ContentEncoding: { in: 'header', name: 'content-encoding' },
  ContentLanguage: { in: 'header', name: 'content-language' },
  ContentRange: { in: 'header', name: 'content-range' },
  ContentType: { in: 'header', name: 'content-type' },
  Expires: { in: 'header', name: 'expires', type: 'timestamp' },
  ExpiresString: { in: 'header', name: 'expires' },
  WebsiteRedirectLocation: { in: 'header', name: 'x-amz-website-redirect-location' },
  Metadata: { in: 'prefixHeaders', name: 'x-amz-meta-' },
  StorageClass: { in: 'header', name: 'x-amz-storage-class' },
  RequestCharged: requestCharged,
  ReplicationStatus: { in: 'header', name: 'x-amz-replication-status' },
  PartsCount: { in: 'header', name: 'x-amz-mp-parts-count', type: 'integer' },
  TagCount: { in: 'header', name: 'x-amz-tagging-count', type: 'integer' },
  ObjectLockMode: { in: 'header', name: 'x-amz-object-lock-mode' },
  ObjectLockRetainUntilDate: { in: 'header', name: 'x-amz-object-lock-retain-until-date', type: 'iso8601' },
  ObjectLockLegalHoldStatus: { in: 'header', name: 'x-amz-object-lock-legal-hold' },
  ...sseOutput,
  ...checksumOutput,
} as const satisfies Record<keyof ObjectDescription, OutputBinding>;
