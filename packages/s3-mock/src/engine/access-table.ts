/**
 * What each operation needs, as data: the policy action it is (`s3:GetObject`), the resource a
 * policy statement must name (the bucket or one of its objects), and the ACL permission that grants
 * it (on the bucket's ACL or the object's). Operations not listed are for the bucket owner only
 * (their policy action is `s3:<Operation>`).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#permissions
 */
import type { Permission } from './acl.js';

/** How one operation is authorized. */
export interface AccessRule {
  /** The policy action. */
  action: string;
  /** The policy action when the request names a version (`s3:GetObjectVersion`). */
  versionAction?: string;
  /** Whether a policy's Resource must match the bucket ARN or the object ARN. */
  resource: 'bucket' | 'object';
  /** The ACL permission that grants the operation, and whose ACL holds it. */
  acl?: { permission: Permission; on: 'bucket' | 'object' };
  /** Authorized per key (DeleteObjects): the request itself needs nothing, each key is checked alone. */
  perKey?: boolean;
  /** Anyone may send it: the operation decides (the CORS preflight, answered from the bucket's rules). */
  open?: boolean;
}

const bucketRead = { permission: 'READ', on: 'bucket' } as const;
const bucketWrite = { permission: 'WRITE', on: 'bucket' } as const;

/** Access rules by operation name. */
export const ACCESS_TABLE: Readonly<Record<string, AccessRule>> = {
  OptionsObject: { action: 's3:OptionsObject', resource: 'object', open: true },
  // Signed in its body: the handler authorizes the form's signer as PutObject.
  PostObject: { action: 's3:PutObject', resource: 'object', open: true },
  HeadBucket: { action: 's3:ListBucket', resource: 'bucket', acl: bucketRead },
  ListObjects: { action: 's3:ListBucket', resource: 'bucket', acl: bucketRead },
  ListObjectsV2: { action: 's3:ListBucket', resource: 'bucket', acl: bucketRead },
  ListObjectVersions: { action: 's3:ListBucketVersions', resource: 'bucket', acl: bucketRead },
  ListMultipartUploads: { action: 's3:ListBucketMultipartUploads', resource: 'bucket', acl: bucketRead },
  GetBucketAcl: { action: 's3:GetBucketAcl', resource: 'bucket', acl: { permission: 'READ_ACP', on: 'bucket' } },
  PutBucketAcl: { action: 's3:PutBucketAcl', resource: 'bucket', acl: { permission: 'WRITE_ACP', on: 'bucket' } },
  GetObject: { action: 's3:GetObject', versionAction: 's3:GetObjectVersion', resource: 'object', acl: { permission: 'READ', on: 'object' } },
  HeadObject: { action: 's3:GetObject', versionAction: 's3:GetObjectVersion', resource: 'object', acl: { permission: 'READ', on: 'object' } },
  GetObjectAttributes: { action: 's3:GetObjectAttributes', versionAction: 's3:GetObjectVersionAttributes', resource: 'object', acl: { permission: 'READ', on: 'object' } },
  GetObjectAcl: { action: 's3:GetObjectAcl', versionAction: 's3:GetObjectVersionAcl', resource: 'object', acl: { permission: 'READ_ACP', on: 'object' } },
  PutObjectAcl: { action: 's3:PutObjectAcl', versionAction: 's3:PutObjectVersionAcl', resource: 'object', acl: { permission: 'WRITE_ACP', on: 'object' } },
  PutObject: { action: 's3:PutObject', resource: 'object', acl: bucketWrite },
  CopyObject: { action: 's3:PutObject', resource: 'object', acl: bucketWrite },
  CreateMultipartUpload: { action: 's3:PutObject', resource: 'object', acl: bucketWrite },
  UploadPart: { action: 's3:PutObject', resource: 'object', acl: bucketWrite },
  UploadPartCopy: { action: 's3:PutObject', resource: 'object', acl: bucketWrite },
  CompleteMultipartUpload: { action: 's3:PutObject', resource: 'object', acl: bucketWrite },
  AbortMultipartUpload: { action: 's3:AbortMultipartUpload', resource: 'object', acl: bucketWrite },
  ListParts: { action: 's3:ListMultipartUploadParts', resource: 'object', acl: bucketRead },
  DeleteObject: { action: 's3:DeleteObject', versionAction: 's3:DeleteObjectVersion', resource: 'object', acl: bucketWrite },
  DeleteObjects: { action: 's3:DeleteObject', versionAction: 's3:DeleteObjectVersion', resource: 'object', acl: bucketWrite, perKey: true },
  GetObjectTagging: { action: 's3:GetObjectTagging', versionAction: 's3:GetObjectVersionTagging', resource: 'object' },
  PutObjectTagging: { action: 's3:PutObjectTagging', versionAction: 's3:PutObjectVersionTagging', resource: 'object' },
  DeleteObjectTagging: { action: 's3:DeleteObjectTagging', versionAction: 's3:DeleteObjectVersionTagging', resource: 'object' },
  GetObjectRetention: { action: 's3:GetObjectRetention', resource: 'object' },
  PutObjectRetention: { action: 's3:PutObjectRetention', resource: 'object' },
  GetObjectLegalHold: { action: 's3:GetObjectLegalHold', resource: 'object' },
  PutObjectLegalHold: { action: 's3:PutObjectLegalHold', resource: 'object' },
  GetBucketTagging: { action: 's3:GetBucketTagging', resource: 'bucket' },
  PutBucketTagging: { action: 's3:PutBucketTagging', resource: 'bucket' },
  DeleteBucketTagging: { action: 's3:PutBucketTagging', resource: 'bucket' },
  GetBucketVersioning: { action: 's3:GetBucketVersioning', resource: 'bucket' },
  PutBucketVersioning: { action: 's3:PutBucketVersioning', resource: 'bucket' },
  GetBucketPolicy: { action: 's3:GetBucketPolicy', resource: 'bucket' },
  PutBucketPolicy: { action: 's3:PutBucketPolicy', resource: 'bucket' },
  DeleteBucketPolicy: { action: 's3:DeleteBucketPolicy', resource: 'bucket' },
  GetBucketPolicyStatus: { action: 's3:GetBucketPolicyStatus', resource: 'bucket' },
  PutPublicAccessBlock: { action: 's3:PutBucketPublicAccessBlock', resource: 'bucket' },
  GetPublicAccessBlock: { action: 's3:GetBucketPublicAccessBlock', resource: 'bucket' },
  DeletePublicAccessBlock: { action: 's3:PutBucketPublicAccessBlock', resource: 'bucket' },
  GetBucketCors: { action: 's3:GetBucketCORS', resource: 'bucket' },
  PutBucketCors: { action: 's3:PutBucketCORS', resource: 'bucket' },
  DeleteBucketCors: { action: 's3:PutBucketCORS', resource: 'bucket' },
  GetBucketLifecycleConfiguration: { action: 's3:GetLifecycleConfiguration', resource: 'bucket' },
  PutBucketLifecycleConfiguration: { action: 's3:PutLifecycleConfiguration', resource: 'bucket' },
  DeleteBucketLifecycle: { action: 's3:PutLifecycleConfiguration', resource: 'bucket' },
  GetBucketEncryption: { action: 's3:GetEncryptionConfiguration', resource: 'bucket' },
  PutBucketEncryption: { action: 's3:PutEncryptionConfiguration', resource: 'bucket' },
  DeleteBucketEncryption: { action: 's3:PutEncryptionConfiguration', resource: 'bucket' },
  GetObjectLockConfiguration: { action: 's3:GetBucketObjectLockConfiguration', resource: 'bucket' },
  PutObjectLockConfiguration: { action: 's3:PutBucketObjectLockConfiguration', resource: 'bucket' },
  GetBucketOwnershipControls: { action: 's3:GetBucketOwnershipControls', resource: 'bucket' },
  PutBucketOwnershipControls: { action: 's3:PutBucketOwnershipControls', resource: 'bucket' },
  DeleteBucketOwnershipControls: { action: 's3:PutBucketOwnershipControls', resource: 'bucket' },
  GetBucketWebsite: { action: 's3:GetBucketWebsite', resource: 'bucket' },
  PutBucketWebsite: { action: 's3:PutBucketWebsite', resource: 'bucket' },
  DeleteBucketWebsite: { action: 's3:DeleteBucketWebsite', resource: 'bucket' },
  GetBucketLogging: { action: 's3:GetBucketLogging', resource: 'bucket' },
  PutBucketLogging: { action: 's3:PutBucketLogging', resource: 'bucket' },
  GetBucketNotificationConfiguration: { action: 's3:GetBucketNotification', resource: 'bucket' },
  PutBucketNotificationConfiguration: { action: 's3:PutBucketNotification', resource: 'bucket' },
  GetBucketAccelerateConfiguration: { action: 's3:GetAccelerateConfiguration', resource: 'bucket' },
  PutBucketAccelerateConfiguration: { action: 's3:PutAccelerateConfiguration', resource: 'bucket' },
  GetBucketRequestPayment: { action: 's3:GetBucketRequestPayment', resource: 'bucket' },
  PutBucketRequestPayment: { action: 's3:PutBucketRequestPayment', resource: 'bucket' },
};

/** The rule of `operation` (bucket owner only, action `s3:<operation>`, when not listed). */
export function accessRule(operation: string): AccessRule {
  return ACCESS_TABLE[operation] ?? { action: `s3:${operation}`, resource: 'bucket' };
}
