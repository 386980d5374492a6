import { resolveEndpoint } from '../endpoints/resolve-endpoint.js';
import type { EndpointParams, ResolvedEndpoint } from '../endpoints/resolve-endpoint.js';
import type { EndpointFlags } from '../interpreter/compile.js';

const MAX_CACHED_ENDPOINTS = 1024;

const NO_FLAGS: EndpointFlags = { key: '' };

/** Resolved endpoints by region, bucket and operation flags (bounded: cleared when full). */
export interface EndpointCache {
  /** The endpoint of `bucket` (or of the service) in `region`, for an operation with `flags`. */
  get(bucket: string | undefined, region: string, flags?: EndpointFlags): ResolvedEndpoint;
}

/** An {@link EndpointCache} over the client's endpoint settings. */
export function createEndpointCache(params: Omit<EndpointParams, 'bucket' | 'region'>): EndpointCache {
  const endpoints = new Map<string, ResolvedEndpoint>();
  return {
    get(bucket, region, flags = NO_FLAGS) {
      const cacheKey = bucket === undefined ? `${region}\n\n${flags.key}` : `${region}\n${bucket}\n${flags.key}`;
      let endpoint = endpoints.get(cacheKey);
      if (endpoint === undefined) {
        const { key: _key, ...context } = flags;
        endpoint = resolveEndpoint(bucket === undefined ? { ...params, ...context, region } : { ...params, ...context, region, bucket });
        if (endpoints.size >= MAX_CACHED_ENDPOINTS) endpoints.clear();
        endpoints.set(cacheKey, endpoint);
      }
      return endpoint;
    },
  };
}
