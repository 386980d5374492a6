// Hand-written data the operation generator adds to AWS's model: which file each operation lives
// in, the domain rules and codecs of members, and the few quirks of real servers the model cannot
// say. Everything else (methods, URIs, locations, wire names, XML traits, types) comes from the model.

/**
 * Operation families: one generated file per family (`src/operations/<family>.ts`), in this order.
 * The table, the client's methods and the docs follow the same order.
 */
export const FAMILIES = {
  objects: [
    'PutObject',
    'GetObject',
    'HeadObject',
    'DeleteObject',
    'DeleteObjects',
    'CopyObject',
    'RenameObject',
    'RestoreObject',
    'GetObjectAttributes',
    'GetObjectTorrent',
    'UpdateObjectEncryption',
    'WriteGetObjectResponse',
  ],
  listing: ['ListObjectsV2', 'ListObjects', 'ListObjectVersions', 'ListBuckets', 'ListDirectoryBuckets'],
  buckets: ['CreateBucket', 'DeleteBucket', 'HeadBucket', 'GetBucketLocation', 'CreateSession'],
  multipart: [
    'CreateMultipartUpload',
    'UploadPart',
    'UploadPartCopy',
    'CompleteMultipartUpload',
    'AbortMultipartUpload',
    'ListMultipartUploads',
    'ListParts',
  ],
  tagging: ['GetObjectTagging', 'PutObjectTagging', 'DeleteObjectTagging', 'GetBucketTagging', 'PutBucketTagging', 'DeleteBucketTagging'],
  acl: ['GetBucketAcl', 'PutBucketAcl', 'GetObjectAcl', 'PutObjectAcl'],
  'object-lock': [
    'PutObjectLockConfiguration',
    'GetObjectLockConfiguration',
    'PutObjectRetention',
    'GetObjectRetention',
    'PutObjectLegalHold',
    'GetObjectLegalHold',
  ],
  versioning: ['PutBucketVersioning', 'GetBucketVersioning'],
  select: ['SelectObjectContent'],
  'bucket-policy': ['PutBucketPolicy', 'GetBucketPolicy', 'DeleteBucketPolicy', 'GetBucketPolicyStatus'],
  'bucket-access': [
    'PutPublicAccessBlock',
    'GetPublicAccessBlock',
    'DeletePublicAccessBlock',
    'PutBucketOwnershipControls',
    'GetBucketOwnershipControls',
    'DeleteBucketOwnershipControls',
    'PutBucketAbac',
    'GetBucketAbac',
  ],
  cors: ['PutBucketCors', 'GetBucketCors', 'DeleteBucketCors'],
  website: ['PutBucketWebsite', 'GetBucketWebsite', 'DeleteBucketWebsite'],
  lifecycle: [
    'PutBucketLifecycleConfiguration',
    'GetBucketLifecycleConfiguration',
    'DeleteBucketLifecycle',
    'PutBucketLifecycle',
    'GetBucketLifecycle',
  ],
  encryption: ['PutBucketEncryption', 'GetBucketEncryption', 'DeleteBucketEncryption'],
  logging: ['PutBucketLogging', 'GetBucketLogging'],
  notification: ['PutBucketNotificationConfiguration', 'GetBucketNotificationConfiguration', 'PutBucketNotification', 'GetBucketNotification'],
  replication: ['PutBucketReplication', 'GetBucketReplication', 'DeleteBucketReplication'],
  'bucket-settings': ['PutBucketAccelerateConfiguration', 'GetBucketAccelerateConfiguration', 'PutBucketRequestPayment', 'GetBucketRequestPayment'],
  analytics: [
    'PutBucketAnalyticsConfiguration',
    'GetBucketAnalyticsConfiguration',
    'ListBucketAnalyticsConfigurations',
    'DeleteBucketAnalyticsConfiguration',
  ],
  metrics: ['PutBucketMetricsConfiguration', 'GetBucketMetricsConfiguration', 'ListBucketMetricsConfigurations', 'DeleteBucketMetricsConfiguration'],
  inventory: [
    'PutBucketInventoryConfiguration',
    'GetBucketInventoryConfiguration',
    'ListBucketInventoryConfigurations',
    'DeleteBucketInventoryConfiguration',
  ],
  'intelligent-tiering': [
    'PutBucketIntelligentTieringConfiguration',
    'GetBucketIntelligentTieringConfiguration',
    'ListBucketIntelligentTieringConfigurations',
    'DeleteBucketIntelligentTieringConfiguration',
  ],
  'metadata-tables': [
    'CreateBucketMetadataConfiguration',
    'GetBucketMetadataConfiguration',
    'DeleteBucketMetadataConfiguration',
    'UpdateBucketMetadataInventoryTableConfiguration',
    'UpdateBucketMetadataJournalTableConfiguration',
    'CreateBucketMetadataTableConfiguration',
    'GetBucketMetadataTableConfiguration',
    'DeleteBucketMetadataTableConfiguration',
  ],
};

/**
 * TypeScript names of model shapes whose own name would mislead or collide: `Object` and `Error`
 * shadow globals; `ChecksumAlgorithm` and `Checksum` are s3-core's checksum types.
 */
export const TYPE_NAMES = {
  Object: 'S3Object',
  Error: 'DeleteError',
  ChecksumAlgorithm: 'ChecksumAlgorithmName',
  Checksum: 'ObjectChecksum',
};

/**
 * Domain rules (src/interpreter/rules.ts) of top-level input members, by model shape: what S3
 * enforces that the model does not say (bucket naming, key bytes, metadata and tag limits).
 */
export const SHAPE_RULES = {
  BucketName: 'bucketName',
  ObjectKey: 'objectKey',
  PartNumber: 'partNumber',
  MultipartUploadId: 'uploadId',
  Metadata: 'metadata',
  TaggingHeader: 'objectTagging',
  ContentLength: 'nonNegativeInteger',
  MaxKeys: 'nonNegativeInteger',
  MaxParts: 'nonNegativeInteger',
  MaxUploads: 'nonNegativeInteger',
};

/** Domain rules by `Operation.Member`, where the same shape means a different limit. */
export const MEMBER_RULES = {
  // New buckets must follow the current naming rules; existing (legacy) names stay addressable.
  'CreateBucket.Bucket': 'createBucketName',
  'PutObjectTagging.Tagging': 'objectTagSet',
  'PutBucketTagging.Tagging': 'bucketTagSet',
  'DeleteObjects.Delete': 'deleteObjects',
};

/**
 * Codecs (src/interpreter/codecs.ts) of members whose input is richer than the wire text, by model
 * shape, with the TypeScript type users write.
 */
export const SHAPE_CODECS = {
  CopySource: { codec: 'copySource', type: 'string | CopySourceInput' },
  TaggingHeader: { codec: 'tagging', type: 'string | Record<string, string>' },
  SSECustomerKey: { codec: 'sseCustomerKey', type: 'string | Uint8Array' },
  CopySourceSSECustomerKey: { codec: 'sseCustomerKey', type: 'string | Uint8Array' },
};

/** Operations S3 may answer `200 OK` with an `<Error>` document (the body is always read and checked). */
export const ERROR_IN_200 = ['CopyObject', 'UploadPartCopy', 'CompleteMultipartUpload'];

/**
 * Listings whose keys s3kit asks to be URL-encoded (`encoding-type=url`, so keys with characters
 * XML 1.0 cannot carry survive) and decodes: the output fields S3 encodes.
 */
export const URL_ENCODING = {
  ListObjectsV2: ['Contents.Key', 'Delimiter', 'Prefix', 'StartAfter', 'CommonPrefixes.Prefix'],
  ListMultipartUploads: ['Delimiter', 'KeyMarker', 'NextKeyMarker', 'Prefix', 'Uploads.Key', 'CommonPrefixes.Prefix'],
};

/**
 * Output members beyond the model, each with why. The conformance test allows exactly these.
 * `ExpiresString`: the raw `Expires` header, since `Expires` is parsed as a date and a server may
 * send any text there (botocore adds the same member).
 */
export const EXTRA_OUTPUT_MEMBERS = {
  GetObject: { ExpiresString: { in: 'header', name: 'expires', type: 'string', tsType: 'string' } },
  HeadObject: { ExpiresString: { in: 'header', name: 'expires', type: 'string', tsType: 'string' } },
};
