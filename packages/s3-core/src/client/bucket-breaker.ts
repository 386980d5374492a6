/**
 * The client's circuit breaker, one circuit per bucket and endpoint. S3 throttles and fails per
 * bucket (and prefix), not per host: keyed by endpoint origin, a path-style endpoint shared by many
 * buckets went down for all of them when one misbehaved.
 */
import { circuitBreakerMiddleware, requestOrigin } from '@s3kit/primitives';
import type { CircuitBreaker, HttpMiddleware, HttpRequest } from '@s3kit/primitives';
import type { ResolvedEndpoint } from '../endpoints/resolve-endpoint.js';

/** A breaker middleware that knows which bucket each request goes to. */
export interface BucketBreaker {
  /** The middleware (innermost, so each attempt is counted). */
  readonly middleware: HttpMiddleware;
  /** Notes that `request` goes to `endpoint` (call before sending it). */
  tag(request: HttpRequest, endpoint: ResolvedEndpoint): void;
  /** Forgets `request` (call once its send settled). */
  untag(request: HttpRequest): void;
}

/**
 * The circuit key of an endpoint: its base URL, which names the bucket in both addressing styles
 * (`https://b.s3.eu-west-1.amazonaws.com`, `http://127.0.0.1:9000/b`); without a bucket, the endpoint.
 */
export function bucketCircuitKey(endpoint: ResolvedEndpoint): string {
  const port = endpoint.port === undefined ? '' : `:${endpoint.port}`;
  return `${endpoint.protocol}//${endpoint.hostname}${port}${endpoint.pathPrefix}`;
}

/**
 * Wraps `breaker` as a middleware keyed by {@link bucketCircuitKey}. What trips a circuit: 5xx
 * answers other than 501 and 503, network errors and timeouts, `failureThreshold` times in a row
 * on that bucket. Throttling (503 `SlowDown`, 429) never does: it goes to backoff and adaptive rate
 * limiting. A request the client did not tag (a middleware replaced it) is keyed by its origin.
 */
export function createBucketBreaker(breaker: CircuitBreaker): BucketBreaker {
  // A plain Map emptied as each send settles: a WeakMap entry per request made every young-generation
  // collection walk an ephemeron table that only full collections shrink (~2x the scavenge time).
  const keys = new Map<HttpRequest, string>();
  // Endpoints are cached per bucket and region, so their keys are built once.
  const endpointKeys = new WeakMap<ResolvedEndpoint, string>();
  return {
    middleware: circuitBreakerMiddleware(breaker, { keyOf: (request) => keys.get(request) ?? requestOrigin(request) }),
    tag: (request, endpoint) => {
      let key = endpointKeys.get(endpoint);
      if (key === undefined) {
        key = bucketCircuitKey(endpoint);
        endpointKeys.set(endpoint, key);
      }
      keys.set(request, key);
    },
    untag: (request) => {
      keys.delete(request);
    },
  };
}
