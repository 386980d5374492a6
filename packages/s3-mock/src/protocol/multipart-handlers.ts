/** Multipart upload operations. */
import type { ChecksumAlgorithm, ObjectChecksum } from '../engine/records.js';
import type { PartSummary } from '../engine/multipart-ops.js';
import { aclFromHeaders } from './acl-xml.js';
import { lockFromHeaders } from './object-lock-handlers.js';
import { copySourceEncryptionFromHeaders, encryptionFromHeaders, encryptionHeaders } from './encryption-headers.js';
import { compositeChecksum } from './checksums.js';
import { compact, contentHeadersFrom, enumHeader, intParam, metadataFrom, parseCopySource, parseTaggingHeader } from './http-headers.js';
import { ownerXml } from './listing-xml.js';
import { authorizeCopySource, copySourceConditions } from './object-handlers.js';
import { checksumElements, checksumHeaders, emptyReply, versionHeader, xmlBody, xmlReply } from './operation-context.js';
import type { OperationContext, OperationHandler, Reply } from './operation-context.js';
import { S3ProtocolError } from './protocol-error.js';
import { checksumHeader, requestedAlgorithm, resolveRequestChecksum } from './request-checksum.js';
import type { S3Operation } from './route.js';
import { childText, childrenNamed, parseXml } from './xml-reader.js';
import { el, group, xmlDocument } from './xml-writer.js';

const uploadId = (ctx: OperationContext): string => ctx.query('uploadId') ?? '';

function partNumber(ctx: OperationContext): number {
  return intParam(ctx.query('partNumber'), 'partNumber') ?? 0;
}

async function createMultipartUpload(ctx: OperationContext): Promise<Reply> {
  const h = ctx.headers;
  await ctx.body();
  const out = ctx.engine.createMultipartUpload(
    compact({
      Bucket: ctx.bucket,
      Key: ctx.key,
      ...contentHeadersFrom(h),
      Metadata: metadataFrom(h),
      StorageClass: h['x-amz-storage-class'],
      Tagging: parseTaggingHeader(h['x-amz-tagging']),
      ...aclFromHeaders(h),
      ...encryptionFromHeaders(h),
      ...lockFromHeaders(h),
      ChecksumAlgorithm: requestedAlgorithm(h, 'x-amz-checksum-algorithm'),
      ChecksumType: enumHeader(h, 'x-amz-checksum-type', ['FULL_OBJECT', 'COMPOSITE'] as const),
    }), ctx.requester
  );
  const headers: Record<string, string> = encryptionHeaders(out);
  if (out.ChecksumAlgorithm) headers['x-amz-checksum-algorithm'] = out.ChecksumAlgorithm;
  if (out.ChecksumType) headers['x-amz-checksum-type'] = out.ChecksumType;
  return xmlReply(xmlDocument('InitiateMultipartUploadResult', [el('Bucket', out.Bucket), el('Key', out.Key), el('UploadId', out.UploadId)]), headers);
}

async function uploadPart(ctx: OperationContext): Promise<Reply> {
  const h = ctx.headers;
  const { bytes, trailers } = await ctx.body();
  const checksum = resolveRequestChecksum(h, trailers, bytes);
  const out = ctx.engine.uploadPart(
    compact({
      Bucket: ctx.bucket,
      Key: ctx.key,
      UploadId: uploadId(ctx),
      PartNumber: partNumber(ctx),
      Body: bytes,
      ContentMD5: h['content-md5'],
      ...encryptionFromHeaders(h),
      Checksum: checksum && { ...checksum, type: 'COMPOSITE' as const },
    }), ctx.requester
  );
  const headers: Record<string, string> = { etag: out.ETag, ...encryptionHeaders(out) };
  if (out.Checksum) headers[checksumHeader(out.Checksum.algorithm)] = out.Checksum.value;
  return emptyReply(200, headers);
}

async function uploadPartCopy(ctx: OperationContext): Promise<Reply> {
  const h = ctx.headers;
  await ctx.body();
  const CopySource = parseCopySource(h['x-amz-copy-source']!);
  authorizeCopySource(ctx, CopySource);
  const out = ctx.engine.uploadPartCopy(
    compact({
      Bucket: ctx.bucket,
      Key: ctx.key,
      UploadId: uploadId(ctx),
      PartNumber: partNumber(ctx),
      CopySource,
      CopySourceRange: h['x-amz-copy-source-range'],
      ...encryptionFromHeaders(h),
      CopySourceEncryption: copySourceEncryptionFromHeaders(h),
      ...copySourceConditions(h),
    }), ctx.requester
  );
  const headers = { ...encryptionHeaders(out), ...(out.CopySourceVersionId === undefined ? {} : { 'x-amz-copy-source-version-id': out.CopySourceVersionId }) };
  return xmlReply(xmlDocument('CopyPartResult', [el('LastModified', out.LastModified), el('ETag', out.ETag)]), headers);
}


function partXml(p: PartSummary): string {
  return group('Part', el('PartNumber', p.PartNumber), el('LastModified', p.LastModified), el('ETag', p.ETag), checksumElements(p.Checksum, false), el('Size', p.Size));
}

function listParts(ctx: OperationContext): Reply {
  const out = ctx.engine.listParts(
    compact({
      Bucket: ctx.bucket,
      Key: ctx.key,
      UploadId: uploadId(ctx),
      PartNumberMarker: intParam(ctx.query('part-number-marker'), 'part-number-marker'),
      MaxParts: intParam(ctx.query('max-parts'), 'max-parts'),
    }), ctx.requester
  );
  return xmlReply(
    xmlDocument('ListPartsResult', [
      el('Bucket', out.Bucket),
      el('Key', out.Key),
      el('UploadId', out.UploadId),
      ownerXml('Initiator', out.Initiator),
      ownerXml('Owner', out.Owner),
      el('StorageClass', out.StorageClass),
      el('PartNumberMarker', out.PartNumberMarker),
      el('NextPartNumberMarker', out.NextPartNumberMarker),
      el('MaxParts', out.MaxParts),
      el('IsTruncated', out.IsTruncated),
      ...out.Parts.map(partXml),
      el('ChecksumAlgorithm', out.ChecksumAlgorithm),
      el('ChecksumType', out.ChecksumType),
    ]),
  );
}

/** Parses `<CompleteMultipartUpload><Part><PartNumber/><ETag/></Part>...`. @throws S3ProtocolError `MalformedXML` */
export function parseCompleteXml(xml: string): { PartNumber: number; ETag: string }[] {
  const root = parseXml(xml);
  if (root.name !== 'CompleteMultipartUpload') throw S3ProtocolError.of('MalformedXML');
  return childrenNamed(root, 'Part').map((p) => {
    const n = childText(p, 'PartNumber');
    const ETag = childText(p, 'ETag');
    if (n === undefined || ETag === undefined || !/^\d{1,5}$/.test(n.trim())) throw S3ProtocolError.of('MalformedXML');
    return { PartNumber: Number(n.trim()), ETag: ETag.trim() };
  });
}

/** Every part of an upload (ListParts pages through them). */
function allParts(ctx: OperationContext): { parts: Map<number, PartSummary>; algorithm?: ChecksumAlgorithm; type?: 'FULL_OBJECT' | 'COMPOSITE' } {
  const parts = new Map<number, PartSummary>();
  let marker = 0;
  for (;;) {
    const page = ctx.engine.listParts({ Bucket: ctx.bucket, Key: ctx.key, UploadId: uploadId(ctx), PartNumberMarker: marker }, ctx.requester);
    for (const p of page.Parts) parts.set(p.PartNumber, p);
    if (!page.IsTruncated || page.NextPartNumberMarker === undefined) return compact({ parts, algorithm: page.ChecksumAlgorithm, type: page.ChecksumType });
    marker = page.NextPartNumberMarker;
  }
}

/**
 * The object checksum of a completion: a COMPOSITE one is computed from the parts' checksums (as S3
 * does); a FULL_OBJECT one is taken from the request's `x-amz-checksum-*` header as sent.
 */
function completionChecksum(ctx: OperationContext, requested: readonly { PartNumber: number }[]): ObjectChecksum | undefined {
  let info: ReturnType<typeof allParts>;
  try {
    info = allParts(ctx);
  } catch {
    return undefined; // the engine reports NoSuchUpload (or answers a retried completion) itself
  }
  const type = enumHeader(ctx.headers, 'x-amz-checksum-type', ['FULL_OBJECT', 'COMPOSITE'] as const) ?? info.type;
  const algorithm = info.algorithm;
  if (algorithm === undefined) return undefined;
  if (type === 'FULL_OBJECT' || algorithm === 'CRC64NVME') {
    const value = ctx.headers[checksumHeader(algorithm)];
    return value === undefined ? undefined : { algorithm, value, type: 'FULL_OBJECT' };
  }
  const values: string[] = [];
  for (const { PartNumber } of requested) {
    const c = info.parts.get(PartNumber)?.Checksum;
    if (c?.algorithm !== algorithm) return undefined;
    values.push(c.value);
  }
  return { algorithm, value: compositeChecksum(algorithm, values), type: 'COMPOSITE' };
}

async function completeMultipartUpload(ctx: OperationContext): Promise<Reply> {
  const Parts = parseCompleteXml(await xmlBody(ctx));
  const out = ctx.engine.completeMultipartUpload(
    compact({
      Bucket: ctx.bucket,
      Key: ctx.key,
      UploadId: uploadId(ctx),
      Parts,
      Checksum: completionChecksum(ctx, Parts),
      IfMatch: ctx.headers['if-match'],
      IfNoneMatch: ctx.headers['if-none-match'],
      ...encryptionFromHeaders(ctx.headers),
    }), ctx.requester
  );
  const r = ctx.request;
  const host = r.headers.host ?? r.hostname + (r.port === undefined ? '' : `:${r.port}`);
  const keyPath = out.Key.split('/').map(encodeURIComponent).join('/');
  const location = ctx.route.virtualHost ? `${r.protocol}//${host}/${keyPath}` : `${r.protocol}//${host}/${out.Bucket}/${keyPath}`;
  return xmlReply(
    xmlDocument('CompleteMultipartUploadResult', [el('Location', location), el('Bucket', out.Bucket), el('Key', out.Key), el('ETag', out.ETag), checksumElements(out.Checksum)]),
    { ...checksumHeaders(out.Checksum), ...versionHeader(out.VersionId), ...encryptionHeaders(out) },
  );
}

/** Multipart handlers. */
export const MULTIPART_HANDLERS: Partial<Record<S3Operation, OperationHandler>> = {
  CreateMultipartUpload: createMultipartUpload,
  UploadPart: uploadPart,
  UploadPartCopy: uploadPartCopy,
  ListParts: listParts,
  CompleteMultipartUpload: completeMultipartUpload,
  AbortMultipartUpload: (ctx) => {
    ctx.engine.abortMultipartUpload({ Bucket: ctx.bucket, Key: ctx.key, UploadId: uploadId(ctx) }, ctx.requester);
    return emptyReply(204);
  },
};
