import { defineOperation, struct, wrappedList } from '../interpreter/spec.js';
import { ownerShape } from './common.js';
import type { Owner } from './common.js';

/** Input of {@link ListBuckets}. */
export interface ListBucketsInput {
  /** Page size (1 to 10000); without it AWS returns all buckets at once. */
  MaxBuckets?: number;
  ContinuationToken?: string;
  Prefix?: string;
  BucketRegion?: string;
}

/** A bucket of the listing. */
export interface Bucket {
  Name?: string;
  CreationDate?: Date;
  BucketRegion?: string;
}

/** Output of {@link ListBuckets}. */
export interface ListBucketsOutput {
  Buckets?: Bucket[];
  Owner?: Owner;
  ContinuationToken?: string;
  Prefix?: string;
}

/**
 * ListBuckets: `GET /`, paginated by `ContinuationToken` when `MaxBuckets` is set.
 * @example
 * ```ts
 * const { Buckets } = await client.listBuckets();
 * for (const bucket of Buckets ?? []) console.log(bucket.Name, bucket.CreationDate);
 * ```
 */
export const ListBuckets = defineOperation<ListBucketsInput, ListBucketsOutput>({
  name: 'ListBuckets',
  method: 'GET',
  path: '/',
  input: {
    MaxBuckets: { in: 'query', name: 'max-buckets', type: 'integer', rule: 'nonNegativeInteger' },
    ContinuationToken: { in: 'query', name: 'continuation-token' },
    Prefix: { in: 'query', name: 'prefix' },
    BucketRegion: { in: 'query', name: 'bucket-region' },
  },
  outputRoot: 'ListAllMyBucketsResult',
  output: {
    Buckets: { in: 'xml', shape: wrappedList(struct({ Name: 'string', CreationDate: 'timestamp', BucketRegion: 'string' }), 'Bucket') },
    Owner: { in: 'xml', shape: ownerShape },
    ContinuationToken: { in: 'xml', shape: 'string' },
    Prefix: { in: 'xml', shape: 'string' },
  },
  paginator: { inputTokens: ['ContinuationToken'], outputTokens: ['ContinuationToken'], pageSize: 'MaxBuckets', items: 'Buckets' },
});
