/** Bucket operations and tagging (bucket and object). */
import type { Tag } from '../engine/tags.js';
import { aclFromHeaders } from './acl-xml.js';
import { compact, enumHeader, intParam } from './http-headers.js';
import { emptyReply, versionHeader, xmlBody, xmlReply } from './operation-context.js';
import type { OperationContext, OperationHandler, Reply } from './operation-context.js';
import { S3ProtocolError } from './protocol-error.js';
import type { S3Operation } from './route.js';
import { childText, childrenNamed, parseXml } from './xml-reader.js';
import { el, group, xmlDocument } from './xml-writer.js';

function listBuckets(ctx: OperationContext): Reply {
  const out = ctx.engine.listBuckets(
    compact({ Prefix: ctx.query('prefix'), MaxBuckets: intParam(ctx.query('max-buckets'), 'max-buckets'), ContinuationToken: ctx.query('continuation-token') }),
    ctx.requester,
  );
  const buckets = out.Buckets.map((b) => group('Bucket', el('Name', b.Name), el('CreationDate', b.CreationDate), el('BucketRegion', b.BucketRegion)));
  return xmlReply(
    xmlDocument('ListAllMyBucketsResult', [
      group('Owner', el('ID', out.Owner.ID), el('DisplayName', out.Owner.DisplayName)),
      group('Buckets', ...buckets),
      el('ContinuationToken', out.ContinuationToken),
      el('Prefix', ctx.query('prefix')),
    ]),
  );
}

async function createBucket(ctx: OperationContext): Promise<Reply> {
  const { bytes } = await ctx.body();
  let LocationConstraint: string | undefined;
  if (bytes.byteLength > 0) {
    const root = parseXml(new TextDecoder().decode(bytes));
    if (root.name !== 'CreateBucketConfiguration') throw S3ProtocolError.of('MalformedXML');
    LocationConstraint = childText(root, 'LocationConstraint');
  }
  const ownership = enumHeader(ctx.headers, 'x-amz-object-ownership', ['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter'] as const);
  const out = ctx.engine.createBucket(
    compact({
      Bucket: ctx.bucket,
      CreateBucketConfiguration: LocationConstraint === undefined ? undefined : { LocationConstraint },
      ObjectOwnership: ownership,
      ObjectLockEnabledForBucket: ctx.headers['x-amz-bucket-object-lock-enabled']?.toLowerCase() === 'true' ? true : undefined,
      ...aclFromHeaders(ctx.headers),
    }),
    ctx.requester,
  );
  return emptyReply(200, { location: out.Location });
}

function deleteBucket(ctx: OperationContext): Reply {
  ctx.engine.deleteBucket({ Bucket: ctx.bucket }, ctx.requester);
  return emptyReply(204);
}

function headBucket(ctx: OperationContext): Reply {
  const out = ctx.engine.headBucket({ Bucket: ctx.bucket }, ctx.requester);
  return emptyReply(200, { 'x-amz-bucket-region': out.BucketRegion, 'x-amz-access-point-alias': 'false' });
}

function getBucketLocation(ctx: OperationContext): Reply {
  const out = ctx.engine.getBucketLocation({ Bucket: ctx.bucket }, ctx.requester);
  return xmlReply(xmlDocument('LocationConstraint', out.LocationConstraint === undefined ? [] : [escapeText(out.LocationConstraint)]));
}

function escapeText(text: string): string {
  return el('x', text).slice(3, -4);
}

/** Parses a `<Tagging><TagSet><Tag><Key/><Value/></Tag>...` body. @throws S3ProtocolError `MalformedXML` */
export function parseTaggingXml(xml: string): Tag[] {
  const root = parseXml(xml);
  if (root.name !== 'Tagging') throw S3ProtocolError.of('MalformedXML');
  const sets = childrenNamed(root, 'TagSet');
  if (sets.length !== 1) throw S3ProtocolError.of('MalformedXML');
  return childrenNamed(sets[0]!, 'Tag').map((t) => {
    const Key = childText(t, 'Key');
    const Value = childText(t, 'Value');
    if (Key === undefined || Value === undefined) throw S3ProtocolError.of('MalformedXML');
    return { Key, Value };
  });
}

function taggingReply(tags: readonly Tag[]): Reply {
  return xmlReply(xmlDocument('Tagging', [group('TagSet', ...tags.map((t) => group('Tag', el('Key', t.Key), el('Value', t.Value))))]));
}

/** Bucket-level operation handlers, plus object tagging. */
export const BUCKET_HANDLERS: Partial<Record<S3Operation, OperationHandler>> = {
  ListBuckets: listBuckets,
  CreateBucket: createBucket,
  DeleteBucket: deleteBucket,
  HeadBucket: headBucket,
  GetBucketLocation: getBucketLocation,
  GetBucketTagging: (ctx) => taggingReply(ctx.engine.getBucketTagging({ Bucket: ctx.bucket }, ctx.requester).TagSet),
  PutBucketTagging: async (ctx) => {
    ctx.engine.putBucketTagging({ Bucket: ctx.bucket, Tagging: { TagSet: parseTaggingXml(await xmlBody(ctx)) } }, ctx.requester);
    return emptyReply(204);
  },
  DeleteBucketTagging: (ctx) => {
    ctx.engine.deleteBucketTagging({ Bucket: ctx.bucket }, ctx.requester);
    return emptyReply(204);
  },
  GetObjectTagging: (ctx) => {
    const out = ctx.engine.getObjectTagging(compact({ Bucket: ctx.bucket, Key: ctx.key, VersionId: ctx.query('versionId') }), ctx.requester);
    const reply = taggingReply(out.TagSet);
    Object.assign(reply.headers, versionHeader(out.VersionId));
    return reply;
  },
  PutObjectTagging: async (ctx) => {
    const TagSet = parseTaggingXml(await xmlBody(ctx));
    const out = ctx.engine.putObjectTagging(compact({ Bucket: ctx.bucket, Key: ctx.key, VersionId: ctx.query('versionId'), Tagging: { TagSet } }), ctx.requester);
    return emptyReply(200, versionHeader(out.VersionId));
  },
  DeleteObjectTagging: (ctx) => {
    const out = ctx.engine.deleteObjectTagging(compact({ Bucket: ctx.bucket, Key: ctx.key, VersionId: ctx.query('versionId') }), ctx.requester);
    return emptyReply(204, versionHeader(out.VersionId));
  },
};
