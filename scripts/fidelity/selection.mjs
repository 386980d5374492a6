// The 587-test selection of ../shared/notes/s3-tests.md (over s3tests/functional/test_s3.py): S3's
// data plane, without what needs IAM/STS, other services, or time to pass. The same for every server compared.
export const SELECTION = [
  'not fails_on_aws', 'not lifecycle_expiration', 'not lifecycle_transition', 'not cloud_transition', 'not cloud_restore',
  'not target_by_bucket', 'not s3select', 'not sns', 'not iam_user', 'not iam_account', 'not iam_role', 'not iam_tenant',
  'not iam_cross_account', 'not bucket_logging', 'not bucket_logging_cleanup', 'not fails_without_logging_rollover',
  'not s3website', 'not test_of_sts', 'not webidentity_test', 'not user_policy', 'not role_policy', 'not session_policy',
  'not group', 'not group_policy', 'not abac_test',
].join(' and ');
