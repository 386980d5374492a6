import { describe, expect, it } from 'vitest';
import { bucketFromHost, resolveRoute } from './route.js';

const route = (method: string, path: string, query: Record<string, string> = {}, headers: Record<string, string> = {}, hostname = '127.0.0.1') =>
  resolveRoute({ method, path, query, headers, hostname });

describe('bucketFromHost', () => {
  it.each([
    ['my-bucket.localhost', 'my-bucket'],
    ['my.dotted.bucket.s3.eu-west-1.amazonaws.com', 'my.dotted.bucket'],
    ['b1.s3.amazonaws.com', 'b1'],
    ['b2.s3-us-west-2.amazonaws.com', 'b2'],
    ['b3.s3.dualstack.us-east-1.amazonaws.com', 'b3'],
    ['s3.us-east-1.amazonaws.com', undefined],
    ['localhost', undefined],
    ['127.0.0.1', undefined],
  ])('%s -> %s', (host, bucket) => {
    expect(bucketFromHost(host)).toBe(bucket);
  });

  it('uses configured base domains', () => {
    expect(bucketFromHost('data.s3.test', ['s3.test'])).toBe('data');
    expect(bucketFromHost('data.localhost', ['s3.test'])).toBeUndefined();
  });
});

describe('resolveRoute', () => {
  it.each([
    ['GET', '/', {}, {}, 'ListBuckets'],
    ['PUT', '/b', {}, {}, 'CreateBucket'],
    ['PUT', '/b/', { tagging: '' }, {}, 'PutBucketTagging'],
    ['GET', '/b', { 'list-type': '2' }, {}, 'ListObjectsV2'],
    ['GET', '/b', {}, {}, 'ListObjects'],
    ['GET', '/b', { uploads: '' }, {}, 'ListMultipartUploads'],
    ['POST', '/b', { delete: '' }, {}, 'DeleteObjects'],
    ['PUT', '/b/k', { partNumber: '1', uploadId: 'u' }, { 'x-amz-copy-source': 'x/y' }, 'UploadPartCopy'],
    ['PUT', '/b/k', { partNumber: '1', uploadId: 'u' }, {}, 'UploadPart'],
    ['PUT', '/b/k', {}, { 'x-amz-copy-source': 'x/y' }, 'CopyObject'],
    ['GET', '/b/k', { uploadId: 'u' }, {}, 'ListParts'],
    ['DELETE', '/b/k', { uploadId: 'u' }, {}, 'AbortMultipartUpload'],
    ['POST', '/b/k', { uploads: '' }, {}, 'CreateMultipartUpload'],
    ['POST', '/b/k', { uploadId: 'u' }, {}, 'CompleteMultipartUpload'],
    ['GET', '/b', { versions: '' }, {}, 'ListObjectVersions'],
    ['GET', '/b', { acl: '' }, {}, 'GetBucketAcl'],
    ['GET', '/b', { analytics: '', id: 'a' }, {}, 'GetBucketAnalyticsConfiguration'],
    ['GET', '/b', { analytics: '' }, {}, 'ListBucketAnalyticsConfigurations'],
    ['GET', '/b', { lifecycle: '' }, {}, 'GetBucketLifecycleConfiguration'],
    ['GET', '/b/k', { attributes: '' }, {}, 'GetObjectAttributes'],
    ['GET', '/b/k', { 'x-id': 'GetObject' }, {}, 'GetObject'],
    ['PUT', '/b/k', { retention: '' }, {}, 'PutObjectRetention'],
  ] as const)('%s %s %j -> %s', (method, path, query, headers, operation) => {
    expect(route(method, path, query, headers).operation).toBe(operation);
  });

  it('keeps keys verbatim after decoding (no dot-segment removal)', () => {
    expect(route('GET', '/b/a/../c%2Fd%20e')).toMatchObject({ bucket: 'b', key: 'a/../c/d e', virtualHost: false });
    expect(route('GET', '/dir//x', {}, {}, 'b.localhost')).toMatchObject({ bucket: 'b', key: 'dir//x', virtualHost: true });
    expect(route('GET', '/', {}, {}, 'b.localhost')).toMatchObject({ operation: 'ListObjects', bucket: 'b' });
  });

  it('refuses bad encodings, unknown methods and requests that name no operation', () => {
    expect(() => route('GET', '/%ZZ')).toThrow(expect.objectContaining({ code: 'InvalidURI' }) as Error);
    expect(() => route('POST', '/')).toThrow(expect.objectContaining({ code: 'MethodNotAllowed', status: 405 }) as Error);
    // CompleteMultipartUpload is recognised by its uploadId: a bare POST on a key is no operation.
    expect(() => route('POST', '/b/k')).toThrow(expect.objectContaining({ code: 'MethodNotAllowed', status: 405 }) as Error);
  });
});
