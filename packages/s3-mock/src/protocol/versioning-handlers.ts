/** Bucket versioning: Put/GetBucketVersioning and ListObjectVersions. */
import type { VersioningStatus } from '../engine/bucket-config.js';
import { compact, intParam } from './http-headers.js';
import { commonPrefixesXml, keyEncoding, ownerXml } from './listing-xml.js';
import { emptyReply, xmlBody, xmlReply } from './operation-context.js';
import type { OperationContext, OperationHandler, Reply } from './operation-context.js';
import { S3ProtocolError } from './protocol-error.js';
import type { S3Operation } from './route.js';
import { childText, parseXml } from './xml-reader.js';
import { el, group, xmlDocument } from './xml-writer.js';

async function putBucketVersioning(ctx: OperationContext): Promise<Reply> {
  const root = parseXml(await xmlBody(ctx));
  if (root.name !== 'VersioningConfiguration') throw S3ProtocolError.of('MalformedXML');
  const status = childText(root, 'Status');
  const mfa = childText(root, 'MfaDelete');
  if ((status !== 'Enabled' && status !== 'Suspended') || (mfa !== undefined && mfa !== 'Enabled' && mfa !== 'Disabled')) {
    throw S3ProtocolError.of('MalformedXML');
  }
  ctx.engine.putBucketVersioning({ Bucket: ctx.bucket, VersioningConfiguration: { Status: status satisfies VersioningStatus } }, ctx.requester);
  return emptyReply(200);
}

function getBucketVersioning(ctx: OperationContext): Reply {
  const out = ctx.engine.getBucketVersioning({ Bucket: ctx.bucket }, ctx.requester);
  return xmlReply(xmlDocument('VersioningConfiguration', [el('Status', out.Status), el('MfaDelete', out.MFADelete)]));
}

function listObjectVersions(ctx: OperationContext): Reply {
  const enc = keyEncoding(ctx);
  const out = ctx.engine.listObjectVersions(
    compact({
      Bucket: ctx.bucket,
      Prefix: ctx.query('prefix'),
      Delimiter: ctx.query('delimiter'),
      KeyMarker: ctx.query('key-marker'),
      VersionIdMarker: ctx.query('version-id-marker'),
      MaxKeys: intParam(ctx.query('max-keys'), 'max-keys'),
    }),
    ctx.requester,
  );
  return xmlReply(
    xmlDocument('ListVersionsResult', [
      el('Name', out.Name),
      el('Prefix', enc(out.Prefix)),
      el('KeyMarker', enc(out.KeyMarker)),
      el('VersionIdMarker', out.VersionIdMarker),
      el('NextKeyMarker', enc(out.NextKeyMarker)),
      el('NextVersionIdMarker', out.NextVersionIdMarker),
      el('MaxKeys', out.MaxKeys),
      el('Delimiter', enc(out.Delimiter)),
      el('EncodingType', ctx.query('encoding-type')),
      el('IsTruncated', out.IsTruncated),
      ...out.Versions.map((v) =>
        v.kind === 'deleteMarker'
          ? group('DeleteMarker', el('Key', enc(v.Key)), el('VersionId', v.VersionId), el('IsLatest', v.IsLatest), el('LastModified', v.LastModified), ownerXml('Owner', v.Owner))
          : group(
              'Version',
              el('Key', enc(v.Key)),
              el('VersionId', v.VersionId),
              el('IsLatest', v.IsLatest),
              el('LastModified', v.LastModified),
              el('ETag', v.ETag),
              ...(v.ChecksumAlgorithm ?? []).map((a) => el('ChecksumAlgorithm', a)),
              el('ChecksumType', v.ChecksumType),
              el('Size', v.Size),
              el('StorageClass', v.StorageClass),
              ownerXml('Owner', v.Owner),
            ),
      ),
      ...commonPrefixesXml(out.CommonPrefixes, enc),
    ]),
  );
}

/** Versioning handlers. */
export const VERSIONING_HANDLERS: Partial<Record<S3Operation, OperationHandler>> = {
  PutBucketVersioning: putBucketVersioning,
  GetBucketVersioning: getBucketVersioning,
  ListObjectVersions: listObjectVersions,
};
