import { operations } from '@s3kit/s3-core';
import { describe, expect, it } from 'vitest';
import { kebabName } from './kebab-name.js';

describe('kebabName (botocore xform_name with "-")', () => {
  it.each([
    ['GetBucketCors', 'get-bucket-cors'],
    ['ListObjectsV2', 'list-objects-v2'],
    ['ContentMD5', 'content-md5'],
    ['ChecksumCRC32C', 'checksum-crc32-c'],
    ['ChecksumCRC64NVME', 'checksum-crc64-nvme'],
    ['SSECustomerKeyMD5', 'sse-customer-key-md5'],
    ['SSEKMSKeyId', 'ssekms-key-id'],
    ['GrantReadACP', 'grant-read-acp'],
    ['ACL', 'acl'],
    ['CORSConfiguration', 'cors-configuration'],
    ['TopicARNs', 'topic-arns'],
    ['VersionId', 'version-id'],
  ])('%s -> %s', (name, expected) => {
    expect(kebabName(name)).toBe(expected);
  });

  it('gives every operation of the table its own name', () => {
    const names = Object.values(operations).map((spec) => kebabName(spec.name));
    expect(new Set(names).size).toBe(names.length);
  });
});
