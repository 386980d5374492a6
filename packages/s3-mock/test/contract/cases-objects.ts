/** Contract cases: objects (put, get, head, copy, delete), ranges, conditions, metadata, tagging. */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { ContractCase } from './contract-case.js';
import { expectBodiless, expectError, expectOk } from './contract-case.js';
import { pathOf } from './raw-client.js';
import { xmlBlocks, xmlText } from './xml.js';

const md5hex = (s: string): string => createHash('md5').update(s).digest('hex');
const md5b64 = (s: string): string => createHash('md5').update(s).digest('base64');
const tagging = (tags: readonly (readonly [string, string])[]): string =>
  `<Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet>${tags.map(([k, v]) => `<Tag><Key>${k}</Key><Value>${v}</Value></Tag>`).join('')}</TagSet></Tagging>`;
const DIGITS = '0123456789';

export const OBJECT_CASES: readonly ContractCase[] = [
  {
    op: 'PutObject',
    behaviour: 'ETag is the quoted MD5; GET returns body, Content-Type, metadata',
    async run({ c, bucket, key }) {
      const put = await c.send('PUT', pathOf(bucket, key()), { body: 'hello', headers: { 'content-type': 'text/x-test', 'x-amz-meta-color': 'blue' } });
      expectOk(put);
      expect(put.headers.etag).toBe(`"${md5hex('hello')}"`);
      const get = await c.send('GET', pathOf(bucket, key()));
      expect([get.status, get.text, get.headers['content-type'], get.headers['x-amz-meta-color'], get.headers.etag, get.headers['content-length']]).toEqual([
        200, 'hello', 'text/x-test', 'blue', `"${md5hex('hello')}"`, '5',
      ]);
      expect(get.headers['last-modified']).toMatch(/GMT$/);
    },
  },
  {
    op: 'PutObject',
    behaviour: 'wrong Content-MD5: 400 BadDigest; malformed: 400 InvalidDigest; object unchanged',
    rgw: { aws: 'malformed Content-MD5: 400 InvalidDigest', rgw: 'malformed Content-MD5: 403 AccessDenied' },
    async run({ c, bucket, key, expected }) {
      expectError(await c.send('PUT', pathOf(bucket, key()), { body: 'abc', headers: { 'content-md5': md5b64('abd') } }), 400, 'BadDigest');
      const malformed = await c.send('PUT', pathOf(bucket, key()), { body: 'abc', headers: { 'content-md5': 'not-base64!' } });
      expectError(malformed, ...expected<[number, string]>([400, 'InvalidDigest'], [403, 'AccessDenied']));
      expectBodiless(await c.send('HEAD', pathOf(bucket, key())), 404);
      expectOk(await c.send('PUT', pathOf(bucket, key()), { body: 'abc', headers: { 'content-md5': md5b64('abc') } }));
    },
  },
  {
    op: 'PutObject',
    behaviour: 'user metadata over 2 KB: 400 MetadataTooLarge',
    rgw: { aws: '400 MetadataTooLarge', rgw: '200, stored (no 2 KB limit by default)' },
    async run({ c, bucket, key, rgwDiffers }) {
      const res = await c.send('PUT', pathOf(bucket, key()), { body: 'x', headers: { 'x-amz-meta-big': 'v'.repeat(2100) } });
      if (rgwDiffers()) expectOk(res);
      else expectError(res, 400, 'MetadataTooLarge');
    },
  },
  {
    op: 'PutObject',
    behaviour: 'key over 1024 bytes: 400 KeyTooLongError',
    rgw: { aws: '400 KeyTooLongError', rgw: '400 InvalidObjectName' },
    async run({ c, bucket, expected }) {
      expectError(await c.send('PUT', pathOf(bucket, 'k'.repeat(1025)), { body: 'x' }), 400, expected('KeyTooLongError', 'InvalidObjectName'));
    },
  },
  {
    op: 'PutObject',
    behaviour: 'If-None-Match: * on an existing key: 412 PreconditionFailed',
    async run({ c, bucket, key }) {
      expectOk(await c.send('PUT', pathOf(bucket, key()), { body: 'one', headers: { 'if-none-match': '*' } }));
      expectError(await c.send('PUT', pathOf(bucket, key()), { body: 'two', headers: { 'if-none-match': '*' } }), 412, 'PreconditionFailed');
      expect((await c.send('GET', pathOf(bucket, key()))).text).toBe('one');
    },
  },
  {
    op: 'PutObject',
    behaviour: 'If-Match with another ETag: 412 PreconditionFailed; with the current one: 200',
    rgw: { aws: 'If-Match with the current ETag: 200', rgw: '412 PreconditionFailed even when the ETag matches' },
    async run({ c, bucket, key, expected }) {
      expectOk(await c.send('PUT', pathOf(bucket, key()), { body: 'one' }));
      expectError(await c.send('PUT', pathOf(bucket, key()), { body: 'two', headers: { 'if-match': `"${md5hex('zzz')}"` } }), 412, 'PreconditionFailed');
      const matching = await c.send('PUT', pathOf(bucket, key()), { body: 'two', headers: { 'if-match': `"${md5hex('one')}"` } });
      expect(matching.status).toBe(expected(200, 412));
    },
  },
  {
    op: 'PutObject',
    behaviour: 'x-amz-tagging header stored; GET sends x-amz-tagging-count',
    async run({ c, bucket, key }) {
      expectOk(await c.send('PUT', pathOf(bucket, key()), { body: 'x', headers: { 'x-amz-tagging': 'a=1&b=two%20words' } }));
      const tags = await c.send('GET', pathOf(bucket, key()), { query: { tagging: '' } });
      expect(xmlBlocks(tags.text, 'Tag').map((t) => [xmlText(t, 'Key'), xmlText(t, 'Value')])).toEqual([
        ['a', '1'],
        ['b', 'two words'],
      ]);
      expect((await c.send('GET', pathOf(bucket, key()))).headers['x-amz-tagging-count']).toBe('2');
    },
  },
  {
    op: 'GetObject',
    behaviour: 'missing key: 404 NoSuchKey; missing bucket: 404 NoSuchBucket',
    async run({ c, bucket, key }) {
      expectError(await c.send('GET', pathOf(bucket, key('none'))), 404, 'NoSuchKey');
      expectError(await c.send('GET', pathOf(`${bucket}-nope`, 'k')), 404, 'NoSuchBucket');
    },
  },
  {
    op: 'GetObject',
    behaviour: 'Range bytes=1-3: 206 with Content-Range',
    async run({ c, bucket, key }) {
      await c.send('PUT', pathOf(bucket, key()), { body: DIGITS });
      const res = await c.send('GET', pathOf(bucket, key()), { headers: { range: 'bytes=1-3' } });
      expect([res.status, res.text, res.headers['content-range'], res.headers['content-length']]).toEqual([206, '123', 'bytes 1-3/10', '3']);
    },
  },
  {
    op: 'GetObject',
    behaviour: 'suffix Range bytes=-3 and open Range bytes=7-',
    async run({ c, bucket, key }) {
      await c.send('PUT', pathOf(bucket, key()), { body: DIGITS });
      const suffix = await c.send('GET', pathOf(bucket, key()), { headers: { range: 'bytes=-3' } });
      const open = await c.send('GET', pathOf(bucket, key()), { headers: { range: 'bytes=7-' } });
      expect([suffix.status, suffix.text, suffix.headers['content-range']]).toEqual([206, '789', 'bytes 7-9/10']);
      expect([open.status, open.text, open.headers['content-range']]).toEqual([206, '789', 'bytes 7-9/10']);
    },
  },
  {
    op: 'GetObject',
    behaviour: 'Range past the end: 416 InvalidRange',
    async run({ c, bucket, key }) {
      await c.send('PUT', pathOf(bucket, key()), { body: DIGITS });
      expectError(await c.send('GET', pathOf(bucket, key()), { headers: { range: 'bytes=20-30' } }), 416, 'InvalidRange');
    },
  },
  {
    op: 'GetObject',
    behaviour: 'If-None-Match with the ETag: 304; If-Match with another: 412',
    async run({ c, bucket, key }) {
      await c.send('PUT', pathOf(bucket, key()), { body: 'x' });
      const etag = `"${md5hex('x')}"`;
      const notModified = await c.send('GET', pathOf(bucket, key()), { headers: { 'if-none-match': etag } });
      expect([notModified.status, notModified.text]).toEqual([304, '']);
      expectError(await c.send('GET', pathOf(bucket, key()), { headers: { 'if-match': '"0123"' } }), 412, 'PreconditionFailed');
      expectOk(await c.send('GET', pathOf(bucket, key()), { headers: { 'if-match': etag } }));
    },
  },
  {
    op: 'GetObject',
    behaviour: 'If-Modified-Since in the future: 304; If-Unmodified-Since in the past: 412',
    async run({ c, bucket, key }) {
      await c.send('PUT', pathOf(bucket, key()), { body: 'x' });
      const future = new Date(Date.now() + 86_400_000).toUTCString();
      const past = new Date(Date.now() - 86_400_000).toUTCString();
      expect((await c.send('GET', pathOf(bucket, key()), { headers: { 'if-modified-since': future } })).status).toBe(304);
      expectError(await c.send('GET', pathOf(bucket, key()), { headers: { 'if-unmodified-since': past } }), 412, 'PreconditionFailed');
    },
  },
  {
    op: 'GetObject',
    behaviour: 'response-* overrides on a presigned GET',
    async run({ c, bucket, key }) {
      await c.send('PUT', pathOf(bucket, key()), { body: 'x', headers: { 'content-type': 'text/plain' } });
      const url = await c.presign('GET', pathOf(bucket, key()), {
        query: { 'response-content-type': 'application/x-over', 'response-content-disposition': 'attachment; filename="a.txt"', 'response-cache-control': 'no-store' },
      });
      const res = await c.fetchUrl(url);
      expect([res.status, res.headers['content-type'], res.headers['content-disposition'], res.headers['cache-control']]).toEqual([
        200, 'application/x-over', 'attachment; filename="a.txt"', 'no-store',
      ]);
    },
  },
  {
    op: 'HeadObject',
    behaviour: 'errors have no body: 404, 412, 304',
    async run({ c, bucket, key }) {
      expectBodiless(await c.send('HEAD', pathOf(bucket, key('none'))), 404);
      await c.send('PUT', pathOf(bucket, key()), { body: 'x' });
      expectBodiless(await c.send('HEAD', pathOf(bucket, key()), { headers: { 'if-match': '"0123"' } }), 412);
      expectBodiless(await c.send('HEAD', pathOf(bucket, key()), { headers: { 'if-none-match': `"${md5hex('x')}"` } }), 304);
    },
  },
  {
    op: 'HeadObject',
    behaviour: 'Content-Length, ETag and metadata without a body',
    async run({ c, bucket, key }) {
      await c.send('PUT', pathOf(bucket, key()), { body: 'hello', headers: { 'x-amz-meta-a': 'b' } });
      const res = await c.send('HEAD', pathOf(bucket, key()));
      expect([res.status, res.text, res.headers['content-length'], res.headers.etag, res.headers['x-amz-meta-a']]).toEqual([200, '', '5', `"${md5hex('hello')}"`, 'b']);
    },
  },
  {
    op: 'DeleteObject',
    behaviour: 'existing and missing keys both answer 204',
    async run({ c, bucket, key }) {
      await c.send('PUT', pathOf(bucket, key()), { body: 'x' });
      expectOk(await c.send('DELETE', pathOf(bucket, key())), 204);
      expectOk(await c.send('DELETE', pathOf(bucket, key())), 204);
    },
  },
  {
    op: 'CopyObject',
    behaviour: 'copies body and metadata; CopyObjectResult has the ETag',
    rgw: { aws: 'quoted <ETag> in CopyObjectResult', rgw: 'unquoted <ETag>' },
    async run({ c, bucket, key, expected }) {
      await c.send('PUT', pathOf(bucket, key('src')), { body: 'copy me', headers: { 'x-amz-meta-a': '1' } });
      const res = await c.send('PUT', pathOf(bucket, key('dst')), { headers: { 'x-amz-copy-source': pathOf(bucket, key('src')) } });
      expectOk(res);
      expect(xmlText(res.text, 'ETag')).toBe(expected(`"${md5hex('copy me')}"`, md5hex('copy me')));
      const get = await c.send('GET', pathOf(bucket, key('dst')));
      expect([get.text, get.headers['x-amz-meta-a']]).toEqual(['copy me', '1']);
    },
  },
  {
    op: 'CopyObject',
    behaviour: 'MetadataDirective REPLACE replaces metadata',
    async run({ c, bucket, key }) {
      await c.send('PUT', pathOf(bucket, key('src')), { body: 'x', headers: { 'x-amz-meta-a': '1' } });
      expectOk(
        await c.send('PUT', pathOf(bucket, key('dst')), {
          headers: { 'x-amz-copy-source': pathOf(bucket, key('src')), 'x-amz-metadata-directive': 'REPLACE', 'x-amz-meta-b': '2' },
        }),
      );
      const head = await c.send('HEAD', pathOf(bucket, key('dst')));
      expect([head.headers['x-amz-meta-a'], head.headers['x-amz-meta-b']]).toEqual([undefined, '2']);
    },
  },
  {
    op: 'CopyObject',
    behaviour: 'missing source: 404 NoSuchKey',
    async run({ c, bucket, key }) {
      expectError(await c.send('PUT', pathOf(bucket, key('dst')), { headers: { 'x-amz-copy-source': pathOf(bucket, key('none')) } }), 404, 'NoSuchKey');
    },
  },
  {
    op: 'CopyObject',
    behaviour: 'onto itself without changes: 400 InvalidRequest',
    async run({ c, bucket, key }) {
      await c.send('PUT', pathOf(bucket, key()), { body: 'x' });
      expectError(await c.send('PUT', pathOf(bucket, key()), { headers: { 'x-amz-copy-source': pathOf(bucket, key()) } }), 400, 'InvalidRequest');
    },
  },
  {
    op: 'CopyObject',
    behaviour: 'x-amz-copy-source-if-match with another ETag: 412',
    rgw: { aws: '412 PreconditionFailed', rgw: 'condition ignored: 200, copied' },
    async run({ c, bucket, key, rgwDiffers }) {
      await c.send('PUT', pathOf(bucket, key('src')), { body: 'x' });
      const res = await c.send('PUT', pathOf(bucket, key('dst')), { headers: { 'x-amz-copy-source': pathOf(bucket, key('src')), 'x-amz-copy-source-if-match': '"0123"' } });
      if (rgwDiffers()) expectOk(res);
      else expectError(res, 412, 'PreconditionFailed');
    },
  },
  {
    op: 'PutObjectTagging',
    behaviour: 'round trip; DeleteObjectTagging empties the set',
    async run({ c, bucket, key }) {
      await c.send('PUT', pathOf(bucket, key()), { body: 'x' });
      expectOk(await c.send('PUT', pathOf(bucket, key()), { query: { tagging: '' }, body: tagging([['env', 'test']]) }));
      const got = await c.send('GET', pathOf(bucket, key()), { query: { tagging: '' } });
      expect(xmlBlocks(got.text, 'Tag').map((t) => [xmlText(t, 'Key'), xmlText(t, 'Value')])).toEqual([['env', 'test']]);
      expectOk(await c.send('DELETE', pathOf(bucket, key()), { query: { tagging: '' } }), 204);
      expect(xmlBlocks((await c.send('GET', pathOf(bucket, key()), { query: { tagging: '' } })).text, 'Tag')).toEqual([]);
      expect((await c.send('GET', pathOf(bucket, key()))).text).toBe('x');
    },
  },
  {
    op: 'PutObjectTagging',
    behaviour: 'more than 10 tags: 400 BadRequest',
    rgw: { aws: '400 BadRequest', rgw: '400 InvalidTag' },
    async run({ c, bucket, key, expected }) {
      await c.send('PUT', pathOf(bucket, key()), { body: 'x' });
      const tags = Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'] as const);
      expectError(await c.send('PUT', pathOf(bucket, key()), { query: { tagging: '' }, body: tagging(tags) }), 400, expected('BadRequest', 'InvalidTag'));
    },
  },
  {
    op: 'PutObjectTagging',
    behaviour: 'tag key over 128 characters: 400 InvalidTag',
    async run({ c, bucket, key }) {
      await c.send('PUT', pathOf(bucket, key()), { body: 'x' });
      expectError(await c.send('PUT', pathOf(bucket, key()), { query: { tagging: '' }, body: tagging([['k'.repeat(129), 'v']]) }), 400, 'InvalidTag');
    },
  },
  {
    op: 'PutObjectTagging',
    behaviour: 'missing key: 404 NoSuchKey',
    async run({ c, bucket, key }) {
      expectError(await c.send('PUT', pathOf(bucket, key('none')), { query: { tagging: '' }, body: tagging([['a', 'b']]) }), 404, 'NoSuchKey');
    },
  },
  {
    op: 'PutBucketTagging',
    behaviour: 'round trip (204); after DeleteBucketTagging: 404 NoSuchTagSet',
    rgw: { aws: 'PutBucketTagging and DeleteBucketTagging answer 204', rgw: 'both answer 200' },
    async run({ c, newBucket, expected }) {
      const b = await newBucket();
      expectError(await c.send('GET', pathOf(b), { query: { tagging: '' } }), 404, 'NoSuchTagSet');
      const body = tagging([['team', 'x']]);
      expectOk(await c.send('PUT', pathOf(b), { query: { tagging: '' }, body, headers: { 'content-md5': md5b64(body) } }), expected(204, 200));
      const got = await c.send('GET', pathOf(b), { query: { tagging: '' } });
      expect(xmlBlocks(got.text, 'Tag').map((t) => xmlText(t, 'Key'))).toEqual(['team']);
      expectOk(await c.send('DELETE', pathOf(b), { query: { tagging: '' } }), expected(204, 200));
      expectError(await c.send('GET', pathOf(b), { query: { tagging: '' } }), 404, 'NoSuchTagSet');
    },
  },
];
