import type { Clock, ConfigFileSystem, Env, HttpTransport } from '@s3kit/primitives';
import type { CredentialsProvider } from '../aws-credentials.js';
import { chain } from './chain.js';
import { fromContainer } from './from-container.js';
import { fromEnv } from './from-env.js';
import { fromImds } from './from-imds.js';
import { fromIni } from './from-ini.js';
import type { FromIniOptions, MfaCodeProvider } from './from-ini.js';
import type { ExecFile } from './from-process.js';
import { fromWebIdentity } from './from-web-identity.js';
import { lazyTransport } from './http-util.js';
import { memoize } from './memoize.js';
import type { MemoizedCredentialsProvider } from './memoize.js';
import { processEnv } from '@s3kit/primitives';

/** Options of {@link createDefaultCredentialsProvider}; each is passed to the providers that use it. */
export interface DefaultCredentialsProviderOptions {
  /** Profile name; when set (here or by `AWS_PROFILE`) the environment keys are skipped. @default env `AWS_PROFILE`, else `default` */
  profile?: string | undefined;
  /** Environment variables. @default process.env */
  env?: Env | undefined;
  /** Filesystem port (shared files, token files). @default nodeConfigFileSystem */
  fs?: ConfigFileSystem | undefined;
  /** Home directory lookup. @default os.homedir */
  homedir?: (() => string) | undefined;
  /** Config file path. @default env `AWS_CONFIG_FILE`, else `~/.aws/config` */
  configFile?: string | undefined;
  /** Credentials file path. @default env `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials` */
  credentialsFile?: string | undefined;
  /** The shared files from elsewhere (a `ConfigResolver`'s `getSharedConfigFiles`). @default read by `fromIni` */
  sharedFiles?: FromIniOptions['sharedFiles'];
  /** HTTP port shared by STS, container and IMDS calls. @default one undici transport, created on first use */
  transport?: HttpTransport | undefined;
  /** Time source (timeouts, refresh ahead of expiry). @default systemClock */
  clock?: Clock | undefined;
  /** Process port for `credential_process`. @default nodeExecFile */
  exec?: ExecFile | undefined;
  /** MFA code callback for assume-role profiles with `mfa_serial`. */
  mfaCodeProvider?: MfaCodeProvider | undefined;
  /** STS endpoint URL. @default `https://sts.<region>.amazonaws.com` */
  stsEndpoint?: string | undefined;
  /** Refresh temporary credentials this long before they expire. @default 300000 (5 minutes) */
  refreshBeforeMs?: number | undefined;
}

/**
 * The credential chain users know from the AWS SDK for JavaScript v3 (`defaultProvider` of
 * `@aws-sdk/credential-provider-node`), in its order:
 * 1. environment keys (`AWS_ACCESS_KEY_ID`...), skipped when a profile is selected explicitly;
 * 2. the shared files profile, with its kinds: assume-role, web identity, static keys,
 *    `credential_process` (IAM Identity Center/SSO profiles are not supported and say so);
 * 3. web identity from the environment (`AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN`);
 * 4. the container endpoint (ECS, EKS Pod Identity) when its variables are set;
 * 5. EC2 instance metadata (IMDSv2).
 * A provider that does not apply passes to the next; a configured but broken one stops the chain.
 * The result is memoized: cached, refreshed 5 minutes before expiry, one fetch shared by
 * concurrent callers. When nothing applies it throws one `CredentialsError` whose `attempts` say
 * why each source did not apply, without any secret.
 * @throws CredentialsError `ERR_CREDENTIALS`, AbortError `ERR_ABORTED`.
 * @example
 * ```ts
 * const signer = createSigner({ credentials: createDefaultCredentialsProvider(), region: 'eu-west-1', service: 's3' });
 * ```
 */
export function createDefaultCredentialsProvider(options: DefaultCredentialsProviderOptions = {}): MemoizedCredentialsProvider {
  const transport = options.transport ?? lazyTransport();
  const { env, fs, clock } = options;
  const providers: CredentialsProvider[] = [];
  const explicitProfile = options.profile ?? (env ?? processEnv()).AWS_PROFILE;
  if (!explicitProfile) providers.push(fromEnv({ env }));
  providers.push(
    fromIni({
      profile: options.profile,
      env,
      fs,
      homedir: options.homedir,
      configFile: options.configFile,
      credentialsFile: options.credentialsFile,
      sharedFiles: options.sharedFiles,
      transport,
      clock,
      exec: options.exec,
      mfaCodeProvider: options.mfaCodeProvider,
      stsEndpoint: options.stsEndpoint,
    }),
    fromWebIdentity({ env, fs, transport, clock, stsEndpoint: options.stsEndpoint }),
    fromContainer({ env, fs, transport, clock }),
    fromImds({ env, transport, clock }),
  );
  return memoize(chain(...providers), { clock, refreshBeforeMs: options.refreshBeforeMs });
}
