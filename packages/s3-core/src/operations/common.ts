/**
 * Bindings and types shared by several operation specs (the same S3 header means the same thing in
 * every operation that takes it).
 */
import type { InputBinding, OutputBinding } from '../interpreter/spec.js';
import { struct } from '../interpreter/spec.js';

/** Checksum algorithms S3 accepts. */
export type ChecksumAlgorithmName = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256';
/** S3 storage classes. */
export type StorageClass =
  | 'STANDARD'
  | 'REDUCED_REDUNDANCY'
  | 'STANDARD_IA'
  | 'ONEZONE_IA'
  | 'INTELLIGENT_TIERING'
  | 'GLACIER'
  | 'DEEP_ARCHIVE'
  | 'GLACIER_IR'
  | 'EXPRESS_ONEZONE'
  | (string & {});
/** Canned ACLs. */
export type ObjectCannedACL =
  | 'private'
  | 'public-read'
  | 'public-read-write'
  | 'authenticated-read'
  | 'aws-exec-read'
  | 'bucket-owner-read'
  | 'bucket-owner-full-control';
/** Server-side encryption. */
export type ServerSideEncryption = 'AES256' | 'aws:kms' | 'aws:kms:dsse' | (string & {});
/** `requester` to accept Requester Pays charges. */
export type RequestPayer = 'requester';
/** A tag. */
export interface Tag {
  Key: string;
  Value: string;
}
/** An object or bucket owner. */
export interface Owner {
  DisplayName?: string;
  ID?: string;
}

/** Members common to bucket-addressed requests. */
export interface BucketTarget {
  /** Bucket name. */
  Bucket: string;
  /** Fails with 403 unless the bucket belongs to this account id. */
  ExpectedBucketOwner?: string;
}

/** Members common to object-addressed requests. */
export interface ObjectTarget extends BucketTarget {
  /** Object key (1 to 1024 UTF-8 bytes). */
  Key: string;
}

/** SSE-C members of requests reading or writing an encrypted object. */
export interface SseCustomerInput {
  /** `AES256`. */
  SSECustomerAlgorithm?: string;
  /** The 256-bit key, raw bytes or a string (sent base64-encoded). */
  SSECustomerKey?: string | Uint8Array;
  /** Base64 MD5 of the key; computed when absent. */
  SSECustomerKeyMD5?: string;
}

/** SSE response headers. */
export interface SseOutput {
  ServerSideEncryption?: ServerSideEncryption;
  SSECustomerAlgorithm?: string;
  SSECustomerKeyMD5?: string;
  SSEKMSKeyId?: string;
  BucketKeyEnabled?: boolean;
}

/** Checksum values (base64) of requests or responses. */
export interface ChecksumValues {
  ChecksumCRC32?: string;
  ChecksumCRC32C?: string;
  ChecksumCRC64NVME?: string;
  ChecksumSHA1?: string;
  ChecksumSHA256?: string;
}

export const bucketLabel: InputBinding = { in: 'label', rule: 'bucketName', required: true };
export const keyLabel: InputBinding = { in: 'label', rule: 'objectKey', required: true };
export const expectedBucketOwner: InputBinding = { in: 'header', name: 'x-amz-expected-bucket-owner' };
export const requestPayer: InputBinding = { in: 'header', name: 'x-amz-request-payer' };
export const uploadIdQuery: InputBinding = { in: 'query', name: 'uploadId', rule: 'uploadId', required: true };
export const versionIdQuery: InputBinding = { in: 'query', name: 'versionId' };

export const sseCustomerInput = {
  SSECustomerAlgorithm: { in: 'header', name: 'x-amz-server-side-encryption-customer-algorithm' },
  SSECustomerKey: {
    in: 'header',
    name: 'x-amz-server-side-encryption-customer-key',
    type: 'sseCustomerKey',
    md5Header: 'x-amz-server-side-encryption-customer-key-md5',
  },
  SSECustomerKeyMD5: { in: 'header', name: 'x-amz-server-side-encryption-customer-key-md5' },
} as const satisfies Record<keyof SseCustomerInput, InputBinding>;

export const checksumInput = {
  ChecksumCRC32: { in: 'header', name: 'x-amz-checksum-crc32' },
  ChecksumCRC32C: { in: 'header', name: 'x-amz-checksum-crc32c' },
  ChecksumCRC64NVME: { in: 'header', name: 'x-amz-checksum-crc64nvme' },
  ChecksumSHA1: { in: 'header', name: 'x-amz-checksum-sha1' },
  ChecksumSHA256: { in: 'header', name: 'x-amz-checksum-sha256' },
} as const satisfies Record<keyof ChecksumValues, InputBinding>;

export const checksumOutput = {
  ChecksumCRC32: { in: 'header', name: 'x-amz-checksum-crc32' },
  ChecksumCRC32C: { in: 'header', name: 'x-amz-checksum-crc32c' },
  ChecksumCRC64NVME: { in: 'header', name: 'x-amz-checksum-crc64nvme' },
  ChecksumSHA1: { in: 'header', name: 'x-amz-checksum-sha1' },
  ChecksumSHA256: { in: 'header', name: 'x-amz-checksum-sha256' },
} as const satisfies Record<keyof ChecksumValues, OutputBinding>;

export const checksumXml = {
  ChecksumCRC32: { in: 'xml', shape: 'string' },
  ChecksumCRC32C: { in: 'xml', shape: 'string' },
  ChecksumCRC64NVME: { in: 'xml', shape: 'string' },
  ChecksumSHA1: { in: 'xml', shape: 'string' },
  ChecksumSHA256: { in: 'xml', shape: 'string' },
} as const satisfies Record<keyof ChecksumValues, OutputBinding>;

export const sseOutput = {
  ServerSideEncryption: { in: 'header', name: 'x-amz-server-side-encryption' },
  SSECustomerAlgorithm: { in: 'header', name: 'x-amz-server-side-encryption-customer-algorithm' },
  SSECustomerKeyMD5: { in: 'header', name: 'x-amz-server-side-encryption-customer-key-md5' },
  SSEKMSKeyId: { in: 'header', name: 'x-amz-server-side-encryption-aws-kms-key-id' },
  BucketKeyEnabled: { in: 'header', name: 'x-amz-server-side-encryption-bucket-key-enabled', type: 'boolean' },
} as const satisfies Record<keyof SseOutput, OutputBinding>;

export const requestCharged: OutputBinding = { in: 'header', name: 'x-amz-request-charged' };

export const ownerShape = struct({ DisplayName: 'string', ID: 'string' });
export const tagShape = struct({ Key: 'string', Value: 'string' });
