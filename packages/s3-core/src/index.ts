/**
 * @s3kit/s3-core: the S3 client, every operation of AWS's S3 model as data, the interpreter that
 * runs them, typed errors, checksums, paginators and presigning. The XML reader and writer, the
 * CRC tables and the request builder are internal.
 */
// Client.
export { S3Client } from './client/s3-client.js';
export type { S3ClientMethods } from './client/s3-client.js';
export { S3BaseClient } from './client/base-client.js';
export type { S3ClientOptions, S3RetryOptions, SendOptions } from './client/client-options.js';
export type { PresignedUrl, PresignUrlOptions, PresignPostOptions, PresignedPost } from './client/presign-request.js';
export { presignGetObject, presignPutObject, presignPost } from './presign/presign.js';
// Errors.
export { S3ServiceError, isS3ServiceError, isNotFoundError } from './errors/s3-service-error.js';
export type { S3ServiceErrorOptions } from './errors/s3-service-error.js';
export type { S3ErrorCode, KnownS3ErrorCode } from './errors/s3-error-code.js';
export { XmlParseError, isXmlParseError, ERR_XML } from './xml/xml-error.js';
export { ChecksumMismatchError, ERR_CHECKSUM_MISMATCH } from './body/response-body.js';
// Bodies.
export type { S3Body } from './body/response-body.js';
export type { RequestBody } from './body/request-body.js';
// Checksums (full-object and multipart, as s3-transfer and callers verifying data need them).
export { createChecksum, checksumBase64, isChecksumAlgorithm, CHECKSUM_ALGORITHMS, CHECKSUM_HEADERS } from './checksums/checksum.js';
export type { ChecksumAlgorithm, HashAlgorithm, Checksum } from './checksums/checksum.js';
export { compositeChecksum, fullObjectChecksum, multipartEtag } from './checksums/multipart-checksums.js';
export type { PartChecksum, FullObjectChecksumAlgorithm } from './checksums/multipart-checksums.js';
// Names and endpoints.
export { resolveEndpoint } from './endpoints/resolve-endpoint.js';
export type { EndpointParams, ResolvedEndpoint } from './endpoints/resolve-endpoint.js';
export { validateBucketName, isVirtualHostableBucket } from './endpoints/bucket-name.js';
export type { BucketNameRules } from './endpoints/bucket-name.js';
export { validateObjectKey, encodeKeyPath, MAX_KEY_BYTES } from './endpoints/object-key.js';
// Operations as data: declare your own, run any.
export { defineOperation, struct, flatList, wrappedList } from './interpreter/spec.js';
export type {
  OperationSpec,
  Operation,
  InputOf,
  OutputOf,
  ResponseMetadata,
  InputBinding,
  OutputBinding,
  InputBindings,
  OutputBindings,
  ScalarType,
  XmlShape,
  XmlField,
  XmlListShape,
  XmlStructureShape,
  XmlNamespace,
  Rule,
  Constraints,
  EventSpec,
  PaginatorSpec,
  ChecksumSpec,
  UrlEncodingSpec,
} from './interpreter/spec.js';
export { bucketLabel, keyLabel, versionIdQuery, expectedBucketOwner, requestPayer, header, query } from './interpreter/bindings.js';
export type { Codec, CodecName, CopySourceInput } from './interpreter/codecs.js';
export type { RuleName } from './interpreter/rules.js';
export {
  MAX_DELETE_OBJECTS,
  MAX_METADATA_BYTES,
  MAX_OBJECT_TAGS,
  MAX_BUCKET_TAGS,
  MAX_TAG_KEY_LENGTH,
  MAX_TAG_VALUE_LENGTH,
} from './interpreter/rules.js';
export { operations } from './operations/index.js';
export type { S3Operations, S3OperationName } from './operations/index.js';
export { unlisted } from './operations/unlisted.js';
export type { Unlisted } from './operations/unlisted.js';
// Paginators.
export { paginate, ERR_PAGINATION_LOOP } from './paginate/paginate.js';
export type { PaginateOptions } from './paginate/paginate.js';
// The operations and their types, generated from the model.
// <generated operations: scripts/generate-operations.mjs>
export { paginateListObjectsV2, paginateListBuckets, paginateListMultipartUploads, paginateListParts } from './paginate/paginators.js';
export type { ChecksumAlgorithmName, ChecksumType, CommonPrefix, EncodingType, ObjectCannedACL, ObjectLockLegalHoldStatus, ObjectLockMode, Owner, RequestCharged, RequestPayer, ServerSideEncryption, StorageClass, Tag } from './operations/common.js';
export { PutObject, GetObject, HeadObject, DeleteObject, DeleteObjects, CopyObject } from './operations/objects.js';
export type { ArchiveStatus, ChecksumMode, CopyObjectResult, Delete, DeleteError, DeletedObject, MetadataDirective, ObjectIdentifier, ReplicationStatus, TaggingDirective, PutObjectInput, PutObjectOutput, GetObjectInput, GetObjectOutput, HeadObjectInput, HeadObjectOutput, DeleteObjectInput, DeleteObjectOutput, DeleteObjectsInput, DeleteObjectsOutput, CopyObjectInput, CopyObjectOutput } from './operations/objects.js';
export { ListObjectsV2, ListBuckets } from './operations/listing.js';
export type { Bucket, ObjectStorageClass, OptionalObjectAttributes, RestoreStatus, S3Object, ListObjectsV2Input, ListObjectsV2Output, ListBucketsInput, ListBucketsOutput } from './operations/listing.js';
export { CreateBucket, DeleteBucket, HeadBucket } from './operations/buckets.js';
export type { BucketCannedACL, BucketInfo, BucketLocationConstraint, BucketNamespace, BucketType, CreateBucketConfiguration, DataRedundancy, LocationInfo, LocationType, ObjectOwnership, CreateBucketInput, CreateBucketOutput, DeleteBucketInput, DeleteBucketOutput, HeadBucketInput, HeadBucketOutput } from './operations/buckets.js';
export { CreateMultipartUpload, UploadPart, UploadPartCopy, CompleteMultipartUpload, AbortMultipartUpload, ListMultipartUploads, ListParts } from './operations/multipart.js';
export type { CompletedMultipartUpload, CompletedPart, CopyPartResult, Initiator, MultipartUpload, Part, CreateMultipartUploadInput, CreateMultipartUploadOutput, UploadPartInput, UploadPartOutput, UploadPartCopyInput, UploadPartCopyOutput, CompleteMultipartUploadInput, CompleteMultipartUploadOutput, AbortMultipartUploadInput, AbortMultipartUploadOutput, ListMultipartUploadsInput, ListMultipartUploadsOutput, ListPartsInput, ListPartsOutput } from './operations/multipart.js';
export { GetObjectTagging, PutObjectTagging, DeleteObjectTagging, GetBucketTagging, PutBucketTagging, DeleteBucketTagging } from './operations/tagging.js';
export type { Tagging, GetObjectTaggingInput, GetObjectTaggingOutput, PutObjectTaggingInput, PutObjectTaggingOutput, DeleteObjectTaggingInput, DeleteObjectTaggingOutput, GetBucketTaggingInput, GetBucketTaggingOutput, PutBucketTaggingInput, PutBucketTaggingOutput, DeleteBucketTaggingInput, DeleteBucketTaggingOutput } from './operations/tagging.js';
// </generated operations>
