/** Contract cases: authentication, checksums, aws-chunked bodies and unmodelled sub-resources. */
import { expect } from 'vitest';
import type { ContractCase } from './contract-case.js';
import { expectError, expectOk } from './contract-case.js';
import { crc32Base64 } from './crc32.js';
import { pathOf } from './raw-client.js';

const BODY = 'chunked body '.repeat(1000); // 13,000 bytes: two 8 KiB chunks
const trailer = (value: string) => ({ trailerName: 'x-amz-checksum-crc32', digest: () => value, valueLength: value.length });

export const WIRE_CASES: readonly ContractCase[] = [
  {
    op: 'Auth',
    behaviour: 'anonymous request refused: 403 AccessDenied',
    async run({ c, bucket, key }) {
      await c.send('PUT', pathOf(bucket, key()), { body: 'x' });
      expectError(await c.send('GET', pathOf(bucket, key()), { auth: 'none' }), 403, 'AccessDenied');
    },
  },
  {
    op: 'Auth',
    behaviour: 'wrong secret: 403 SignatureDoesNotMatch',
    async run({ c, bucket }) {
      expectError(await c.send('GET', pathOf(bucket), { query: { 'list-type': '2' }, auth: c.signerWith('not-the-secret') }), 403, 'SignatureDoesNotMatch');
    },
  },
  {
    op: 'Auth',
    behaviour: 'unknown access key: 403 InvalidAccessKeyId',
    async run({ c, bucket }) {
      expectError(await c.send('GET', pathOf(bucket), { query: { 'list-type': '2' }, auth: c.signerWith('x', 'NOSUCHKEYID0000000000') }), 403, 'InvalidAccessKeyId');
    },
  },
  {
    op: 'Auth',
    behaviour: 'presigned GET works; tampered query: 403 SignatureDoesNotMatch',
    async run({ c, bucket, key }) {
      await c.send('PUT', pathOf(bucket, key()), { body: 'presigned' });
      const url = await c.presign('GET', pathOf(bucket, key()));
      const ok = await c.fetchUrl(url);
      expect([ok.status, ok.text]).toEqual([200, 'presigned']);
      const tampered = new URL(url);
      tampered.searchParams.set('response-content-type', 'text/evil');
      expectError(await c.fetchUrl(tampered.href), 403, 'SignatureDoesNotMatch');
    },
  },
  {
    op: 'Auth',
    behaviour: 'expired presigned URL: 403 AccessDenied',
    async run({ c, bucket, key }) {
      await c.send('PUT', pathOf(bucket, key()), { body: 'x' });
      const url = await c.presign('GET', pathOf(bucket, key()), { expiresIn: 60, signingDate: new Date(Date.now() - 3_600_000) });
      expectError(await c.fetchUrl(url), 403, 'AccessDenied');
    },
  },
  {
    op: 'Auth',
    behaviour: 'request time 20 minutes off: 403 RequestTimeTooSkewed',
    async run({ c, bucket }) {
      const skewed = c.signerWith(c.target.secretAccessKey);
      skewed.setClockOffset(-20 * 60_000);
      expectError(await c.send('GET', pathOf(bucket), { query: { 'list-type': '2' }, auth: skewed }), 403, 'RequestTimeTooSkewed');
    },
  },
  {
    op: 'PutObject',
    behaviour: 'x-amz-checksum-crc32 validated, stored, returned with x-amz-checksum-mode',
    rgw: { aws: 'stored and returned by GET/HEAD with x-amz-checksum-mode: ENABLED', rgw: 'accepted but not returned' },
    async run({ c, bucket, key, rgwDiffers }) {
      const sum = crc32Base64('checksummed');
      expectOk(await c.send('PUT', pathOf(bucket, key()), { body: 'checksummed', headers: { 'x-amz-checksum-crc32': sum } }));
      const head = await c.send('HEAD', pathOf(bucket, key()), { headers: { 'x-amz-checksum-mode': 'ENABLED' } });
      expect(head.headers['x-amz-checksum-crc32']).toBe(rgwDiffers() ? undefined : sum);
    },
  },
  {
    op: 'PutObject',
    behaviour: 'wrong x-amz-checksum-crc32: 400 BadDigest, nothing stored',
    rgw: { aws: '400 BadDigest', rgw: 'not validated: 200, object stored' },
    async run({ c, bucket, key, expected }) {
      const res = await c.send('PUT', pathOf(bucket, key()), { body: 'checksummed', headers: { 'x-amz-checksum-crc32': crc32Base64('other') } });
      expect(res.status).toBe(expected(400, 200));
      expect((await c.send('HEAD', pathOf(bucket, key()))).status).toBe(expected(404, 200));
    },
  },
  {
    op: 'PutObject',
    behaviour: 'aws-chunked, signed chunks: stored decoded',
    async run({ c, bucket, key }) {
      const res = await c.send('PUT', pathOf(bucket, key()), { body: BODY, streaming: { mode: 'signed', decodedContentLength: BODY.length, chunkSize: 8192 } });
      expectOk(res);
      expect((await c.send('GET', pathOf(bucket, key()))).text).toBe(BODY);
    },
  },
  {
    op: 'PutObject',
    behaviour: 'aws-chunked, signed chunks with a CRC32 trailer',
    rgw: { aws: '200; trailer checksum validated, stored and returned', rgw: '400 XAmzContentSHA256Mismatch (STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER unsupported)' },
    async run({ c, bucket, key, rgwDiffers }) {
      const sum = crc32Base64(BODY);
      const res = await c.send('PUT', pathOf(bucket, key()), {
        body: BODY,
        streaming: { mode: 'signed-trailer', decodedContentLength: BODY.length, chunkSize: 8192, trailer: trailer(sum) },
      });
      if (rgwDiffers()) {
        expectError(res, 400, 'XAmzContentSHA256Mismatch');
        return;
      }
      expectOk(res);
      const get = await c.send('GET', pathOf(bucket, key()), { headers: { 'x-amz-checksum-mode': 'ENABLED' } });
      expect([get.text, get.headers['x-amz-checksum-crc32']]).toEqual([BODY, sum]);
    },
  },
  {
    op: 'PutObject',
    behaviour: 'aws-chunked, unsigned payload with a CRC32 trailer',
    rgw: { aws: '200, body stored decoded, checksum stored', rgw: '400 XAmzContentSHA256Mismatch (STREAMING-UNSIGNED-PAYLOAD-TRAILER unsupported)' },
    async run({ c, bucket, key, rgwDiffers }) {
      const sum = crc32Base64(BODY);
      const res = await c.send('PUT', pathOf(bucket, key()), {
        body: BODY,
        streaming: { mode: 'unsigned-trailer', decodedContentLength: BODY.length, chunkSize: 8192, trailer: trailer(sum) },
      });
      if (rgwDiffers()) {
        expectError(res, 400, 'XAmzContentSHA256Mismatch');
        return;
      }
      expectOk(res);
      const get = await c.send('GET', pathOf(bucket, key()), { headers: { 'x-amz-checksum-mode': 'ENABLED' } });
      expect([get.text, get.headers['x-amz-checksum-crc32']]).toEqual([BODY, sum]);
    },
  },
  {
    op: 'PutObject',
    behaviour: 'aws-chunked with a wrong trailer checksum: 400 BadDigest',
    rgw: { aws: '400 BadDigest', rgw: '400 XAmzContentSHA256Mismatch (trailer mode unsupported)' },
    async run({ c, bucket, key, expected }) {
      const res = await c.send('PUT', pathOf(bucket, key()), {
        body: BODY,
        streaming: { mode: 'signed-trailer', decodedContentLength: BODY.length, chunkSize: 8192, trailer: trailer(crc32Base64('other')) },
      });
      expectError(res, 400, expected('BadDigest', 'XAmzContentSHA256Mismatch'));
      expect((await c.send('HEAD', pathOf(bucket, key()))).status).toBe(404);
    },
  },
  {
    op: 'GetBucketWebsite',
    behaviour: 'no website configuration: 404 NoSuchWebsiteConfiguration',
    rgw: { aws: '404 NoSuchWebsiteConfiguration', rgw: '405 MethodNotAllowed (website API off by default)' },
    async run({ c, bucket, expected }) {
      const res = await c.send('GET', pathOf(bucket), { query: { website: '' } });
      expectError(res, ...expected<[number, string]>([404, 'NoSuchWebsiteConfiguration'], [405, 'MethodNotAllowed']));
    },
  },
  {
    op: 'Unmodelled',
    behaviour: 'GET ?analytics (not modelled by the mock): 501 NotImplemented',
    mock: 'deliberate: 501 NotImplemented for operations it does not model (AWS: 200, an empty ListBucketAnalyticsConfigurationResult)',
    rgw: { aws: 'mock: 501 NotImplemented', rgw: '200, the bucket listed (the sub-resource is ignored)' },
    async run({ c, bucket, rgwDiffers }) {
      const res = await c.send('GET', pathOf(bucket), { query: { analytics: '' } });
      if (rgwDiffers()) expectOk(res);
      else expectError(res, 501, 'NotImplemented');
    },
  },
];
