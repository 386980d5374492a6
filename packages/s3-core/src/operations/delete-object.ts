import { defineOperation } from '../interpreter/spec.js';
import { bucketLabel, expectedBucketOwner, keyLabel, requestCharged, requestPayer, versionIdQuery } from './common.js';
import type { ObjectTarget, RequestPayer } from './common.js';

/** Input of {@link DeleteObject}. */
export interface DeleteObjectInput extends ObjectTarget {
  VersionId?: string;
  /** Governance-mode object lock bypass. */
  BypassGovernanceRetention?: boolean;
  /** Delete only if the ETag matches (directory buckets and some servers). */
  IfMatch?: string;
  MFA?: string;
  RequestPayer?: RequestPayer;
}

/** Output of {@link DeleteObject}. */
export interface DeleteObjectOutput {
  DeleteMarker?: boolean;
  VersionId?: string;
  RequestCharged?: string;
}

/**
 * DeleteObject: `DELETE /{Bucket}/{Key+}` (204 also when the key did not exist).
 * @example
 * ```ts
 * await client.deleteObject({ Bucket: 'photos', Key: 'a.txt' });
 * ```
 */
export const DeleteObject = defineOperation<DeleteObjectInput, DeleteObjectOutput>({
  name: 'DeleteObject',
  method: 'DELETE',
  path: '/{Bucket}/{Key+}',
  input: {
    Bucket: bucketLabel,
    Key: keyLabel,
    VersionId: versionIdQuery,
    BypassGovernanceRetention: { in: 'header', name: 'x-amz-bypass-governance-retention', type: 'boolean' },
    IfMatch: { in: 'header', name: 'if-match' },
    MFA: { in: 'header', name: 'x-amz-mfa' },
    ExpectedBucketOwner: expectedBucketOwner,
    RequestPayer: requestPayer,
  },
  output: {
    DeleteMarker: { in: 'header', name: 'x-amz-delete-marker', type: 'boolean' },
    VersionId: { in: 'header', name: 'x-amz-version-id' },
    RequestCharged: requestCharged,
  },
});
