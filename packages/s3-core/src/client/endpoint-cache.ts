import { resolveEndpoint } from '../endpoints/resolve-endpoint.js';
import type { EndpointParams, ResolvedEndpoint } from '../endpoints/resolve-endpoint.js';

const MAX_CACHED_ENDPOINTS = 1024;

/** Resolved endpoints by region and bucket (bounded: cleared when full). */
export interface EndpointCache {
  /** The endpoint of `bucket` (or of the service) in `region`. */
  get(bucket: string | undefined, region: string): ResolvedEndpoint;
}

/** An {@link EndpointCache} over the client's endpoint settings. */
export function createEndpointCache(params: Omit<EndpointParams, 'bucket' | 'region'>): EndpointCache {
  const endpoints = new Map<string, ResolvedEndpoint>();
  return {
    get(bucket, region) {
      const cacheKey = bucket === undefined ? region : `${region}\n${bucket}`;
      let endpoint = endpoints.get(cacheKey);
      if (endpoint === undefined) {
        endpoint = resolveEndpoint(bucket === undefined ? { ...params, region } : { ...params, region, bucket });
        if (endpoints.size >= MAX_CACHED_ENDPOINTS) endpoints.clear();
        endpoints.set(cacheKey, endpoint);
      }
      return endpoint;
    },
  };
}
