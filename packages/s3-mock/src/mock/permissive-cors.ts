/**
 * Server-level CORS, so a browser page on another origin (a test page, a dev server) can use the
 * mock: preflights (`OPTIONS` with `Access-Control-Request-Method`) are answered before routing, and
 * every answer to a request with an `Origin` allows that origin and exposes every header (S3
 * clients need `ETag` and the `x-amz-*` headers). Permissive on purpose: the mock only binds
 * loopback. A bucket with CORS rules is answered from its rules instead (`governedByBucketRules`).
 */
import type { S3Engine } from '../engine/engine.js';
import type { Route } from '../protocol/route.js';


/** The methods a preflight allows: every method S3 uses. */
const ALLOWED_METHODS = 'GET, PUT, POST, DELETE, HEAD';

/** Seconds a browser may cache a preflight answer. */
const PREFLIGHT_MAX_AGE = '600';

type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Whether a request is a CORS preflight (an `OPTIONS` naming the method it asks for). */
export function isCorsPreflight(method: string | undefined, headers: RequestHeaders): boolean {
  return method === 'OPTIONS' && single(headers.origin) !== undefined && single(headers['access-control-request-method']) !== undefined;
}

/** The answer headers of a preflight: the origin, S3's methods and whatever headers were asked for. */
export function preflightHeaders(headers: RequestHeaders): Record<string, string> {
  const out: Record<string, string> = {
    'access-control-allow-origin': single(headers.origin) ?? '*',
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-max-age': PREFLIGHT_MAX_AGE,
    vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    'content-length': '0',
  };
  const asked = single(headers['access-control-request-headers']);
  if (asked !== undefined && asked !== '') out['access-control-allow-headers'] = asked;
  return out;
}

/** `reply` headers plus the CORS headers of a request with an `Origin` (kept when the reply sets them). */
export function withCorsHeaders(requestHeaders: RequestHeaders, reply: Record<string, string>): Record<string, string> {
  const origin = single(requestHeaders.origin);
  if (origin === undefined || reply['access-control-allow-origin'] !== undefined) return reply;
  return { ...reply, 'access-control-allow-origin': origin, 'access-control-expose-headers': '*', vary: reply.vary === undefined ? 'Origin' : `${reply.vary}, Origin` };
}

/**
 * Whether the bucket a request targets has CORS rules, so the protocol answers its CORS from them
 * (a preflight gets 200 or 403 and only a matching origin is allowed) rather than permissively.
 */
export function governedByBucketRules(engine: S3Engine, route: Route | undefined, headers: RequestHeaders): boolean {
  const origin = single(headers.origin);
  if (route?.bucket === undefined || origin === undefined) return false;
  return engine.matchCors({ Bucket: route.bucket, Origin: origin, Method: single(headers['access-control-request-method']) ?? 'GET' }).configured;
}
