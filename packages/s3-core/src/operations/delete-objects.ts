import { defineOperation, flatList, struct } from '../interpreter/spec.js';
import { bucketLabel, expectedBucketOwner, requestCharged, requestPayer } from './common.js';
import type { BucketTarget, ChecksumAlgorithmName, RequestPayer } from './common.js';

/** One key to delete. */
export interface ObjectIdentifier {
  Key: string;
  VersionId?: string;
  ETag?: string;
}

/** Input of {@link DeleteObjects}. */
export interface DeleteObjectsInput extends BucketTarget {
  /** Up to 1000 keys; `Quiet` leaves successes out of the answer. */
  Delete: { Objects: ObjectIdentifier[]; Quiet?: boolean };
  MFA?: string;
  BypassGovernanceRetention?: boolean;
  ChecksumAlgorithm?: ChecksumAlgorithmName;
  RequestPayer?: RequestPayer;
}

/** A key that was deleted. */
export interface DeletedObject {
  Key?: string;
  VersionId?: string;
  DeleteMarker?: boolean;
  DeleteMarkerVersionId?: string;
}

/** A key that could not be deleted. */
export interface DeleteError {
  Key?: string;
  VersionId?: string;
  Code?: string;
  Message?: string;
}

/** Output of {@link DeleteObjects}. Check `Errors`: the call succeeds even when some keys fail. */
export interface DeleteObjectsOutput {
  Deleted?: DeletedObject[];
  Errors?: DeleteError[];
  RequestCharged?: string;
}

/**
 * DeleteObjects: `POST /{Bucket}?delete` with a `<Delete>` document (Content-MD5 always sent).
 * @example
 * ```ts
 * const { Deleted, Errors } = await client.deleteObjects({
 *   Bucket: 'photos',
 *   Delete: { Objects: [{ Key: 'a.txt' }, { Key: 'b.txt' }], Quiet: false },
 * });
 * ```
 */
export const DeleteObjects = defineOperation<DeleteObjectsInput, DeleteObjectsOutput>({
  name: 'DeleteObjects',
  method: 'POST',
  path: '/{Bucket}',
  query: { delete: '' },
  checksum: { required: true, requestAlgorithmMember: 'ChecksumAlgorithm' },
  input: {
    Bucket: bucketLabel,
    Delete: {
      in: 'xml',
      root: 'Delete',
      rule: 'deleteObjects',
      required: true,
      shape: struct({
        Objects: { name: 'Object', shape: flatList(struct({ Key: 'string', VersionId: 'string', ETag: 'string' })) },
        Quiet: 'boolean',
      }),
    },
    MFA: { in: 'header', name: 'x-amz-mfa' },
    BypassGovernanceRetention: { in: 'header', name: 'x-amz-bypass-governance-retention', type: 'boolean' },
    ChecksumAlgorithm: { in: 'header', name: 'x-amz-sdk-checksum-algorithm' },
    ExpectedBucketOwner: expectedBucketOwner,
    RequestPayer: requestPayer,
  },
  outputRoot: 'DeleteResult',
  output: {
    Deleted: {
      in: 'xml',
      shape: flatList(struct({ Key: 'string', VersionId: 'string', DeleteMarker: 'boolean', DeleteMarkerVersionId: 'string' })),
    },
    Errors: { in: 'xml', name: 'Error', shape: flatList(struct({ Key: 'string', VersionId: 'string', Code: 'string', Message: 'string' })) },
    RequestCharged: requestCharged,
  },
});
