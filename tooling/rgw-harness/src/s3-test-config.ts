import { RgwHarnessError } from './errors.js';

/** Where integration tests send S3 requests, as provided by the global setup. */
export interface S3TestConfig {
  /** Path-style endpoint, e.g. `http://127.0.0.1:41234`. */
  readonly endpoint: string;
  /** Access key id. */
  readonly accessKeyId: string;
  /** Secret access key. */
  readonly secretAccessKey: string;
  /** Region to sign for. */
  readonly region: string;
  /** `rgw` when the harness started RGW for this run, `env` when S3KIT_TEST_ENDPOINT pointed elsewhere. */
  readonly source: 'rgw' | 'env';
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The S3 server of this integration run (see tooling/rgw-harness). */
    s3: S3TestConfig;
  }
}

/** Names of the environment variables that carry an {@link S3TestConfig}. */
export const S3_TEST_ENV = {
  endpoint: 'S3KIT_TEST_ENDPOINT',
  accessKeyId: 'S3KIT_TEST_ACCESS_KEY',
  secretAccessKey: 'S3KIT_TEST_SECRET_KEY',
  region: 'S3KIT_TEST_REGION',
} as const;

/**
 * Reads the S3KIT_TEST_* override. Returns undefined when `S3KIT_TEST_ENDPOINT` is unset or empty
 * (the harness then starts RGW); the region defaults to `us-east-1`.
 *
 * @throws {RgwHarnessError} `ERR_RGW_CONFIG` when the endpoint is set but a key is missing or the
 *   endpoint is not an http(s) URL.
 */
export function s3ConfigFromEnv(env: NodeJS.ProcessEnv = process.env): S3TestConfig | undefined {
  const endpoint = env[S3_TEST_ENV.endpoint];
  if (!endpoint) return undefined;
  let protocol: string;
  try {
    protocol = new URL(endpoint).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new RgwHarnessError('ERR_RGW_CONFIG', `${S3_TEST_ENV.endpoint} must be an http:// or https:// URL, got ${JSON.stringify(endpoint)}`);
  }
  const accessKeyId = env[S3_TEST_ENV.accessKeyId];
  const secretAccessKey = env[S3_TEST_ENV.secretAccessKey];
  const missing = [accessKeyId ? undefined : S3_TEST_ENV.accessKeyId, secretAccessKey ? undefined : S3_TEST_ENV.secretAccessKey].filter(Boolean);
  if (!accessKeyId || !secretAccessKey) {
    throw new RgwHarnessError('ERR_RGW_CONFIG', `${S3_TEST_ENV.endpoint} is set but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not`);
  }
  return { endpoint, accessKeyId, secretAccessKey, region: env[S3_TEST_ENV.region] || 'us-east-1', source: 'env' };
}

/** The S3KIT_TEST_* variables that describe `config`, for child processes. */
export function s3ConfigToEnv(config: S3TestConfig): Record<string, string> {
  return {
    [S3_TEST_ENV.endpoint]: config.endpoint,
    [S3_TEST_ENV.accessKeyId]: config.accessKeyId,
    [S3_TEST_ENV.secretAccessKey]: config.secretAccessKey,
    [S3_TEST_ENV.region]: config.region,
  };
}
