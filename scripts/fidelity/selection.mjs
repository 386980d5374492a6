// The 587-test selection of ../shared/notes/s3-tests.md (over s3tests/functional/test_s3.py): S3's
// data plane, without what needs IAM/STS, other services, or time to pass. The same for every server compared.
export const SELECTION = [
  'not fails_on_aws', 'not lifecycle_expiration', 'not lifecycle_transition', 'not cloud_transition', 'not cloud_restore',
  'not target_by_bucket', 'not s3select', 'not sns', 'not iam_user', 'not iam_account', 'not iam_role', 'not iam_tenant',
  'not iam_cross_account', 'not bucket_logging', 'not bucket_logging_cleanup', 'not fails_without_logging_rollover',
  'not s3website', 'not test_of_sts', 'not webidentity_test', 'not user_policy', 'not role_policy', 'not session_policy',
  'not group', 'not group_policy', 'not abac_test',
].join(' and ');

/**
 * How `s3kit serve` runs for the suite: buckets created as S3 created them before April 2023 (ACLs
 * in effect, no public access block), the S3 the suite was written against; its ACL tests cannot
 * pass against today's defaults (ACLs disabled), on AWS as on the mock.
 */
export const SERVE_OPTIONS = ['--legacy-bucket-defaults'];
