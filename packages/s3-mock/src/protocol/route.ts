/**
 * Request routing as data: which bucket and key a request addresses (path-style or virtual-host),
 * and which S3 operation its method, sub-resources and headers name.
 */
import type { HttpRequest } from '@s3kit/primitives';
import { S3ProtocolError } from './protocol-error.js';

/** The S3 operations the mock serves. */
export type S3Operation =
  | 'ListBuckets'
  | 'CreateBucket'
  | 'DeleteBucket'
  | 'HeadBucket'
  | 'GetBucketLocation'
  | 'GetBucketTagging'
  | 'PutBucketTagging'
  | 'DeleteBucketTagging'
  | 'ListObjects'
  | 'ListObjectsV2'
  | 'ListMultipartUploads'
  | 'DeleteObjects'
  | 'PutObject'
  | 'CopyObject'
  | 'GetObject'
  | 'HeadObject'
  | 'DeleteObject'
  | 'GetObjectTagging'
  | 'PutObjectTagging'
  | 'DeleteObjectTagging'
  | 'CreateMultipartUpload'
  | 'UploadPart'
  | 'UploadPartCopy'
  | 'ListParts'
  | 'CompleteMultipartUpload'
  | 'AbortMultipartUpload';

/** Where a request goes. */
export interface Route {
  /** The operation (`undefined` when the request names none the mock serves; see `reject`). */
  operation: S3Operation;
  /** Bucket name, when the request addresses one. */
  bucket?: string;
  /** Object key (decoded), when the request addresses one. */
  key?: string;
  /** Whether the bucket came from the Host header. */
  virtualHost: boolean;
}

interface RouteRule {
  method: string;
  level: 'service' | 'bucket' | 'object';
  /** Query parameters that must all be present. */
  query?: readonly string[];
  /** A header that must be present. */
  header?: string;
  operation: S3Operation;
}

/** First match wins, so the more specific rule of a method comes first. */
export const ROUTE_RULES: readonly RouteRule[] = [
  { method: 'GET', level: 'service', operation: 'ListBuckets' },
  { method: 'PUT', level: 'bucket', query: ['tagging'], operation: 'PutBucketTagging' },
  { method: 'PUT', level: 'bucket', operation: 'CreateBucket' },
  { method: 'DELETE', level: 'bucket', query: ['tagging'], operation: 'DeleteBucketTagging' },
  { method: 'DELETE', level: 'bucket', operation: 'DeleteBucket' },
  { method: 'HEAD', level: 'bucket', operation: 'HeadBucket' },
  { method: 'GET', level: 'bucket', query: ['location'], operation: 'GetBucketLocation' },
  { method: 'GET', level: 'bucket', query: ['tagging'], operation: 'GetBucketTagging' },
  { method: 'GET', level: 'bucket', query: ['uploads'], operation: 'ListMultipartUploads' },
  { method: 'GET', level: 'bucket', query: ['list-type'], operation: 'ListObjectsV2' },
  { method: 'GET', level: 'bucket', operation: 'ListObjects' },
  { method: 'POST', level: 'bucket', query: ['delete'], operation: 'DeleteObjects' },
  { method: 'PUT', level: 'object', query: ['tagging'], operation: 'PutObjectTagging' },
  { method: 'PUT', level: 'object', query: ['partNumber', 'uploadId'], header: 'x-amz-copy-source', operation: 'UploadPartCopy' },
  { method: 'PUT', level: 'object', query: ['partNumber', 'uploadId'], operation: 'UploadPart' },
  { method: 'PUT', level: 'object', header: 'x-amz-copy-source', operation: 'CopyObject' },
  { method: 'PUT', level: 'object', operation: 'PutObject' },
  { method: 'GET', level: 'object', query: ['tagging'], operation: 'GetObjectTagging' },
  { method: 'GET', level: 'object', query: ['uploadId'], operation: 'ListParts' },
  { method: 'GET', level: 'object', operation: 'GetObject' },
  { method: 'HEAD', level: 'object', operation: 'HeadObject' },
  { method: 'DELETE', level: 'object', query: ['tagging'], operation: 'DeleteObjectTagging' },
  { method: 'DELETE', level: 'object', query: ['uploadId'], operation: 'AbortMultipartUpload' },
  { method: 'DELETE', level: 'object', operation: 'DeleteObject' },
  { method: 'POST', level: 'object', query: ['uploads'], operation: 'CreateMultipartUpload' },
  { method: 'POST', level: 'object', query: ['uploadId'], operation: 'CompleteMultipartUpload' },
];

/** Sub-resources of real S3 the mock does not model: answered with 501 `NotImplemented`. */
export const UNSUPPORTED_SUBRESOURCES: ReadonlySet<string> = new Set([
  'accelerate', 'acl', 'analytics', 'attributes', 'cors', 'encryption', 'intelligent-tiering', 'inventory', 'legal-hold',
  'lifecycle', 'logging', 'metadataTable', 'metrics', 'notification', 'object-lock', 'ownershipControls', 'policy',
  'policyStatus', 'publicAccessBlock', 'renameObject', 'replication', 'requestPayment', 'restore', 'retention', 'select',
  'session', 'torrent', 'versioning', 'versionId', 'versions', 'website',
]);

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

/**
 * Routes a request: addressing, then the first {@link ROUTE_RULES} entry that matches.
 * @throws S3ProtocolError `InvalidURI` (bad percent-encoding), `NotImplemented` (a sub-resource the mock does not model),
 *   `MethodNotAllowed` (no rule for the method)
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
  for (const name of Object.keys(query)) {
    if (UNSUPPORTED_SUBRESOURCES.has(name)) {
      throw S3ProtocolError.of('NotImplemented', {}, `The ${name} sub-resource is not implemented by s3-mock`);
    }
  }
  const method = request.method.toUpperCase();
  const rule = ROUTE_RULES.find(
    (r) =>
      r.method === method &&
      r.level === level &&
      (r.query ?? []).every((q) => query[q] !== undefined) &&
      (r.header === undefined || request.headers[r.header] !== undefined),
  );
  if (!rule) {
    throw S3ProtocolError.of('MethodNotAllowed', { Method: method, ResourceType: level === 'service' ? 'SERVICE' : level.toUpperCase() });
  }
  const route: Route = { operation: rule.operation, virtualHost: hostBucket !== undefined };
  if (bucket !== undefined) route.bucket = bucket;
  if (key !== undefined) route.key = key;
  return route;
}
