import { CredentialsError, loadSharedConfigFiles, nodeConfigFileSystem, processEnv, systemClock, throwIfAborted } from '@s3kit/primitives';
import type { Clock, ConfigFileSystem, Env, HttpTransport, IniSection, SharedConfigFiles } from '@s3kit/primitives';
import type { AwsCredentials } from '../aws-credentials.js';
import type { CredentialsProvider, CredentialsProviderOptions } from '../aws-credentials.js';
import { makeCredentials } from './credentials.js';
import { credentialsNotFound, describeError } from './errors.js';
import { fromContainer } from './from-container.js';
import { fromEnv } from './from-env.js';
import { fromImds } from './from-imds.js';
import { fromProcess } from './from-process.js';
import type { ExecFile } from './from-process.js';
import { fromWebIdentity } from './from-web-identity.js';
import { lazyTransport } from './http-util.js';
import { assumeRole } from './sts-client.js';

/** Asks the user for the current code of an MFA device (`mfa_serial`). */
export type MfaCodeProvider = (mfaSerial: string) => Promise<string>;

/** Options of {@link fromIni}. */
export interface FromIniOptions {
  /** Profile name. @default env `AWS_PROFILE`, else `default` */
  profile?: string | undefined;
  /** Environment variables. @default process.env */
  env?: Env | undefined;
  /** Filesystem port (shared files and web identity token files). @default nodeConfigFileSystem */
  fs?: ConfigFileSystem | undefined;
  /** Home directory lookup. @default os.homedir */
  homedir?: (() => string) | undefined;
  /** Config file path. @default env `AWS_CONFIG_FILE`, else `~/.aws/config` */
  configFile?: string | undefined;
  /** Credentials file path. @default env `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials` */
  credentialsFile?: string | undefined;
  /**
   * Where the shared files come from instead of reading them here (a `ConfigResolver`'s
   * `getSharedConfigFiles`, so credentials and settings read the same files). Overrides `fs`,
   * `homedir`, `configFile` and `credentialsFile` for the shared files.
   * @default read with loadSharedConfigFiles
   */
  sharedFiles?: ((options: { signal?: AbortSignal }) => Promise<SharedConfigFiles>) | undefined;
  /** HTTP port for STS, the container endpoint and IMDS. @default a lazily created undici transport */
  transport?: HttpTransport | undefined;
  /** Time source. @default systemClock */
  clock?: Clock | undefined;
  /** Process port for `credential_process`. @default nodeExecFile */
  exec?: ExecFile | undefined;
  /** Deadline of `credential_process` in milliseconds. @default 60000 */
  processTimeoutMs?: number | undefined;
  /** Gives the MFA code for profiles with `mfa_serial`; without it such profiles fail with a clear error. */
  mfaCodeProvider?: MfaCodeProvider | undefined;
  /** STS endpoint URL (tests, VPC endpoints). @default `https://sts.<region>.amazonaws.com` */
  stsEndpoint?: string | undefined;
}

const str = (section: IniSection, key: string): string | undefined => {
  const value = section[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

interface Context {
  options: FromIniOptions;
  env: Env;
  files: SharedConfigFiles;
  transport: HttpTransport;
  clock: Clock;
  call: CredentialsProviderOptions;
}

function staticOf(name: string, section: IniSection): AwsCredentials | undefined {
  const id = str(section, 'aws_access_key_id');
  const secret = str(section, 'aws_secret_access_key');
  if (id === undefined && secret === undefined) return undefined;
  return makeCredentials(`profile ${name}`, id, secret, str(section, 'aws_session_token'));
}

function durationOf(name: string, section: IniSection): number | undefined {
  const raw = str(section, 'duration_seconds');
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 900 || n > 43_200) {
    throw new CredentialsError(`profile ${name}: duration_seconds must be an integer from 900 to 43200`);
  }
  return n;
}

async function credentialSource(ctx: Context, name: string, kind: string): Promise<AwsCredentials> {
  const { env, transport, clock } = ctx;
  const fs = ctx.options.fs ?? nodeConfigFileSystem;
  switch (kind) {
    case 'Environment':
      return fromEnv({ env })(ctx.call);
    case 'Ec2InstanceMetadata':
      return fromImds({ env, transport, clock })(ctx.call);
    case 'EcsContainer':
      return fromContainer({ env, transport, clock, fs })(ctx.call);
    default:
      throw new CredentialsError(`profile ${name}: credential_source must be Environment, Ec2InstanceMetadata or EcsContainer (got ${JSON.stringify(kind.slice(0, 32))})`);
  }
}

async function resolveProfile(ctx: Context, name: string, visited: readonly string[]): Promise<AwsCredentials> {
  throwIfAborted(ctx.call.signal);
  const section = Object.hasOwn(ctx.files.profiles, name) ? ctx.files.profiles[name] : undefined;
  if (!section) {
    throw new CredentialsError(`profile ${visited.at(-1)!}: source_profile ${JSON.stringify(name)} does not exist`);
  }
  const roleArn = str(section, 'role_arn');
  const webIdentityTokenFile = str(section, 'web_identity_token_file');
  if (roleArn !== undefined && webIdentityTokenFile !== undefined) {
    return fromWebIdentity({
      env: ctx.env,
      roleArn,
      webIdentityTokenFile,
      roleSessionName: str(section, 'role_session_name'),
      durationSeconds: durationOf(name, section),
      region: str(section, 'region') ?? (ctx.env.AWS_REGION || ctx.env.AWS_DEFAULT_REGION || 'us-east-1'),
      stsEndpoint: ctx.options.stsEndpoint,
      fs: ctx.options.fs,
      transport: ctx.transport,
      clock: ctx.clock,
      source: `profile ${name}`,
    })(ctx.call);
  }
  if (roleArn !== undefined) return assumeRoleProfile(ctx, name, section, roleArn, visited);
  const credentials = staticOf(name, section);
  if (credentials) return credentials;
  const command = str(section, 'credential_process');
  if (command !== undefined) {
    return fromProcess({ command, source: `profile ${name}`, timeoutMs: ctx.options.processTimeoutMs, env: ctx.env, exec: ctx.options.exec })(ctx.call);
  }
  if (str(section, 'sso_session') !== undefined || str(section, 'sso_start_url') !== undefined) {
    throw new CredentialsError(`profile ${name}: IAM Identity Center (SSO) profiles are not supported; run "aws configure export-credentials" or use credential_process`);
  }
  throw credentialsNotFound(`profile ${name} (${ctx.files.configFile}, ${ctx.files.credentialsFile}): no credentials, role_arn or credential_process`);
}

async function assumeRoleProfile(ctx: Context, name: string, section: IniSection, roleArn: string, visited: readonly string[]): Promise<AwsCredentials> {
  const sourceProfile = str(section, 'source_profile');
  const sourceKind = str(section, 'credential_source');
  if (sourceProfile !== undefined && sourceKind !== undefined) {
    throw new CredentialsError(`profile ${name}: set source_profile or credential_source, not both`);
  }
  let source: AwsCredentials;
  if (sourceProfile !== undefined) {
    const path = [...visited, name];
    if (sourceProfile === name) {
      // A profile may name itself to take its own static keys as the source (botocore allows this).
      const own = staticOf(name, section);
      if (!own) throw new CredentialsError(`profile ${name}: source_profile names itself but the profile has no static keys`);
      source = own;
    } else if (path.includes(sourceProfile)) {
      throw new CredentialsError(`profile ${name}: source_profile cycle ${[...path, sourceProfile].join(' -> ')}`);
    } else {
      try {
        source = await resolveProfile(ctx, sourceProfile, path);
      } catch (err) {
        if (err instanceof Error && err.name === 'AbortError') throw err;
        // A source profile without credentials is a broken role profile, not a missing one.
        throw new CredentialsError(`profile ${name}: ${describeError(err)}`, { cause: err, retryable: (err as { retryable?: unknown }).retryable === true });
      }
    }
  } else if (sourceKind !== undefined) {
    try {
      source = await credentialSource(ctx, name, sourceKind);
    } catch (err) {
      if (err instanceof Error && err.name === 'AbortError') throw err;
      throw new CredentialsError(`profile ${name}: credential_source ${sourceKind}: ${describeError(err)}`, { cause: err });
    }
  } else {
    throw new CredentialsError(`profile ${name}: role_arn needs source_profile, credential_source or web_identity_token_file`);
  }

  const mfaSerial = str(section, 'mfa_serial');
  let tokenCode: string | undefined;
  if (mfaSerial !== undefined) {
    if (!ctx.options.mfaCodeProvider) {
      throw new CredentialsError(`profile ${name}: mfa_serial is set; MFA-protected roles need the mfaCodeProvider option`);
    }
    tokenCode = await ctx.options.mfaCodeProvider(mfaSerial);
  }
  const region = str(section, 'region') ?? (ctx.env.AWS_REGION || ctx.env.AWS_DEFAULT_REGION || 'us-east-1');
  try {
    return await assumeRole(
      {
        roleArn,
        roleSessionName: str(section, 'role_session_name') ?? `s3kit-session-${Math.floor(ctx.clock.now() / 1000)}`,
        externalId: str(section, 'external_id'),
        durationSeconds: durationOf(name, section),
        serialNumber: mfaSerial,
        tokenCode,
      },
      source,
      { region, endpoint: ctx.options.stsEndpoint, transport: ctx.transport, clock: ctx.clock, signal: ctx.call.signal },
    );
  } catch (err) {
    if (err instanceof Error && err.name === 'AbortError') throw err;
    throw new CredentialsError(`profile ${name}: AssumeRole for ${roleArn} failed: ${describeError(err)}`, {
      cause: err,
      retryable: (err as { retryable?: unknown }).retryable === true,
    });
  }
}

/**
 * Credentials from a profile of the shared files (`~/.aws/credentials` and `~/.aws/config`,
 * merged, credentials file winning), as the AWS CLI reads them. A profile may hold:
 * - `role_arn` with `web_identity_token_file`: STS `AssumeRoleWithWebIdentity`;
 * - `role_arn` with `source_profile` (resolved recursively, several levels, cycles rejected) or
 *   `credential_source` (`Environment`, `Ec2InstanceMetadata`, `EcsContainer`): STS `AssumeRole`
 *   signed with the source credentials, with `role_session_name`, `external_id`,
 *   `duration_seconds` and `mfa_serial` (needs `mfaCodeProvider`), on the profile's `region` (else
 *   `AWS_REGION`, `AWS_DEFAULT_REGION`, `us-east-1`);
 * - `aws_access_key_id`, `aws_secret_access_key` (+ `aws_session_token`);
 * - `credential_process`.
 * The files are read on every call: wrap in {@link memoize}.
 * @throws CredentialsError `ERR_CREDENTIALS`: not found (a chain moves on) when the default profile
 *   is absent or has no credentials; a hard error when an explicitly selected profile is missing or
 *   a profile is broken (bad source, cycle, STS refusal with the StsServiceError as cause).
 * @example
 * ```ts
 * const credentials = memoize(fromIni({ profile: 'dev', mfaCodeProvider: async () => prompt('MFA code') }));
 * ```
 */
export function fromIni(options: FromIniOptions = {}): CredentialsProvider {
  const transport = options.transport ?? lazyTransport();
  const clock = options.clock ?? systemClock;
  return async (call = {}) => {
    const env = options.env ?? processEnv();
    const explicit = options.profile ?? (env.AWS_PROFILE || undefined);
    const name = explicit ?? 'default';
    const load: Parameters<typeof loadSharedConfigFiles>[0] = { env };
    if (options.fs) load.fs = options.fs;
    if (options.homedir) load.homedir = options.homedir;
    if (options.configFile !== undefined) load.configFile = options.configFile;
    if (options.credentialsFile !== undefined) load.credentialsFile = options.credentialsFile;
    if (call.signal) load.signal = call.signal;
    let files: SharedConfigFiles;
    try {
      files = options.sharedFiles ? await options.sharedFiles(call.signal ? { signal: call.signal } : {}) : await loadSharedConfigFiles(load);
    } catch (err) {
      if (err instanceof Error && err.name === 'AbortError') throw err;
      throw new CredentialsError(`profile ${name}: ${describeError(err)}`, { cause: err });
    }
    if (!Object.hasOwn(files.profiles, name)) {
      const message = `profile ${name}: not found in ${files.configFile} or ${files.credentialsFile}`;
      // The CLI fails on a profile that was asked for by name; an absent default just means "not here".
      throw explicit === undefined ? credentialsNotFound(message) : new CredentialsError(message);
    }
    return resolveProfile({ options, env, files, transport, clock, call }, name, []);
  };
}
