import { CredentialsError, nodeConfigFileSystem, processEnv, systemClock, throwIfAborted } from '@s3kit/primitives';
import type { Clock, ConfigFileSystem, Env, HttpTransport } from '@s3kit/primitives';
import type { CredentialsProvider } from '../aws-credentials.js';
import { credentialsNotFound, describeError } from './errors.js';
import { lazyTransport } from './http-util.js';
import { assumeRoleWithWebIdentity } from './sts-client.js';

/** Options of {@link fromWebIdentity}. */
export interface FromWebIdentityOptions {
  /**
   * Environment variables (`AWS_WEB_IDENTITY_TOKEN_FILE`, `AWS_ROLE_ARN`, `AWS_ROLE_SESSION_NAME`, `AWS_REGION`).
   * @default process.env
   */
  env?: Env | undefined;
  /** Path of the token file. @default env `AWS_WEB_IDENTITY_TOKEN_FILE` */
  webIdentityTokenFile?: string | undefined;
  /** Role to assume. @default env `AWS_ROLE_ARN` */
  roleArn?: string | undefined;
  /** Session name. @default env `AWS_ROLE_SESSION_NAME`, else `s3kit-session-<unix seconds>` */
  roleSessionName?: string | undefined;
  /** Session duration in seconds (900 to 43200). @default STS's default (1 hour) */
  durationSeconds?: number | undefined;
  /** Region of the STS endpoint. @default env `AWS_REGION`, `AWS_DEFAULT_REGION`, else `us-east-1` */
  region?: string | undefined;
  /** STS endpoint URL. @default `https://sts.<region>.amazonaws.com` */
  stsEndpoint?: string | undefined;
  /** Filesystem port for the token file (read on every call: tokens rotate). @default nodeConfigFileSystem */
  fs?: ConfigFileSystem | undefined;
  /** HTTP port. @default a lazily created undici transport */
  transport?: HttpTransport | undefined;
  /** Time source. @default systemClock */
  clock?: Clock | undefined;
  /** Shown in messages. @default 'web identity (env)' */
  source?: string | undefined;
}

/**
 * Exchanges an OIDC token file (EKS IRSA, GitHub Actions...) for role credentials with the
 * unsigned STS `AssumeRoleWithWebIdentity`. Configured by `AWS_WEB_IDENTITY_TOKEN_FILE` and
 * `AWS_ROLE_ARN` (optionally `AWS_ROLE_SESSION_NAME`) or by options.
 * @throws CredentialsError `ERR_CREDENTIALS`: not found (a chain moves on) when the token file or role
 *   is not configured; a hard error when the file cannot be read or STS refuses (cause: StsServiceError).
 * @example
 * ```ts
 * const credentials = memoize(fromWebIdentity());
 * ```
 */
export function fromWebIdentity(options: FromWebIdentityOptions = {}): CredentialsProvider {
  const transport = options.transport ?? lazyTransport();
  const clock = options.clock ?? systemClock;
  const fs = options.fs ?? nodeConfigFileSystem;
  const source = options.source ?? 'web identity (env)';
  return async (callOptions = {}) => {
    const env = options.env ?? processEnv();
    const tokenFile = options.webIdentityTokenFile ?? env.AWS_WEB_IDENTITY_TOKEN_FILE;
    const roleArn = options.roleArn ?? env.AWS_ROLE_ARN;
    if (!tokenFile || !roleArn) {
      throw credentialsNotFound(`${source}: ${tokenFile ? 'AWS_ROLE_ARN' : 'AWS_WEB_IDENTITY_TOKEN_FILE'} not set`);
    }
    throwIfAborted(callOptions.signal);
    const token = (await fs.readFile(tokenFile, callOptions.signal ? { signal: callOptions.signal } : {}))?.trim();
    if (!token) throw new CredentialsError(`${source}: web identity token file ${JSON.stringify(tokenFile)} is missing or empty`);
    const region = options.region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1');
    try {
      return await assumeRoleWithWebIdentity(
        {
          roleArn,
          roleSessionName: options.roleSessionName ?? (env.AWS_ROLE_SESSION_NAME || `s3kit-session-${Math.floor(clock.now() / 1000)}`),
          webIdentityToken: token,
          durationSeconds: options.durationSeconds,
        },
        { region, endpoint: options.stsEndpoint, transport, clock, signal: callOptions.signal },
      );
    } catch (err) {
      if (err instanceof Error && err.name === 'AbortError') throw err;
      throw new CredentialsError(`${source}: AssumeRoleWithWebIdentity for ${roleArn} failed: ${describeError(err)}`, {
        cause: err,
        retryable: (err as { retryable?: unknown }).retryable === true,
      });
    }
  };
}
