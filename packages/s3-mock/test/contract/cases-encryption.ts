/** Contract cases: server-side encryption (SSE-S3 by default, SSE-C). */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { ContractCase } from './contract-case.js';
import { expectError, expectOk } from './contract-case.js';
import { pathOf } from './raw-client.js';

const KEY = Buffer.alloc(32, 7).toString('base64');
const SSE_C = {
  'x-amz-server-side-encryption-customer-algorithm': 'AES256',
  'x-amz-server-side-encryption-customer-key': KEY,
  'x-amz-server-side-encryption-customer-key-md5': createHash('md5').update(Buffer.from(KEY, 'base64')).digest('base64'),
};

export const ENCRYPTION_CASES: readonly ContractCase[] = [
  {
    op: 'PutObject',
    behaviour: 'a new bucket encrypts with SSE-S3 by default: x-amz-server-side-encryption: AES256 on PUT and GET',
    rgw: { aws: 'AES256 on PUT and GET (S3 encrypts every new object since January 2023)', rgw: 'no x-amz-server-side-encryption header' },
    async run({ c, bucket, key, expected }) {
      const put = await c.send('PUT', pathOf(bucket, key()), { body: 'x' });
      expectOk(put);
      expect(put.headers['x-amz-server-side-encryption']).toBe(expected('AES256', undefined));
      expect((await c.send('GET', pathOf(bucket, key()))).headers['x-amz-server-side-encryption']).toBe(expected('AES256', undefined));
    },
  },
  {
    op: 'GetObject',
    behaviour: 'SSE-C over HTTP: readable with its key (key MD5 echoed), 400 InvalidRequest without it',
    mock: 'deliberate: SSE-C is accepted over plain HTTP, the only protocol the mock serves (AWS: 400 InvalidRequest, SSE-C needs HTTPS)',
    rgw: { aws: 'mock: PUT 200', rgw: '400 InvalidRequest (SSE-C needs HTTPS, as AWS)' },
    async run({ c, bucket, key, rgwDiffers }) {
      const put = await c.send('PUT', pathOf(bucket, key()), { body: 'secret', headers: SSE_C });
      if (rgwDiffers()) {
        expectError(put, 400, 'InvalidRequest');
        return;
      }
      expectOk(put);
      const got = await c.send('GET', pathOf(bucket, key()), { headers: SSE_C });
      expect([got.text, got.headers['x-amz-server-side-encryption-customer-key-md5']]).toEqual(['secret', SSE_C['x-amz-server-side-encryption-customer-key-md5']]);
      expectError(await c.send('GET', pathOf(bucket, key())), 400, 'InvalidRequest');
    },
  },
];
