export { S3Engine, createS3Engine } from './engine/engine.js';
export { S3MockError, isS3MockError, ERRORS } from './engine/errors.js';
export { compareUtf8 } from './engine/utf8-order.js';
export type { S3EngineOptions, EngineSnapshot, SeedSpec, SeedObject } from './engine/engine.js';
export type { S3ErrorCode, S3ErrorSpec, S3ErrorFields } from './engine/errors.js';
export type { ObjectChecksum, ChecksumAlgorithm, ContentHeaders } from './engine/records.js';
export { ANONYMOUS, isAnonymous } from './engine/account.js';
export type { Owner, Account, AnonymousRequester, Requester } from './engine/account.js';
export type { Tag } from './engine/tags.js';
export type { ReadConditions, WriteConditions, CopySourceConditions } from './engine/conditions.js';
export type {
  CreateBucketInput,
  CreateBucketOutput,
  HeadBucketOutput,
  ListBucketsInput,
  ListBucketsOutput,
  BucketSummary,
  GetBucketLocationOutput,
} from './engine/bucket-ops.js';
export type { PutObjectInput, PutObjectOutput } from './engine/put-object.js';
export type { GetObjectInput, GetObjectOutput, HeadObjectOutput } from './engine/get-object.js';
export type { DeleteObjectInput, DeleteObjectOutput, DeleteObjectsInput, DeleteObjectsOutput, DeletedEntry } from './engine/delete-object.js';
export type { CopyObjectInput, CopyObjectOutput } from './engine/copy-object.js';
export type {
  PutBucketVersioningInput,
  GetBucketVersioningOutput,
  ListObjectVersionsInput,
  ListObjectVersionsOutput,
  VersionSummary,
} from './engine/versioning-ops.js';
export type { VersioningStatus } from './engine/bucket-config.js';
export type { ListObjectsV2Input, ListObjectsV2Output, ListObjectsInput, ListObjectsOutput, ObjectSummary } from './engine/list-ops.js';
export type {
  CreateMultipartUploadInput,
  CreateMultipartUploadOutput,
  UploadPartInput,
  UploadPartOutput,
  UploadPartCopyInput,
  UploadPartCopyOutput,
  ListPartsInput,
  ListPartsOutput,
  PartSummary,
  ListMultipartUploadsInput,
  ListMultipartUploadsOutput,
  UploadSummary,
  CompleteMultipartUploadInput,
  CompleteMultipartUploadOutput,
  InFlightUpload,
} from './engine/multipart-ops.js';
export type { TaggingOutput, ObjectTaggingTarget } from './engine/tagging-ops.js';
export type { GetObjectAttributesInput, GetObjectAttributesOutput, ObjectAttribute } from './engine/object-attributes.js';
export type { AccessControlPolicy, AclInput, CannedAcl, Grant, Grantee, Permission } from './engine/acl.js';
export type { AclOutput, PutAclInput } from './engine/acl-ops.js';
export type { BucketConfig, ObjectOwnership, PublicAccessBlock } from './engine/bucket-config.js';
export type { BucketEncryption, EncryptionInput, EncryptionOutput } from './engine/encryption.js';
export type { ObjectLockConfig, ObjectLockInput, Retention, RetentionMode } from './engine/object-lock.js';
export type { LockTarget } from './engine/object-lock-ops.js';
export type { CorsRequest, CorsRule } from './engine/cors.js';
export type { ConfigElement } from './engine/config-document.js';
export type { BucketSettingName } from './engine/bucket-settings.js';
export type { OwnershipControls } from './engine/ownership-controls-ops.js';
export type { ConditionContext } from './engine/policy-conditions.js';
export type { ConnectionInfo } from './protocol/condition-context.js';
export { createS3Mock } from './mock/create-s3-mock.js';
export type { S3Mock, S3MockOptions, RecordedRequest } from './mock/create-s3-mock.js';
export { createFaultRegistry } from './mock/faults.js';
export type { FaultAction, FaultMatch, FaultRule, FaultRegistry, FiredFault } from './mock/faults.js';
export type { Served, ServeFunction, Throttle } from './mock/served.js';
export { createS3Handler, renderErrorXml } from './protocol/s3-handler.js';
export type { S3HandlerOptions, S3RequestHandler, HandledRequest } from './protocol/s3-handler.js';
export { DEFAULT_MOCK_CREDENTIALS } from './protocol/auth.js';
export type { MockCredentials } from './protocol/auth.js';
export { resolveRoute, bucketFromHost, ROUTE_TABLE, S3_OPERATIONS, DEFAULT_BASE_DOMAINS } from './protocol/route.js';
export type { Route, RouteSpec, S3Operation } from './protocol/route.js';
export type { AccessRequest } from './engine/access.js';
export { S3ProtocolError, PROTOCOL_ERRORS } from './protocol/protocol-error.js';
export type { S3ErrorDocument, ProtocolErrorCode } from './protocol/protocol-error.js';
export { checksumOf, createChecksumHasher } from './protocol/checksums.js';
export type { ChecksumHasher } from './protocol/checksums.js';
export { createInProcessTransport } from './transport/in-process-transport.js';
export { listenS3Mock, startS3MockServer } from './server-exports.js';
export type { ListenOptions, S3MockServer } from './server/listen.js';
export type { StartS3MockServerOptions, StandaloneS3MockServer } from './server/start-server.js';
