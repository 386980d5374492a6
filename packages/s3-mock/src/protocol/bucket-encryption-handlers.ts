/** Put/Get/DeleteBucketEncryption (`<ServerSideEncryptionConfiguration>`). */
import type { BucketEncryption } from '../engine/encryption.js';
import { emptyReply, xmlBody, xmlReply } from './operation-context.js';
import type { OperationContext, OperationHandler, Reply } from './operation-context.js';
import { S3ProtocolError } from './protocol-error.js';
import type { S3Operation } from './route.js';
import { childText, childrenNamed, parseXml } from './xml-reader.js';
import { el, group, xmlDocument } from './xml-writer.js';

const ALGORITHMS: readonly string[] = ['AES256', 'aws:kms', 'aws:kms:dsse'];

async function putBucketEncryption(ctx: OperationContext): Promise<Reply> {
  const root = parseXml(await xmlBody(ctx));
  if (root.name !== 'ServerSideEncryptionConfiguration') throw S3ProtocolError.of('MalformedXML');
  const Rules = childrenNamed(root, 'Rule').map((rule): BucketEncryption => {
    const apply = childrenNamed(rule, 'ApplyServerSideEncryptionByDefault')[0];
    const algorithm = apply && childText(apply, 'SSEAlgorithm');
    if (!apply || algorithm === undefined || !ALGORITHMS.includes(algorithm)) throw S3ProtocolError.of('MalformedXML');
    const keyId = childText(apply, 'KMSMasterKeyID');
    const bucketKey = childText(rule, 'BucketKeyEnabled');
    return {
      SSEAlgorithm: algorithm as BucketEncryption['SSEAlgorithm'],
      ...(keyId === undefined ? {} : { KMSMasterKeyID: keyId }),
      ...(bucketKey === undefined ? {} : { BucketKeyEnabled: bucketKey.trim() === 'true' }),
    };
  });
  ctx.engine.putBucketEncryption({ Bucket: ctx.bucket, Rules }, ctx.requester);
  return emptyReply(200);
}

function getBucketEncryption(ctx: OperationContext): Reply {
  const { Rules } = ctx.engine.getBucketEncryption({ Bucket: ctx.bucket }, ctx.requester);
  return xmlReply(
    xmlDocument(
      'ServerSideEncryptionConfiguration',
      Rules.map((r) =>
        group('Rule', group('ApplyServerSideEncryptionByDefault', el('SSEAlgorithm', r.SSEAlgorithm), el('KMSMasterKeyID', r.KMSMasterKeyID)), el('BucketKeyEnabled', r.BucketKeyEnabled)),
      ),
    ),
  );
}

/** Bucket default encryption handlers. */
export const BUCKET_ENCRYPTION_HANDLERS: Partial<Record<S3Operation, OperationHandler>> = {
  PutBucketEncryption: putBucketEncryption,
  GetBucketEncryption: getBucketEncryption,
  DeleteBucketEncryption: (ctx) => {
    ctx.engine.deleteBucketEncryption({ Bucket: ctx.bucket }, ctx.requester);
    return emptyReply(204);
  },
};
