/** ListObjects (v1), ListObjectsV2 and ListMultipartUploads, with `encoding-type=url`. */
import type { ObjectSummary } from '../engine/list-ops.js';
import { compact, intParam } from './http-headers.js';
import { xmlReply } from './operation-context.js';
import type { OperationContext, OperationHandler } from './operation-context.js';
import { S3ProtocolError } from './protocol-error.js';
import type { S3Operation } from './route.js';
import { commonPrefixesXml, keyEncoding, ownerXml } from './listing-xml.js';
import { el, group, xmlDocument } from './xml-writer.js';

function contents(o: ObjectSummary, enc: (v: string) => string | undefined): string {
  return group(
    'Contents',
    el('Key', enc(o.Key)),
    el('LastModified', o.LastModified),
    el('ETag', o.ETag),
    ...(o.ChecksumAlgorithm ?? []).map((a) => el('ChecksumAlgorithm', a)),
    el('ChecksumType', o.ChecksumType),
    el('Size', o.Size),
    ownerXml('Owner', o.Owner),
    el('StorageClass', o.StorageClass),
  );
}

function listObjectsV2(ctx: OperationContext) {
  const enc = keyEncoding(ctx);
  if (ctx.query('list-type') !== '2') throw S3ProtocolError.of('InvalidArgument', { ArgumentName: 'list-type' }, 'Invalid list type');
  const out = ctx.engine.listObjectsV2(
    compact({
      Bucket: ctx.bucket,
      Prefix: ctx.query('prefix'),
      Delimiter: ctx.query('delimiter'),
      MaxKeys: intParam(ctx.query('max-keys'), 'max-keys'),
      StartAfter: ctx.query('start-after'),
      ContinuationToken: ctx.query('continuation-token'),
      FetchOwner: ctx.query('fetch-owner') === 'true' ? true : undefined,
    }), ctx.requester
  );
  return xmlReply(
    xmlDocument('ListBucketResult', [
      el('Name', out.Name),
      el('Prefix', enc(out.Prefix)),
      el('ContinuationToken', out.ContinuationToken),
      el('NextContinuationToken', out.NextContinuationToken),
      el('StartAfter', enc(out.StartAfter)),
      el('KeyCount', out.KeyCount),
      el('MaxKeys', out.MaxKeys),
      el('Delimiter', enc(out.Delimiter)),
      el('EncodingType', ctx.query('encoding-type')),
      el('IsTruncated', out.IsTruncated),
      ...out.Contents.map((o) => contents(o, enc)),
      ...commonPrefixesXml(out.CommonPrefixes, enc),
    ]),
  );
}

function listObjects(ctx: OperationContext) {
  const enc = keyEncoding(ctx);
  const out = ctx.engine.listObjects(
    compact({
      Bucket: ctx.bucket,
      Prefix: ctx.query('prefix'),
      Delimiter: ctx.query('delimiter'),
      MaxKeys: intParam(ctx.query('max-keys'), 'max-keys'),
      Marker: ctx.query('marker'),
    }), ctx.requester
  );
  return xmlReply(
    xmlDocument('ListBucketResult', [
      el('Name', out.Name),
      // ListObjects (v1) leaves the Prefix element unencoded (botocore decodes it only in v2).
      el('Prefix', out.Prefix),
      el('Marker', enc(out.Marker)),
      el('NextMarker', enc(out.NextMarker)),
      el('MaxKeys', out.MaxKeys),
      el('Delimiter', enc(out.Delimiter)),
      el('EncodingType', ctx.query('encoding-type')),
      el('IsTruncated', out.IsTruncated),
      ...out.Contents.map((o) => contents(o, enc)),
      ...commonPrefixesXml(out.CommonPrefixes, enc),
    ]),
  );
}

function listMultipartUploads(ctx: OperationContext) {
  const enc = keyEncoding(ctx);
  const out = ctx.engine.listMultipartUploads(
    compact({
      Bucket: ctx.bucket,
      Prefix: ctx.query('prefix'),
      Delimiter: ctx.query('delimiter'),
      KeyMarker: ctx.query('key-marker'),
      UploadIdMarker: ctx.query('upload-id-marker'),
      MaxUploads: intParam(ctx.query('max-uploads'), 'max-uploads'),
    }), ctx.requester
  );
  return xmlReply(
    xmlDocument('ListMultipartUploadsResult', [
      el('Bucket', out.Bucket),
      el('KeyMarker', enc(out.KeyMarker)),
      el('UploadIdMarker', out.UploadIdMarker),
      el('NextKeyMarker', enc(out.NextKeyMarker)),
      el('NextUploadIdMarker', out.NextUploadIdMarker),
      el('Delimiter', enc(out.Delimiter)),
      el('Prefix', enc(out.Prefix)),
      el('MaxUploads', out.MaxUploads),
      el('EncodingType', ctx.query('encoding-type')),
      el('IsTruncated', out.IsTruncated),
      ...out.Uploads.map((u) =>
        group(
          'Upload',
          el('Key', enc(u.Key)),
          el('UploadId', u.UploadId),
          ownerXml('Initiator', u.Initiator),
          ownerXml('Owner', u.Owner),
          el('StorageClass', u.StorageClass),
          el('Initiated', u.Initiated),
          el('ChecksumAlgorithm', u.ChecksumAlgorithm),
          el('ChecksumType', u.ChecksumType),
        ),
      ),
      ...commonPrefixesXml(out.CommonPrefixes, enc),
    ]),
  );
}

/** Listing handlers. */
export const LIST_HANDLERS: Partial<Record<S3Operation, OperationHandler>> = {
  ListObjectsV2: listObjectsV2,
  ListObjects: listObjects,
  ListMultipartUploads: listMultipartUploads,
};
