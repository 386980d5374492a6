/**
 * Ready-made input bindings for your own operations (`defineOperation`): the members nearly every
 * S3 operation has, bound as AWS's model binds them.
 */
import type { InputBinding } from './spec.js';

/** `Bucket`: the `{Bucket}` label, which the endpoint places in the host or the path (bucket name rules checked). */
export const bucketLabel = { in: 'label', name: 'Bucket', required: true, rule: 'bucketName', endpoint: 'Bucket' } as const satisfies InputBinding;
/** `Key`: the greedy `{Key+}` label (1 to 1024 UTF-8 bytes checked). */
export const keyLabel = { in: 'label', name: 'Key', required: true, rule: 'objectKey' } as const satisfies InputBinding;
/** `VersionId`: the `versionId` query parameter. */
export const versionIdQuery = { in: 'query', name: 'versionId' } as const satisfies InputBinding;
/** `ExpectedBucketOwner`: the `x-amz-expected-bucket-owner` header. */
export const expectedBucketOwner = { in: 'header', name: 'x-amz-expected-bucket-owner' } as const satisfies InputBinding;
/** `RequestPayer`: the `x-amz-request-payer` header. */
export const requestPayer = { in: 'header', name: 'x-amz-request-payer' } as const satisfies InputBinding;

/** A header binding of `name` (lower case), typed as `type`. */
export function header(name: string, type?: Extract<InputBinding, { in: 'header' }>['type']): InputBinding {
  return type === undefined ? { in: 'header', name } : { in: 'header', name, type };
}

/** A query parameter binding of `name`, typed as `type`. */
export function query(name: string, type?: Extract<InputBinding, { in: 'query' }>['type']): InputBinding {
  return type === undefined ? { in: 'query', name } : { in: 'query', name, type };
}
