/**
 * A client's settings once resolved (on first use): options, then environment, then the shared
 * config files; the credentials, signer, retry strategy and middleware stack built from them.
 */
import {
  ConfigError,
  ValidationError,
  compose,
  createCircuitBreaker,
  createConfigResolver,
  createRetryStrategy,
  createDefaultTransport,
  loggingMiddleware,
  processEnv,
  systemClock,
  tracingMiddleware,
} from '@s3kit/primitives';
import type {
  ChecksumSetting,
  Clock,
  ConfigResolver,
  ConfigResolverOptions,
  HttpMiddleware,
  HttpTransport,
  ResolvedConfig,
  RetryStrategy,
} from '@s3kit/primitives';
import { createSigV4aSigner, createSigner } from '@s3kit/sigv4';
import type { AwsCredentials, CredentialsProvider, SigV4aSigner, SignOptions, Signer } from '@s3kit/sigv4';
import type { BodyTracker } from '../body/body-tracker.js';
import { DEFAULT_MAX_BUFFERED_BODY_BYTES } from '../body/read-capped.js';
import { resolveEndpoint } from '../endpoints/resolve-endpoint.js';
import type { EndpointParams } from '../endpoints/resolve-endpoint.js';
import { createBucketBreaker } from './bucket-breaker.js';
import type { BucketBreaker } from './bucket-breaker.js';
import { defaultCredentials } from './default-credentials.js';
import { endpointErrorsMiddleware } from './endpoint-errors.js';
import { createExpressSessions } from './express-sessions.js';
import type { ExpressSessions, SessionCredentials } from './express-sessions.js';
import { createEndpointCache } from './endpoint-cache.js';
import { userAgent } from './user-agent.js';
import type { EndpointCache } from './endpoint-cache.js';
import type { S3ClientOptions } from './client-options.js';

const AWS_HOST = /(?:^|\.)amazonaws\.com(?:\.cn)?$/;

/** The settings and per-client caches every operation of a client reads. */
export interface ClientState {
  readonly region: string;
  readonly endpointParams: Omit<EndpointParams, 'bucket' | 'region'>;
  readonly isAws: boolean;
  /** The client's signer (its own region); other regions use {@link ClientState.regionSigners}. */
  readonly signer: Signer;
  /** The credentials every signer of this client uses (the client's profile, env and files). */
  readonly credentials: AwsCredentials | CredentialsProvider;
  /** Signers for other regions (presigned POST forms of redirected buckets), one per region. */
  readonly regionSigners: Map<string, Signer>;
  /**
   * The SigV4a signer (Multi-Region Access Points), created on first use: it needs `node:crypto`, so
   * elsewhere the first SigV4a request fails with `ERR_CONFIG` and nothing else does.
   */
  readonly sigV4aSigner: () => SigV4aSigner;
  readonly staticCredentials: boolean;
  readonly requestChecksum: ChecksumSetting;
  readonly responseChecksum: ChecksumSetting;
  readonly retry: RetryStrategy;
  readonly transport: HttpTransport;
  /** Circuit per bucket; `undefined` when disabled. */
  readonly breaker: BucketBreaker | undefined;
  /** Largest response body read whole (XML results, error documents). */
  readonly maxBufferedBodyBytes: number;
  /** Whether the client created the transport (and closes it). */
  readonly ownsTransport: boolean;
  readonly followRegionRedirects: boolean;
  readonly config: ResolvedConfig;
  readonly clock: Clock;
  /** Endpoints by region and bucket. */
  readonly endpoints: EndpointCache;
  /** Bucket regions learnt from redirects. */
  readonly bucketRegions: Map<string, string>;
  /** Sign options by region and payload mode (reused: the signer's hot path allocates nothing). */
  readonly signOptions: Map<string, SignOptions>;
  /** Response bodies handed out and not finished. */
  readonly bodies: BodyTracker;
  /** S3 Express One Zone session credentials, by directory bucket. */
  readonly expressSessions: ExpressSessions;
  /** The `User-Agent` header of every request. */
  readonly userAgent: string;
}

/** How the client creates an S3 Express session (CreateSession, sent by the client itself). */
export type CreateSessionCall = (state: ClientState, bucket: string, signal: AbortSignal | undefined) => Promise<SessionCredentials>;

/**
 * Resolves `options` into a {@link ClientState}.
 * @throws {ConfigError} `ERR_CONFIG` without a region, for a bad setting or a missing profile.
 * @throws {ValidationError} `ERR_VALIDATION` for a bad region or endpoint.
 */
export async function resolveClientState(
  o: S3ClientOptions,
  bodies: BodyTracker,
  bucketRegions: Map<string, string>,
  createSession: CreateSessionCall,
): Promise<ClientState> {
  const configOptions: ConfigResolverOptions | undefined =
    o.config !== undefined && 'resolve' in o.config ? undefined : { ...(o.config ?? {}), ...(o.profile === undefined ? {} : { profile: o.profile }) };
  const resolver: ConfigResolver = configOptions === undefined ? (o.config as ConfigResolver) : createConfigResolver(configOptions);
  const retryOptions = o.retry !== undefined && !('run' in o.retry) ? o.retry : undefined;
  const config = await resolver.resolve({
    ...(o.region === undefined ? {} : { region: o.region }),
    ...(o.endpoint === undefined ? {} : { endpointUrl: o.endpoint }),
    ...(retryOptions?.maxAttempts === undefined ? {} : { maxAttempts: retryOptions.maxAttempts }),
    ...(retryOptions?.mode === undefined ? {} : { retryMode: retryOptions.mode }),
    ...(o.requestChecksumCalculation === undefined ? {} : { requestChecksumCalculation: o.requestChecksumCalculation }),
    ...(o.responseChecksumValidation === undefined ? {} : { responseChecksumValidation: o.responseChecksumValidation }),
    ...(o.useDualstackEndpoint === undefined ? {} : { useDualstackEndpoint: o.useDualstackEndpoint }),
    ...(o.useFipsEndpoint === undefined ? {} : { useFipsEndpoint: o.useFipsEndpoint }),
  });
  const endpointUrl = config.endpointUrl;
  const isAws = endpointUrl === undefined || AWS_HOST.test(new URL(endpointUrl).hostname);
  const region = config.region ?? (endpointUrl === undefined ? undefined : 'us-east-1');
  if (region === undefined) {
    throw new ConfigError('No region: set the region option, AWS_REGION, or region in the shared config file', { source: 'region' });
  }
  const addressing = config.s3.addressingStyle;
  const forcePathStyle = o.forcePathStyle ?? (addressing === 'path' ? true : addressing === 'virtual' ? false : undefined);
  const endpointParams: Omit<EndpointParams, 'bucket' | 'region'> = {
    ...(endpointUrl === undefined ? {} : { endpoint: endpointUrl }),
    ...(forcePathStyle === undefined ? {} : { forcePathStyle }),
    ...(config.s3.useDualstackEndpoint ? { useDualstack: true } : {}),
    ...(config.useFipsEndpoint ? { useFips: true } : {}),
    ...((o.useAccelerateEndpoint ?? config.s3.useAccelerateEndpoint) ? { useAccelerate: true } : {}),
  };
  // Validates region and endpoint now rather than on the first request.
  resolveEndpoint({ ...endpointParams, region });
  const clock = o.clock ?? systemClock;
  const credentials = o.credentials ?? defaultCredentials(configOptions, resolver, o.clock);
  const signer = createSigner({ credentials, region, service: 's3', clock });
  let sigV4a: SigV4aSigner | undefined;
  const retry =
    o.retry !== undefined && 'run' in o.retry
      ? o.retry
      : createRetryStrategy({
          mode: config.retryMode,
          maxAttempts: config.maxAttempts,
          clock,
          ...(o.random ? { random: o.random } : {}),
          ...(retryOptions?.baseDelayMs === undefined ? {} : { baseDelayMs: retryOptions.baseDelayMs }),
          ...(retryOptions?.maxDelayMs === undefined ? {} : { maxDelayMs: retryOptions.maxDelayMs }),
        });
  const base = o.transport ?? createDefaultTransport();
  const middleware: HttpMiddleware[] = [];
  if (o.tracing !== false) middleware.push(tracingMiddleware());
  if (o.logger) middleware.push(loggingMiddleware(o.logger, { clock }));
  if (o.middleware) middleware.push(...o.middleware);
  const breaker = o.circuitBreaker === false ? undefined : createBucketBreaker(o.circuitBreaker ?? createCircuitBreaker({ clock }));
  if (breaker) middleware.push(breaker.middleware);
  middleware.push(endpointErrorsMiddleware());
  const explicit = (name: string): boolean => config.sources[name] !== undefined;
  const state: ClientState = {
    region,
    endpointParams,
    isAws,
    signer,
    credentials,
    regionSigners: new Map(),
    sigV4aSigner: () => (sigV4a ??= createSigV4aSigner({ credentials, regionSet: '*', service: 's3', clock })),
    staticCredentials: typeof credentials !== 'function',
    requestChecksum: explicit('requestChecksumCalculation') ? config.requestChecksumCalculation : isAws ? 'when_supported' : 'when_required',
    responseChecksum: explicit('responseChecksumValidation') ? config.responseChecksumValidation : isAws ? 'when_supported' : 'when_required',
    retry,
    transport: compose(base, ...middleware),
    breaker,
    maxBufferedBodyBytes: maxBufferedBodyBytesOf(o),
    ownsTransport: o.transport === undefined,
    followRegionRedirects: o.followRegionRedirects ?? true,
    config,
    clock,
    endpoints: createEndpointCache(endpointParams),
    bucketRegions,
    signOptions: new Map(),
    bodies,
    expressSessions: createExpressSessions({ region, clock, create: (bucket, signal) => createSession(state, bucket, signal) }),
    userAgent: userAgent(o.userAgentAppId ?? (configOptions?.env ?? processEnv()).AWS_SDK_UA_APP_ID),
  };
  return state;
}

/**
 * The client's `maxBufferedBodyBytes`.
 * @throws {ValidationError} `ERR_VALIDATION` unless an integer >= 1.
 */
export function maxBufferedBodyBytesOf(o: S3ClientOptions): number {
  const limit = o.maxBufferedBodyBytes ?? DEFAULT_MAX_BUFFERED_BODY_BYTES;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new ValidationError({ field: 'maxBufferedBodyBytes', rule: 'must be an integer >= 1', value: limit });
  return limit;
}

/** The region requests for `bucket` go to: the one learnt from a redirect, else the client's. */
export function regionOf(state: ClientState, bucket: string | undefined): string {
  return bucket === undefined ? state.region : (state.bucketRegions.get(bucket) ?? state.region);
}
