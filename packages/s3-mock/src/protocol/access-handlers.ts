/** ACLs, ownership controls and the public access block. */
import type { ObjectOwnership, PublicAccessBlock } from '../engine/bucket-config.js';
import type { PutAclInput } from '../engine/acl-ops.js';
import { accessControlPolicyXml, aclFromHeaders, parseAccessControlPolicy } from './acl-xml.js';
import { compact } from './http-headers.js';
import { emptyReply, versionHeader, xmlBody, xmlReply } from './operation-context.js';
import type { OperationContext, OperationHandler, Reply } from './operation-context.js';
import { S3ProtocolError } from './protocol-error.js';
import type { S3Operation } from './route.js';
import { childText, childrenNamed, parseXml } from './xml-reader.js';
import { el, group, xmlDocument } from './xml-writer.js';

/** The ACL a PutBucketAcl / PutObjectAcl asks for: headers, else the body. */
async function putAclInput(ctx: OperationContext): Promise<PutAclInput> {
  const fromHeaders = aclFromHeaders(ctx.headers);
  const { bytes } = await ctx.body();
  if (bytes.byteLength === 0) return fromHeaders;
  return { ...fromHeaders, AccessControlPolicy: parseAccessControlPolicy(await xmlBody(ctx)) };
}

const OWNERSHIPS: readonly ObjectOwnership[] = ['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter'];

async function putBucketOwnershipControls(ctx: OperationContext): Promise<Reply> {
  const root = parseXml(await xmlBody(ctx));
  if (root.name !== 'OwnershipControls') throw S3ProtocolError.of('MalformedXML');
  const Rules = childrenNamed(root, 'Rule').map((r) => {
    const value = childText(r, 'ObjectOwnership');
    if (!(OWNERSHIPS as readonly (string | undefined)[]).includes(value)) throw S3ProtocolError.of('MalformedXML');
    return { ObjectOwnership: value as ObjectOwnership };
  });
  ctx.engine.putBucketOwnershipControls({ Bucket: ctx.bucket, OwnershipControls: { Rules } }, ctx.requester);
  return emptyReply(200);
}

const PAB_SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

async function putPublicAccessBlock(ctx: OperationContext): Promise<Reply> {
  const root = parseXml(await xmlBody(ctx));
  if (root.name !== 'PublicAccessBlockConfiguration') throw S3ProtocolError.of('MalformedXML');
  const config: { -readonly [K in keyof PublicAccessBlock]?: boolean } = {};
  for (const name of PAB_SETTINGS) {
    const value = childText(root, name)?.trim();
    if (value === undefined) continue;
    if (value !== 'true' && value !== 'false') throw S3ProtocolError.of('MalformedXML');
    config[name] = value === 'true';
  }
  ctx.engine.putPublicAccessBlock({ Bucket: ctx.bucket, PublicAccessBlockConfiguration: config }, ctx.requester);
  return emptyReply(200);
}

/** Access control handlers. */
export const ACCESS_HANDLERS: Partial<Record<S3Operation, OperationHandler>> = {
  GetBucketAcl: (ctx) => xmlReply(accessControlPolicyXml(ctx.engine.getBucketAcl({ Bucket: ctx.bucket }, ctx.requester))),
  PutBucketAcl: async (ctx) => {
    ctx.engine.putBucketAcl({ Bucket: ctx.bucket, ...(await putAclInput(ctx)) }, ctx.requester);
    return emptyReply(200);
  },
  GetObjectAcl: (ctx) => {
    const out = ctx.engine.getObjectAcl(compact({ Bucket: ctx.bucket, Key: ctx.key, VersionId: ctx.query('versionId') }), ctx.requester);
    return xmlReply(accessControlPolicyXml(out), versionHeader(out.VersionId));
  },
  PutObjectAcl: async (ctx) => {
    const input = await putAclInput(ctx);
    const out = ctx.engine.putObjectAcl(compact({ Bucket: ctx.bucket, Key: ctx.key, VersionId: ctx.query('versionId'), ...input }), ctx.requester);
    return emptyReply(200, versionHeader(out.VersionId));
  },
  PutBucketOwnershipControls: putBucketOwnershipControls,
  GetBucketOwnershipControls: (ctx) => {
    const { OwnershipControls } = ctx.engine.getBucketOwnershipControls({ Bucket: ctx.bucket }, ctx.requester);
    return xmlReply(xmlDocument('OwnershipControls', OwnershipControls.Rules.map((r) => group('Rule', el('ObjectOwnership', r.ObjectOwnership)))));
  },
  DeleteBucketOwnershipControls: (ctx) => {
    ctx.engine.deleteBucketOwnershipControls({ Bucket: ctx.bucket }, ctx.requester);
    return emptyReply(204);
  },
  PutPublicAccessBlock: putPublicAccessBlock,
  GetPublicAccessBlock: (ctx) => {
    const c = ctx.engine.getPublicAccessBlock({ Bucket: ctx.bucket }, ctx.requester).PublicAccessBlockConfiguration;
    return xmlReply(xmlDocument('PublicAccessBlockConfiguration', PAB_SETTINGS.map((name) => el(name, c[name]))));
  },
  DeletePublicAccessBlock: (ctx) => {
    ctx.engine.deletePublicAccessBlock({ Bucket: ctx.bucket }, ctx.requester);
    return emptyReply(204);
  },
};
