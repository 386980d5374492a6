// Generated from the operation specs by client-methods.test.ts (S3KIT_UPDATE_DOCS=1 rewrites it). Do not edit.
import type { InputOf, OutputOf } from '../interpreter/spec.js';
import type { PutObject } from '../operations/put-object.js';
import type { GetObject } from '../operations/get-object.js';
import type { HeadObject } from '../operations/head-object.js';
import type { DeleteObject } from '../operations/delete-object.js';
import type { DeleteObjects } from '../operations/delete-objects.js';
import type { CopyObject } from '../operations/copy-object.js';
import type { ListObjectsV2 } from '../operations/list-objects-v2.js';
import type { CreateBucket } from '../operations/create-bucket.js';
import type { DeleteBucket } from '../operations/delete-bucket.js';
import type { HeadBucket } from '../operations/head-bucket.js';
import type { ListBuckets } from '../operations/list-buckets.js';
import type { CreateMultipartUpload } from '../operations/create-multipart-upload.js';
import type { UploadPart } from '../operations/upload-part.js';
import type { UploadPartCopy } from '../operations/upload-part-copy.js';
import type { CompleteMultipartUpload } from '../operations/complete-multipart-upload.js';
import type { AbortMultipartUpload } from '../operations/abort-multipart-upload.js';
import type { ListMultipartUploads } from '../operations/list-multipart-uploads.js';
import type { ListParts } from '../operations/list-parts.js';
import type { GetObjectTagging, PutObjectTagging, DeleteObjectTagging, GetBucketTagging, PutBucketTagging, DeleteBucketTagging } from '../operations/tagging.js';
import type { SendOptions } from './client-options.js';

/** Arguments of a convenience method: the input is optional when every member is. */
export type MethodArgs<I> = object extends I ? [input?: I, options?: SendOptions] : [input: I, options?: SendOptions];

/**
 * The typed convenience methods of `S3Client`, one per operation (`client.getObject(input)` is
 * `client.send(GetObject, input)`). Each takes the operation input and optional `SendOptions`
 * (`signal`, `timeoutMs`) and throws as `S3Client.send` does.
 */
export interface S3ClientMethods {
  /**
   * PutObject: `PUT /{Bucket}/{Key+}` with the object as body.
   * @example
   * ```ts
   * const { ETag } = await client.putObject({ Bucket: 'photos', Key: 'notes/a.txt', Body: 'hello', ContentType: 'text/plain' });
   * // A stream needs its length (for streams of unknown length, use upload() from s3-transfer).
   * await client.putObject({ Bucket: 'photos', Key: 'b.bin', Body: Readable.from([bytes]), ContentLength: bytes.byteLength });
   * ```
   */
  putObject(...args: MethodArgs<InputOf<typeof PutObject>>): Promise<OutputOf<typeof PutObject>>;
  /**
   * GetObject: `GET /{Bucket}/{Key+}`, the body streamed.
   * @example
   * ```ts
   * const { Body, ContentType, ContentLength } = await client.getObject({ Bucket: 'photos', Key: 'a.txt' });
   * const text = await Body.text(); // or Body.bytes(), Body.pipeTo(path), for await (const chunk of Body); else Body.dump()
   * ```
   */
  getObject(...args: MethodArgs<InputOf<typeof GetObject>>): Promise<OutputOf<typeof GetObject>>;
  /**
   * HeadObject: `HEAD /{Bucket}/{Key+}`. A missing key is `NotFound` (404), HEAD has no error body.
   * @example
   * ```ts
   * try {
   *   const { ContentLength, ETag, LastModified } = await client.headObject({ Bucket: 'photos', Key: 'a.txt' });
   * } catch (err) {
   *   if (!isNotFoundError(err)) throw err; // a missing key is NotFound (404)
   * }
   * ```
   */
  headObject(...args: MethodArgs<InputOf<typeof HeadObject>>): Promise<OutputOf<typeof HeadObject>>;
  /**
   * DeleteObject: `DELETE /{Bucket}/{Key+}` (204 also when the key did not exist).
   * @example
   * ```ts
   * await client.deleteObject({ Bucket: 'photos', Key: 'a.txt' });
   * ```
   */
  deleteObject(...args: MethodArgs<InputOf<typeof DeleteObject>>): Promise<OutputOf<typeof DeleteObject>>;
  /**
   * DeleteObjects: `POST /{Bucket}?delete` with a `<Delete>` document (Content-MD5 always sent).
   * @example
   * ```ts
   * const { Deleted, Errors } = await client.deleteObjects({
   *   Bucket: 'photos',
   *   Delete: { Objects: [{ Key: 'a.txt' }, { Key: 'b.txt' }], Quiet: false },
   * });
   * ```
   */
  deleteObjects(...args: MethodArgs<InputOf<typeof DeleteObjects>>): Promise<OutputOf<typeof DeleteObjects>>;
  /**
   * CopyObject: `PUT /{Bucket}/{Key+}` with `x-amz-copy-source`; S3 may answer 200 with an `<Error>`.
   * @example
   * ```ts
   * const { CopyObjectResult } = await client.copyObject({ Bucket: 'photos', Key: 'copy-of-a.txt', CopySource: 'photos/a.txt' });
   * // Replace the metadata instead of copying it:
   * await client.copyObject({ Bucket: 'photos', Key: 'a.txt', CopySource: 'photos/a.txt', MetadataDirective: 'REPLACE', ContentType: 'text/markdown' });
   * ```
   */
  copyObject(...args: MethodArgs<InputOf<typeof CopyObject>>): Promise<OutputOf<typeof CopyObject>>;
  /**
   * ListObjectsV2: `GET /{Bucket}?list-type=2`, paginated by `ContinuationToken`.
   * @example
   * ```ts
   * const { Contents, CommonPrefixes, IsTruncated } = await client.listObjectsV2({ Bucket: 'photos', Prefix: 'notes/', Delimiter: '/' });
   * // Every page: paginateListObjectsV2(client, { Bucket: 'photos' }).
   * ```
   */
  listObjectsV2(...args: MethodArgs<InputOf<typeof ListObjectsV2>>): Promise<OutputOf<typeof ListObjectsV2>>;
  /**
   * CreateBucket: `PUT /{Bucket}` with an optional `<CreateBucketConfiguration>`.
   * @example
   * ```ts
   * await client.createBucket({ Bucket: 'photos-us' }); // in us-east-1
   * // Elsewhere, name the region (S3 answers IllegalLocationConstraintException otherwise):
   * await client.createBucket({ Bucket: 'photos-eu', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } });
   * ```
   */
  createBucket(...args: MethodArgs<InputOf<typeof CreateBucket>>): Promise<OutputOf<typeof CreateBucket>>;
  /**
   * DeleteBucket: `DELETE /{Bucket}` (the bucket must be empty).
   * @example
   * ```ts
   * await client.deleteBucket({ Bucket: 'photos-old' }); // BucketNotEmpty (409) unless empty
   * ```
   */
  deleteBucket(...args: MethodArgs<InputOf<typeof DeleteBucket>>): Promise<OutputOf<typeof DeleteBucket>>;
  /**
   * HeadBucket: `HEAD /{Bucket}`; `NotFound` (404) or `Forbidden` (403) without a body.
   * @example
   * ```ts
   * const { BucketRegion } = await client.headBucket({ Bucket: 'photos' });
   * ```
   */
  headBucket(...args: MethodArgs<InputOf<typeof HeadBucket>>): Promise<OutputOf<typeof HeadBucket>>;
  /**
   * ListBuckets: `GET /`, paginated by `ContinuationToken` when `MaxBuckets` is set.
   * @example
   * ```ts
   * const { Buckets } = await client.listBuckets();
   * for (const bucket of Buckets ?? []) console.log(bucket.Name, bucket.CreationDate);
   * ```
   */
  listBuckets(...args: MethodArgs<InputOf<typeof ListBuckets>>): Promise<OutputOf<typeof ListBuckets>>;
  /**
   * CreateMultipartUpload: `POST /{Bucket}/{Key+}?uploads`.
   * @example
   * ```ts
   * // The whole multipart flow (each part but the last at least 5 MiB; upload() from s3-transfer does it for you):
   * const { UploadId } = await client.createMultipartUpload({ Bucket: 'photos', Key: 'video.mp4', ContentType: 'video/mp4' });
   * try {
   *   const parts = [];
   *   for (const [i, chunk] of chunks.entries()) {
   *     const { ETag } = await client.uploadPart({ Bucket: 'photos', Key: 'video.mp4', UploadId, PartNumber: i + 1, Body: chunk });
   *     parts.push({ PartNumber: i + 1, ETag });
   *   }
   *   await client.completeMultipartUpload({ Bucket: 'photos', Key: 'video.mp4', UploadId, MultipartUpload: { Parts: parts } });
   * } catch (err) {
   *   await client.abortMultipartUpload({ Bucket: 'photos', Key: 'video.mp4', UploadId });
   *   throw err;
   * }
   * ```
   */
  createMultipartUpload(...args: MethodArgs<InputOf<typeof CreateMultipartUpload>>): Promise<OutputOf<typeof CreateMultipartUpload>>;
  /**
   * UploadPart: `PUT /{Bucket}/{Key+}?partNumber=N&uploadId=ID`.
   * @example
   * ```ts
   * // Within the flow shown on CreateMultipartUpload:
   * const { ETag } = await client.uploadPart({ Bucket: 'photos', Key: 'video.mp4', UploadId, PartNumber: 1, Body: chunk });
   * ```
   */
  uploadPart(...args: MethodArgs<InputOf<typeof UploadPart>>): Promise<OutputOf<typeof UploadPart>>;
  /**
   * UploadPartCopy: `PUT /{Bucket}/{Key+}?partNumber&uploadId` with `x-amz-copy-source`; may answer 200 with `<Error>`.
   * @example
   * ```ts
   * // Within the flow shown on CreateMultipartUpload: part 2 is a byte range of an existing object.
   * const { CopyPartResult } = await client.uploadPartCopy({
   *   Bucket: 'photos',
   *   Key: 'video.mp4',
   *   UploadId,
   *   PartNumber: 2,
   *   CopySource: 'photos/a.txt',
   *   CopySourceRange: 'bytes=0-1',
   * });
   * ```
   */
  uploadPartCopy(...args: MethodArgs<InputOf<typeof UploadPartCopy>>): Promise<OutputOf<typeof UploadPartCopy>>;
  /**
   * CompleteMultipartUpload: `POST /{Bucket}/{Key+}?uploadId=ID`; may answer 200 with `<Error>`.
   * @example
   * ```ts
   * // Ends the flow shown on CreateMultipartUpload (parts in ascending PartNumber order):
   * const { Location, ETag: objectETag } = await client.completeMultipartUpload({
   *   Bucket: 'photos',
   *   Key: 'video.mp4',
   *   UploadId,
   *   MultipartUpload: { Parts: [{ PartNumber: 1, ETag }] },
   * });
   * ```
   */
  completeMultipartUpload(...args: MethodArgs<InputOf<typeof CompleteMultipartUpload>>): Promise<OutputOf<typeof CompleteMultipartUpload>>;
  /**
   * AbortMultipartUpload: `DELETE /{Bucket}/{Key+}?uploadId=ID`.
   * @example
   * ```ts
   * // Ends the flow shown on CreateMultipartUpload when it fails: frees the parts uploaded so far.
   * await client.abortMultipartUpload({ Bucket: 'photos', Key: 'video.mp4', UploadId });
   * ```
   */
  abortMultipartUpload(...args: MethodArgs<InputOf<typeof AbortMultipartUpload>>): Promise<OutputOf<typeof AbortMultipartUpload>>;
  /**
   * ListMultipartUploads: `GET /{Bucket}?uploads`, paginated by `KeyMarker` + `UploadIdMarker`.
   * @example
   * ```ts
   * const { Uploads } = await client.listMultipartUploads({ Bucket: 'photos', Prefix: 'video' });
   * for (const upload of Uploads ?? []) console.log(upload.Key, upload.UploadId, upload.Initiated);
   * ```
   */
  listMultipartUploads(...args: MethodArgs<InputOf<typeof ListMultipartUploads>>): Promise<OutputOf<typeof ListMultipartUploads>>;
  /**
   * ListParts: `GET /{Bucket}/{Key+}?uploadId=ID`, paginated by `PartNumberMarker`.
   * @example
   * ```ts
   * const { Parts } = await client.listParts({ Bucket: 'photos', Key: 'video.mp4', UploadId });
   * for (const part of Parts ?? []) console.log(part.PartNumber, part.ETag, part.Size);
   * ```
   */
  listParts(...args: MethodArgs<InputOf<typeof ListParts>>): Promise<OutputOf<typeof ListParts>>;
  /**
   * GetObjectTagging: `GET /{Bucket}/{Key+}?tagging`.
   * @example
   * ```ts
   * const { TagSet } = await client.getObjectTagging({ Bucket: 'photos', Key: 'a.txt' });
   * ```
   */
  getObjectTagging(...args: MethodArgs<InputOf<typeof GetObjectTagging>>): Promise<OutputOf<typeof GetObjectTagging>>;
  /**
   * PutObjectTagging: `PUT /{Bucket}/{Key+}?tagging` (replaces the whole tag set; Content-MD5 sent).
   * @example
   * ```ts
   * await client.putObjectTagging({ Bucket: 'photos', Key: 'a.txt', Tagging: { TagSet: [{ Key: 'project', Value: 'blue' }] } });
   * ```
   */
  putObjectTagging(...args: MethodArgs<InputOf<typeof PutObjectTagging>>): Promise<OutputOf<typeof PutObjectTagging>>;
  /**
   * DeleteObjectTagging: `DELETE /{Bucket}/{Key+}?tagging`.
   * @example
   * ```ts
   * await client.deleteObjectTagging({ Bucket: 'photos', Key: 'a.txt' });
   * ```
   */
  deleteObjectTagging(...args: MethodArgs<InputOf<typeof DeleteObjectTagging>>): Promise<OutputOf<typeof DeleteObjectTagging>>;
  /**
   * GetBucketTagging: `GET /{Bucket}?tagging`.
   * @example
   * ```ts
   * const { TagSet } = await client.getBucketTagging({ Bucket: 'photos' }); // NoSuchTagSet (404) when none
   * ```
   */
  getBucketTagging(...args: MethodArgs<InputOf<typeof GetBucketTagging>>): Promise<OutputOf<typeof GetBucketTagging>>;
  /**
   * PutBucketTagging: `PUT /{Bucket}?tagging` (Content-MD5 sent).
   * @example
   * ```ts
   * await client.putBucketTagging({ Bucket: 'photos', Tagging: { TagSet: [{ Key: 'team', Value: 'media' }] } });
   * ```
   */
  putBucketTagging(...args: MethodArgs<InputOf<typeof PutBucketTagging>>): Promise<OutputOf<typeof PutBucketTagging>>;
  /**
   * DeleteBucketTagging: `DELETE /{Bucket}?tagging`.
   * @example
   * ```ts
   * await client.deleteBucketTagging({ Bucket: 'photos' });
   * ```
   */
  deleteBucketTagging(...args: MethodArgs<InputOf<typeof DeleteBucketTagging>>): Promise<OutputOf<typeof DeleteBucketTagging>>;
}
