import { defineOperation, flatList, struct } from '../interpreter/spec.js';
import { bucketLabel, expectedBucketOwner, ownerShape, requestCharged, requestPayer } from './common.js';
import type { BucketTarget, Owner, RequestPayer } from './common.js';

/** Input of {@link ListMultipartUploads}. */
export interface ListMultipartUploadsInput extends BucketTarget {
  Prefix?: string;
  Delimiter?: string;
  KeyMarker?: string;
  UploadIdMarker?: string;
  MaxUploads?: number;
  /** As for ListObjectsV2: when unset, s3kit asks for `url` and decodes. */
  EncodingType?: 'url';
  RequestPayer?: RequestPayer;
}

/** An upload in progress. */
export interface MultipartUpload {
  UploadId?: string;
  Key?: string;
  Initiated?: Date;
  StorageClass?: string;
  Owner?: Owner;
  Initiator?: Owner;
  ChecksumAlgorithm?: string;
  ChecksumType?: string;
}

/** Output of {@link ListMultipartUploads}. */
export interface ListMultipartUploadsOutput {
  Bucket?: string;
  KeyMarker?: string;
  UploadIdMarker?: string;
  NextKeyMarker?: string;
  NextUploadIdMarker?: string;
  Prefix?: string;
  Delimiter?: string;
  MaxUploads?: number;
  IsTruncated?: boolean;
  Uploads?: MultipartUpload[];
  CommonPrefixes?: { Prefix?: string }[];
  EncodingType?: string;
  RequestCharged?: string;
}

/**
 * ListMultipartUploads: `GET /{Bucket}?uploads`, paginated by `KeyMarker` + `UploadIdMarker`.
 * @example
 * ```ts
 * const { Uploads } = await client.listMultipartUploads({ Bucket: 'photos', Prefix: 'video' });
 * for (const upload of Uploads ?? []) console.log(upload.Key, upload.UploadId, upload.Initiated);
 * ```
 */
export const ListMultipartUploads = defineOperation<ListMultipartUploadsInput, ListMultipartUploadsOutput>({
  name: 'ListMultipartUploads',
  method: 'GET',
  path: '/{Bucket}',
  query: { uploads: '' },
  input: {
    Bucket: bucketLabel,
    Prefix: { in: 'query', name: 'prefix' },
    Delimiter: { in: 'query', name: 'delimiter' },
    KeyMarker: { in: 'query', name: 'key-marker' },
    UploadIdMarker: { in: 'query', name: 'upload-id-marker' },
    MaxUploads: { in: 'query', name: 'max-uploads', type: 'integer', rule: 'nonNegativeInteger' },
    EncodingType: { in: 'query', name: 'encoding-type' },
    ExpectedBucketOwner: expectedBucketOwner,
    RequestPayer: requestPayer,
  },
  outputRoot: 'ListMultipartUploadsResult',
  output: {
    Bucket: { in: 'xml', shape: 'string' },
    KeyMarker: { in: 'xml', shape: 'string' },
    UploadIdMarker: { in: 'xml', shape: 'string' },
    NextKeyMarker: { in: 'xml', shape: 'string' },
    NextUploadIdMarker: { in: 'xml', shape: 'string' },
    Prefix: { in: 'xml', shape: 'string' },
    Delimiter: { in: 'xml', shape: 'string' },
    MaxUploads: { in: 'xml', shape: 'integer' },
    IsTruncated: { in: 'xml', shape: 'boolean' },
    Uploads: {
      in: 'xml',
      name: 'Upload',
      shape: flatList(
        struct({
          UploadId: 'string',
          Key: 'string',
          Initiated: 'timestamp',
          StorageClass: 'string',
          Owner: ownerShape,
          Initiator: ownerShape,
          ChecksumAlgorithm: 'string',
          ChecksumType: 'string',
        }),
      ),
    },
    CommonPrefixes: { in: 'xml', shape: flatList(struct({ Prefix: 'string' })) },
    EncodingType: { in: 'xml', shape: 'string' },
    RequestCharged: requestCharged,
  },
  urlEncoding: { member: 'EncodingType', fields: ['Delimiter', 'KeyMarker', 'NextKeyMarker', 'Prefix', 'Uploads.Key', 'CommonPrefixes.Prefix'] },
  paginator: {
    inputTokens: ['KeyMarker', 'UploadIdMarker'],
    outputTokens: ['NextKeyMarker', 'NextUploadIdMarker'],
    truncated: 'IsTruncated',
    pageSize: 'MaxUploads',
    items: 'Uploads',
  },
});
