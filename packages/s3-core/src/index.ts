export { parseXml, XML_ATTRIBUTE_PREFIX, XML_TEXT_KEY } from './xml/xml-parser.js';
export type { XmlValue, XmlObject, XmlParseOptions } from './xml/xml-parser.js';
export { parseXmlFast, scanXml, LIST_BUCKET_RESULT_ARRAY_PATHS } from './xml/fast-xml-reader.js';
export { buildXml, S3_XML_NAMESPACE } from './xml/xml-writer.js';
export type { XmlInput, XmlInputObject, BuildXmlOptions } from './xml/xml-writer.js';
export { decodeXmlEntities, escapeXml } from './xml/xml-entities.js';
export { XmlParseError, isXmlParseError, ERR_XML } from './xml/xml-error.js';
export { S3ServiceError, isS3ServiceError, isNotFoundError } from './errors/s3-service-error.js';
export type { S3ServiceErrorOptions } from './errors/s3-service-error.js';
export { parseS3Error, isS3ErrorBody, STATUS_ERROR_CODES, UNKNOWN_ERROR_CODE } from './errors/parse-s3-error.js';
export type { S3ErrorResponse, S3ErrorContext } from './errors/parse-s3-error.js';
export {
  createChecksum,
  checksumBase64,
  isChecksumAlgorithm,
  CHECKSUM_ALGORITHMS,
  CHECKSUM_HEADERS,
  CHECKSUM_MEMBERS,
  DIGEST_LENGTHS,
} from './checksums/checksum.js';
export type { ChecksumAlgorithm, HashAlgorithm, Checksum } from './checksums/checksum.js';
export { crc32, crc32Js, CRC32_POLY } from './checksums/crc32.js';
export { crc32c, CRC32C_POLY } from './checksums/crc32c.js';
export { crc64Nvme } from './checksums/crc64-nvme.js';
export { crc32Combine, crc32cCombine, crc64NvmeCombine } from './checksums/crc-combine.js';
export { compositeChecksum, fullObjectChecksum, multipartEtag } from './checksums/multipart-checksums.js';
export type { PartChecksum, FullObjectChecksumAlgorithm } from './checksums/multipart-checksums.js';
export { resolveEndpoint, requestPath } from './endpoints/resolve-endpoint.js';
export type { EndpointParams, ResolvedEndpoint } from './endpoints/resolve-endpoint.js';
export { validateBucketName, isVirtualHostableBucket } from './endpoints/bucket-name.js';
export type { BucketNameRules } from './endpoints/bucket-name.js';
export { validateObjectKey, encodeKeyPath, MAX_KEY_BYTES } from './endpoints/object-key.js';
// Client, operations as data, interpreter, bodies, paginators, presigning.
export { S3Client } from './client/s3-client.js';
export type { S3ClientMethods } from './client/s3-client.js';
export { S3BaseClient } from './client/base-client.js';
export type { PresignedUrl, PresignUrlOptions, PresignPostOptions, PresignedPost } from './client/presign-request.js';
export type { S3ClientOptions, S3RetryOptions, SendOptions } from './client/client-options.js';
export { defineOperation, struct, flatList, wrappedList } from './interpreter/spec.js';
export { bucketLabel, keyLabel, versionIdQuery, expectedBucketOwner, requestPayer, header, query } from './interpreter/bindings.js';
export type { Codec, CodecName } from './interpreter/codecs.js';
export type { RuleName } from './interpreter/rules.js';
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
  Rule,
  Constraints,
  XmlNamespace,
  EventSpec,
  PaginatorSpec,
  ChecksumSpec,
  UrlEncodingSpec,
} from './interpreter/spec.js';
export {
  MAX_DELETE_OBJECTS,
  MAX_METADATA_BYTES,
  MAX_OBJECT_TAGS,
  MAX_BUCKET_TAGS,
  MAX_TAG_KEY_LENGTH,
  MAX_TAG_VALUE_LENGTH,
} from './interpreter/rules.js';
export { urlDecode } from './interpreter/parse-response.js';
export { operations } from './operations/index.js';
export type { S3Operations, S3OperationName } from './operations/index.js';
export { unlisted } from './operations/unlisted.js';
export type { Unlisted } from './operations/unlisted.js';
export type { CopySourceInput } from './interpreter/codecs.js';
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
export { createS3Body, ChecksumMismatchError, ERR_CHECKSUM_MISMATCH } from './body/response-body.js';
export type { S3Body, BodyChecks } from './body/response-body.js';
export type { RequestBody } from './body/request-body.js';
export { paginate, readToken, ERR_PAGINATION_LOOP } from './paginate/paginate.js';
export type { PaginateOptions } from './paginate/paginate.js';
export { presignGetObject, presignPutObject, presignPost } from './presign/presign.js';
