/**
 * Members of a paginated listing that `aws s3api` keeps from the first page when it merges pages
 * (botocore's `non_aggregate_keys`), printed as `null` when that page lacks them. The data is
 * `vendor/s3-model/paginators-1.sdk-extras.json`; a test keeps the two equal.
 */
export const NON_AGGREGATE_KEYS: Readonly<Record<string, readonly string[]>> = {
  ListBuckets: ['Owner', 'Prefix'],
  ListMultipartUploads: ['RequestCharged', 'Prefix'],
  ListObjectVersions: ['RequestCharged', 'Prefix'],
  ListObjects: ['RequestCharged', 'Prefix'],
  ListObjectsV2: ['RequestCharged', 'Prefix'],
  ListParts: ['ChecksumAlgorithm', 'Initiator', 'Owner', 'StorageClass', 'ChecksumType'],
};
