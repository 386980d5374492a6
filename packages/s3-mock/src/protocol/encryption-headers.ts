/** Server-side encryption on the wire: `x-amz-server-side-encryption*` request and response headers. */
import type { EncryptionInput, EncryptionOutput } from '../engine/encryption.js';
import { compact } from './http-headers.js';

type Headers = Readonly<Record<string, string>>;

function customer(headers: Headers, prefix: string): EncryptionInput {
  return compact({
    SSECustomerAlgorithm: headers[`${prefix}-algorithm`],
    SSECustomerKey: headers[`${prefix}-key`],
    SSECustomerKeyMD5: headers[`${prefix}-key-md5`],
  });
}

/** The encryption a request's headers ask for (a write) or bring (an SSE-C read). */
export function encryptionFromHeaders(headers: Headers): EncryptionInput {
  const bucketKey = headers['x-amz-server-side-encryption-bucket-key-enabled'];
  return compact({
    ServerSideEncryption: headers['x-amz-server-side-encryption'],
    SSEKMSKeyId: headers['x-amz-server-side-encryption-aws-kms-key-id'],
    BucketKeyEnabled: bucketKey === undefined ? undefined : bucketKey.toLowerCase() === 'true',
    ...customer(headers, 'x-amz-server-side-encryption-customer'),
  });
}

/** The SSE-C key of a copy's source (`x-amz-copy-source-server-side-encryption-customer-*`). */
export function copySourceEncryptionFromHeaders(headers: Headers): EncryptionInput {
  return customer(headers, 'x-amz-copy-source-server-side-encryption-customer');
}

/** The response headers describing an object's encryption. */
export function encryptionHeaders(out: EncryptionOutput): Record<string, string> {
  const h: Record<string, string> = {};
  if (out.ServerSideEncryption !== undefined) h['x-amz-server-side-encryption'] = out.ServerSideEncryption;
  if (out.SSEKMSKeyId !== undefined) h['x-amz-server-side-encryption-aws-kms-key-id'] = out.SSEKMSKeyId;
  if (out.BucketKeyEnabled) h['x-amz-server-side-encryption-bucket-key-enabled'] = 'true';
  if (out.SSECustomerAlgorithm !== undefined) h['x-amz-server-side-encryption-customer-algorithm'] = out.SSECustomerAlgorithm;
  if (out.SSECustomerKeyMD5 !== undefined) h['x-amz-server-side-encryption-customer-key-md5'] = out.SSECustomerKeyMD5;
  return h;
}
