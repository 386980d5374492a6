import { defineOperation } from '../interpreter/spec.js';
import type { S3Body } from '../body/response-body.js';
import { bucketLabel, expectedBucketOwner, keyLabel, requestPayer, sseCustomerInput, versionIdQuery } from './common.js';
import type { ObjectTarget, RequestPayer, SseCustomerInput } from './common.js';
import { objectDescriptionOutput } from './object-headers.js';
import type { ObjectDescription } from './object-headers.js';

/** Input of {@link GetObject}. */
export interface GetObjectInput extends ObjectTarget, SseCustomerInput {
  /** Only if the ETag matches, else 412 `PreconditionFailed`. */
  IfMatch?: string;
  /** Only if modified since, else 304 `NotModified`. */
  IfModifiedSince?: Date;
  /** Only if the ETag differs, else 304 `NotModified`. */
  IfNoneMatch?: string;
  /** Only if not modified since, else 412. */
  IfUnmodifiedSince?: Date;
  /** Byte range, `bytes=0-99` or `bytes=-100`. */
  Range?: string;
  /** Read one part of a multipart object (1 to 10000). */
  PartNumber?: number;
  VersionId?: string;
  ResponseCacheControl?: string;
  ResponseContentDisposition?: string;
  ResponseContentEncoding?: string;
  ResponseContentLanguage?: string;
  ResponseContentType?: string;
  ResponseExpires?: Date;
  /** `ENABLED`: ask for the stored checksum and validate the body against a full-object checksum. */
  ChecksumMode?: 'ENABLED';
  RequestPayer?: RequestPayer;
}

/** Output of {@link GetObject}. */
export interface GetObjectOutput extends ObjectDescription {
  /** The object data. Read it (`text()`, `bytes()`, a stream...) or call `dump()`: an unread body holds a connection. */
  Body: S3Body;
}

/** Request members shared by GetObject and HeadObject. */
export const readObjectInput = {
  Bucket: bucketLabel,
  Key: keyLabel,
  IfMatch: { in: 'header', name: 'if-match' },
  IfModifiedSince: { in: 'header', name: 'if-modified-since', type: 'timestamp' },
  IfNoneMatch: { in: 'header', name: 'if-none-match' },
  IfUnmodifiedSince: { in: 'header', name: 'if-unmodified-since', type: 'timestamp' },
  Range: { in: 'header', name: 'range' },
  PartNumber: { in: 'query', name: 'partNumber', type: 'integer', rule: 'partNumber' },
  VersionId: versionIdQuery,
  ResponseCacheControl: { in: 'query', name: 'response-cache-control' },
  ResponseContentDisposition: { in: 'query', name: 'response-content-disposition' },
  ResponseContentEncoding: { in: 'query', name: 'response-content-encoding' },
  ResponseContentLanguage: { in: 'query', name: 'response-content-language' },
  ResponseContentType: { in: 'query', name: 'response-content-type' },
  ResponseExpires: { in: 'query', name: 'response-expires', type: 'timestamp' },
  ChecksumMode: { in: 'header', name: 'x-amz-checksum-mode' },
  ...sseCustomerInput,
  ExpectedBucketOwner: expectedBucketOwner,
  RequestPayer: requestPayer,
} as const;

/**
 * GetObject: `GET /{Bucket}/{Key+}`, the body streamed.
 * @example
 * ```ts
 * const { Body, ContentType, ContentLength } = await client.getObject({ Bucket: 'photos', Key: 'a.txt' });
 * const text = await Body.text(); // or Body.bytes(), Body.pipeTo(path), for await (const chunk of Body); else Body.dump()
 * ```
 */
export const GetObject = defineOperation<GetObjectInput, GetObjectOutput>({
  name: 'GetObject',
  method: 'GET',
  path: '/{Bucket}/{Key+}',
  checksum: { responseModeMember: 'ChecksumMode' },
  input: readObjectInput,
  output: { ...objectDescriptionOutput, Body: { in: 'body' } },
});
