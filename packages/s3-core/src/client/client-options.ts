import type {
  ChecksumSetting,
  CircuitBreaker,
  Clock,
  ConfigResolver,
  ConfigResolverOptions,
  HttpMiddleware,
  HttpTransport,
  Logger,
  Random,
  RetryMode,
  RetryStrategy,
} from '@s3kit/primitives';
import type { AwsCredentials, CredentialsProvider } from '@s3kit/sigv4';

/** Retry settings of an {@link S3ClientOptions}. */
export interface S3RetryOptions {
  /**
   * `standard` (backoff + retry quota) or `adaptive` (plus client-side rate limiting on throttling).
   * @default env `AWS_RETRY_MODE`, config `retry_mode`, else 'standard'
   */
  mode?: RetryMode;
  /**
   * Attempts per call, the first one included.
   * @default env `AWS_MAX_ATTEMPTS`, config `max_attempts`, else 3
   */
  maxAttempts?: number;
  /** Backoff base in ms. @default 100 */
  baseDelayMs?: number;
  /** Backoff cap in ms. @default 20000 */
  maxDelayMs?: number;
}

/** Options of {@link S3Client}. Each setting: this option, else the environment, else the shared config file. */
export interface S3ClientOptions {
  /** Region, e.g. `eu-west-1`. @default env `AWS_REGION`, config `region`; `us-east-1` with a custom endpoint */
  region?: string;
  /** Custom endpoint for S3-compatible servers (`http://127.0.0.1:9000`). @default env `AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`, config */
  endpoint?: string;
  /**
   * Path-style addressing (`host/bucket/key`). Unset: virtual-hosted on AWS, path style on custom endpoints.
   * @default config `s3.addressing_style`, else automatic
   */
  forcePathStyle?: boolean;
  /** Use dual-stack endpoints. @default false */
  useDualstackEndpoint?: boolean;
  /** Use FIPS endpoints. @default false */
  useFipsEndpoint?: boolean;
  /** Use S3 Transfer Acceleration. @default false */
  useAccelerateEndpoint?: boolean;
  /** Static credentials or a provider. @default the default chain (env, profile, web identity, container, IMDS) */
  credentials?: AwsCredentials | CredentialsProvider;
  /** Retry settings, or a shared strategy. */
  retry?: S3RetryOptions | RetryStrategy;
  /** HTTP transport. @default createDefaultTransport() from primitives: undici on Node, Bun and Deno, fetch on workerd and in browsers (closed by `client.close()`) */
  transport?: HttpTransport;
  /** Extra middleware, innermost last, run inside tracing and logging. @default [] */
  middleware?: readonly HttpMiddleware[];
  /** Logger for request lines (debug) and retries (warn). @default none */
  logger?: Logger;
  /** Emit diagnostics-channel spans (`traceOperation`, `tracingMiddleware`). @default true (free without subscribers) */
  tracing?: boolean;
  /** Circuit breaker per endpoint origin, or `false` to disable. @default a new createCircuitBreaker() */
  circuitBreaker?: CircuitBreaker | false;
  /** Clock for signing and backoff. @default systemClock */
  clock?: Clock;
  /** Jitter source. @default Math.random */
  random?: Random;
  /**
   * When to send request checksums on PutObject/UploadPart. Unset (anywhere): `when_supported` (CRC32)
   * on AWS endpoints, `when_required` on custom endpoints, whose support varies.
   * @default automatic
   */
  requestChecksumCalculation?: ChecksumSetting;
  /**
   * When to validate response checksums. `when_supported` asks for them (`ChecksumMode: ENABLED`) on
   * AWS GetObject calls; `when_required` validates only when you set `ChecksumMode`. Unset: as above.
   * @default automatic
   */
  responseChecksumValidation?: ChecksumSetting;
  /** Follow S3's wrong-region answers once, re-signing for the bucket's region (cached). @default true */
  followRegionRedirects?: boolean;
  /**
   * Largest response body the client reads whole (XML results such as listings, and error
   * documents); a larger one fails with `NetworkError` `ERR_BODY_TOO_LARGE`. `GetObject`'s `Body`
   * is streamed and not limited.
   * @default 16777216 (16 MiB)
   */
  maxBufferedBodyBytes?: number;
  /** Profile of the shared config files. @default env `AWS_PROFILE`, else 'default' */
  profile?: string;
  /** Config resolver, or options for the default one (env, filesystem). @default createConfigResolver() */
  config?: ConfigResolver | ConfigResolverOptions;
  /**
   * An application id appended to the `User-Agent` of every request (`app/<id>`), to tell your
   * applications apart in S3 server access logs and CloudTrail. 1 to 50 token characters.
   * @default env `AWS_SDK_UA_APP_ID`, else none
   */
  userAgentAppId?: string;
}

/** Per-call options of `client.send()` and the convenience methods. */
export interface SendOptions {
  /** Aborts the call (including backoff waits); rejects with `AbortError`. */
  signal?: AbortSignal;
  /** Deadline of the whole call, retries included; rejects with `TimeoutError` (phase `total`). */
  timeoutMs?: number;
  /**
   * Attempts for this call, the first one included, instead of the retry strategy's: `1` when the
   * caller retries the call itself (as `@s3kit/s3-transfer` does for parts), so that one request
   * has one retry budget.
   * @default the client's retry strategy's `maxAttempts`
   */
  maxAttempts?: number;
}
