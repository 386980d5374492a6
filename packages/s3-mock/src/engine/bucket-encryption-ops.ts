/** Put/Get/DeleteBucketEncryption: a bucket's default encryption. */
import type { Requester } from './account.js';
import { readSubresource, writeSubresource } from './bucket-subresource.js';
import type { BucketEncryption } from './encryption.js';
import type { EngineContext } from './engine-state.js';
import { S3MockError } from './errors.js';

/** The default S3 applies to every bucket since January 2023 (and after DeleteBucketEncryption). */
export const DEFAULT_BUCKET_ENCRYPTION: BucketEncryption = { SSEAlgorithm: 'AES256', BucketKeyEnabled: false };

/**
 * Sets the default encryption (one rule).
 * @throws S3MockError `NoSuchBucket`, `MalformedXML` (not exactly one rule), `InvalidArgument` (a KMS key id without aws:kms)
 */
export function putBucketEncryption(ctx: EngineContext, input: { Bucket: string; Rules: readonly BucketEncryption[] }, _requester: Requester): void {
  const [rule, ...rest] = input.Rules;
  if (!rule || rest.length > 0) throw new S3MockError('MalformedXML');
  if (rule.KMSMasterKeyID !== undefined && rule.SSEAlgorithm === 'AES256') {
    throw new S3MockError('InvalidArgument', { ArgumentName: 'ApplyServerSideEncryptionByDefault' }, 'a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse');
  }
  writeSubresource(ctx, input.Bucket, 'Encryption', rule);
}

/** @throws S3MockError `NoSuchBucket`, `ServerSideEncryptionConfigurationNotFoundError` */
export function getBucketEncryption(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): { Rules: BucketEncryption[] } {
  return { Rules: [{ ...readSubresource(ctx, input.Bucket, 'Encryption', 'ServerSideEncryptionConfigurationNotFoundError') }] };
}

/**
 * Removes the default encryption: back to SSE-S3 as S3 does today, or to none with `legacyBucketDefaults`.
 * @throws S3MockError `NoSuchBucket`
 */
export function deleteBucketEncryption(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): void {
  writeSubresource(ctx, input.Bucket, 'Encryption', ctx.legacyBucketDefaults ? undefined : DEFAULT_BUCKET_ENCRYPTION);
}
