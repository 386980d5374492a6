import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createS3Engine } from './engine.js';
import { bytes, expectS3Error, text } from './test-support/expect-s3-error.js';

const KEY = Buffer.alloc(32, 7).toString('base64');
const OTHER = Buffer.alloc(32, 9).toString('base64');
const md5 = (key: string): string => createHash('md5').update(Buffer.from(key, 'base64')).digest('base64');
const sseC = (key = KEY) => ({ SSECustomerAlgorithm: 'AES256', SSECustomerKey: key, SSECustomerKeyMD5: md5(key) });

function engine(legacyBucketDefaults = false) {
  const e = createS3Engine({ minPartSize: 1, legacyBucketDefaults });
  e.createBucket({ Bucket: 'enc' });
  return e;
}

describe('server-side encryption', () => {
  it('SSE-C: the object is readable only with the key that wrote it', () => {
    const e = engine();
    expect(e.putObject({ Bucket: 'enc', Key: 'c', Body: bytes('secret'), ...sseC() })).toMatchObject({ SSECustomerAlgorithm: 'AES256', SSECustomerKeyMD5: md5(KEY) });
    expect(e.putObject({ Bucket: 'enc', Key: 'c', Body: bytes('secret'), ...sseC() }).ServerSideEncryption).toBeUndefined();
    expect(text(e.getObject({ Bucket: 'enc', Key: 'c', ...sseC() }).Body)).toBe('secret');
    expectS3Error(() => e.getObject({ Bucket: 'enc', Key: 'c' }), 'InvalidRequest');
    expectS3Error(() => e.headObject({ Bucket: 'enc', Key: 'c' }), 'InvalidRequest');
    expectS3Error(() => e.getObject({ Bucket: 'enc', Key: 'c', ...sseC(OTHER) }), 'InvalidRequest');
    e.putObject({ Bucket: 'enc', Key: 'plain', Body: bytes('p') });
    expectS3Error(() => e.getObject({ Bucket: 'enc', Key: 'plain', ...sseC() }), 'InvalidRequest');
  });

  it('SSE-C keys are validated: algorithm, 256-bit key, matching MD5, no other SSE beside', () => {
    const e = engine();
    const put = (extra: Record<string, string>) => e.putObject({ Bucket: 'enc', Key: 'k', Body: bytes('x'), ...extra });
    expectS3Error(() => put({ ...sseC(), SSECustomerKeyMD5: 'AAAAAAAAAAAAAAAAAAAAAA==' }), 'InvalidArgument');
    expectS3Error(() => put({ SSECustomerAlgorithm: 'AES256', SSECustomerKey: KEY }), 'InvalidArgument');
    expectS3Error(() => put({ SSECustomerAlgorithm: 'AES256' }), 'InvalidArgument');
    expectS3Error(() => put({ SSECustomerKey: KEY, SSECustomerKeyMD5: md5(KEY) }), 'InvalidArgument');
    expectS3Error(() => put({ ...sseC(), SSECustomerAlgorithm: 'DES' }), 'InvalidEncryptionAlgorithmError');
    expectS3Error(() => put({ ...sseC(), SSECustomerKey: 'c2hvcnQ=', SSECustomerKeyMD5: md5('c2hvcnQ=') }), 'InvalidArgument');
    expectS3Error(() => put({ ...sseC(), ServerSideEncryption: 'aws:kms' }), 'InvalidArgument');
  });

  it('SSE-S3 and SSE-KMS are recorded and echoed; a KMS key id needs aws:kms; reads take no SSE headers', () => {
    const e = engine();
    expect(e.putObject({ Bucket: 'enc', Key: 's3', Body: bytes('x'), ServerSideEncryption: 'AES256' }).ServerSideEncryption).toBe('AES256');
    const kms = e.putObject({ Bucket: 'enc', Key: 'kms', Body: bytes('x'), ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 'testkey-1', BucketKeyEnabled: true });
    expect(kms).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 'testkey-1', BucketKeyEnabled: true });
    expect(e.headObject({ Bucket: 'enc', Key: 'kms' })).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 'testkey-1' });
    expect(e.putObject({ Bucket: 'enc', Key: 'managed', Body: bytes('x'), ServerSideEncryption: 'aws:kms' }).SSEKMSKeyId).toMatch(/alias\/aws\/s3$/);
    expectS3Error(() => e.putObject({ Bucket: 'enc', Key: 'k', Body: bytes('x'), SSEKMSKeyId: 'testkey-1' }), 'InvalidArgument');
    expectS3Error(() => e.putObject({ Bucket: 'enc', Key: 'k', Body: bytes('x'), ServerSideEncryption: 'aes:kms' }), 'InvalidArgument');
    expectS3Error(() => e.getObject({ Bucket: 'enc', Key: 'kms', ServerSideEncryption: 'aws:kms' }), 'InvalidArgument');
  });

  it('bucket default encryption: SSE-S3 today (none with legacy defaults), configurable, back to the default on delete', () => {
    const today = engine();
    expect(today.getBucketEncryption({ Bucket: 'enc' }).Rules).toEqual([{ SSEAlgorithm: 'AES256', BucketKeyEnabled: false }]);
    expect(today.putObject({ Bucket: 'enc', Key: 'k', Body: bytes('x') }).ServerSideEncryption).toBe('AES256');
    today.putBucketEncryption({ Bucket: 'enc', Rules: [{ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'bucket-key' }] });
    expect(today.putObject({ Bucket: 'enc', Key: 'k', Body: bytes('x') })).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 'bucket-key' });
    today.deleteBucketEncryption({ Bucket: 'enc' });
    expect(today.getBucketEncryption({ Bucket: 'enc' }).Rules[0]?.SSEAlgorithm).toBe('AES256');
    expectS3Error(() => {
      today.putBucketEncryption({ Bucket: 'enc', Rules: [{ SSEAlgorithm: 'AES256', KMSMasterKeyID: 'x' }] });
    }, 'InvalidArgument');
    const legacy = engine(true);
    expectS3Error(() => legacy.getBucketEncryption({ Bucket: 'enc' }), 'ServerSideEncryptionConfigurationNotFoundError');
    expect(legacy.putObject({ Bucket: 'enc', Key: 'k', Body: bytes('x') }).ServerSideEncryption).toBeUndefined();
  });

  it('an SSE-C multipart upload needs the same key on every part; a copy of an SSE-C source needs the source key', () => {
    const e = engine();
    const { UploadId } = e.createMultipartUpload({ Bucket: 'enc', Key: 'mp', ...sseC() });
    expectS3Error(() => e.uploadPart({ Bucket: 'enc', Key: 'mp', UploadId, PartNumber: 1, Body: bytes('a') }), 'InvalidArgument');
    expectS3Error(() => e.uploadPart({ Bucket: 'enc', Key: 'mp', UploadId, PartNumber: 1, Body: bytes('a'), ...sseC(OTHER) }), 'InvalidArgument');
    const p1 = e.uploadPart({ Bucket: 'enc', Key: 'mp', UploadId, PartNumber: 1, Body: bytes('a'), ...sseC() });
    expectS3Error(() => e.completeMultipartUpload({ Bucket: 'enc', Key: 'mp', UploadId, Parts: [{ PartNumber: 1, ETag: p1.ETag }] }), 'InvalidArgument');
    e.completeMultipartUpload({ Bucket: 'enc', Key: 'mp', UploadId, Parts: [{ PartNumber: 1, ETag: p1.ETag }], ...sseC() });
    expectS3Error(() => e.getObject({ Bucket: 'enc', Key: 'mp' }), 'InvalidRequest');
    expectS3Error(() => e.copyObject({ Bucket: 'enc', Key: 'copy', CopySource: { Bucket: 'enc', Key: 'mp' } }), 'InvalidRequest');
    e.copyObject({ Bucket: 'enc', Key: 'copy', CopySource: { Bucket: 'enc', Key: 'mp' }, CopySourceEncryption: sseC() });
    expect(text(e.getObject({ Bucket: 'enc', Key: 'copy' }).Body)).toBe('a');
  });
});
