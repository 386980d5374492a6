/**
 * Request routing: which bucket and key a request addresses (path-style or virtual-host), and
 * which S3 operation its method, sub-resources and headers name, from the route table generated
 * from AWS's model (`route-table.ts`).
 */
import type { HttpRequest } from '@s3kit/primitives';
import { S3ProtocolError } from './protocol-error.js';
import { ROUTE_TABLE } from './route-table.js';
import type { RouteSpec, S3Operation as ModelOperation } from './route-table.js';

export { ROUTE_TABLE, S3_OPERATIONS } from './route-table.js';
export type { RouteSpec } from './route-table.js';

/**
 * Every operation the mock routes: the model's, plus the two S3 REST operations browsers use that
 * the SDK model leaves out: the CORS preflight (`OPTIONS` on a bucket or object) and the
 * browser-form upload (`POST` of `multipart/form-data` to a bucket).
 */
export type S3Operation = ModelOperation | 'OptionsObject' | 'PostObject';

/** Where a request goes. */
export interface Route {
  /** The operation, as the generated {@link ROUTE_TABLE} recognises it. */
  operation: S3Operation;
  /** Bucket name, when the request addresses one. */
  bucket?: string;
  /** Object key (decoded), when the request addresses one. */
  key?: string;
  /** Whether the bucket came from the Host header. */
  virtualHost: boolean;
}

/** Default virtual-host base domains besides the amazonaws.com patterns. */
export const DEFAULT_BASE_DOMAINS: readonly string[] = ['localhost'];

// bucket.s3.amazonaws.com, bucket.s3.eu-west-1.amazonaws.com, bucket.s3-eu-west-1..., bucket.s3.dualstack.r...
const AWS_HOST = /^(.+?)\.s3(?:[.-](?:dualstack\.)?[a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/;

/** The bucket named by a virtual-host `hostname`, or `undefined` for path-style addressing. */
export function bucketFromHost(hostname: string, baseDomains: readonly string[] = DEFAULT_BASE_DOMAINS): string | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  for (const domain of baseDomains) {
    const d = domain.toLowerCase();
    if (host.endsWith(`.${d}`) && host.length > d.length + 1) return host.slice(0, -(d.length + 1));
  }
  const m = AWS_HOST.exec(host);
  return m && !/^s3[.-]/.test(host) ? m[1] : undefined;
}

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw S3ProtocolError.of('InvalidURI', { URI: raw.slice(0, 1024) });
  }
}

function matches(spec: RouteSpec, method: string, level: RouteSpec['level'], query: Readonly<Record<string, unknown>>, headers: Readonly<Record<string, string>>): boolean {
  return (
    spec.method === method &&
    spec.level === level &&
    // Presence only: a wrong value (`list-type=3`) reaches the operation, which says what is wrong.
    spec.query.every(([name]) => query[name] !== undefined) &&
    spec.requiredQuery.every((name) => query[name] !== undefined) &&
    spec.requiredHeaders.every((name) => headers[name] !== undefined)
  );
}

/** The browser operations, which the model does not describe. */
function browserOperation(method: string, level: RouteSpec['level'], headers: Readonly<Record<string, string>>): S3Operation | undefined {
  if (method === 'OPTIONS' && level !== 'service') return 'OptionsObject';
  if (method === 'POST' && level === 'bucket' && /^multipart\/form-data/i.test(headers['content-type'] ?? '')) return 'PostObject';
  return undefined;
}

/**
 * Routes a request: addressing, then the first {@link ROUTE_TABLE} entry that matches.
 * @throws S3ProtocolError `InvalidURI` (bad percent-encoding), `MethodNotAllowed` (no operation for the method)
 */
export function resolveRoute(request: Pick<HttpRequest, 'method' | 'hostname' | 'path' | 'query' | 'headers'>, baseDomains?: readonly string[]): Route {
  const raw = request.path.split('?')[0] ?? '/';
  const hostBucket = bucketFromHost(request.hostname, baseDomains);
  let bucket: string | undefined;
  let keyRaw: string;
  if (hostBucket !== undefined) {
    bucket = hostBucket;
    keyRaw = raw.slice(1);
  } else {
    const rest = raw.slice(1);
    const slash = rest.indexOf('/');
    const first = slash < 0 ? rest : rest.slice(0, slash);
    bucket = first === '' ? undefined : decodeSegment(first);
    keyRaw = slash < 0 ? '' : rest.slice(slash + 1);
  }
  const key = keyRaw === '' ? undefined : decodeSegment(keyRaw);
  const level = bucket === undefined ? 'service' : key === undefined ? 'bucket' : 'object';
  const query = request.query ?? {};
  const method = request.method.toUpperCase();
  const operation = browserOperation(method, level, request.headers) ?? ROUTE_TABLE.find((r) => matches(r, method, level, query, request.headers))?.operation;
  if (!operation) {
    throw S3ProtocolError.of('MethodNotAllowed', { Method: method, ResourceType: level === 'service' ? 'SERVICE' : level.toUpperCase() });
  }
  const route: Route = { operation, virtualHost: hostBucket !== undefined };
  if (bucket !== undefined) route.bucket = bucket;
  if (key !== undefined) route.key = key;
  return route;
}
