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
export { S3ServiceError, isS3ServiceError, isNotFoundError, isPreconditionFailed, isConditionalRequestConflict } from './errors/s3-service-error.js';
export type { S3ServiceErrorOptions } from './errors/s3-service-error.js';
export type { S3ErrorCode, KnownS3ErrorCode } from './errors/s3-error-code.js';
export { XmlParseError, isXmlParseError, ERR_XML } from './xml/xml-error.js';
export { ChecksumMismatchError, ERR_CHECKSUM_MISMATCH } from './body/response-body.js';
export { DEFAULT_MAX_BUFFERED_BODY_BYTES } from './body/read-capped.js';
export { ERR_URL_ENCODING } from './interpreter/parse-response.js';
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
  ValidationRule,
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
export { paginate, readToken, ERR_PAGINATION_LOOP } from './paginate/paginate.js';
export type { PaginateOptions } from './paginate/paginate.js';
// Waiters.
export { waitFor, WaiterError, isWaiterError } from './waiters/wait.js';
export type { WaiterSpec, WaiterAcceptor, WaiterOptions, WaiterResult, WaiterErrorCode } from './waiters/wait.js';
// The operations and their types, generated from the model.
// <generated operations: scripts/generate-operations.mjs>
export { paginateListObjectsV2, paginateListObjects, paginateListObjectVersions, paginateListBuckets, paginateListDirectoryBuckets, paginateListMultipartUploads, paginateListParts } from './paginate/paginators.js';
export { BucketExists, waitUntilBucketExists, BucketNotExists, waitUntilBucketNotExists, ObjectExists, waitUntilObjectExists, ObjectNotExists, waitUntilObjectNotExists } from './waiters/waiters.js';
export type { BucketCannedACL, CSVInput, CSVOutput, ChecksumAlgorithmName, ChecksumType, CommonPrefix, CompressionType, EncodingType, ExpressionType, FileHeaderInfo, Grant, Grantee, InputSerialization, JSONInput, JSONOutput, JSONType, ObjectCannedACL, ObjectLockLegalHoldStatus, ObjectLockMode, ObjectOwnership, OutputSerialization, Owner, ParquetInput, Permission, QuoteFields, RequestCharged, RequestPayer, ServerSideEncryption, StorageClass, Tag, Tagging, Type } from './operations/common.js';
export { PutObject, GetObject, HeadObject, DeleteObject, DeleteObjects, CopyObject, RenameObject, RestoreObject, GetObjectAttributes, GetObjectTorrent, UpdateObjectEncryption, WriteGetObjectResponse } from './operations/objects.js';
export type { ArchiveStatus, ChecksumMode, CopyObjectResult, Delete, DeleteError, DeletedObject, Encryption, GetObjectAttributesParts, GlacierJobParameters, MetadataDirective, MetadataEntry, ObjectAttributes, ObjectChecksum, ObjectEncryption, ObjectIdentifier, ObjectPart, OutputLocation, ReplicationStatus, RestoreRequest, RestoreRequestType, S3Location, SSEKMSEncryption, SelectParameters, TaggingDirective, Tier, PutObjectInput, PutObjectOutput, GetObjectInput, GetObjectOutput, HeadObjectInput, HeadObjectOutput, DeleteObjectInput, DeleteObjectOutput, DeleteObjectsInput, DeleteObjectsOutput, CopyObjectInput, CopyObjectOutput, RenameObjectInput, RenameObjectOutput, RestoreObjectInput, RestoreObjectOutput, GetObjectAttributesInput, GetObjectAttributesOutput, GetObjectTorrentInput, GetObjectTorrentOutput, UpdateObjectEncryptionInput, UpdateObjectEncryptionOutput, WriteGetObjectResponseInput, WriteGetObjectResponseOutput } from './operations/objects.js';
export { ListObjectsV2, ListObjects, ListObjectVersions, ListBuckets, ListDirectoryBuckets } from './operations/listing.js';
export type { Bucket, DeleteMarkerEntry, ObjectStorageClass, ObjectVersion, ObjectVersionStorageClass, OptionalObjectAttributes, RestoreStatus, S3Object, ListObjectsV2Input, ListObjectsV2Output, ListObjectsInput, ListObjectsOutput, ListObjectVersionsInput, ListObjectVersionsOutput, ListBucketsInput, ListBucketsOutput, ListDirectoryBucketsInput, ListDirectoryBucketsOutput } from './operations/listing.js';
export { CreateBucket, DeleteBucket, HeadBucket, GetBucketLocation, CreateSession } from './operations/buckets.js';
export type { BucketInfo, BucketLocationConstraint, BucketNamespace, BucketType, CreateBucketConfiguration, DataRedundancy, LocationInfo, LocationType, SessionCredentials, SessionMode, CreateBucketInput, CreateBucketOutput, DeleteBucketInput, DeleteBucketOutput, HeadBucketInput, HeadBucketOutput, GetBucketLocationInput, GetBucketLocationOutput, CreateSessionInput, CreateSessionOutput } from './operations/buckets.js';
export { CreateMultipartUpload, UploadPart, UploadPartCopy, CompleteMultipartUpload, AbortMultipartUpload, ListMultipartUploads, ListParts } from './operations/multipart.js';
export type { CompletedMultipartUpload, CompletedPart, CopyPartResult, Initiator, MultipartUpload, Part, CreateMultipartUploadInput, CreateMultipartUploadOutput, UploadPartInput, UploadPartOutput, UploadPartCopyInput, UploadPartCopyOutput, CompleteMultipartUploadInput, CompleteMultipartUploadOutput, AbortMultipartUploadInput, AbortMultipartUploadOutput, ListMultipartUploadsInput, ListMultipartUploadsOutput, ListPartsInput, ListPartsOutput } from './operations/multipart.js';
export { GetObjectTagging, PutObjectTagging, DeleteObjectTagging, GetBucketTagging, PutBucketTagging, DeleteBucketTagging } from './operations/tagging.js';
export type { GetObjectTaggingInput, GetObjectTaggingOutput, PutObjectTaggingInput, PutObjectTaggingOutput, DeleteObjectTaggingInput, DeleteObjectTaggingOutput, GetBucketTaggingInput, GetBucketTaggingOutput, PutBucketTaggingInput, PutBucketTaggingOutput, DeleteBucketTaggingInput, DeleteBucketTaggingOutput } from './operations/tagging.js';
export { GetBucketAcl, PutBucketAcl, GetObjectAcl, PutObjectAcl } from './operations/acl.js';
export type { AccessControlPolicy, GetBucketAclInput, GetBucketAclOutput, PutBucketAclInput, PutBucketAclOutput, GetObjectAclInput, GetObjectAclOutput, PutObjectAclInput, PutObjectAclOutput } from './operations/acl.js';
export { PutObjectLockConfiguration, GetObjectLockConfiguration, PutObjectRetention, GetObjectRetention, PutObjectLegalHold, GetObjectLegalHold } from './operations/object-lock.js';
export type { DefaultRetention, ObjectLockConfiguration, ObjectLockEnabled, ObjectLockLegalHold, ObjectLockRetention, ObjectLockRetentionMode, ObjectLockRule, PutObjectLockConfigurationInput, PutObjectLockConfigurationOutput, GetObjectLockConfigurationInput, GetObjectLockConfigurationOutput, PutObjectRetentionInput, PutObjectRetentionOutput, GetObjectRetentionInput, GetObjectRetentionOutput, PutObjectLegalHoldInput, PutObjectLegalHoldOutput, GetObjectLegalHoldInput, GetObjectLegalHoldOutput } from './operations/object-lock.js';
export { PutBucketVersioning, GetBucketVersioning } from './operations/versioning.js';
export type { BucketVersioningStatus, MFADelete, MFADeleteStatus, VersioningConfiguration, PutBucketVersioningInput, PutBucketVersioningOutput, GetBucketVersioningInput, GetBucketVersioningOutput } from './operations/versioning.js';
export { SelectObjectContent } from './operations/select.js';
export type { ContinuationEvent, EndEvent, Progress, ProgressEvent, RecordsEvent, RequestProgress, ScanRange, SelectObjectContentEventStream, Stats, StatsEvent, SelectObjectContentInput, SelectObjectContentOutput } from './operations/select.js';
export { PutBucketPolicy, GetBucketPolicy, DeleteBucketPolicy, GetBucketPolicyStatus } from './operations/bucket-policy.js';
export type { PolicyStatus, PutBucketPolicyInput, PutBucketPolicyOutput, GetBucketPolicyInput, GetBucketPolicyOutput, DeleteBucketPolicyInput, DeleteBucketPolicyOutput, GetBucketPolicyStatusInput, GetBucketPolicyStatusOutput } from './operations/bucket-policy.js';
export { PutPublicAccessBlock, GetPublicAccessBlock, DeletePublicAccessBlock, PutBucketOwnershipControls, GetBucketOwnershipControls, DeleteBucketOwnershipControls, PutBucketAbac, GetBucketAbac } from './operations/bucket-access.js';
export type { AbacStatus, BucketAbacStatus, OwnershipControls, OwnershipControlsRule, PublicAccessBlockConfiguration, PutPublicAccessBlockInput, PutPublicAccessBlockOutput, GetPublicAccessBlockInput, GetPublicAccessBlockOutput, DeletePublicAccessBlockInput, DeletePublicAccessBlockOutput, PutBucketOwnershipControlsInput, PutBucketOwnershipControlsOutput, GetBucketOwnershipControlsInput, GetBucketOwnershipControlsOutput, DeleteBucketOwnershipControlsInput, DeleteBucketOwnershipControlsOutput, PutBucketAbacInput, PutBucketAbacOutput, GetBucketAbacInput, GetBucketAbacOutput } from './operations/bucket-access.js';
export { PutBucketCors, GetBucketCors, DeleteBucketCors } from './operations/cors.js';
export type { CORSConfiguration, CORSRule, PutBucketCorsInput, PutBucketCorsOutput, GetBucketCorsInput, GetBucketCorsOutput, DeleteBucketCorsInput, DeleteBucketCorsOutput } from './operations/cors.js';
export { PutBucketWebsite, GetBucketWebsite, DeleteBucketWebsite } from './operations/website.js';
export type { Condition, ErrorDocument, IndexDocument, Protocol, Redirect, RedirectAllRequestsTo, RoutingRule, WebsiteConfiguration, PutBucketWebsiteInput, PutBucketWebsiteOutput, GetBucketWebsiteInput, GetBucketWebsiteOutput, DeleteBucketWebsiteInput, DeleteBucketWebsiteOutput } from './operations/website.js';
export { PutBucketLifecycleConfiguration, GetBucketLifecycleConfiguration, DeleteBucketLifecycle, PutBucketLifecycle, GetBucketLifecycle } from './operations/lifecycle.js';
export type { AbortIncompleteMultipartUpload, BucketLifecycleConfiguration, ExpirationStatus, LifecycleConfiguration, LifecycleExpiration, LifecycleRule, LifecycleRuleAndOperator, LifecycleRuleFilter, NoncurrentVersionExpiration, NoncurrentVersionTransition, Rule, Transition, TransitionDefaultMinimumObjectSize, TransitionStorageClass, PutBucketLifecycleConfigurationInput, PutBucketLifecycleConfigurationOutput, GetBucketLifecycleConfigurationInput, GetBucketLifecycleConfigurationOutput, DeleteBucketLifecycleInput, DeleteBucketLifecycleOutput, PutBucketLifecycleInput, PutBucketLifecycleOutput, GetBucketLifecycleInput, GetBucketLifecycleOutput } from './operations/lifecycle.js';
export { PutBucketEncryption, GetBucketEncryption, DeleteBucketEncryption } from './operations/encryption.js';
export type { BlockedEncryptionTypes, EncryptionType, ServerSideEncryptionByDefault, ServerSideEncryptionConfiguration, ServerSideEncryptionRule, PutBucketEncryptionInput, PutBucketEncryptionOutput, GetBucketEncryptionInput, GetBucketEncryptionOutput, DeleteBucketEncryptionInput, DeleteBucketEncryptionOutput } from './operations/encryption.js';
export { PutBucketLogging, GetBucketLogging } from './operations/logging.js';
export type { BucketLoggingStatus, BucketLogsPermission, LoggingEnabled, PartitionDateSource, PartitionedPrefix, SimplePrefix, TargetGrant, TargetObjectKeyFormat, PutBucketLoggingInput, PutBucketLoggingOutput, GetBucketLoggingInput, GetBucketLoggingOutput } from './operations/logging.js';
export { PutBucketNotificationConfiguration, GetBucketNotificationConfiguration, PutBucketNotification, GetBucketNotification } from './operations/notification.js';
export type { CloudFunctionConfiguration, Event, EventBridgeConfiguration, FilterRule, FilterRuleName, LambdaFunctionConfiguration, NotificationConfiguration, NotificationConfigurationDeprecated, NotificationConfigurationFilter, QueueConfiguration, QueueConfigurationDeprecated, S3KeyFilter, TopicConfiguration, TopicConfigurationDeprecated, PutBucketNotificationConfigurationInput, PutBucketNotificationConfigurationOutput, GetBucketNotificationConfigurationInput, GetBucketNotificationConfigurationOutput, PutBucketNotificationInput, PutBucketNotificationOutput, GetBucketNotificationInput, GetBucketNotificationOutput } from './operations/notification.js';
export { PutBucketReplication, GetBucketReplication, DeleteBucketReplication } from './operations/replication.js';
export type { AccessControlTranslation, DeleteMarkerReplication, DeleteMarkerReplicationStatus, Destination, EncryptionConfiguration, ExistingObjectReplication, ExistingObjectReplicationStatus, Metrics, MetricsStatus, OwnerOverride, ReplicaModifications, ReplicaModificationsStatus, ReplicationConfiguration, ReplicationRule, ReplicationRuleAndOperator, ReplicationRuleFilter, ReplicationRuleStatus, ReplicationTime, ReplicationTimeStatus, ReplicationTimeValue, SourceSelectionCriteria, SseKmsEncryptedObjects, SseKmsEncryptedObjectsStatus, PutBucketReplicationInput, PutBucketReplicationOutput, GetBucketReplicationInput, GetBucketReplicationOutput, DeleteBucketReplicationInput, DeleteBucketReplicationOutput } from './operations/replication.js';
export { PutBucketAccelerateConfiguration, GetBucketAccelerateConfiguration, PutBucketRequestPayment, GetBucketRequestPayment } from './operations/bucket-settings.js';
export type { AccelerateConfiguration, BucketAccelerateStatus, Payer, RequestPaymentConfiguration, PutBucketAccelerateConfigurationInput, PutBucketAccelerateConfigurationOutput, GetBucketAccelerateConfigurationInput, GetBucketAccelerateConfigurationOutput, PutBucketRequestPaymentInput, PutBucketRequestPaymentOutput, GetBucketRequestPaymentInput, GetBucketRequestPaymentOutput } from './operations/bucket-settings.js';
export { PutBucketAnalyticsConfiguration, GetBucketAnalyticsConfiguration, ListBucketAnalyticsConfigurations, DeleteBucketAnalyticsConfiguration } from './operations/analytics.js';
export type { AnalyticsAndOperator, AnalyticsConfiguration, AnalyticsExportDestination, AnalyticsFilter, AnalyticsS3BucketDestination, AnalyticsS3ExportFileFormat, StorageClassAnalysis, StorageClassAnalysisDataExport, StorageClassAnalysisSchemaVersion, PutBucketAnalyticsConfigurationInput, PutBucketAnalyticsConfigurationOutput, GetBucketAnalyticsConfigurationInput, GetBucketAnalyticsConfigurationOutput, ListBucketAnalyticsConfigurationsInput, ListBucketAnalyticsConfigurationsOutput, DeleteBucketAnalyticsConfigurationInput, DeleteBucketAnalyticsConfigurationOutput } from './operations/analytics.js';
export { PutBucketMetricsConfiguration, GetBucketMetricsConfiguration, ListBucketMetricsConfigurations, DeleteBucketMetricsConfiguration } from './operations/metrics.js';
export type { MetricsAndOperator, MetricsConfiguration, MetricsFilter, PutBucketMetricsConfigurationInput, PutBucketMetricsConfigurationOutput, GetBucketMetricsConfigurationInput, GetBucketMetricsConfigurationOutput, ListBucketMetricsConfigurationsInput, ListBucketMetricsConfigurationsOutput, DeleteBucketMetricsConfigurationInput, DeleteBucketMetricsConfigurationOutput } from './operations/metrics.js';
export { PutBucketInventoryConfiguration, GetBucketInventoryConfiguration, ListBucketInventoryConfigurations, DeleteBucketInventoryConfiguration } from './operations/inventory.js';
export type { InventoryConfiguration, InventoryDestination, InventoryEncryption, InventoryFilter, InventoryFormat, InventoryFrequency, InventoryIncludedObjectVersions, InventoryOptionalField, InventoryS3BucketDestination, InventorySchedule, SSEKMS, SSES3, PutBucketInventoryConfigurationInput, PutBucketInventoryConfigurationOutput, GetBucketInventoryConfigurationInput, GetBucketInventoryConfigurationOutput, ListBucketInventoryConfigurationsInput, ListBucketInventoryConfigurationsOutput, DeleteBucketInventoryConfigurationInput, DeleteBucketInventoryConfigurationOutput } from './operations/inventory.js';
export { PutBucketIntelligentTieringConfiguration, GetBucketIntelligentTieringConfiguration, ListBucketIntelligentTieringConfigurations, DeleteBucketIntelligentTieringConfiguration } from './operations/intelligent-tiering.js';
export type { IntelligentTieringAccessTier, IntelligentTieringAndOperator, IntelligentTieringConfiguration, IntelligentTieringFilter, IntelligentTieringStatus, Tiering, PutBucketIntelligentTieringConfigurationInput, PutBucketIntelligentTieringConfigurationOutput, GetBucketIntelligentTieringConfigurationInput, GetBucketIntelligentTieringConfigurationOutput, ListBucketIntelligentTieringConfigurationsInput, ListBucketIntelligentTieringConfigurationsOutput, DeleteBucketIntelligentTieringConfigurationInput, DeleteBucketIntelligentTieringConfigurationOutput } from './operations/intelligent-tiering.js';
export { CreateBucketMetadataConfiguration, GetBucketMetadataConfiguration, DeleteBucketMetadataConfiguration, UpdateBucketMetadataInventoryTableConfiguration, UpdateBucketMetadataJournalTableConfiguration, CreateBucketMetadataTableConfiguration, GetBucketMetadataTableConfiguration, DeleteBucketMetadataTableConfiguration } from './operations/metadata-tables.js';
export type { DestinationResult, ErrorDetails, ExpirationState, GetBucketMetadataConfigurationResult, GetBucketMetadataTableConfigurationResult, InventoryConfigurationState, InventoryTableConfiguration, InventoryTableConfigurationResult, InventoryTableConfigurationUpdates, JournalTableConfiguration, JournalTableConfigurationResult, JournalTableConfigurationUpdates, MetadataConfiguration, MetadataConfigurationResult, MetadataTableConfiguration, MetadataTableConfigurationResult, MetadataTableEncryptionConfiguration, RecordExpiration, S3TablesBucketType, S3TablesDestination, S3TablesDestinationResult, TableSseAlgorithm, CreateBucketMetadataConfigurationInput, CreateBucketMetadataConfigurationOutput, GetBucketMetadataConfigurationInput, GetBucketMetadataConfigurationOutput, DeleteBucketMetadataConfigurationInput, DeleteBucketMetadataConfigurationOutput, UpdateBucketMetadataInventoryTableConfigurationInput, UpdateBucketMetadataInventoryTableConfigurationOutput, UpdateBucketMetadataJournalTableConfigurationInput, UpdateBucketMetadataJournalTableConfigurationOutput, CreateBucketMetadataTableConfigurationInput, CreateBucketMetadataTableConfigurationOutput, GetBucketMetadataTableConfigurationInput, GetBucketMetadataTableConfigurationOutput, DeleteBucketMetadataTableConfigurationInput, DeleteBucketMetadataTableConfigurationOutput } from './operations/metadata-tables.js';
// </generated operations>
