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
  ValidationRule,
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
} from './interpreter/validate.js';
export { urlDecode } from './interpreter/parse-response.js';
export { operations } from './operations/index.js';
export type { S3Operations, S3OperationName } from './operations/index.js';
export { PutObject } from './operations/put-object.js';
export type { PutObjectInput, PutObjectOutput } from './operations/put-object.js';
export { GetObject } from './operations/get-object.js';
export type { GetObjectInput, GetObjectOutput } from './operations/get-object.js';
export { HeadObject } from './operations/head-object.js';
export type { HeadObjectInput, HeadObjectOutput } from './operations/head-object.js';
export type { ObjectDescription } from './operations/object-headers.js';
export { DeleteObject } from './operations/delete-object.js';
export type { DeleteObjectInput, DeleteObjectOutput } from './operations/delete-object.js';
export { DeleteObjects } from './operations/delete-objects.js';
export type { DeleteObjectsInput, DeleteObjectsOutput, ObjectIdentifier, DeletedObject, DeleteError } from './operations/delete-objects.js';
export { CopyObject } from './operations/copy-object.js';
export type { CopyObjectInput, CopyObjectOutput, CopyObjectResult, CopySource, CopySourceInput } from './operations/copy-object.js';
export { ListObjectsV2 } from './operations/list-objects-v2.js';
export type { ListObjectsV2Input, ListObjectsV2Output, S3Object, CommonPrefix } from './operations/list-objects-v2.js';
export { CreateBucket } from './operations/create-bucket.js';
export type { CreateBucketInput, CreateBucketOutput } from './operations/create-bucket.js';
export { DeleteBucket } from './operations/delete-bucket.js';
export type { DeleteBucketInput, DeleteBucketOutput } from './operations/delete-bucket.js';
export { HeadBucket } from './operations/head-bucket.js';
export type { HeadBucketInput, HeadBucketOutput } from './operations/head-bucket.js';
export { ListBuckets } from './operations/list-buckets.js';
export type { ListBucketsInput, ListBucketsOutput, Bucket } from './operations/list-buckets.js';
export { CreateMultipartUpload } from './operations/create-multipart-upload.js';
export type { CreateMultipartUploadInput, CreateMultipartUploadOutput } from './operations/create-multipart-upload.js';
export { UploadPart } from './operations/upload-part.js';
export type { UploadPartInput, UploadPartOutput } from './operations/upload-part.js';
export { UploadPartCopy } from './operations/upload-part-copy.js';
export type { UploadPartCopyInput, UploadPartCopyOutput, CopyPartResult } from './operations/upload-part-copy.js';
export { CompleteMultipartUpload } from './operations/complete-multipart-upload.js';
export type { CompleteMultipartUploadInput, CompleteMultipartUploadOutput, CompletedPart } from './operations/complete-multipart-upload.js';
export { AbortMultipartUpload } from './operations/abort-multipart-upload.js';
export type { AbortMultipartUploadInput, AbortMultipartUploadOutput } from './operations/abort-multipart-upload.js';
export { ListMultipartUploads } from './operations/list-multipart-uploads.js';
export type { ListMultipartUploadsInput, ListMultipartUploadsOutput, MultipartUpload } from './operations/list-multipart-uploads.js';
export { ListParts } from './operations/list-parts.js';
export type { ListPartsInput, ListPartsOutput, Part } from './operations/list-parts.js';
export {
  GetObjectTagging,
  PutObjectTagging,
  DeleteObjectTagging,
  GetBucketTagging,
  PutBucketTagging,
  DeleteBucketTagging,
} from './operations/tagging.js';
export type {
  Tagging,
  GetObjectTaggingInput,
  GetObjectTaggingOutput,
  PutObjectTaggingInput,
  PutObjectTaggingOutput,
  DeleteObjectTaggingInput,
  DeleteObjectTaggingOutput,
  GetBucketTaggingInput,
  GetBucketTaggingOutput,
  PutBucketTaggingInput,
  PutBucketTaggingOutput,
  DeleteBucketTaggingInput,
  DeleteBucketTaggingOutput,
} from './operations/tagging.js';
export type {
  Tag,
  Owner,
  BucketTarget,
  ObjectTarget,
  SseCustomerInput,
  SseOutput,
  ChecksumValues,
  ChecksumAlgorithmName,
  StorageClass,
  ObjectCannedACL,
  ServerSideEncryption,
  RequestPayer,
} from './operations/common.js';
export { createS3Body, ChecksumMismatchError, ERR_CHECKSUM_MISMATCH } from './body/response-body.js';
export type { S3Body, BodyChecks } from './body/response-body.js';
export type { RequestBody } from './body/request-body.js';
export {
  paginate,
  paginateListObjectsV2,
  paginateListBuckets,
  paginateListParts,
  paginateListMultipartUploads,
  ERR_PAGINATION_LOOP,
} from './paginate/paginate.js';
export type { PaginateOptions } from './paginate/paginate.js';
export { presignGetObject, presignPutObject, presignPost } from './presign/presign.js';
