import { CredentialsError, processEnv, systemClock } from '@s3kit/primitives';
import type { Clock, Env, HttpRequest, HttpResponse, HttpTransport } from '@s3kit/primitives';
import type { CredentialsProvider } from '../aws-credentials.js';
import { makeCredentials, parseExpiration } from './credentials.js';
import { credentialsNotFound, describeError } from './errors.js';
import { isTransient, lazyTransport, parseEndpoint, parseJsonObject, withTimeout } from './http-util.js';

/** Options of {@link fromImds}. */
export interface FromImdsOptions {
  /**
   * Environment variables (`AWS_EC2_METADATA_DISABLED`, `AWS_EC2_METADATA_V1_DISABLED`,
   * `AWS_EC2_METADATA_SERVICE_ENDPOINT`, `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE`).
   * @default process.env
   */
  env?: Env | undefined;
  /** Endpoint URL. @default env `AWS_EC2_METADATA_SERVICE_ENDPOINT`, else by `endpointMode` */
  endpoint?: string | undefined;
  /**
   * `IPv4` (`http://169.254.169.254`) or `IPv6` (`http://[fd00:ec2::254]`).
   * @default env `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE`, else `IPv4`
   */
  endpointMode?: 'IPv4' | 'IPv6' | undefined;
  /** Refuse the IMDSv1 fallback. @default env `AWS_EC2_METADATA_V1_DISABLED === 'true'` */
  disableV1?: boolean | undefined;
  /** Lifetime asked for the IMDSv2 session token, in seconds. @default 21600 */
  tokenTtlSeconds?: number | undefined;
  /** Deadline of each request in milliseconds. @default 1000 */
  timeoutMs?: number | undefined;
  /** Retries of each request after a network error, timeout or 5xx. @default 1 */
  maxRetries?: number | undefined;
  /** HTTP port. @default a lazily created undici transport */
  transport?: HttpTransport | undefined;
  /** Time source for the timeouts. @default systemClock */
  clock?: Clock | undefined;
}

const CREDENTIALS_PATH = '/latest/meta-data/iam/security-credentials/';

class HttpStatus extends Error {
  constructor(readonly statusCode: number) {
    super(`HTTP ${statusCode}`);
  }
}

const isTrue = (value: string | undefined): boolean => value?.trim().toLowerCase() === 'true';

/**
 * Reads the instance role's credentials from the EC2 instance metadata service with IMDSv2: a
 * session token from `PUT /latest/api/token`, then the role name and the credentials from
 * `/latest/meta-data/iam/security-credentials/`. Falls back to IMDSv1 (no token) only when the
 * token request gets 403, 404 or 405 and `AWS_EC2_METADATA_V1_DISABLED` is not `true`. Each request
 * has a 1 s deadline and 1 retry; `AWS_EC2_METADATA_DISABLED=true` turns the provider off.
 *
 * Containers on EC2 (Docker bridge networking) need the instance's metadata hop limit raised to 2
 * (`aws ec2 modify-instance-metadata-options --http-put-response-hop-limit 2`): with the default
 * of 1 the token PUT's answer never reaches the container and this provider times out.
 * @throws CredentialsError `ERR_CREDENTIALS`: not found (a chain moves on) when disabled, unreachable,
 *   or no role is attached; a hard error when the service answers but the answer is unusable.
 * @example
 * ```ts
 * const credentials = memoize(fromImds());
 * ```
 */
export function fromImds(options: FromImdsOptions = {}): CredentialsProvider {
  const transport = options.transport ?? lazyTransport();
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 1000;
  const maxRetries = options.maxRetries ?? 1;
  const ttl = options.tokenTtlSeconds ?? 21_600;
  return async (callOptions = {}) => {
    const env = options.env ?? processEnv();
    const { signal } = callOptions;
    if (isTrue(env.AWS_EC2_METADATA_DISABLED)) throw credentialsNotFound('imds: disabled by AWS_EC2_METADATA_DISABLED');
    const mode = options.endpointMode ?? (env.AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE?.toLowerCase() === 'ipv6' ? 'IPv6' : 'IPv4');
    const url = options.endpoint ?? (env.AWS_EC2_METADATA_SERVICE_ENDPOINT || (mode === 'IPv6' ? 'http://[fd00:ec2::254]' : 'http://169.254.169.254'));
    const endpoint = parseEndpoint(url);
    if (!endpoint) throw new CredentialsError('imds: the metadata endpoint is not an http(s) URL', { cause: undefined });
    const disableV1 = options.disableV1 ?? isTrue(env.AWS_EC2_METADATA_V1_DISABLED);

    const send = async (method: string, path: string, headers: Record<string, string>): Promise<string> => {
      const request: HttpRequest = { method, protocol: endpoint.protocol, hostname: endpoint.hostname, path: endpoint.basePath + path, headers };
      if (endpoint.port !== undefined) request.port = endpoint.port;
      for (let attempt = 0; ; attempt++) {
        try {
          return await withTimeout(clock, timeoutMs, signal, `imds ${method} ${path}`, async (s) => {
            const response: HttpResponse = await transport.send(request, { signal: s });
            const text = await response.body.text();
            if (response.statusCode !== 200) throw new HttpStatus(response.statusCode);
            return text;
          });
        } catch (err) {
          const retry = isTransient(err) || (err instanceof HttpStatus && err.statusCode >= 500);
          if (!retry || attempt >= maxRetries) throw err;
        }
      }
    };

    try {
      const headers: Record<string, string> = {};
      try {
        headers['x-aws-ec2-metadata-token'] = await send('PUT', '/latest/api/token', { 'x-aws-ec2-metadata-token-ttl-seconds': String(ttl) });
      } catch (err) {
        const fallback = err instanceof HttpStatus && [403, 404, 405].includes(err.statusCode);
        if (!fallback) throw err;
        if (disableV1) {
          throw new CredentialsError(`imds: token request answered ${err.message} and IMDSv1 fallback is disabled (AWS_EC2_METADATA_V1_DISABLED)`);
        }
      }
      let roles: string;
      try {
        roles = await send('GET', CREDENTIALS_PATH, headers);
      } catch (err) {
        if (err instanceof HttpStatus && err.statusCode === 404) throw credentialsNotFound('imds: no IAM role is attached to this instance');
        throw err;
      }
      const role = roles.trim().split('\n')[0]?.trim();
      if (!role) throw credentialsNotFound('imds: no IAM role is attached to this instance');
      const json = parseJsonObject(await send('GET', CREDENTIALS_PATH + encodeURIComponent(role), headers));
      if (!json) throw new CredentialsError('imds: credentials response is not a JSON object');
      if (json.Code !== undefined && json.Code !== 'Success') {
        throw new CredentialsError(`imds: credentials response has Code ${JSON.stringify(typeof json.Code === 'string' ? json.Code.slice(0, 64) : typeof json.Code)}`);
      }
      const expiration = parseExpiration(json.Expiration, 'imds: Expiration');
      return makeCredentials('imds', json.AccessKeyId, json.SecretAccessKey, json.Token, expiration);
    } catch (err) {
      if (err instanceof CredentialsError || (err instanceof Error && err.name === 'AbortError')) throw err;
      if (err instanceof HttpStatus) throw new CredentialsError(`imds: metadata service answered ${err.message}`);
      // Unreachable or silent: not on EC2 (or the hop limit is too low); let a chain move on.
      throw credentialsNotFound(`imds: not reachable at ${url} (${describeError(err)})`, { cause: err });
    }
  };
}
