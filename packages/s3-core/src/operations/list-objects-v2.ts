import { defineOperation, flatList, struct } from '../interpreter/spec.js';
import { bucketLabel, expectedBucketOwner, ownerShape, requestCharged, requestPayer } from './common.js';
import type { BucketTarget, Owner, RequestPayer } from './common.js';

/** Input of {@link ListObjectsV2}. */
export interface ListObjectsV2Input extends BucketTarget {
  Prefix?: string;
  Delimiter?: string;
  /** Page size, at most 1000 on AWS. */
  MaxKeys?: number;
  ContinuationToken?: string;
  StartAfter?: string;
  FetchOwner?: boolean;
  /**
   * `url`: the server URL-encodes keys and you get them encoded. When unset, s3kit asks for `url`
   * itself (so keys with characters XML 1.0 cannot carry survive) and decodes the answer.
   */
  EncodingType?: 'url';
  RequestPayer?: RequestPayer;
  OptionalObjectAttributes?: string;
}

/** One object of a listing. */
export interface S3Object {
  Key?: string;
  LastModified?: Date;
  ETag?: string;
  ChecksumAlgorithm?: string[];
  ChecksumType?: string;
  Size?: number;
  StorageClass?: string;
  Owner?: Owner;
}

/** A "directory" under the delimiter. */
export interface CommonPrefix {
  Prefix?: string;
}

/** Output of {@link ListObjectsV2}. */
export interface ListObjectsV2Output {
  IsTruncated?: boolean;
  Contents?: S3Object[];
  Name?: string;
  Prefix?: string;
  Delimiter?: string;
  MaxKeys?: number;
  CommonPrefixes?: CommonPrefix[];
  EncodingType?: string;
  KeyCount?: number;
  ContinuationToken?: string;
  NextContinuationToken?: string;
  StartAfter?: string;
  RequestCharged?: string;
}

export const objectShape = struct({
  Key: 'string',
  LastModified: 'timestamp',
  ETag: 'string',
  ChecksumAlgorithm: flatList('string'),
  ChecksumType: 'string',
  Size: 'integer',
  StorageClass: 'string',
  Owner: ownerShape,
});

/**
 * ListObjectsV2: `GET /{Bucket}?list-type=2`, paginated by `ContinuationToken`.
 * @example
 * ```ts
 * const { Contents, CommonPrefixes, IsTruncated } = await client.listObjectsV2({ Bucket: 'photos', Prefix: 'notes/', Delimiter: '/' });
 * // Every page: paginateListObjectsV2(client, { Bucket: 'photos' }).
 * ```
 */
export const ListObjectsV2 = defineOperation<ListObjectsV2Input, ListObjectsV2Output>({
  name: 'ListObjectsV2',
  method: 'GET',
  path: '/{Bucket}',
  query: { 'list-type': '2' },
  input: {
    Bucket: bucketLabel,
    Prefix: { in: 'query', name: 'prefix' },
    Delimiter: { in: 'query', name: 'delimiter' },
    MaxKeys: { in: 'query', name: 'max-keys', type: 'integer', rule: 'nonNegativeInteger' },
    ContinuationToken: { in: 'query', name: 'continuation-token' },
    StartAfter: { in: 'query', name: 'start-after' },
    FetchOwner: { in: 'query', name: 'fetch-owner', type: 'boolean' },
    EncodingType: { in: 'query', name: 'encoding-type' },
    OptionalObjectAttributes: { in: 'header', name: 'x-amz-optional-object-attributes' },
    ExpectedBucketOwner: expectedBucketOwner,
    RequestPayer: requestPayer,
  },
  outputRoot: 'ListBucketResult',
  output: {
    IsTruncated: { in: 'xml', shape: 'boolean' },
    Contents: { in: 'xml', shape: flatList(objectShape) },
    Name: { in: 'xml', shape: 'string' },
    Prefix: { in: 'xml', shape: 'string' },
    Delimiter: { in: 'xml', shape: 'string' },
    MaxKeys: { in: 'xml', shape: 'integer' },
    CommonPrefixes: { in: 'xml', shape: flatList(struct({ Prefix: 'string' })) },
    EncodingType: { in: 'xml', shape: 'string' },
    KeyCount: { in: 'xml', shape: 'integer' },
    ContinuationToken: { in: 'xml', shape: 'string' },
    NextContinuationToken: { in: 'xml', shape: 'string' },
    StartAfter: { in: 'xml', shape: 'string' },
    RequestCharged: requestCharged,
  },
  urlEncoding: { member: 'EncodingType', fields: ['Contents.Key', 'Delimiter', 'Prefix', 'StartAfter', 'CommonPrefixes.Prefix'] },
  paginator: {
    inputTokens: ['ContinuationToken'],
    outputTokens: ['NextContinuationToken'],
    truncated: 'IsTruncated',
    pageSize: 'MaxKeys',
    items: 'Contents',
  },
});
