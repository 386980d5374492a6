/** Object and bucket tagging: six operations sharing the `<Tagging><TagSet><Tag>` document. */
import { defineOperation, struct, wrappedList } from '../interpreter/spec.js';
import { bucketLabel, expectedBucketOwner, keyLabel, requestPayer, tagShape, versionIdQuery } from './common.js';
import type { BucketTarget, ChecksumAlgorithmName, ObjectTarget, RequestPayer, Tag } from './common.js';

/** A tag set document. */
export interface Tagging {
  TagSet: Tag[];
}

const taggingShape = struct({ TagSet: wrappedList(tagShape, 'Tag') });
const tagSetOutput = { TagSet: { in: 'xml', shape: wrappedList(tagShape, 'Tag') } } as const;

/** Input of {@link GetObjectTagging}. */
export interface GetObjectTaggingInput extends ObjectTarget {
  VersionId?: string;
  RequestPayer?: RequestPayer;
}
/** Output of {@link GetObjectTagging}. */
export interface GetObjectTaggingOutput {
  TagSet?: Tag[];
  VersionId?: string;
}

/**
 * GetObjectTagging: `GET /{Bucket}/{Key+}?tagging`.
 * @example
 * ```ts
 * const { TagSet } = await client.getObjectTagging({ Bucket: 'photos', Key: 'a.txt' });
 * ```
 */
export const GetObjectTagging = defineOperation<GetObjectTaggingInput, GetObjectTaggingOutput>({
  name: 'GetObjectTagging',
  method: 'GET',
  path: '/{Bucket}/{Key+}',
  query: { tagging: '' },
  input: { Bucket: bucketLabel, Key: keyLabel, VersionId: versionIdQuery, ExpectedBucketOwner: expectedBucketOwner, RequestPayer: requestPayer },
  outputRoot: 'Tagging',
  output: { ...tagSetOutput, VersionId: { in: 'header', name: 'x-amz-version-id' } },
});

/** Input of {@link PutObjectTagging}. */
export interface PutObjectTaggingInput extends ObjectTarget {
  /** At most 10 tags; keys up to 128 characters, values up to 256. */
  Tagging: Tagging;
  VersionId?: string;
  ChecksumAlgorithm?: ChecksumAlgorithmName;
  RequestPayer?: RequestPayer;
}
/** Output of {@link PutObjectTagging}. */
export interface PutObjectTaggingOutput {
  VersionId?: string;
}

/**
 * PutObjectTagging: `PUT /{Bucket}/{Key+}?tagging` (replaces the whole tag set; Content-MD5 sent).
 * @example
 * ```ts
 * await client.putObjectTagging({ Bucket: 'photos', Key: 'a.txt', Tagging: { TagSet: [{ Key: 'project', Value: 'blue' }] } });
 * ```
 */
export const PutObjectTagging = defineOperation<PutObjectTaggingInput, PutObjectTaggingOutput>({
  name: 'PutObjectTagging',
  method: 'PUT',
  path: '/{Bucket}/{Key+}',
  query: { tagging: '' },
  checksum: { required: true, requestAlgorithmMember: 'ChecksumAlgorithm' },
  input: {
    Bucket: bucketLabel,
    Key: keyLabel,
    Tagging: { in: 'xml', root: 'Tagging', shape: taggingShape, rule: 'objectTagSet', required: true },
    VersionId: versionIdQuery,
    ChecksumAlgorithm: { in: 'header', name: 'x-amz-sdk-checksum-algorithm' },
    ExpectedBucketOwner: expectedBucketOwner,
    RequestPayer: requestPayer,
  },
  output: { VersionId: { in: 'header', name: 'x-amz-version-id' } },
});

/** Input of {@link DeleteObjectTagging}. */
export interface DeleteObjectTaggingInput extends ObjectTarget {
  VersionId?: string;
}
/** Output of {@link DeleteObjectTagging}. */
export interface DeleteObjectTaggingOutput {
  VersionId?: string;
}

/**
 * DeleteObjectTagging: `DELETE /{Bucket}/{Key+}?tagging`.
 * @example
 * ```ts
 * await client.deleteObjectTagging({ Bucket: 'photos', Key: 'a.txt' });
 * ```
 */
export const DeleteObjectTagging = defineOperation<DeleteObjectTaggingInput, DeleteObjectTaggingOutput>({
  name: 'DeleteObjectTagging',
  method: 'DELETE',
  path: '/{Bucket}/{Key+}',
  query: { tagging: '' },
  input: { Bucket: bucketLabel, Key: keyLabel, VersionId: versionIdQuery, ExpectedBucketOwner: expectedBucketOwner },
  output: { VersionId: { in: 'header', name: 'x-amz-version-id' } },
});

/** Input of {@link GetBucketTagging}. */
export type GetBucketTaggingInput = BucketTarget;
/** Output of {@link GetBucketTagging}. A bucket without tags fails with `NoSuchTagSet` (404). */
export interface GetBucketTaggingOutput {
  TagSet?: Tag[];
}

/**
 * GetBucketTagging: `GET /{Bucket}?tagging`.
 * @example
 * ```ts
 * const { TagSet } = await client.getBucketTagging({ Bucket: 'photos' }); // NoSuchTagSet (404) when none
 * ```
 */
export const GetBucketTagging = defineOperation<GetBucketTaggingInput, GetBucketTaggingOutput>({
  name: 'GetBucketTagging',
  method: 'GET',
  path: '/{Bucket}',
  query: { tagging: '' },
  input: { Bucket: bucketLabel, ExpectedBucketOwner: expectedBucketOwner },
  outputRoot: 'Tagging',
  output: tagSetOutput,
});

/** Input of {@link PutBucketTagging}. */
export interface PutBucketTaggingInput extends BucketTarget {
  /** At most 50 tags. */
  Tagging: Tagging;
  ChecksumAlgorithm?: ChecksumAlgorithmName;
}
/** Output of {@link PutBucketTagging}. */
export type PutBucketTaggingOutput = object;

/**
 * PutBucketTagging: `PUT /{Bucket}?tagging` (Content-MD5 sent).
 * @example
 * ```ts
 * await client.putBucketTagging({ Bucket: 'photos', Tagging: { TagSet: [{ Key: 'team', Value: 'media' }] } });
 * ```
 */
export const PutBucketTagging = defineOperation<PutBucketTaggingInput, PutBucketTaggingOutput>({
  name: 'PutBucketTagging',
  method: 'PUT',
  path: '/{Bucket}',
  query: { tagging: '' },
  checksum: { required: true, requestAlgorithmMember: 'ChecksumAlgorithm' },
  input: {
    Bucket: bucketLabel,
    Tagging: { in: 'xml', root: 'Tagging', shape: taggingShape, rule: 'bucketTagSet', required: true },
    ChecksumAlgorithm: { in: 'header', name: 'x-amz-sdk-checksum-algorithm' },
    ExpectedBucketOwner: expectedBucketOwner,
  },
  output: {},
});

/** Input of {@link DeleteBucketTagging}. */
export type DeleteBucketTaggingInput = BucketTarget;
/** Output of {@link DeleteBucketTagging}. */
export type DeleteBucketTaggingOutput = object;

/**
 * DeleteBucketTagging: `DELETE /{Bucket}?tagging`.
 * @example
 * ```ts
 * await client.deleteBucketTagging({ Bucket: 'photos' });
 * ```
 */
export const DeleteBucketTagging = defineOperation<DeleteBucketTaggingInput, DeleteBucketTaggingOutput>({
  name: 'DeleteBucketTagging',
  method: 'DELETE',
  path: '/{Bucket}',
  query: { tagging: '' },
  input: { Bucket: bucketLabel, ExpectedBucketOwner: expectedBucketOwner },
  output: {},
});
