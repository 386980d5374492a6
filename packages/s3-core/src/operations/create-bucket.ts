import { defineOperation, struct } from '../interpreter/spec.js';
import type { BucketTarget } from './common.js';

/** Input of {@link CreateBucket}. */
export interface CreateBucketInput extends Omit<BucketTarget, 'ExpectedBucketOwner'> {
  /** Where to create the bucket; omit in us-east-1. */
  CreateBucketConfiguration?: { LocationConstraint?: string };
  ACL?: 'private' | 'public-read' | 'public-read-write' | 'authenticated-read';
  GrantFullControl?: string;
  GrantRead?: string;
  GrantReadACP?: string;
  GrantWrite?: string;
  GrantWriteACP?: string;
  ObjectLockEnabledForBucket?: boolean;
  ObjectOwnership?: 'BucketOwnerPreferred' | 'ObjectWriter' | 'BucketOwnerEnforced';
}

/** Output of {@link CreateBucket}. */
export interface CreateBucketOutput {
  Location?: string;
  BucketArn?: string;
}

/**
 * CreateBucket: `PUT /{Bucket}` with an optional `<CreateBucketConfiguration>`.
 * @example
 * ```ts
 * await client.createBucket({ Bucket: 'photos-us' }); // in us-east-1
 * // Elsewhere, name the region (S3 answers IllegalLocationConstraintException otherwise):
 * await client.createBucket({ Bucket: 'photos-eu', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } });
 * ```
 */
export const CreateBucket = defineOperation<CreateBucketInput, CreateBucketOutput>({
  name: 'CreateBucket',
  method: 'PUT',
  path: '/{Bucket}',
  input: {
    Bucket: { in: 'label', rule: 'createBucketName', required: true },
    CreateBucketConfiguration: { in: 'xml', root: 'CreateBucketConfiguration', shape: struct({ LocationConstraint: 'string' }) },
    ACL: { in: 'header', name: 'x-amz-acl' },
    GrantFullControl: { in: 'header', name: 'x-amz-grant-full-control' },
    GrantRead: { in: 'header', name: 'x-amz-grant-read' },
    GrantReadACP: { in: 'header', name: 'x-amz-grant-read-acp' },
    GrantWrite: { in: 'header', name: 'x-amz-grant-write' },
    GrantWriteACP: { in: 'header', name: 'x-amz-grant-write-acp' },
    ObjectLockEnabledForBucket: { in: 'header', name: 'x-amz-bucket-object-lock-enabled', type: 'boolean' },
    ObjectOwnership: { in: 'header', name: 'x-amz-object-ownership' },
  },
  output: {
    Location: { in: 'header', name: 'location' },
    BucketArn: { in: 'header', name: 'x-amz-bucket-arn' },
  },
});
