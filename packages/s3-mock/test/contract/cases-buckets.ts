/** Contract cases: buckets, listings and DeleteObjects. */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { ContractCase } from './contract-case.js';
import { expectBodiless, expectError, expectOk } from './contract-case.js';
import { pathOf } from './raw-client.js';
import type { RawClient } from './raw-client.js';
import { errorCode, xmlAll, xmlBlocks, xmlEscape, xmlText } from './xml.js';

const md5b64 = (s: string): string => createHash('md5').update(s).digest('base64');

async function putAll(c: RawClient, bucket: string, keys: readonly string[]): Promise<void> {
  for (const k of keys) expectOk(await c.send('PUT', pathOf(bucket, k), { body: k }));
}

function deleteBody(keys: readonly string[], quiet = false): string {
  const objects = keys.map((k) => `<Object><Key>${xmlEscape(k)}</Key></Object>`).join('');
  return `<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${quiet ? '<Quiet>true</Quiet>' : ''}${objects}</Delete>`;
}

export const BUCKET_CASES: readonly ContractCase[] = [
  {
    op: 'CreateBucket',
    behaviour: 'invalid name: 400 InvalidBucketName',
    async run({ c }) {
      expectError(await c.send('PUT', '/Bad_Bucket..Name'), 400, 'InvalidBucketName');
    },
  },
  {
    op: 'CreateBucket',
    behaviour: 'bucket you already own, in us-east-1: 200 (S3\'s legacy), content kept',
    async run({ c, bucket, key }) {
      expectOk(await c.send('PUT', pathOf(bucket, key()), { body: 'kept' }));
      expectOk(await c.send('PUT', pathOf(bucket)));
      expect((await c.send('GET', pathOf(bucket, key()))).text).toBe('kept');
    },
  },
  {
    op: 'CreateBucket',
    behaviour: 'LocationConstraint of another region is kept (global endpoint)',
    rgw: { aws: '200; GetBucketLocation gives eu-west-1', rgw: '400 InvalidLocationConstraint (only its zonegroup is valid)' },
    async run({ c, newBucket, rgwDiffers }) {
      const b = await newBucket();
      expectOk(await c.send('DELETE', pathOf(b)), 204);
      const body = '<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>';
      const res = await c.send('PUT', pathOf(b), { body });
      if (rgwDiffers()) {
        expectError(res, 400, 'InvalidLocationConstraint');
        return;
      }
      expectOk(res);
      const eu = c.signerWith(c.target.secretAccessKey, c.target.accessKeyId, 'eu-west-1');
      const loc = await c.send('GET', pathOf(b), { query: { location: '' }, auth: eu });
      expect(xmlText(loc.text, 'LocationConstraint')).toBe('eu-west-1');
      expectOk(await c.send('DELETE', pathOf(b), { auth: eu }), 204);
    },
  },
  {
    op: 'GetBucketLocation',
    behaviour: 'bucket created without configuration: empty LocationConstraint (us-east-1)',
    rgw: { aws: 'empty <LocationConstraint/>', rgw: 'the zonegroup name (`default`)' },
    async run({ c, bucket, expected }) {
      const res = await c.send('GET', pathOf(bucket), { query: { location: '' } });
      expectOk(res);
      expect(xmlText(res.text, 'LocationConstraint') ?? '').toBe(expected('', 'default'));
    },
  },
  {
    op: 'HeadBucket',
    behaviour: '200 for an existing bucket, bare 404 for a missing one',
    async run({ c, bucket }) {
      expectOk(await c.send('HEAD', pathOf(bucket)));
      expectBodiless(await c.send('HEAD', pathOf(`${bucket}-missing`)), 404);
    },
  },
  {
    op: 'ListBuckets',
    behaviour: 'lists the run bucket with Owner and CreationDate',
    async run({ c, bucket }) {
      const res = await c.send('GET', '/');
      expectOk(res);
      expect(xmlAll(res.text, 'Name')).toContain(bucket);
      expect(xmlText(xmlBlocks(res.text, 'Owner')[0] ?? '', 'ID')).toBeTruthy();
      expect(xmlText(res.text, 'CreationDate')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    },
  },
  {
    op: 'DeleteBucket',
    behaviour: 'non-empty: 409 BucketNotEmpty; missing: 404 NoSuchBucket; empty: 204',
    async run({ c, newBucket }) {
      const b = await newBucket();
      await putAll(c, b, ['x']);
      expectError(await c.send('DELETE', pathOf(b)), 409, 'BucketNotEmpty');
      expectOk(await c.send('DELETE', pathOf(b, 'x')), 204);
      expectOk(await c.send('DELETE', pathOf(b)), 204);
      expectError(await c.send('DELETE', pathOf(b)), 404, 'NoSuchBucket');
    },
  },
  {
    op: 'ListObjectsV2',
    behaviour: 'prefix, delimiter, CommonPrefixes and KeyCount',
    async run({ c, newBucket }) {
      const b = await newBucket();
      await putAll(c, b, ['a/1', 'a/2', 'b/1', 'c', 'd/e/f']);
      const res = await c.send('GET', pathOf(b), { query: { 'list-type': '2', delimiter: '/' } });
      expectOk(res);
      expect(xmlAll(res.text, 'Key')).toEqual(['c']);
      expect(xmlBlocks(res.text, 'CommonPrefixes').map((p) => xmlText(p, 'Prefix'))).toEqual(['a/', 'b/', 'd/']);
      expect(xmlText(res.text, 'KeyCount')).toBe('4');
      const sub = await c.send('GET', pathOf(b), { query: { 'list-type': '2', prefix: 'd/', delimiter: '/' } });
      expect(xmlBlocks(sub.text, 'CommonPrefixes').map((p) => xmlText(p, 'Prefix'))).toEqual(['d/e/']);
      expect(xmlText(sub.text, 'Prefix')).toBe('d/');
    },
  },
  {
    op: 'ListObjectsV2',
    behaviour: 'max-keys and continuation tokens walk every key once',
    async run({ c, newBucket }) {
      const b = await newBucket();
      const keys = ['k0', 'k1', 'k2', 'k3', 'k4'];
      await putAll(c, b, keys);
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const query: Record<string, string> = { 'list-type': '2', 'max-keys': '2' };
        if (token !== undefined) query['continuation-token'] = token;
        const res = await c.send('GET', pathOf(b), { query });
        expectOk(res);
        expect(xmlText(res.text, 'MaxKeys')).toBe('2');
        seen.push(...xmlAll(res.text, 'Key'));
        token = xmlText(res.text, 'IsTruncated') === 'true' ? xmlText(res.text, 'NextContinuationToken') : undefined;
        pages++;
      } while (token !== undefined && pages < 10);
      expect([seen, pages]).toEqual([keys, 3]);
    },
  },
  {
    op: 'ListObjectsV2',
    behaviour: 'start-after skips keys up to and including it',
    async run({ c, newBucket }) {
      const b = await newBucket();
      await putAll(c, b, ['a', 'b', 'c']);
      const res = await c.send('GET', pathOf(b), { query: { 'list-type': '2', 'start-after': 'a' } });
      expect([xmlAll(res.text, 'Key'), xmlText(res.text, 'StartAfter')]).toEqual([['b', 'c'], 'a']);
    },
  },
  {
    op: 'ListObjectsV2',
    behaviour: 'max-keys=0: no keys, KeyCount 0',
    async run({ c, newBucket }) {
      const b = await newBucket();
      await putAll(c, b, ['a']);
      const res = await c.send('GET', pathOf(b), { query: { 'list-type': '2', 'max-keys': '0' } });
      expectOk(res);
      expect([xmlAll(res.text, 'Key'), xmlText(res.text, 'KeyCount')]).toEqual([[], '0']);
    },
  },
  {
    op: 'ListObjectsV2',
    behaviour: 'encoding-type=url encodes Key, Prefix and Delimiter',
    async run({ c, newBucket }) {
      const b = await newBucket();
      await putAll(c, b, ['sp ace/é+x']);
      const res = await c.send('GET', pathOf(b), { query: { 'list-type': '2', 'encoding-type': 'url' } });
      expectOk(res);
      expect(xmlText(res.text, 'EncodingType')).toBe('url');
      const key = xmlText(res.text, 'Key') ?? '';
      expect(decodeURIComponent(key.replace(/\+/g, ' '))).toBe('sp ace/é+x');
      expect(key).not.toContain('é');
    },
  },
  {
    op: 'ListObjectsV2',
    behaviour: 'keys in UTF-8 binary order (not UTF-16)',
    async run({ c, newBucket }) {
      const b = await newBucket();
      const keys = ['z', 'a', '\u00e9', '\uff5e', '\u{1d11e}', 'Z'];
      await putAll(c, b, keys);
      const res = await c.send('GET', pathOf(b), { query: { 'list-type': '2' } });
      expect(xmlAll(res.text, 'Key')).toEqual(['Z', 'a', 'z', '\u00e9', '\uff5e', '\u{1d11e}']);
    },
  },
  {
    op: 'ListObjectsV2',
    behaviour: 'missing bucket: 404 NoSuchBucket',
    async run({ c, bucket }) {
      expectError(await c.send('GET', pathOf(`${bucket}-nope`), { query: { 'list-type': '2' } }), 404, 'NoSuchBucket');
    },
  },
  {
    op: 'DeleteObjects',
    behaviour: 'verbose result lists Deleted keys (missing keys too)',
    async run({ c, bucket, key }) {
      await putAll(c, bucket, [key('a')]);
      const body = deleteBody([key('a'), key('never')]);
      const res = await c.send('POST', pathOf(bucket), { query: { delete: '' }, body, headers: { 'content-md5': md5b64(body) } });
      expectOk(res);
      expect(xmlBlocks(res.text, 'Deleted').map((d) => xmlText(d, 'Key')).sort()).toEqual([key('a'), key('never')]);
      expectBodiless(await c.send('HEAD', pathOf(bucket, key('a'))), 404);
    },
  },
  {
    op: 'DeleteObjects',
    behaviour: 'Quiet: no Deleted entries',
    async run({ c, bucket, key }) {
      await putAll(c, bucket, [key('a')]);
      const body = deleteBody([key('a')], true);
      const res = await c.send('POST', pathOf(bucket), { query: { delete: '' }, body, headers: { 'content-md5': md5b64(body) } });
      expectOk(res);
      expect([xmlBlocks(res.text, 'Deleted'), xmlBlocks(res.text, 'Error')]).toEqual([[], []]);
    },
  },
  {
    op: 'DeleteObjects',
    behaviour: 'per-key error for an invalid key, others deleted',
    rgw: { aws: 'KeyTooLongError <Error> for a 1025-byte key', rgw: 'reports the 1025-byte key as <Deleted>' },
    async run({ c, bucket, key, rgwDiffers }) {
      await putAll(c, bucket, [key('ok')]);
      const body = deleteBody([key('ok'), 'x'.repeat(1025)]);
      const res = await c.send('POST', pathOf(bucket), { query: { delete: '' }, body, headers: { 'content-md5': md5b64(body) } });
      expectOk(res);
      const deleted = xmlBlocks(res.text, 'Deleted').map((d) => xmlText(d, 'Key'));
      const errors = xmlBlocks(res.text, 'Error').map((e) => xmlText(e, 'Code'));
      if (rgwDiffers()) expect([deleted.sort(), errors]).toEqual([[key('ok'), 'x'.repeat(1025)].sort(), []]);
      else expect([deleted, errors]).toEqual([[key('ok')], ['KeyTooLongError']]);
    },
  },
  {
    op: 'DeleteObjects',
    behaviour: 'more than 1000 keys: 400 MalformedXML',
    rgw: { aws: '400 MalformedXML', rgw: '400 without an error document code' },
    async run({ c, bucket, key, expected }) {
      const body = deleteBody(Array.from({ length: 1001 }, (_, i) => key(String(i))));
      const res = await c.send('POST', pathOf(bucket), { query: { delete: '' }, body, headers: { 'content-md5': md5b64(body) } });
      expect({ status: res.status, code: errorCode(res.text) }).toEqual({ status: 400, code: expected<string | undefined>('MalformedXML', undefined) });
    },
  },
  {
    op: 'DeleteObjects',
    behaviour: 'without Content-MD5 or a checksum: 400 InvalidRequest',
    rgw: { aws: '400 InvalidRequest (Content-MD5 required)', rgw: '200, keys deleted' },
    async run({ c, bucket, key, rgwDiffers }) {
      const body = deleteBody([key('a')]);
      const res = await c.send('POST', pathOf(bucket), { query: { delete: '' }, body });
      if (rgwDiffers()) expectOk(res);
      else expectError(res, 400, 'InvalidRequest');
    },
  },
  {
    op: 'DeleteObjects',
    behaviour: 'malformed XML body: 400 MalformedXML',
    rgw: { aws: '400 MalformedXML', rgw: '400 without an error document code' },
    async run({ c, bucket, expected }) {
      const body = '<Delete><Object><Key>a</Key></Obj';
      const res = await c.send('POST', pathOf(bucket), { query: { delete: '' }, body, headers: { 'content-md5': md5b64(body) } });
      expect({ status: res.status, code: errorCode(res.text) }).toEqual({ status: 400, code: expected<string | undefined>('MalformedXML', undefined) });
    },
  },
];
