import { defineOperation, flatList, struct } from '../interpreter/spec.js';
import { bucketLabel, expectedBucketOwner, keyLabel, ownerShape, requestCharged, requestPayer, sseCustomerInput, uploadIdQuery } from './common.js';
import type { ChecksumValues, ObjectTarget, Owner, RequestPayer, SseCustomerInput } from './common.js';

/** Input of {@link ListParts}. */
export interface ListPartsInput extends ObjectTarget, SseCustomerInput {
  UploadId: string;
  MaxParts?: number;
  PartNumberMarker?: string;
  RequestPayer?: RequestPayer;
}

/** An uploaded part. */
export interface Part extends ChecksumValues {
  PartNumber?: number;
  LastModified?: Date;
  ETag?: string;
  Size?: number;
}

/** Output of {@link ListParts}. */
export interface ListPartsOutput {
  Bucket?: string;
  Key?: string;
  UploadId?: string;
  PartNumberMarker?: string;
  NextPartNumberMarker?: string;
  MaxParts?: number;
  IsTruncated?: boolean;
  Parts?: Part[];
  Initiator?: Owner;
  Owner?: Owner;
  StorageClass?: string;
  ChecksumAlgorithm?: string;
  ChecksumType?: string;
  AbortDate?: Date;
  AbortRuleId?: string;
  RequestCharged?: string;
}

/**
 * ListParts: `GET /{Bucket}/{Key+}?uploadId=ID`, paginated by `PartNumberMarker`.
 * @example
 * ```ts
 * const { Parts } = await client.listParts({ Bucket: 'photos', Key: 'video.mp4', UploadId });
 * for (const part of Parts ?? []) console.log(part.PartNumber, part.ETag, part.Size);
 * ```
 */
export const ListParts = defineOperation<ListPartsInput, ListPartsOutput>({
  name: 'ListParts',
  method: 'GET',
  path: '/{Bucket}/{Key+}',
  input: {
    Bucket: bucketLabel,
    Key: keyLabel,
    UploadId: uploadIdQuery,
    MaxParts: { in: 'query', name: 'max-parts', type: 'integer', rule: 'nonNegativeInteger' },
    PartNumberMarker: { in: 'query', name: 'part-number-marker' },
    ...sseCustomerInput,
    ExpectedBucketOwner: expectedBucketOwner,
    RequestPayer: requestPayer,
  },
  outputRoot: 'ListPartsResult',
  output: {
    Bucket: { in: 'xml', shape: 'string' },
    Key: { in: 'xml', shape: 'string' },
    UploadId: { in: 'xml', shape: 'string' },
    PartNumberMarker: { in: 'xml', shape: 'string' },
    NextPartNumberMarker: { in: 'xml', shape: 'string' },
    MaxParts: { in: 'xml', shape: 'integer' },
    IsTruncated: { in: 'xml', shape: 'boolean' },
    Parts: {
      in: 'xml',
      name: 'Part',
      shape: flatList(
        struct({
          PartNumber: 'integer',
          LastModified: 'timestamp',
          ETag: 'string',
          Size: 'integer',
          ChecksumCRC32: 'string',
          ChecksumCRC32C: 'string',
          ChecksumCRC64NVME: 'string',
          ChecksumSHA1: 'string',
          ChecksumSHA256: 'string',
        }),
      ),
    },
    Initiator: { in: 'xml', shape: ownerShape },
    Owner: { in: 'xml', shape: ownerShape },
    StorageClass: { in: 'xml', shape: 'string' },
    ChecksumAlgorithm: { in: 'xml', shape: 'string' },
    ChecksumType: { in: 'xml', shape: 'string' },
    AbortDate: { in: 'header', name: 'x-amz-abort-date', type: 'timestamp' },
    AbortRuleId: { in: 'header', name: 'x-amz-abort-rule-id' },
    RequestCharged: requestCharged,
  },
  paginator: {
    inputTokens: ['PartNumberMarker'],
    outputTokens: ['NextPartNumberMarker'],
    truncated: 'IsTruncated',
    pageSize: 'MaxParts',
    items: 'Parts',
  },
});
