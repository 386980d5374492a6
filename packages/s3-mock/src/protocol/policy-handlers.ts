/** Bucket policies: the document is JSON text, stored and returned as given. */
import { emptyReply, xmlReply } from './operation-context.js';
import type { OperationContext, OperationHandler, Reply } from './operation-context.js';
import { S3ProtocolError } from './protocol-error.js';
import type { S3Operation } from './route.js';
import { el, xmlDocument } from './xml-writer.js';

async function putBucketPolicy(ctx: OperationContext): Promise<Reply> {
  const { bytes } = await ctx.body();
  if (bytes.byteLength === 0) throw S3ProtocolError.of('MalformedPolicy', {}, 'Policies must be valid JSON and the first byte must be \'{\'');
  ctx.engine.putBucketPolicy({ Bucket: ctx.bucket, Policy: new TextDecoder().decode(bytes) }, ctx.requester);
  return emptyReply(204);
}

function getBucketPolicy(ctx: OperationContext): Reply {
  const { Policy } = ctx.engine.getBucketPolicy({ Bucket: ctx.bucket }, ctx.requester);
  return { status: 200, headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode(Policy) };
}

/** Bucket policy handlers. */
export const POLICY_HANDLERS: Partial<Record<S3Operation, OperationHandler>> = {
  PutBucketPolicy: putBucketPolicy,
  GetBucketPolicy: getBucketPolicy,
  DeleteBucketPolicy: (ctx) => {
    ctx.engine.deleteBucketPolicy({ Bucket: ctx.bucket }, ctx.requester);
    return emptyReply(204);
  },
  GetBucketPolicyStatus: (ctx) => {
    const { PolicyStatus } = ctx.engine.getBucketPolicyStatus({ Bucket: ctx.bucket }, ctx.requester);
    return xmlReply(xmlDocument('PolicyStatus', [el('IsPublic', PolicyStatus.IsPublic)]));
  },
};
