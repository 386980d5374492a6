/**
 * Server-side encryption as S3 applies it: SSE-S3 (AES256), SSE-KMS (a key id, echoed; the mock has
 * no KMS) and SSE-C, whose key the client must send with every read. The mock keeps bodies in
 * memory as they are and only a SHA-256 of an SSE-C key, so an SSE-C object is unreadable without
 * the key that wrote it. Bucket default encryption applies when a write names none.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/serv-side-encryption.html
 */
import { base64ToBytes, bytesToBase64 } from '@s3kit/primitives';
import { createHash } from '#platform/mock-crypto';
import type { BucketState } from './engine-state.js';
import { S3MockError } from './errors.js';

/** Encryption headers of a write (`x-amz-server-side-encryption*`), or of a read or copy source (SSE-C only). */
export interface EncryptionInput {
  /** `x-amz-server-side-encryption`: `AES256`, `aws:kms` or `aws:kms:dsse`. */
  ServerSideEncryption?: string;
  /** `x-amz-server-side-encryption-aws-kms-key-id`. */
  SSEKMSKeyId?: string;
  /** `x-amz-server-side-encryption-bucket-key-enabled`. */
  BucketKeyEnabled?: boolean;
  /** `x-amz-server-side-encryption-customer-algorithm` (`AES256`). */
  SSECustomerAlgorithm?: string;
  /** `x-amz-server-side-encryption-customer-key`: the base64 256-bit key. */
  SSECustomerKey?: string;
  /** `x-amz-server-side-encryption-customer-key-MD5`: base64 MD5 of the key. */
  SSECustomerKeyMD5?: string;
}

/** How a stored object (or an upload) is encrypted. */
export type ObjectEncryption =
  | { readonly type: 'AES256'; readonly BucketKeyEnabled?: boolean }
  | { readonly type: 'aws:kms' | 'aws:kms:dsse'; readonly KeyId: string; readonly BucketKeyEnabled?: boolean }
  | { readonly type: 'SSE-C'; readonly Algorithm: 'AES256'; readonly KeyMD5: string; readonly keyDigest: string };

/** How an operation's answer describes an object's encryption (the `x-amz-server-side-encryption*` headers). */
export interface EncryptionOutput {
  ServerSideEncryption?: 'AES256' | 'aws:kms' | 'aws:kms:dsse';
  SSEKMSKeyId?: string;
  BucketKeyEnabled?: boolean;
  SSECustomerAlgorithm?: 'AES256';
  SSECustomerKeyMD5?: string;
}

/** The answer's description of `e`. */
export function encryptionOutput(e: ObjectEncryption | undefined): EncryptionOutput {
  if (!e) return {};
  if (e.type === 'SSE-C') return { SSECustomerAlgorithm: e.Algorithm, SSECustomerKeyMD5: e.KeyMD5 };
  const out: EncryptionOutput = { ServerSideEncryption: e.type };
  if (e.type !== 'AES256') out.SSEKMSKeyId = e.KeyId;
  if (e.BucketKeyEnabled) out.BucketKeyEnabled = true;
  return out;
}

/**
 * Checks the SSE-C key a part (UploadPart, UploadPartCopy) brings against its upload's: the same key
 * for an SSE-C upload, none otherwise.
 * @throws S3MockError `InvalidArgument`, `InvalidRequest`
 */
export function checkPartKey(upload: ObjectEncryption | undefined, input: EncryptionInput): void {
  if (upload?.type !== 'SSE-C') {
    if (hasCustomerKey(input)) throw new S3MockError('InvalidRequest', {}, 'The encryption parameters are not applicable to this upload.');
    return;
  }
  if (!hasCustomerKey(input)) throw invalid('The multipart upload initiate requested encryption. Subsequent part requests must include the appropriate encryption parameters.', 'x-amz-server-side-encryption-customer-algorithm');
  if (customerKey(input).keyDigest !== upload.keyDigest) {
    throw invalid('The provided encryption parameters did not match the ones used originally.', 'x-amz-server-side-encryption-customer-key');
  }
}

/** A bucket's default encryption (`ServerSideEncryptionConfiguration`, one rule). */
export interface BucketEncryption {
  readonly SSEAlgorithm: 'AES256' | 'aws:kms' | 'aws:kms:dsse';
  readonly KMSMasterKeyID?: string;
  readonly BucketKeyEnabled?: boolean;
}

const invalid = (message: string, name: string, value = ''): S3MockError =>
  new S3MockError('InvalidArgument', { ArgumentName: name, ArgumentValue: value.slice(0, 256) }, message);

/** The key id S3 answers for `aws:kms` without one: the account's AWS managed key. */
const managedKey = (bucket: BucketState): string => `arn:aws:kms:${bucket.record.Region}:${bucket.record.Owner.ID.slice(0, 12)}:alias/aws/s3`;

/**
 * A validated SSE-C key: algorithm AES256, a 32-byte base64 key and its matching MD5.
 * @throws S3MockError `InvalidArgument` (missing or malformed parts, MD5 mismatch), `InvalidEncryptionAlgorithmError`
 */
export function customerKey(input: EncryptionInput, prefix = 'x-amz-server-side-encryption-customer'): Extract<ObjectEncryption, { type: 'SSE-C' }> {
  const { SSECustomerAlgorithm: algorithm, SSECustomerKey: key, SSECustomerKeyMD5: md5 } = input;
  if (algorithm === undefined) throw invalid('Requests specifying Server Side Encryption with Customer provided keys must provide a valid encryption algorithm.', `${prefix}-algorithm`);
  if (algorithm !== 'AES256') throw new S3MockError('InvalidEncryptionAlgorithmError', { ArgumentName: `${prefix}-algorithm`, ArgumentValue: algorithm.slice(0, 64) });
  if (key === undefined) throw invalid('Requests specifying Server Side Encryption with Customer provided keys must provide an appropriate secret key.', `${prefix}-key`);
  const bytes = base64ToBytes(key);
  if (bytes?.length !== 32 || bytesToBase64(bytes) !== key) throw invalid('The secret key was invalid for the specified algorithm.', `${prefix}-key`);
  const actual = createHash('md5').update(bytes).digest('base64');
  if (md5 === undefined) throw invalid('Requests specifying Server Side Encryption with Customer provided keys must provide the client calculated MD5 of the secret key.', `${prefix}-key-MD5`);
  if (md5 !== actual) throw invalid('The calculated MD5 hash of the key did not match the hash that was provided.', `${prefix}-key-MD5`, md5);
  return { type: 'SSE-C', Algorithm: 'AES256', KeyMD5: actual, keyDigest: createHash('sha256').update(bytes).digest('hex') };
}

const hasCustomerKey = (input: EncryptionInput): boolean =>
  input.SSECustomerAlgorithm !== undefined || input.SSECustomerKey !== undefined || input.SSECustomerKeyMD5 !== undefined;

/**
 * The encryption of an object written with `input` into `bucket`: what the request asks for, else
 * the bucket's default, else none.
 * @throws S3MockError `InvalidArgument` (unknown algorithm, SSE-C with another SSE, a KMS key id without `aws:kms`), SSE-C key errors
 */
export function writeEncryption(bucket: BucketState, input: EncryptionInput): ObjectEncryption | undefined {
  const sse = input.ServerSideEncryption;
  if (sse !== undefined && sse !== 'AES256' && sse !== 'aws:kms' && sse !== 'aws:kms:dsse') {
    throw invalid('The encryption method specified is not supported', 'x-amz-server-side-encryption', sse);
  }
  if (hasCustomerKey(input)) {
    if (sse !== undefined || input.SSEKMSKeyId !== undefined) {
      throw invalid('Server Side Encryption with Customer provided key is incompatible with the encryption method specified', 'x-amz-server-side-encryption', sse ?? '');
    }
    return customerKey(input);
  }
  if (input.SSEKMSKeyId !== undefined && sse !== 'aws:kms' && sse !== 'aws:kms:dsse') {
    throw invalid('Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms', 'x-amz-server-side-encryption-aws-kms-key-id', input.SSEKMSKeyId);
  }
  const bucketKey = input.BucketKeyEnabled === undefined ? {} : { BucketKeyEnabled: input.BucketKeyEnabled };
  if (sse === 'AES256') return { type: 'AES256', ...bucketKey };
  if (sse !== undefined) return { type: sse, KeyId: input.SSEKMSKeyId ?? managedKey(bucket), ...bucketKey };
  const fallback = bucket.record.config.Encryption;
  if (!fallback) return undefined;
  const key = fallback.BucketKeyEnabled === undefined ? {} : { BucketKeyEnabled: fallback.BucketKeyEnabled };
  if (fallback.SSEAlgorithm === 'AES256') return { type: 'AES256', ...key };
  return { type: fallback.SSEAlgorithm, KeyId: fallback.KMSMasterKeyID ?? managedKey(bucket), ...key };
}

/**
 * Checks what a read (or a copy's source) brings against how the object is stored: an SSE-C object
 * needs its key; other objects take no key, and reads take no SSE-S3/KMS headers.
 * @throws S3MockError `InvalidRequest` (key missing, another key, or a key for an object without SSE-C), `InvalidArgument`
 */
export function checkReadKey(stored: ObjectEncryption | undefined, input: EncryptionInput, prefix?: string): void {
  if (input.ServerSideEncryption !== undefined || input.SSEKMSKeyId !== undefined) {
    throw invalid('x-amz-server-side-encryption header is not supported for this operation.', 'x-amz-server-side-encryption', input.ServerSideEncryption ?? '');
  }
  if (stored?.type !== 'SSE-C') {
    if (hasCustomerKey(input)) throw new S3MockError('InvalidRequest', {}, 'The encryption parameters are not applicable to this object.');
    return;
  }
  if (!hasCustomerKey(input)) {
    throw new S3MockError('InvalidRequest', {}, 'The object was stored using a form of Server Side Encryption. The correct parameters must be provided to retrieve the object.');
  }
  if (customerKey(input, prefix).keyDigest !== stored.keyDigest) {
    throw new S3MockError('InvalidRequest', {}, 'The provided customer key does not match the key the object was stored with.');
  }
}
