import { CredentialsError, nodeConfigFileSystem, processEnv, systemClock } from '@s3kit/primitives';
import type { Clock, ConfigFileSystem, Env, HttpRequest, HttpTransport } from '@s3kit/primitives';
import type { AwsCredentials, CredentialsProvider } from '../aws-credentials.js';
import { makeCredentials, parseExpiration } from './credentials.js';
import { credentialsNotFound, describeError } from './errors.js';
import { isTransient, lazyTransport, parseEndpoint, parseJsonObject, withTimeout } from './http-util.js';

/** Options of {@link fromContainer}. */
export interface FromContainerOptions {
  /**
   * Environment variables (`AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`, `..._FULL_URI`,
   * `AWS_CONTAINER_AUTHORIZATION_TOKEN`, `..._TOKEN_FILE`).
   * @default process.env
   */
  env?: Env | undefined;
  /** Filesystem port for the token file (read on every call). @default nodeConfigFileSystem */
  fs?: ConfigFileSystem | undefined;
  /** HTTP port. @default a lazily created undici transport */
  transport?: HttpTransport | undefined;
  /** Time source for the timeout. @default systemClock */
  clock?: Clock | undefined;
  /** Deadline of each attempt in milliseconds. @default 1000 */
  timeoutMs?: number | undefined;
  /** Retries after a network error, timeout or 5xx. @default 1 */
  maxRetries?: number | undefined;
}

const ECS_HOST = '169.254.170.2';
const ALLOWED_HTTP_HOSTS: ReadonlySet<string> = new Set([ECS_HOST, '169.254.170.23', 'fd00:ec2::23', 'localhost', '::1']);

function allowedFullUri(protocol: string, hostname: string): boolean {
  if (protocol === 'https:') return true;
  return ALLOWED_HTTP_HOSTS.has(hostname.toLowerCase()) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Reads credentials from the container credentials endpoint, as ECS tasks and EKS Pod Identity
 * provide it: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (on `http://169.254.170.2`) or
 * `AWS_CONTAINER_CREDENTIALS_FULL_URI` (over http only to loopback, `169.254.170.2`,
 * `169.254.170.23` or `[fd00:ec2::23]`; any https host). The `Authorization` header comes from
 * `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (re-read on every call, wins) or
 * `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
 * @throws CredentialsError `ERR_CREDENTIALS`: not found (a chain moves on) when neither URI variable
 *   is set; a hard error for a disallowed URI, an unreadable token file, a non-200 answer or bad JSON.
 * @example
 * ```ts
 * const credentials = memoize(fromContainer());
 * ```
 */
export function fromContainer(options: FromContainerOptions = {}): CredentialsProvider {
  const transport = options.transport ?? lazyTransport();
  const clock = options.clock ?? systemClock;
  const fs = options.fs ?? nodeConfigFileSystem;
  const timeoutMs = options.timeoutMs ?? 1000;
  const maxRetries = options.maxRetries ?? 1;
  return async (callOptions = {}) => {
    const env = options.env ?? processEnv();
    const { signal } = callOptions;
    const relative = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
    const full = env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
    let request: HttpRequest;
    if (relative) {
      request = { method: 'GET', protocol: 'http:', hostname: ECS_HOST, path: relative.startsWith('/') ? relative : `/${relative}`, headers: {} };
    } else if (full) {
      const endpoint = parseEndpoint(full);
      if (!endpoint || !allowedFullUri(endpoint.protocol, endpoint.hostname)) {
        throw new CredentialsError(
          'container: AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, or http to a loopback address, 169.254.170.2, 169.254.170.23 or [fd00:ec2::23]',
        );
      }
      const parsed = new URL(full);
      request = { method: 'GET', protocol: endpoint.protocol, hostname: endpoint.hostname, path: `${parsed.pathname}${parsed.search}`, headers: {} };
      if (endpoint.port !== undefined) request.port = endpoint.port;
    } else {
      throw credentialsNotFound('container: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI not set');
    }

    let token: string | undefined;
    const tokenFile = env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE;
    if (tokenFile) {
      token = (await fs.readFile(tokenFile, signal ? { signal } : {}))?.trim();
      if (!token) throw new CredentialsError(`container: authorization token file ${JSON.stringify(tokenFile)} is missing or empty`);
    } else {
      token = env.AWS_CONTAINER_AUTHORIZATION_TOKEN || undefined;
    }
    if (token !== undefined) {
      if (/[\r\n]/.test(token)) throw new CredentialsError('container: the authorization token must be a single line');
      request.headers.authorization = token;
    }

    const fetchOnce = (): Promise<AwsCredentials> =>
      withTimeout(clock, timeoutMs, signal, 'container credentials request', async (s) => {
        const response = await transport.send(request, { signal: s });
        const text = await response.body.text();
        if (response.statusCode !== 200) {
          throw new CredentialsError(`container: endpoint answered HTTP ${response.statusCode}`, { retryable: response.statusCode >= 500 });
        }
        const json = parseJsonObject(text);
        if (!json) throw new CredentialsError('container: response is not a JSON object');
        const expiration = parseExpiration(json.Expiration, 'container: Expiration');
        return makeCredentials('container', json.AccessKeyId, json.SecretAccessKey, json.Token, expiration);
      });

    for (let attempt = 0; ; attempt++) {
      try {
        return await fetchOnce();
      } catch (err) {
        if (err instanceof Error && err.name === 'AbortError') throw err;
        const transient = isTransient(err) || (err as { retryable?: unknown }).retryable === true;
        if (transient && attempt < maxRetries) continue;
        if (err instanceof CredentialsError) throw err;
        throw new CredentialsError(`container: request failed: ${describeError(err)}`, { cause: err, retryable: transient });
      }
    }
  };
}
