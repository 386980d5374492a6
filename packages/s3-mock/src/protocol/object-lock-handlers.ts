/** Object lock on the wire: `x-amz-object-lock-*` headers and the lock configuration, retention and legal hold documents. */
import type { ObjectLockInput, RetentionMode } from '../engine/object-lock.js';
import { compact, enumHeader } from './http-headers.js';
import { emptyReply, versionHeader, xmlBody, xmlReply } from './operation-context.js';
import type { OperationContext, OperationHandler, Reply } from './operation-context.js';
import { S3ProtocolError } from './protocol-error.js';
import type { S3Operation } from './route.js';
import { childText, childrenNamed, parseXml } from './xml-reader.js';
import { el, group, xmlDocument } from './xml-writer.js';

type Headers = Readonly<Record<string, string>>;

const MODES: readonly RetentionMode[] = ['GOVERNANCE', 'COMPLIANCE'];

/** An ISO 8601 date. @throws S3ProtocolError `InvalidArgument` */
function isoDate(text: string, name: string): Date {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw S3ProtocolError.of('InvalidArgument', { ArgumentName: name, ArgumentValue: text.slice(0, 64) }, 'The retain until date must be provided in ISO 8601 format');
  return new Date(ms);
}

/** The lock a write's headers ask for. @throws S3ProtocolError `InvalidArgument` */
export function lockFromHeaders(headers: Headers): ObjectLockInput {
  const date = headers['x-amz-object-lock-retain-until-date'];
  return compact({
    ObjectLockMode: enumHeader(headers, 'x-amz-object-lock-mode', MODES),
    ObjectLockRetainUntilDate: date === undefined ? undefined : isoDate(date, 'x-amz-object-lock-retain-until-date'),
    ObjectLockLegalHoldStatus: enumHeader(headers, 'x-amz-object-lock-legal-hold', ['ON', 'OFF'] as const),
  });
}

/** `x-amz-bypass-governance-retention: true`. */
export const bypassGovernance = (headers: Headers): boolean => headers['x-amz-bypass-governance-retention']?.toLowerCase() === 'true';

/** The response headers of a version's lock. */
export function lockHeaders(out: { ObjectLockMode?: string; ObjectLockRetainUntilDate?: Date; ObjectLockLegalHoldStatus?: string }): Record<string, string> {
  const h: Record<string, string> = {};
  if (out.ObjectLockMode !== undefined) h['x-amz-object-lock-mode'] = out.ObjectLockMode;
  if (out.ObjectLockRetainUntilDate !== undefined) h['x-amz-object-lock-retain-until-date'] = out.ObjectLockRetainUntilDate.toISOString();
  if (out.ObjectLockLegalHoldStatus !== undefined) h['x-amz-object-lock-legal-hold'] = out.ObjectLockLegalHoldStatus;
  return h;
}

const positiveInt = (text: string | undefined): number | undefined => (text === undefined ? undefined : /^-?\d+$/.test(text.trim()) ? Number(text) : NaN);

async function putObjectLockConfiguration(ctx: OperationContext): Promise<Reply> {
  const root = parseXml(await xmlBody(ctx));
  if (root.name !== 'ObjectLockConfiguration' || childText(root, 'ObjectLockEnabled') !== 'Enabled') throw S3ProtocolError.of('MalformedXML');
  const config: { DefaultRetention?: { Mode: RetentionMode; Days?: number; Years?: number } } = {};
  const rule = childrenNamed(root, 'Rule')[0];
  const retention = rule && childrenNamed(rule, 'DefaultRetention')[0];
  if (retention) {
    const mode = childText(retention, 'Mode');
    if (!(MODES as readonly (string | undefined)[]).includes(mode)) throw S3ProtocolError.of('MalformedXML');
    config.DefaultRetention = compact({ Mode: mode as RetentionMode, Days: positiveInt(childText(retention, 'Days')), Years: positiveInt(childText(retention, 'Years')) });
  }
  ctx.engine.putObjectLockConfiguration({ Bucket: ctx.bucket, ObjectLockConfiguration: config }, ctx.requester);
  return emptyReply(200);
}

function getObjectLockConfiguration(ctx: OperationContext): Reply {
  const { DefaultRetention: d } = ctx.engine.getObjectLockConfiguration({ Bucket: ctx.bucket }, ctx.requester).ObjectLockConfiguration;
  const rule = d ? group('Rule', group('DefaultRetention', el('Mode', d.Mode), el('Days', d.Days), el('Years', d.Years))) : '';
  return xmlReply(xmlDocument('ObjectLockConfiguration', [el('ObjectLockEnabled', 'Enabled'), rule]));
}

const target = (ctx: OperationContext) => compact({ Bucket: ctx.bucket, Key: ctx.key, VersionId: ctx.query('versionId') });

async function putObjectRetention(ctx: OperationContext): Promise<Reply> {
  const root = parseXml(await xmlBody(ctx));
  if (root.name !== 'Retention') throw S3ProtocolError.of('MalformedXML');
  const mode = childText(root, 'Mode');
  const date = childText(root, 'RetainUntilDate');
  if ((mode === undefined) !== (date === undefined) || (mode !== undefined && !(MODES as readonly string[]).includes(mode))) throw S3ProtocolError.of('MalformedXML');
  const Retention = mode !== undefined && date !== undefined ? { Mode: mode as RetentionMode, RetainUntilDate: isoDate(date, 'RetainUntilDate') } : undefined;
  const out = ctx.engine.putObjectRetention(compact({ ...target(ctx), Retention, BypassGovernanceRetention: bypassGovernance(ctx.headers) }), ctx.requester);
  return emptyReply(200, versionHeader(out.VersionId));
}

async function putObjectLegalHold(ctx: OperationContext): Promise<Reply> {
  const root = parseXml(await xmlBody(ctx));
  const status = childText(root, 'Status');
  if (root.name !== 'LegalHold' || (status !== 'ON' && status !== 'OFF')) throw S3ProtocolError.of('MalformedXML');
  const out = ctx.engine.putObjectLegalHold({ ...target(ctx), LegalHold: { Status: status } }, ctx.requester);
  return emptyReply(200, versionHeader(out.VersionId));
}

/** Object lock handlers. */
export const OBJECT_LOCK_HANDLERS: Partial<Record<S3Operation, OperationHandler>> = {
  PutObjectLockConfiguration: putObjectLockConfiguration,
  GetObjectLockConfiguration: getObjectLockConfiguration,
  PutObjectRetention: putObjectRetention,
  GetObjectRetention: (ctx) => {
    const { Retention } = ctx.engine.getObjectRetention(target(ctx), ctx.requester);
    return xmlReply(xmlDocument('Retention', [el('Mode', Retention.Mode), el('RetainUntilDate', Retention.RetainUntilDate)]));
  },
  PutObjectLegalHold: putObjectLegalHold,
  GetObjectLegalHold: (ctx) => xmlReply(xmlDocument('LegalHold', [el('Status', ctx.engine.getObjectLegalHold(target(ctx), ctx.requester).LegalHold.Status)])),
};
