/**
 * Typed resolution of the standard AWS settings: explicit options first, then environment
 * variables, then the selected profile of the shared config files (read once per resolver).
 *
 * Names and precedence follow the AWS CLI / SDK "settings reference"
 * (https://docs.aws.amazon.com/sdkref/latest/guide/settings-reference.html) and service-specific
 * endpoints (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).
 */
import { ConfigError } from '../errors/errors.js';
import { throwIfAborted } from '../clock/clock.js';
import { loadSharedConfigFiles, nodeConfigFileSystem } from './ini.js';
import type { ConfigFileSystem, Env, IniSection, IniValue, SharedConfigFiles } from './ini.js';
// `legacy` (accepted on input) is mapped to `standard`, which s3kit implements in its place.
import type { RetryMode } from '../retry/retry-strategy.js';
import { processEnv } from './process-env.js';


/** How S3 bucket names go into requests: `virtual` (host), `path`, or `auto` (virtual when the name allows). */
export type S3AddressingStyle = 'auto' | 'virtual' | 'path';

/** When to compute request checksums or validate response checksums. */
export type ChecksumSetting = 'when_supported' | 'when_required';

/** Options of {@link createConfigResolver}. */
export interface ConfigResolverOptions {
  /**
   * Environment variables.
   * @default process.env
   */
  env?: Env;
  /**
   * Filesystem port for the shared files.
   * @default nodeConfigFileSystem
   */
  fs?: ConfigFileSystem;
  /**
   * Home directory lookup, used when `HOME`/`USERPROFILE` are unset.
   * @default os.homedir
   */
  homedir?: () => string;
  /**
   * Profile to use. When set (here or by `AWS_PROFILE`) it must exist in the shared files, as the CLI requires.
   * @default env `AWS_PROFILE`, else `default`
   */
  profile?: string;
  /**
   * Path of the config file.
   * @default env `AWS_CONFIG_FILE`, else `~/.aws/config`
   */
  configFile?: string;
  /**
   * Path of the credentials file.
   * @default env `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`
   */
  credentialsFile?: string;
}

/** Explicit settings for one {@link ConfigResolver.resolve} call; each one beats env and files. */
export interface ResolveConfigOptions {
  /**
   * Service id for service-specific endpoints (`AWS_ENDPOINT_URL_<ID>`, `[services x]` key).
   * @default 'S3'
   */
  serviceId?: string;
  /** Region, e.g. `eu-west-1`. */
  region?: string;
  /** Endpoint URL (`http(s)://host[:port]`). */
  endpointUrl?: string;
  /** Ignore endpoint URLs from env and files (not an explicit `endpointUrl`). */
  ignoreConfiguredEndpointUrls?: boolean;
  /** Attempts per request, including the first (>= 1). */
  maxAttempts?: number;
  /** Retry strategy; `legacy` is mapped to `standard`. */
  retryMode?: RetryMode | 'legacy';
  /** Use FIPS endpoints. */
  useFipsEndpoint?: boolean;
  /** Use dual-stack (IPv4 + IPv6) endpoints. */
  useDualstackEndpoint?: boolean;
  /** S3-specific settings (the profile's nested `s3 =` block). */
  s3?: {
    addressingStyle?: S3AddressingStyle;
    useAccelerateEndpoint?: boolean;
    useDualstackEndpoint?: boolean;
  };
  /** When to add request checksums. */
  requestChecksumCalculation?: ChecksumSetting;
  /** When to validate response checksums. */
  responseChecksumValidation?: ChecksumSetting;
  /** Aborts reading the shared files. */
  signal?: AbortSignal;
}

/** The settings in effect, with defaults applied. Contains no secret. */
export interface ResolvedConfig {
  /** The profile the file settings came from. */
  profile: string;
  /** Region, or `undefined` when none is configured anywhere. */
  region: string | undefined;
  /** Endpoint URL, or `undefined` to use the standard AWS endpoint. */
  endpointUrl: string | undefined;
  /** Attempts per request, including the first. @default 3 */
  maxAttempts: number;
  /** Retry strategy. @default 'standard' */
  retryMode: RetryMode;
  /** @default false */
  useFipsEndpoint: boolean;
  /** @default false */
  useDualstackEndpoint: boolean;
  /** S3 settings. */
  s3: {
    /** @default 'auto' */
    addressingStyle: S3AddressingStyle;
    /** @default false */
    useAccelerateEndpoint: boolean;
    /** The nested `s3.use_dualstack_endpoint` when set, else {@link ResolvedConfig.useDualstackEndpoint}. */
    useDualstackEndpoint: boolean;
  };
  /** @default 'when_supported' */
  requestChecksumCalculation: ChecksumSetting;
  /** @default 'when_supported' */
  responseChecksumValidation: ChecksumSetting;
  /**
   * Where each setting came from (`options.region`, `AWS_REGION`, `~/.aws/config [profile dev] region`);
   * settings left at their default are absent.
   */
  sources: Readonly<Record<string, string>>;
}

/** Resolves settings; reads the shared files at most once (successful reads are kept per instance). */
export interface ConfigResolver {
  /**
   * Resolves every setting.
   * @throws {ConfigError} `ERR_CONFIG` for an invalid value (its `source` names where it came from),
   *   a malformed shared file, or an explicitly selected profile that does not exist.
   * @throws {AbortError} `ERR_ABORTED` when `signal` aborts.
   */
  resolve(options?: ResolveConfigOptions): Promise<ResolvedConfig>;
  /**
   * The raw merged profile (config file, overridden key by key by the credentials file), or
   * `undefined` when absent. For credential providers: it contains SECRETS
   * (`aws_secret_access_key`, `aws_session_token`) and must never be logged or put in an error.
   */
  getProfile(name?: string, options?: { signal?: AbortSignal }): Promise<Readonly<IniSection> | undefined>;
  /** Both shared files as loaded (profiles, `sso-session` and `services` sections). Contains secrets. */
  getSharedConfigFiles(options?: { signal?: AbortSignal }): Promise<SharedConfigFiles>;
  /** The selected profile name: the `profile` option, else `AWS_PROFILE`, else `default`. */
  profileName(): string;
}

interface Found {
  value: string;
  source: string;
}

interface Context {
  env: Env;
  shared: SharedConfigFiles;
  profileName: string;
  profile: IniSection | undefined;
}

function describeShown(value: string): string {
  return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}...` : value);
}

function invalid(setting: string, found: Found, rule: string, showValue = true): ConfigError {
  const shown = showValue ? ` (got ${describeShown(found.value)})` : '';
  return new ConfigError(`Invalid ${setting} from ${found.source}: ${rule}${shown}`, { source: found.source });
}

function fromEnv(env: Env, ...names: string[]): Found | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    // An empty variable counts as unset, as the SDKs treat it.
    if (value) return { value, source: name };
  }
  return undefined;
}

function profileSource(ctx: Context, key: string, label = key): string {
  return `${ctx.shared.sourceOf(ctx.profileName, key) ?? ctx.shared.configFile} ${label}`;
}

function plainValue(value: IniValue | undefined, source: string, key: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new ConfigError(`Invalid ${key} from ${source}: must be a single value, not an indented block`, { source });
  }
  return value.trim() || undefined;
}

function fromProfile(ctx: Context, key: string): Found | undefined {
  if (!ctx.profile || !Object.hasOwn(ctx.profile, key)) return undefined;
  const source = profileSource(ctx, key);
  const value = plainValue(ctx.profile[key], source, key);
  return value === undefined ? undefined : { value, source };
}

function nestedBlock(section: IniSection | undefined, key: string, source: string): Record<string, string> | undefined {
  if (!section || !Object.hasOwn(section, key)) return undefined;
  const block = section[key]!;
  if (typeof block === 'string') {
    if (!block.trim()) return undefined;
    throw new ConfigError(`Invalid ${key} from ${source}: must be an indented block of "key = value" lines`, { source });
  }
  return block;
}

function fromNested(ctx: Context, block: string, key: string): Found | undefined {
  const nested = nestedBlock(ctx.profile, block, profileSource(ctx, block));
  if (!nested || !Object.hasOwn(nested, key)) return undefined;
  const value = nested[key]!.trim();
  return value ? { value, source: profileSource(ctx, block, `${block}.${key}`) } : undefined;
}

function parseBool(setting: string, found: Found): boolean {
  const v = found.value.toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw invalid(setting, found, 'must be "true" or "false"');
}

function parseEnum<T extends string>(setting: string, found: Found, allowed: readonly T[]): T {
  const v = found.value.toLowerCase();
  const hit = allowed.find((a) => a === v);
  if (hit === undefined) throw invalid(setting, found, `must be one of ${allowed.join(', ')}`);
  return hit;
}

const REGION = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function checkRegion(found: Found): string {
  if (!REGION.test(found.value)) throw invalid('region', found, 'must be a host name label such as us-east-1 (letters, digits, hyphens)');
  return found.value;
}

function checkEndpoint(found: Found): string {
  let url: URL;
  try {
    url = new URL(found.value);
  } catch {
    // The URL is not shown: it may carry user:password.
    throw invalid('endpoint_url', found, 'must be an absolute URL such as https://s3.example.com', false);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid('endpoint_url', found, 'must use http: or https:', false);
  }
  return found.value;
}

function checkMaxAttempts(found: Found): number {
  const n = /^\d+$/.test(found.value) ? Number(found.value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw invalid('max_attempts', found, 'must be an integer >= 1');
  return n;
}

const RETRY_MODES = ['standard', 'adaptive', 'legacy'] as const;
const ADDRESSING_STYLES = ['auto', 'virtual', 'path'] as const;
const CHECKSUM_SETTINGS = ['when_supported', 'when_required'] as const;

function asFound(value: string | number | boolean, source: string): Found {
  return { value: String(value), source };
}

/**
 * Creates a resolver of AWS settings. The shared files are read on first use and kept by this
 * instance (not by the module), so tests and multi-tenant callers get independent state.
 *
 * Precedence for each setting: `resolve()` options, then environment, then the selected profile.
 * For endpoints: option `endpointUrl`; then, unless `ignoreConfiguredEndpointUrls`
 * (option, `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`, profile `ignore_configured_endpoint_urls`):
 * `AWS_ENDPOINT_URL_<SERVICE_ID>`, `AWS_ENDPOINT_URL`, the profile's `[services x]` section
 * `<service_id> = endpoint_url = ...`, and the profile's `endpoint_url`.
 *
 * @example
 * ```ts
 * const config = createConfigResolver();
 * const { region, endpointUrl, maxAttempts } = await config.resolve({ serviceId: 'S3' });
 * ```
 */
export function createConfigResolver(options: ConfigResolverOptions = {}): ConfigResolver {
  const env = options.env ?? processEnv();
  let cached: Promise<SharedConfigFiles> | undefined;

  const profileSelection = (): { name: string; source: string | undefined } => {
    if (options.profile !== undefined) return { name: options.profile, source: 'options.profile' };
    const fromVar = fromEnv(env, 'AWS_PROFILE');
    return fromVar ? { name: fromVar.value, source: fromVar.source } : { name: 'default', source: undefined };
  };

  const load = async (signal: AbortSignal | undefined): Promise<SharedConfigFiles> => {
    throwIfAborted(signal);
    if (!cached) {
      const loadOptions: Parameters<typeof loadSharedConfigFiles>[0] = { env, fs: options.fs ?? nodeConfigFileSystem };
      if (options.homedir) loadOptions.homedir = options.homedir;
      if (options.configFile !== undefined) loadOptions.configFile = options.configFile;
      if (options.credentialsFile !== undefined) loadOptions.credentialsFile = options.credentialsFile;
      const pending = loadSharedConfigFiles(loadOptions);
      cached = pending;
      // A failed read is not kept, so fixing the file and calling again works.
      pending.catch(() => {
        if (cached === pending) cached = undefined;
      });
    }
    const shared = await cached;
    throwIfAborted(signal);
    return shared;
  };

  const getProfile = async (name?: string, opts: { signal?: AbortSignal } = {}): Promise<IniSection | undefined> => {
    const shared = await load(opts.signal);
    const key = name ?? profileSelection().name;
    return Object.hasOwn(shared.profiles, key) ? shared.profiles[key] : undefined;
  };

  const resolve = async (opts: ResolveConfigOptions = {}): Promise<ResolvedConfig> => {
    const shared = await load(opts.signal);
    const selection = profileSelection();
    const profile = Object.hasOwn(shared.profiles, selection.name) ? shared.profiles[selection.name] : undefined;
    if (!profile && selection.source) {
      throw new ConfigError(
        `Profile ${JSON.stringify(selection.name)} (from ${selection.source}) was not found in ${shared.configFile} or ${shared.credentialsFile}`,
        { source: selection.source },
      );
    }
    const ctx: Context = { env, shared, profileName: selection.name, profile };
    const sources: Record<string, string> = {};
    const pick = <T>(name: string, found: Found | undefined, parse: (f: Found) => T): T | undefined => {
      if (!found) return undefined;
      const value = parse(found);
      sources[name] = found.source;
      return value;
    };
    const first = (...candidates: (Found | undefined | (() => Found | undefined))[]): Found | undefined => {
      for (const c of candidates) {
        const found = typeof c === 'function' ? c() : c;
        if (found) return found;
      }
      return undefined;
    };
    const opt = (value: string | number | boolean | undefined, name: string): Found | undefined =>
      value === undefined ? undefined : asFound(value, `options.${name}`);

    const region = pick(
      'region',
      first(opt(opts.region, 'region'), fromEnv(env, 'AWS_REGION', 'AWS_DEFAULT_REGION'), () => fromProfile(ctx, 'region')),
      checkRegion,
    );

    const maxAttempts =
      pick(
        'maxAttempts',
        first(opt(opts.maxAttempts, 'maxAttempts'), fromEnv(env, 'AWS_MAX_ATTEMPTS'), () => fromProfile(ctx, 'max_attempts')),
        checkMaxAttempts,
      ) ?? 3;

    const retryMode = pick(
      'retryMode',
      first(opt(opts.retryMode, 'retryMode'), fromEnv(env, 'AWS_RETRY_MODE'), () => fromProfile(ctx, 'retry_mode')),
      (f) => parseEnum('retry_mode', f, RETRY_MODES),
    );

    const bool = (name: string, setting: string, value: boolean | undefined, envVar: string, key: string): boolean | undefined =>
      pick(name, first(opt(value, name), fromEnv(env, envVar), () => fromProfile(ctx, key)), (f) => parseBool(setting, f));

    const useFipsEndpoint = bool('useFipsEndpoint', 'use_fips_endpoint', opts.useFipsEndpoint, 'AWS_USE_FIPS_ENDPOINT', 'use_fips_endpoint') ?? false;
    const useDualstackEndpoint =
      bool('useDualstackEndpoint', 'use_dualstack_endpoint', opts.useDualstackEndpoint, 'AWS_USE_DUALSTACK_ENDPOINT', 'use_dualstack_endpoint') ??
      false;

    const checksum = (name: string, setting: string, value: ChecksumSetting | undefined, envVar: string): ChecksumSetting =>
      pick(name, first(opt(value, name), fromEnv(env, envVar), () => fromProfile(ctx, setting)), (f) => parseEnum(setting, f, CHECKSUM_SETTINGS)) ??
      'when_supported';

    const requestChecksumCalculation = checksum(
      'requestChecksumCalculation',
      'request_checksum_calculation',
      opts.requestChecksumCalculation,
      'AWS_REQUEST_CHECKSUM_CALCULATION',
    );
    const responseChecksumValidation = checksum(
      'responseChecksumValidation',
      'response_checksum_validation',
      opts.responseChecksumValidation,
      'AWS_RESPONSE_CHECKSUM_VALIDATION',
    );

    const addressingStyle =
      pick('s3.addressingStyle', first(opt(opts.s3?.addressingStyle, 's3.addressingStyle'), () => fromNested(ctx, 's3', 'addressing_style')), (f) =>
        parseEnum('s3.addressing_style', f, ADDRESSING_STYLES),
      ) ?? 'auto';
    const useAccelerateEndpoint =
      pick(
        's3.useAccelerateEndpoint',
        first(opt(opts.s3?.useAccelerateEndpoint, 's3.useAccelerateEndpoint'), () => fromNested(ctx, 's3', 'use_accelerate_endpoint')),
        (f) => parseBool('s3.use_accelerate_endpoint', f),
      ) ?? false;
    const s3Dualstack =
      pick(
        's3.useDualstackEndpoint',
        first(opt(opts.s3?.useDualstackEndpoint, 's3.useDualstackEndpoint'), () => fromNested(ctx, 's3', 'use_dualstack_endpoint')),
        (f) => parseBool('s3.use_dualstack_endpoint', f),
      ) ?? useDualstackEndpoint;

    const endpointUrl = resolveEndpoint(ctx, opts, sources);

    return {
      profile: selection.name,
      region,
      endpointUrl,
      maxAttempts,
      retryMode: retryMode === 'adaptive' ? 'adaptive' : 'standard',
      useFipsEndpoint,
      useDualstackEndpoint,
      s3: { addressingStyle, useAccelerateEndpoint, useDualstackEndpoint: s3Dualstack },
      requestChecksumCalculation,
      responseChecksumValidation,
      sources,
    };
  };

  return {
    resolve,
    getProfile,
    getSharedConfigFiles: (opts = {}) => load(opts.signal),
    profileName: () => profileSelection().name,
  };
}

/** The `[services x]` key of a service id (`S3` -> `s3`, `Elastic Beanstalk` -> `elastic_beanstalk`). */
export function serviceConfigKey(serviceId: string): string {
  return serviceId.trim().toLowerCase().replace(/\s+/g, '_');
}

/** The service-specific endpoint variable of a service id (`S3` -> `AWS_ENDPOINT_URL_S3`). */
export function serviceEndpointEnvVar(serviceId: string): string {
  return `AWS_ENDPOINT_URL_${serviceId.trim().toUpperCase().replace(/\s+/g, '_')}`;
}

function resolveEndpoint(ctx: Context, opts: ResolveConfigOptions, sources: Record<string, string>): string | undefined {
  const serviceId = opts.serviceId ?? 'S3';
  const take = (found: Found): string => {
    const url = checkEndpoint(found);
    sources.endpointUrl = found.source;
    return url;
  };
  if (opts.endpointUrl !== undefined) return take({ value: opts.endpointUrl, source: 'options.endpointUrl' });

  const ignoreFound: Found | undefined =
    opts.ignoreConfiguredEndpointUrls === undefined
      ? (fromEnv(ctx.env, 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS') ?? fromProfile(ctx, 'ignore_configured_endpoint_urls'))
      : asFound(opts.ignoreConfiguredEndpointUrls, 'options.ignoreConfiguredEndpointUrls');
  if (ignoreFound) {
    const ignore = parseBool('ignore_configured_endpoint_urls', ignoreFound);
    sources.ignoreConfiguredEndpointUrls = ignoreFound.source;
    if (ignore) return undefined;
  }

  const fromVars = fromEnv(ctx.env, serviceEndpointEnvVar(serviceId), 'AWS_ENDPOINT_URL');
  if (fromVars) return take(fromVars);

  const servicesName = fromProfile(ctx, 'services');
  if (servicesName && Object.hasOwn(ctx.shared.services, servicesName.value)) {
    const sectionSource = `${ctx.shared.configFile} [services ${servicesName.value}]`;
    const key = serviceConfigKey(serviceId);
    const block = nestedBlock(ctx.shared.services[servicesName.value], key, `${sectionSource} ${key}`);
    const url = block && Object.hasOwn(block, 'endpoint_url') ? block.endpoint_url!.trim() : '';
    if (url) return take({ value: url, source: `${sectionSource} ${key}.endpoint_url` });
  }

  const fromFile = fromProfile(ctx, 'endpoint_url');
  return fromFile ? take(fromFile) : undefined;
}
