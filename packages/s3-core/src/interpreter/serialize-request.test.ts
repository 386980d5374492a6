import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveEndpoint } from '../endpoints/resolve-endpoint.js';
import { operations } from '../operations/index.js';
import type { S3OperationName } from '../operations/index.js';
import { loadXmlParser, parseXml } from '../xml/xml-parser.js';
import { compileOperation } from './compile.js';
import { serializeRequest } from './serialize-request.js';
import { readScalar, readShape } from './xml-shapes.js';

// parseXml reads through fast-xml-parser, which the client loads on first need.
await loadXmlParser();

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/xml');
const pathStyle = resolveEndpoint({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9000', bucket: 'bucket-1' });
const virtual = resolveEndpoint({ region: 'eu-west-1', bucket: 'bucket-1' });

function build(name: S3OperationName, input: Record<string, unknown>, endpoint = pathStyle) {
  return serializeRequest(compileOperation(operations[name]), input, endpoint).request;
}

describe('serializeRequest', () => {
  it.each<[S3OperationName, Record<string, unknown>, string, string, Record<string, string>]>([
    ['GetObject', { Bucket: 'bucket-1', Key: 'a b/c', VersionId: 'v1', PartNumber: 2 }, 'GET', '/bucket-1/a%20b/c', { versionId: 'v1', partNumber: '2' }],
    ['ListObjectsV2', { Bucket: 'bucket-1', Prefix: 'p/', MaxKeys: 10, FetchOwner: true }, 'GET', '/bucket-1', { 'list-type': '2', prefix: 'p/', 'max-keys': '10', 'fetch-owner': 'true', 'encoding-type': 'url' }],
    ['CreateMultipartUpload', { Bucket: 'bucket-1', Key: 'k' }, 'POST', '/bucket-1/k', { uploads: '' }],
    ['UploadPart', { Bucket: 'bucket-1', Key: 'k', UploadId: 'u', PartNumber: 3, Body: 'x' }, 'PUT', '/bucket-1/k', { uploadId: 'u', partNumber: '3' }],
    ['DeleteObjects', { Bucket: 'bucket-1', Delete: { Objects: [{ Key: 'a' }] } }, 'POST', '/bucket-1', { delete: '' }],
    ['GetBucketTagging', { Bucket: 'bucket-1' }, 'GET', '/bucket-1', { tagging: '' }],
    ['ListBuckets', {}, 'GET', '/', {}],
  ])('%s', (name, input, method, path, query) => {
    const request = build(name, input, name === 'ListBuckets' ? resolveEndpoint({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9000' }) : pathStyle);
    expect(request.method).toBe(method);
    expect(request.path).toBe(path);
    expect(request.query ?? {}).toEqual(query);
  });

  it('addresses virtual-hosted buckets by host', () => {
    const request = build('GetObject', { Bucket: 'bucket-1', Key: '../x' }, virtual);
    expect(request.hostname).toBe('bucket-1.s3.eu-west-1.amazonaws.com');
    expect(request.path).toBe('/../x');
    expect(build('ListObjectsV2', { Bucket: 'bucket-1' }, virtual).path).toBe('/');
  });

  it('formats headers: dates, booleans, metadata, SSE-C MD5, copy sources', () => {
    const request = build('CopyObject', {
      Bucket: 'bucket-1',
      Key: 'k',
      CopySource: { Bucket: 'src', Key: 'a b/ü', VersionId: 'v 1' },
      CopySourceIfModifiedSince: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
      BucketKeyEnabled: true,
      Metadata: { Color: 'blue' },
      SSECustomerKey: 'k'.repeat(32),
      SSECustomerKeyMD5: 'given',
      Expires: new Date(Date.UTC(2030, 0, 1)),
    });
    expect(request.headers).toMatchObject({
      'x-amz-copy-source': 'src/a%20b/%C3%BC?versionId=v%201',
      'x-amz-copy-source-if-modified-since': 'Tue, 02 Jan 2024 03:04:05 GMT',
      'x-amz-server-side-encryption-bucket-key-enabled': 'true',
      'x-amz-meta-color': 'blue',
      'x-amz-server-side-encryption-customer-key': Buffer.from('k'.repeat(32)).toString('base64'),
      'x-amz-server-side-encryption-customer-key-md5': 'given',
      expires: 'Tue, 01 Jan 2030 00:00:00 GMT',
    });
    const lock = build('PutObject', { Bucket: 'bucket-1', Key: 'k', ObjectLockRetainUntilDate: new Date(Date.UTC(2030, 0, 1)) });
    expect(lock.headers['x-amz-object-lock-retain-until-date']).toBe('2030-01-01T00:00:00Z');
  });

  it('writes XML bodies the way the public request examples read', () => {
    const request = build('CompleteMultipartUpload', {
      Bucket: 'bucket-1',
      Key: 'k',
      UploadId: 'u',
      MultipartUpload: {
        Parts: [
          { PartNumber: 1, ETag: '"a54357aff0632cce46d942af68356b38"' },
          { PartNumber: 2, ETag: '"0c78aef83f66abc1fa1e8477f296d394"' },
          { PartNumber: 3, ETag: '"acbd18db4cc2f85cedef654fccc4a4d8"' },
        ],
      },
    });
    const arrays = new Set(['CompleteMultipartUpload.Part']);
    expect(parseXml(request.body as string, { arrayPaths: arrays })).toEqual(
      parseXml(readFileSync(join(FIXTURES, 'opendal-completemultipartupload-request.xml'), 'utf8'), { arrayPaths: arrays }),
    );
    const del = build('DeleteObjects', {
      Bucket: 'bucket-1',
      Delete: { Quiet: true, Objects: [{ Key: 'sample1.txt' }, { Key: 'sample2.txt', VersionId: '11111' }] },
    });
    const delArrays = new Set(['Delete.Object']);
    const ours = parseXml(del.body as string, { arrayPaths: delArrays }).Delete as Record<string, unknown>;
    const theirs = parseXml(readFileSync(join(FIXTURES, 'opendal-deleteresult-error-only.xml'), 'utf8'), { arrayPaths: delArrays }).Delete as Record<string, unknown>;
    expect(ours.Object).toEqual(theirs.Object);
    expect(ours.Quiet).toEqual(theirs.Quiet);
    expect(del.headers['content-type']).toBe('application/xml');
    const tags = build('PutObjectTagging', { Bucket: 'bucket-1', Key: 'k', Tagging: { TagSet: [{ Key: 'a', Value: '<&>' }] } });
    expect(tags.body).toContain('<Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet><Tag><Key>a</Key><Value>&lt;&amp;&gt;</Value></Tag></TagSet></Tagging>');
  });

  it.each<[S3OperationName, Record<string, unknown>, string]>([
    ['GetObject', { Bucket: 'bucket-1' }, 'Key'],
    ['GetObject', { Bucket: 'a/b', Key: 'k' }, 'Bucket'],
    ['GetObject', { Bucket: 'bucket-1', Key: 'x'.repeat(1025) }, 'Key'],
    ['GetObject', { Bucket: 'bucket-1', Key: '\uD800' }, 'Key'],
    ['GetObject', { Bucket: 'bucket-1', Key: 'k', PartNumber: 0 }, 'PartNumber'],
    ['UploadPart', { Bucket: 'bucket-1', Key: 'k', UploadId: 'u', PartNumber: 10001 }, 'PartNumber'],
    ['UploadPart', { Bucket: 'bucket-1', Key: 'k', UploadId: '', PartNumber: 1 }, 'UploadId'],
    ['PutObject', { Bucket: 'bucket-1', Key: 'k', Metadata: { a: 'x'.repeat(2048) } }, 'Metadata'],
    ['PutObject', { Bucket: 'bucket-1', Key: 'k', Metadata: { a: 'ünicode' } }, 'Metadata.a'],
    ['PutObject', { Bucket: 'bucket-1', Key: 'k', Metadata: { 'bad name': 'x' } }, 'Metadata.bad name'],
    ['PutObject', { Bucket: 'bucket-1', Key: 'k', Tagging: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])) }, 'Tagging'],
    ['PutObject', { Bucket: 'bucket-1', Key: 'k', Tagging: `${'k'.repeat(129)}=v` }, 'Tagging.Key'],
    ['PutObject', { Bucket: 'bucket-1', Key: 'k', Tagging: `k=${'v'.repeat(257)}` }, 'Tagging.Value'],
    ['PutObject', { Bucket: 'bucket-1', Key: 'k', Tagging: 'a=1&a=2' }, 'Tagging.Key'],
    ['PutObject', { Bucket: 'bucket-1', Key: 'k', ContentLength: -1 }, 'ContentLength'],
    ['PutObject', { Bucket: 'bucket-1', Key: 'k', Expires: 'not a date' }, 'Expires'],
    ['PutObject', { Bucket: 'bucket-1', Key: 'k', ContentType: 'a\r\nb' }, 'ContentType'],
    ['PutObject', { Bucket: 'bucket-1', Key: 'k', Body: 42 }, 'Body'],
    ['PutObject', { Bucket: 'bucket-1', Key: 'k', BucketKeyEnabled: 'yes' }, 'BucketKeyEnabled'],
    ['PutObject', { Bucket: 'bucket-1', Key: 'k', SSECustomerKey: 5 }, 'SSECustomerKey'],
    ['ListObjectsV2', { Bucket: 'bucket-1', MaxKeys: 'ten' }, 'MaxKeys'],
    ['DeleteObjects', { Bucket: 'bucket-1', Delete: { Objects: [] } }, 'Delete.Objects'],
    ['DeleteObjects', { Bucket: 'bucket-1', Delete: { Objects: Array.from({ length: 1001 }, (_, i) => ({ Key: `k${i}` })) } }, 'Delete.Objects'],
    ['DeleteObjects', { Bucket: 'bucket-1', Delete: { Objects: [{ Key: '' }] } }, 'Delete.Objects[0].Key'],
    ['PutBucketTagging', { Bucket: 'bucket-1', Tagging: { TagSet: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: '' })) } }, 'Tagging.TagSet'],
    ['PutObjectTagging', { Bucket: 'bucket-1', Key: 'k', Tagging: {} }, 'Tagging.TagSet'],
    ['CreateBucket', { Bucket: 'xn--bucket' }, 'Bucket'],
    ['CopyObject', { Bucket: 'bucket-1', Key: 'k', CopySource: '' }, 'CopySource'],
    ['CopyObject', { Bucket: 'bucket-1', Key: 'k', CopySource: { Bucket: 'b' } }, 'CopySource'],
  ])('%s rejects %j (field %s)', (name, input, field) => {
    expect(() => build(name, input)).toThrow(expect.objectContaining({ code: 'ERR_VALIDATION', details: expect.objectContaining({ field }) }));
  });

  it('never puts an SSE-C key in a validation error', () => {
    try {
      build('PutObject', { Bucket: 'bucket-1', Key: 'k', SSECustomerKey: 5 });
    } catch (err) {
      expect(JSON.stringify(err)).not.toContain('5');
    }
  });

  it('encodes any valid key so it decodes back (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), (key) => {
        const request = build('GetObject', { Bucket: 'bucket-1', Key: key });
        const decoded = request.path.slice('/bucket-1/'.length).split('/').map(decodeURIComponent).join('/');
        expect(decoded).toBe(key);
      }),
    );
  });
});

describe('xml shapes', () => {
  it('reads scalars leniently', () => {
    expect(readScalar('integer', ' ')).toBeUndefined();
    expect(readScalar('integer', 'x')).toBeUndefined();
    expect(readScalar('timestamp', 'never')).toBeUndefined();
    expect(readScalar('boolean', 'false')).toBe(false);
    expect(readShape({ type: 'structure', members: {} }, 'text')).toEqual({});
    expect(readShape('string', { a: 'b' })).toBeUndefined();
    expect(readShape({ type: 'list', member: 'string', flattened: false, itemName: 'Tag' }, '')).toEqual([]);
  });
});
