/** Object operations: Put, Get, Head, Delete, DeleteObjects, Copy. */
import type { GetObjectInput, HeadObjectOutput } from '../engine/get-object.js';
import { aclFromHeaders } from './acl-xml.js';
import { bypassGovernance, lockFromHeaders, lockHeaders } from './object-lock-handlers.js';
import { copySourceEncryptionFromHeaders, encryptionFromHeaders, encryptionHeaders } from './encryption-headers.js';
import { CHECKSUM_ALGORITHMS, checksumOf, isBase64Of } from './checksums.js';
import {
  compact,
  contentHeadersFrom,
  enumHeader,
  httpDate,
  intParam,
  metadataFrom,
  parseCopySource,
  parseHttpDate,
  parseTaggingHeader,
} from './http-headers.js';
import { checksumElements, checksumHeaders, emptyReply, versionHeader, xmlBody, xmlReply } from './operation-context.js';
import type { OperationContext, OperationHandler, Reply } from './operation-context.js';
import { S3ProtocolError, toErrorDocument } from './protocol-error.js';
import { checksumHeader, resolveRequestChecksum } from './request-checksum.js';
import type { S3Operation } from './route.js';
import { childText, childrenNamed, parseXml } from './xml-reader.js';
import { el, group, xmlDocument } from './xml-writer.js';

/** GET response-* query parameters and the header each overrides. */
const OVERRIDES: readonly (readonly [string, string])[] = [
  ['response-content-type', 'content-type'],
  ['response-content-language', 'content-language'],
  ['response-expires', 'expires'],
  ['response-cache-control', 'cache-control'],
  ['response-content-disposition', 'content-disposition'],
  ['response-content-encoding', 'content-encoding'],
];

function readInput(ctx: OperationContext): GetObjectInput {
  const h = ctx.headers;
  return compact({
    Bucket: ctx.bucket,
    Key: ctx.key,
    Range: h.range,
    PartNumber: intParam(ctx.query('partNumber'), 'partNumber'),
    VersionId: ctx.query('versionId'),
    IfMatch: h['if-match'],
    IfNoneMatch: h['if-none-match'],
    IfModifiedSince: parseHttpDate(h['if-modified-since']),
    IfUnmodifiedSince: parseHttpDate(h['if-unmodified-since']),
    ...encryptionFromHeaders(h),
  });
}

/** The headers of a GET or HEAD object response. */
export function objectHeaders(out: HeadObjectOutput, checksumMode: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'accept-ranges': 'bytes',
    'last-modified': httpDate(out.LastModified),
    etag: out.ETag,
    'content-type': out.ContentType,
    'content-length': String(out.ContentLength),
  };
  if (out.ContentRange !== undefined) headers['content-range'] = out.ContentRange;
  if (out.ContentEncoding !== undefined) headers['content-encoding'] = out.ContentEncoding;
  if (out.ContentDisposition !== undefined) headers['content-disposition'] = out.ContentDisposition;
  if (out.ContentLanguage !== undefined) headers['content-language'] = out.ContentLanguage;
  if (out.CacheControl !== undefined) headers['cache-control'] = out.CacheControl;
  if (out.Expires !== undefined) headers.expires = out.Expires;
  for (const [name, value] of Object.entries(out.Metadata)) headers[`x-amz-meta-${name}`] = value;
  if (out.StorageClass !== 'STANDARD') headers['x-amz-storage-class'] = out.StorageClass;
  if (out.TagCount !== undefined) headers['x-amz-tagging-count'] = String(out.TagCount);
  if (out.PartsCount !== undefined) headers['x-amz-mp-parts-count'] = String(out.PartsCount);
  if (out.VersionId !== undefined) headers['x-amz-version-id'] = out.VersionId;
  if (checksumMode) Object.assign(headers, checksumHeaders(out.Checksum));
  return { ...headers, ...encryptionHeaders(out), ...lockHeaders(out) };
}

function getObject(ctx: OperationContext): Reply {
  const out = ctx.engine.getObject(readInput(ctx), ctx.requester);
  const headers = objectHeaders(out, ctx.headers['x-amz-checksum-mode'] === 'ENABLED');
  for (const [param, header] of OVERRIDES) {
    const value = ctx.query(param);
    if (value !== undefined) headers[header] = value;
  }
  return { status: out.StatusCode, headers, body: out.Body };
}

function headObject(ctx: OperationContext): Reply {
  const out = ctx.engine.headObject(readInput(ctx), ctx.requester);
  return { status: out.StatusCode, headers: objectHeaders(out, ctx.headers['x-amz-checksum-mode'] === 'ENABLED'), body: new Uint8Array(0) };
}

async function putObject(ctx: OperationContext): Promise<Reply> {
  const h = ctx.headers;
  const { bytes, trailers } = await ctx.body();
  const checksum = resolveRequestChecksum(h, trailers, bytes);
  const out = ctx.engine.putObject(
    compact({
      Bucket: ctx.bucket,
      Key: ctx.key,
      Body: bytes,
      ...contentHeadersFrom(h),
      Metadata: metadataFrom(h),
      StorageClass: h['x-amz-storage-class'],
      Tagging: parseTaggingHeader(h['x-amz-tagging']),
      ...aclFromHeaders(h),
      ...encryptionFromHeaders(h),
      ...lockFromHeaders(h),
      ContentMD5: h['content-md5'],
      Checksum: checksum,
      IfMatch: h['if-match'],
      IfNoneMatch: h['if-none-match'],
    }), ctx.requester
  );
  return emptyReply(200, { etag: out.ETag, ...checksumHeaders(out.Checksum), ...versionHeader(out.VersionId), ...encryptionHeaders(out) });
}

function deleteObject(ctx: OperationContext): Reply {
  const out = ctx.engine.deleteObject(
    compact({ Bucket: ctx.bucket, Key: ctx.key, VersionId: ctx.query('versionId'), IfMatch: ctx.headers['if-match'], BypassGovernanceRetention: bypassGovernance(ctx.headers) || undefined }),
    ctx.requester,
  );
  return emptyReply(204, { ...versionHeader(out.VersionId), ...(out.DeleteMarker ? { 'x-amz-delete-marker': 'true' } : {}) });
}

/** Content-MD5 or an x-amz-checksum-* must protect a DeleteObjects body. */
function checkDeleteIntegrity(ctx: OperationContext, bytes: Uint8Array, trailers: Record<string, string>): void {
  const md5 = ctx.headers['content-md5'];
  resolveRequestChecksum(ctx.headers, trailers, bytes);
  if (md5 !== undefined) {
    if (!isBase64Of(md5.trim(), 16)) throw S3ProtocolError.of('InvalidDigest', { 'Content-MD5': md5.slice(0, 64) });
    if (checksumOf('MD5', bytes) !== md5.trim()) {
      throw S3ProtocolError.of('BadDigest', { ExpectedDigest: md5.slice(0, 64), CalculatedDigest: checksumOf('MD5', bytes) });
    }
  } else if (!CHECKSUM_ALGORITHMS.some((a) => trailers[checksumHeader(a)] !== undefined || ctx.headers[checksumHeader(a)] !== undefined)) {
    throw S3ProtocolError.of('InvalidRequest', {}, 'Missing required header for this request: Content-MD5 OR x-amz-checksum-*');
  }
}

async function deleteObjects(ctx: OperationContext): Promise<Reply> {
  const xml = await xmlBody(ctx);
  const { bytes, trailers } = await ctx.body();
  checkDeleteIntegrity(ctx, bytes, trailers);
  const root = parseXml(xml);
  if (root.name !== 'Delete') throw S3ProtocolError.of('MalformedXML');
  const objects = childrenNamed(root, 'Object').map((o) => {
    const Key = childText(o, 'Key');
    if (Key === undefined) throw S3ProtocolError.of('MalformedXML');
    return compact({ Key, VersionId: childText(o, 'VersionId') });
  });
  const quiet = childText(root, 'Quiet');
  if (quiet !== undefined && quiet !== 'true' && quiet !== 'false') throw S3ProtocolError.of('MalformedXML');
  if (objects.length === 0 || objects.length > 1000) throw S3ProtocolError.of('MalformedXML');
  // Each key is authorized on its own: a key the requester may not delete is an error entry.
  const denied: { Key: string; VersionId?: string; Code: string; Message: string }[] = [];
  const allowed = objects.filter((o) => {
    try {
      ctx.engine.authorize(ctx.context('DeleteObjects', { Bucket: ctx.bucket, ...o }), ctx.requester);
      return true;
    } catch (err) {
      const doc = toErrorDocument(err);
      denied.push({ ...o, Code: doc.code, Message: doc.message });
      return false;
    }
  });
  const out = allowed.length === 0 ? { Deleted: [], Errors: [] } : ctx.engine.deleteObjects({ Bucket: ctx.bucket, Objects: allowed, Quiet: quiet === 'true', BypassGovernanceRetention: bypassGovernance(ctx.headers) }, ctx.requester);
  return xmlReply(
    xmlDocument('DeleteResult', [
      ...out.Deleted.map((d) => group('Deleted', el('Key', d.Key), el('VersionId', d.VersionId), el('DeleteMarker', d.DeleteMarker), el('DeleteMarkerVersionId', d.DeleteMarkerVersionId))),
      ...[...out.Errors, ...denied].map((e) => group('Error', el('Key', e.Key), el('VersionId', e.VersionId), el('Code', e.Code), el('Message', e.Message))),
    ]),
  );
}

/** A copy reads its source: the requester needs read access to it too. @throws S3MockError `AccessDenied` */
export function authorizeCopySource(ctx: OperationContext, source: { Bucket: string; Key: string; VersionId?: string }): void {
  const expectedBucketOwner = ctx.headers['x-amz-source-expected-bucket-owner'];
  ctx.engine.authorize({ ...ctx.context('GetObject', source), ...(expectedBucketOwner === undefined ? {} : { expectedBucketOwner }) }, ctx.requester);
}

/** Copy-source conditions (`x-amz-copy-source-if-*`). */
export function copySourceConditions(h: Readonly<Record<string, string>>) {
  return compact({
    CopySourceIfMatch: h['x-amz-copy-source-if-match'],
    CopySourceIfNoneMatch: h['x-amz-copy-source-if-none-match'],
    CopySourceIfModifiedSince: parseHttpDate(h['x-amz-copy-source-if-modified-since']),
    CopySourceIfUnmodifiedSince: parseHttpDate(h['x-amz-copy-source-if-unmodified-since']),
  });
}

async function copyObject(ctx: OperationContext): Promise<Reply> {
  const h = ctx.headers;
  await ctx.body();
  const CopySource = parseCopySource(h['x-amz-copy-source']!);
  authorizeCopySource(ctx, CopySource);
  const MetadataDirective = enumHeader(h, 'x-amz-metadata-directive', ['COPY', 'REPLACE'] as const);
  const TaggingDirective = enumHeader(h, 'x-amz-tagging-directive', ['COPY', 'REPLACE'] as const);
  const out = ctx.engine.copyObject(
    compact({
      Bucket: ctx.bucket,
      Key: ctx.key,
      CopySource,
      MetadataDirective,
      TaggingDirective,
      ...(MetadataDirective === 'REPLACE' ? { ...contentHeadersFrom(h), Metadata: metadataFrom(h) } : {}),
      StorageClass: h['x-amz-storage-class'],
      Tagging: TaggingDirective === 'REPLACE' ? (parseTaggingHeader(h['x-amz-tagging']) ?? []) : undefined,
      ...aclFromHeaders(h),
      ...encryptionFromHeaders(h),
      CopySourceEncryption: copySourceEncryptionFromHeaders(h),
      ...lockFromHeaders(h),
      IfMatch: h['if-match'],
      IfNoneMatch: h['if-none-match'],
      ...copySourceConditions(h),
    }), ctx.requester
  );
  const headers = { ...checksumHeaders(out.Checksum), ...versionHeader(out.VersionId), ...encryptionHeaders(out) };
  if (out.CopySourceVersionId !== undefined) headers['x-amz-copy-source-version-id'] = out.CopySourceVersionId;
  return xmlReply(xmlDocument('CopyObjectResult', [el('ETag', out.ETag), el('LastModified', out.LastModified), checksumElements(out.Checksum)]), headers);
}

function getObjectAttributes(ctx: OperationContext): Reply {
  const h = ctx.headers;
  const out = ctx.engine.getObjectAttributes(
    compact({
      Bucket: ctx.bucket,
      Key: ctx.key,
      VersionId: ctx.query('versionId'),
      ObjectAttributes: (h['x-amz-object-attributes'] ?? '').split(',').map((a) => a.trim()).filter(Boolean),
      MaxParts: intParam(h['x-amz-max-parts'], 'x-amz-max-parts'),
      PartNumberMarker: intParam(h['x-amz-part-number-marker'], 'x-amz-part-number-marker'),
      ...encryptionFromHeaders(h),
    }),
    ctx.requester,
  );
  const parts = out.ObjectParts;
  return xmlReply(
    xmlDocument('GetObjectAttributesResponse', [
      el('ETag', out.ETag),
      out.Checksum ? group('Checksum', checksumElements(out.Checksum)) : '',
      parts
        ? group(
            'ObjectParts',
            el('PartsCount', parts.TotalPartsCount),
            el('PartNumberMarker', parts.PartNumberMarker),
            el('NextPartNumberMarker', parts.NextPartNumberMarker),
            el('MaxParts', parts.MaxParts),
            el('IsTruncated', parts.IsTruncated),
            ...parts.Parts.map((p) => group('Part', el('PartNumber', p.PartNumber), el('Size', p.Size), checksumElements(p.Checksum, false))),
          )
        : '',
      el('StorageClass', out.StorageClass),
      el('ObjectSize', out.ObjectSize),
    ]),
    { 'last-modified': httpDate(out.LastModified), ...versionHeader(out.VersionId) },
  );
}

/** Object operation handlers. */
export const OBJECT_HANDLERS: Partial<Record<S3Operation, OperationHandler>> = {
  GetObject: getObject,
  HeadObject: headObject,
  PutObject: putObject,
  DeleteObject: deleteObject,
  DeleteObjects: deleteObjects,
  CopyObject: copyObject,
  GetObjectAttributes: getObjectAttributes,
};
