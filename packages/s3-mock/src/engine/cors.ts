/**
 * Bucket CORS rules: validation and matching a request's origin, method and headers against them.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html
 */
import type { Requester } from './account.js';
import { readSubresource, writeSubresource } from './bucket-subresource.js';
import type { EngineContext } from './engine-state.js';
import { S3MockError } from './errors.js';
import { requireBucket } from './lookups.js';

/** One CORS rule. */
export interface CorsRule {
  readonly ID?: string;
  readonly AllowedOrigins: readonly string[];
  readonly AllowedMethods: readonly string[];
  readonly AllowedHeaders?: readonly string[];
  readonly ExposeHeaders?: readonly string[];
  readonly MaxAgeSeconds?: number;
}

const METHODS: ReadonlySet<string> = new Set(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']);

/** A CORS pattern with at most one `*` matching any run of characters. */
const wildcard = (pattern: string, value: string, ignoreCase = false): boolean =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, ignoreCase ? 'i' : '').test(value);

/**
 * Validates and stores a bucket's CORS rules.
 * @throws S3MockError `NoSuchBucket`, `MalformedXML` (no rules, over 100), `InvalidRequest` (an unsupported method, an origin or header with two wildcards)
 */
export function putBucketCors(ctx: EngineContext, input: { Bucket: string; CORSRules: readonly CorsRule[] }, _requester: Requester): void {
  requireBucket(ctx, input.Bucket);
  if (input.CORSRules.length === 0 || input.CORSRules.length > 100) throw new S3MockError('MalformedXML');
  for (const rule of input.CORSRules) {
    if (rule.AllowedOrigins.length === 0 || rule.AllowedMethods.length === 0) throw new S3MockError('MalformedXML');
    const unsupported = rule.AllowedMethods.find((m) => !METHODS.has(m));
    if (unsupported !== undefined) throw new S3MockError('InvalidRequest', {}, `Found unsupported HTTP method in CORS config. Unsupported method is ${unsupported}`);
    const doubled = [...rule.AllowedOrigins, ...(rule.AllowedHeaders ?? [])].find((v) => v.split('*').length > 2);
    if (doubled !== undefined) throw new S3MockError('InvalidRequest', {}, `AllowedOrigin/AllowedHeader "${doubled}" can not have more than one wildcard.`);
  }
  writeSubresource(ctx, input.Bucket, 'Cors', input.CORSRules);
}

/** @throws S3MockError `NoSuchBucket`, `NoSuchCORSConfiguration` */
export function getBucketCors(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): { CORSRules: CorsRule[] } {
  return { CORSRules: [...readSubresource(ctx, input.Bucket, 'Cors', 'NoSuchCORSConfiguration')] };
}

/** @throws S3MockError `NoSuchBucket` */
export function deleteBucketCors(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): void {
  writeSubresource(ctx, input.Bucket, 'Cors', undefined);
}

/** A cross-origin request to match: its origin, method, and (preflight) requested headers. */
export interface CorsRequest {
  Bucket: string;
  Origin: string;
  Method: string;
  RequestHeaders?: readonly string[];
}

/**
 * The first rule that allows `request`, `undefined` when none does; `configured` says whether the
 * bucket has CORS rules at all (a missing bucket has none).
 */
export function matchCors(ctx: EngineContext, request: CorsRequest): { configured: boolean; rule?: CorsRule } {
  const rules = ctx.state.buckets.get(request.Bucket)?.record.config.Cors;
  if (!rules) return { configured: false };
  const rule = rules.find(
    (r) =>
      r.AllowedOrigins.some((o) => wildcard(o, request.Origin)) &&
      r.AllowedMethods.includes(request.Method.toUpperCase()) &&
      (request.RequestHeaders ?? []).every((h) => (r.AllowedHeaders ?? []).some((a) => wildcard(a, h, true))),
  );
  return rule ? { configured: true, rule } : { configured: true };
}
