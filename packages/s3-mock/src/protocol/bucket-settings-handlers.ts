/** Lifecycle, website, logging, notification, acceleration and request payment: documents in, documents out. */
import type { BucketSettingName } from '../engine/bucket-settings.js';
import type { ConfigElement } from '../engine/config-document.js';
import { emptyReply, xmlBody, xmlReply } from './operation-context.js';
import type { OperationContext, OperationHandler, Reply } from './operation-context.js';
import type { S3Operation } from './route.js';
import { parseXml } from './xml-reader.js';
import { S3_XMLNS, escapeXml } from './xml-writer.js';

function renderElement(e: ConfigElement): string {
  const inner = e.children.length > 0 ? e.children.map(renderElement).join('') : escapeXml(e.text.trim());
  return `<${e.name}>${inner}</${e.name}>`;
}

/** A stored document as S3 answers it: the root in S3's namespace. */
function documentReply(doc: ConfigElement): Reply {
  const inner = doc.children.map(renderElement).join('');
  return xmlReply(`<?xml version="1.0" encoding="UTF-8"?>\n<${doc.name} xmlns="${S3_XMLNS}">${inner}</${doc.name}>`);
}

const document = async (ctx: OperationContext): Promise<ConfigElement> => parseXml(await xmlBody(ctx));

function setting(name: BucketSettingName): { put: OperationHandler; get: OperationHandler; remove: OperationHandler } {
  return {
    put: async (ctx) => {
      ctx.engine.putBucketSetting(name, { Bucket: ctx.bucket, Document: await document(ctx) }, ctx.requester);
      return emptyReply(200);
    },
    get: (ctx) => documentReply(ctx.engine.getBucketSetting(name, { Bucket: ctx.bucket }, ctx.requester)),
    remove: (ctx) => {
      ctx.engine.putBucketSetting(name, { Bucket: ctx.bucket, Document: undefined }, ctx.requester);
      return emptyReply(204);
    },
  };
}

const website = setting('website');
const logging = setting('logging');
const notification = setting('notification');
const accelerate = setting('accelerate');
const requestPayment = setting('requestPayment');

/** Handlers of the document-shaped bucket settings. */
export const BUCKET_SETTINGS_HANDLERS: Partial<Record<S3Operation, OperationHandler>> = {
  PutBucketLifecycleConfiguration: async (ctx) => {
    ctx.engine.putBucketLifecycleConfiguration({ Bucket: ctx.bucket, LifecycleConfiguration: await document(ctx) }, ctx.requester);
    return emptyReply(200);
  },
  GetBucketLifecycleConfiguration: (ctx) => documentReply(ctx.engine.getBucketLifecycleConfiguration({ Bucket: ctx.bucket }, ctx.requester)),
  DeleteBucketLifecycle: (ctx) => {
    ctx.engine.deleteBucketLifecycle({ Bucket: ctx.bucket }, ctx.requester);
    return emptyReply(204);
  },
  PutBucketWebsite: website.put,
  GetBucketWebsite: website.get,
  DeleteBucketWebsite: website.remove,
  PutBucketLogging: logging.put,
  GetBucketLogging: logging.get,
  PutBucketNotificationConfiguration: notification.put,
  GetBucketNotificationConfiguration: notification.get,
  PutBucketAccelerateConfiguration: accelerate.put,
  GetBucketAccelerateConfiguration: accelerate.get,
  PutBucketRequestPayment: requestPayment.put,
  GetBucketRequestPayment: requestPayment.get,
};
