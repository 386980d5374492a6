/**
 * Data-driven: every row names an XML fixture (test/fixtures/xml, public sources, see the README
 * there), the operation that receives it, and what the interpreter must read from it. Adding an
 * operation = one spec file + one row here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { S3Client } from '../client/s3-client.js';
import { operations } from '../operations/index.js';
import type { S3OperationName } from '../operations/index.js';
import { replayTransport } from '../../test/replay-transport.js';
import { EMPTY_ENV } from '../../test/mock-client.js';
import type { Operation } from './spec.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/xml');
const fixture = (name: string): string => readFileSync(join(FIXTURES, `${name}.xml`), 'utf8');

interface Row {
  fixture: string;
  op: S3OperationName;
  status?: number;
  headers?: Record<string, string>;
  input?: Record<string, unknown>;
  /** Expected subset of the output, or of the thrown error. */
  expected?: Record<string, unknown>;
  error?: Record<string, unknown>;
}

const object = { Bucket: 'bucket-1', Key: 'k' };
const upload = { ...object, UploadId: 'u' };

const rows: Row[] = [
  {
    fixture: 'asyncaws-listbuckets-nonamespace',
    op: 'ListBuckets',
    expected: { Buckets: [{ Name: 'examplebucket', CreationDate: new Date('2012-02-15T21:03:02.000Z') }] },
  },
  { fixture: 'botocore-responses-s3-list-buckets', op: 'ListBuckets', expected: { Owner: expect.objectContaining({ ID: expect.any(String) }) } },
  {
    fixture: 'smithyrs-real-listobjectsv2-truncated',
    op: 'ListObjectsV2',
    input: { Bucket: 'bucket-1', EncodingType: 'url' },
    expected: {
      IsTruncated: true,
      KeyCount: 3,
      MaxKeys: 3,
      Prefix: '',
      NextContinuationToken: expect.stringMatching(/^1SL9nYFaimMAwnR9dJnF4M5NMfm3Em6\/ClPUVLEH3GOSw5yjeI\+wCBLj3/),
      Contents: [
        expect.objectContaining({ ETag: '"446fc665f99183cd0540d7656a79d3ed"', Size: 386910, StorageClass: 'STANDARD' }),
        expect.anything(),
        expect.anything(),
      ],
    },
  },
  {
    fixture: 'asyncaws-listobjectsv2-commonprefixes',
    op: 'ListObjectsV2',
    expected: { CommonPrefixes: [{ Prefix: 'travis-ci/a7c9995c116874232f86/some/' }], KeyCount: 1, IsTruncated: false, Delimiter: '/' },
  },
  { fixture: 'opendal-listobjectsv2-commonprefixes', op: 'ListObjectsV2', expected: { CommonPrefixes: expect.any(Array) } },
  { fixture: 'smithyrs-listobjectsv2-nonamespace', op: 'ListObjectsV2', expected: { Contents: expect.any(Array) } },
  { fixture: 'botocore-listobjectsv2-encodingtype-url-empty', op: 'ListObjectsV2', input: { Bucket: 'bucket-1', EncodingType: 'url' }, expected: { KeyCount: 0, Prefix: '', EncodingType: 'url' } },
  {
    fixture: 'asyncaws-listparts',
    op: 'ListParts',
    input: upload,
    expected: {
      IsTruncated: true,
      // Integers in the model (botocore reads them as numbers).
      PartNumberMarker: 1,
      NextPartNumberMarker: 3,
      MaxParts: 2,
      StorageClass: 'STANDARD',
      Initiator: { ID: 'arn:aws:iam::111122223333:user/some-user-11116a31-17b5-4fb7-9df5-b288870f11xx', DisplayName: expect.any(String) },
      Parts: [
        { PartNumber: 2, LastModified: new Date('2010-11-10T20:48:34.000Z'), ETag: '"7778aef83f66abc1fa1e8477f296d394"', Size: 10485760 },
        expect.objectContaining({ PartNumber: 3 }),
      ],
    },
  },
  {
    fixture: 'asyncaws-listmultipartuploads',
    op: 'ListMultipartUploads',
    input: { Bucket: 'bucket-1', EncodingType: 'url' },
    expected: {
      NextKeyMarker: 'my-movie.m2ts',
      IsTruncated: true,
      MaxUploads: 3,
      Uploads: expect.arrayContaining([expect.objectContaining({ Key: 'my-divisor', Initiated: expect.any(Date) })]),
    },
  },
  {
    fixture: 'botocore-responses-s3-list-multipart-uploads',
    op: 'ListMultipartUploads',
    expected: { Prefix: 'foo', Delimiter: '/', NextKeyMarker: '', CommonPrefixes: [{ Prefix: 'foo/' }, { Prefix: 'foobar/' }] },
  },
  {
    fixture: 'javav2-deleteresult-full',
    op: 'DeleteObjects',
    input: { Bucket: 'bucket-1', Delete: { Objects: [{ Key: 'key1' }] } },
    expected: {
      Deleted: [{ Key: 'key1', VersionId: 'Version1' }, { Key: 'key3', DeleteMarker: true, DeleteMarkerVersionId: 'Version3' }],
      Errors: [{ Key: 'key2', VersionId: 'Version2', Code: 'Code', Message: 'Message' }],
    },
  },
  {
    fixture: 'asyncaws-deleteresult',
    op: 'DeleteObjects',
    input: { Bucket: 'bucket-1', Delete: { Objects: [{ Key: 'a' }] } },
    expected: { Errors: [expect.objectContaining({ Code: 'AccessDenied' })] },
  },
  {
    fixture: 'asyncaws-copyobjectresult-nonamespace',
    op: 'CopyObject',
    input: { ...object, CopySource: 'b/src' },
    expected: { CopyObjectResult: { ETag: '"6805f2cfc46c0f04559748bb039d69ae"', LastModified: new Date('2016-12-15T17:38:53.000Z') } },
  },
  {
    fixture: 'botocore-copyobject-result-leading-whitespace',
    op: 'CopyObject',
    input: { ...object, CopySource: 'b/src' },
    expected: { CopyObjectResult: expect.objectContaining({ ETag: expect.any(String) }) },
  },
  {
    fixture: 'asyncaws-initiatemultipartupload',
    op: 'CreateMultipartUpload',
    input: object,
    expected: { Bucket: 'example-bucket', Key: 'example-object', UploadId: 'VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA' },
  },
  {
    fixture: 'asyncaws-completemultipartupload',
    op: 'CompleteMultipartUpload',
    input: upload,
    expected: { Location: expect.stringContaining('eu-central-1'), ETag: expect.stringMatching(/^"/) },
  },
  { fixture: 'opendal-completemultipartupload-result', op: 'CompleteMultipartUpload', input: upload, expected: { ETag: expect.any(String) } },
  {
    fixture: 'asyncaws-tagging',
    op: 'GetObjectTagging',
    input: object,
    headers: { 'x-amz-version-id': 'ydlaNkwWm0SfKJR.T1b1fIdPRbldTYRI' },
    expected: {
      VersionId: 'ydlaNkwWm0SfKJR.T1b1fIdPRbldTYRI',
      TagSet: [
        { Key: 'Key4', Value: 'Value4' },
        { Key: 'Key3', Value: 'Value3' },
      ],
    },
  },
  { fixture: 'javav2-tagging', op: 'GetBucketTagging', input: { Bucket: 'bucket-1' }, expected: { TagSet: expect.any(Array) } },
  // 200 OK carrying an <Error>: an error, retried when the code says so.
  {
    fixture: 'botocore-copyobject-200-slowdown-error',
    op: 'CopyObject',
    input: { ...object, CopySource: 'b/src' },
    error: { code: 'SlowDown', statusCode: 200, retryable: true },
  },
  {
    fixture: 'opendal-completemultipartupload-200-internalerror',
    op: 'CompleteMultipartUpload',
    input: upload,
    error: { code: 'InternalError', statusCode: 200 },
  },
  {
    fixture: 'smithyrs-200-slowdown-error',
    op: 'DeleteObjects',
    input: { Bucket: 'bucket-1', Delete: { Objects: [{ Key: 'a' }] } },
    error: { code: 'SlowDown', requestId: 'K2H6N7ZGQT6WHCEG' },
  },
  { fixture: 'smithyrs-nosuchkey', op: 'GetObject', input: object, status: 404, error: { code: 'NoSuchKey', statusCode: 404, operation: 'GetObject' } },
  { fixture: 'javav2-error-basic', op: 'GetObject', input: object, status: 403, error: { statusCode: 403 } },
  { fixture: 'smithyrs-500-internalerror-with-type', op: 'HeadBucket', input: { Bucket: 'bucket-1' }, status: 500, error: { statusCode: 500 } },
];

function clientFor(transport: ReturnType<typeof replayTransport>): S3Client {
  return new S3Client({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9000',
    credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' },
    transport,
    retry: { maxAttempts: 1 },
    circuitBreaker: false,
    config: { env: EMPTY_ENV },
  });
}

describe('operation specs read the XML fixtures', () => {
  it.each(rows)('$op <- $fixture', async (row) => {
    const transport = replayTransport({ status: row.status ?? 200, headers: { 'content-type': 'application/xml', ...row.headers }, body: fixture(row.fixture) });
    const client = clientFor(transport);
    const op = operations[row.op] as Operation<unknown, unknown>;
    const call = client.send(op, row.input ?? { Bucket: 'bucket-1' });
    if (row.error) {
      await expect(call).rejects.toMatchObject(row.error);
    } else {
      expect(await call).toMatchObject(row.expected!);
    }
  });

  it('decodes encoding-type=url fields it asked for (botocore vectors), never the continuation token', async () => {
    const vectors = JSON.parse(readFileSync(join(FIXTURES, 'botocore-encodingtype-url-decode-vectors.json'), 'utf8')) as {
      vectors: { encoded: string; decoded: string }[];
    };
    const [key, other, token] = vectors.vectors as [{ encoded: string; decoded: string }, { encoded: string; decoded: string }, { encoded: string }];
    const body = `<ListBucketResult><Prefix>${other.encoded}</Prefix><Delimiter>${other.encoded}</Delimiter><StartAfter>${other.encoded}</StartAfter><NextContinuationToken>${token.encoded}</NextContinuationToken><Contents><Key>${key.encoded}</Key></Contents><CommonPrefixes><Prefix>${other.encoded}</Prefix></CommonPrefixes><EncodingType>url</EncodingType><IsTruncated>true</IsTruncated></ListBucketResult>`;
    const transport = replayTransport({ status: 200, body });
    const out = await clientFor(transport).listObjectsV2({ Bucket: 'bucket-1' });
    expect(transport.requests[0]?.query).toMatchObject({ 'encoding-type': 'url', 'list-type': '2' });
    expect(out).toMatchObject({
      Prefix: other.decoded,
      Delimiter: other.decoded,
      StartAfter: other.decoded,
      NextContinuationToken: token.encoded,
      Contents: [{ Key: key.decoded }],
      CommonPrefixes: [{ Prefix: other.decoded }],
    });
    expect(out.EncodingType).toBeUndefined();
  });

  it('every operation of the table has a fixture row or is covered by the s3-mock suite', () => {
    const withRows = new Set(rows.map((r) => r.op));
    expect(withRows.size).toBeGreaterThanOrEqual(10);
  });
});
