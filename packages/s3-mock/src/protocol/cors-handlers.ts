/**
 * Bucket CORS: Put/Get/DeleteBucketCors, the `OPTIONS` preflight answered from the bucket's rules,
 * and the `Access-Control-*` headers every cross-origin response gets.
 */
import type { HttpRequest } from '@s3kit/primitives';
import type { CorsRule } from '../engine/cors.js';
import type { S3Engine } from '../engine/engine.js';
import { emptyReply, xmlBody, xmlReply } from './operation-context.js';
import type { OperationContext, OperationHandler, Reply } from './operation-context.js';
import { S3ProtocolError } from './protocol-error.js';
import type { Route, S3Operation } from './route.js';
import { childText, childrenNamed, parseXml } from './xml-reader.js';
import { el, group, xmlDocument } from './xml-writer.js';

/** The `Access-Control-*` headers a matching rule gives a response to `origin`. */
function allowHeaders(rule: CorsRule, origin: string): Record<string, string> {
  const anyOrigin = rule.AllowedOrigins.includes('*');
  const h: Record<string, string> = {
    'access-control-allow-origin': anyOrigin ? '*' : origin,
    'access-control-allow-methods': rule.AllowedMethods.join(', '),
    vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
  };
  if (!anyOrigin) h['access-control-allow-credentials'] = 'true';
  if (rule.ExposeHeaders?.length) h['access-control-expose-headers'] = rule.ExposeHeaders.join(', ');
  if (rule.MaxAgeSeconds !== undefined) h['access-control-max-age'] = String(rule.MaxAgeSeconds);
  return h;
}

/**
 * The CORS headers of a response to `request` (any status): when it has an `Origin` and a rule of the
 * bucket allows that origin for its method (or the method its `Access-Control-Request-Method` names).
 */
export function corsResponseHeaders(engine: S3Engine, request: HttpRequest, route: Route | undefined): Record<string, string> {
  const origin = request.headers.origin;
  if (origin === undefined || route?.bucket === undefined || route.operation === 'OptionsObject') return {};
  const Method = request.headers['access-control-request-method'] ?? request.method;
  const { rule } = engine.matchCors({ Bucket: route.bucket, Origin: origin, Method });
  return rule ? allowHeaders(rule, origin) : {};
}

function optionsObject(ctx: OperationContext): Reply {
  const origin = ctx.headers.origin;
  const method = ctx.headers['access-control-request-method'];
  if (origin === undefined) throw S3ProtocolError.of('BadRequest', {}, 'Insufficient information. Origin request header needed.');
  if (method === undefined) throw S3ProtocolError.of('BadRequest', {}, 'Invalid Access-Control-Request-Method: null');
  const RequestHeaders = (ctx.headers['access-control-request-headers'] ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  const { configured, rule } = ctx.engine.matchCors({ Bucket: ctx.bucket, Origin: origin, Method: method, RequestHeaders });
  if (!configured) throw S3ProtocolError.of('AccessForbidden', { Method: method, ResourceType: 'BUCKET' }, 'CORSResponse: CORS is not enabled for this bucket.');
  if (!rule) {
    throw S3ProtocolError.of('AccessForbidden', { Method: method, ResourceType: 'OBJECT' }, 'CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource\'s CORS spec.');
  }
  const headers = allowHeaders(rule, origin);
  if (RequestHeaders.length > 0) headers['access-control-allow-headers'] = RequestHeaders.join(', ');
  return emptyReply(200, headers);
}

const list = (node: Parameters<typeof childrenNamed>[0], name: string): string[] => childrenNamed(node, name).map((n) => n.text.trim());

async function putBucketCors(ctx: OperationContext): Promise<Reply> {
  const root = parseXml(await xmlBody(ctx));
  if (root.name !== 'CORSConfiguration') throw S3ProtocolError.of('MalformedXML');
  const CORSRules = childrenNamed(root, 'CORSRule').map((r): CorsRule => {
    const id = childText(r, 'ID');
    const maxAge = childText(r, 'MaxAgeSeconds');
    if (maxAge !== undefined && !/^\d+$/.test(maxAge.trim())) throw S3ProtocolError.of('MalformedXML');
    return {
      ...(id === undefined ? {} : { ID: id }),
      AllowedOrigins: list(r, 'AllowedOrigin'),
      AllowedMethods: list(r, 'AllowedMethod'),
      AllowedHeaders: list(r, 'AllowedHeader'),
      ExposeHeaders: list(r, 'ExposeHeader'),
      ...(maxAge === undefined ? {} : { MaxAgeSeconds: Number(maxAge) }),
    };
  });
  ctx.engine.putBucketCors({ Bucket: ctx.bucket, CORSRules }, ctx.requester);
  return emptyReply(200);
}

function getBucketCors(ctx: OperationContext): Reply {
  const { CORSRules } = ctx.engine.getBucketCors({ Bucket: ctx.bucket }, ctx.requester);
  const rule = (r: CorsRule): string =>
    group(
      'CORSRule',
      el('ID', r.ID),
      ...r.AllowedOrigins.map((o) => el('AllowedOrigin', o)),
      ...r.AllowedMethods.map((m) => el('AllowedMethod', m)),
      ...(r.AllowedHeaders ?? []).map((h) => el('AllowedHeader', h)),
      ...(r.ExposeHeaders ?? []).map((h) => el('ExposeHeader', h)),
      el('MaxAgeSeconds', r.MaxAgeSeconds),
    );
  return xmlReply(xmlDocument('CORSConfiguration', CORSRules.map(rule)));
}

/** CORS handlers. */
export const CORS_HANDLERS: Partial<Record<S3Operation, OperationHandler>> = {
  PutBucketCors: putBucketCors,
  GetBucketCors: getBucketCors,
  DeleteBucketCors: (ctx) => {
    ctx.engine.deleteBucketCors({ Bucket: ctx.bucket }, ctx.requester);
    return emptyReply(204);
  },
  OptionsObject: optionsObject,
};
