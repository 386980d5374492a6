import { describe, expect, it } from 'vitest';
import { createConfigResolver, serviceConfigKey, serviceEndpointEnvVar } from './config.js';
import type { ConfigResolverOptions } from './config.js';
import { isAbortError, isConfigError } from '../errors/errors.js';
import type { ConfigError } from '../errors/errors.js';
import type { ConfigFileSystem, Env } from './ini.js';

const HOME = '/home/u';
const CONFIG = '/home/u/.aws/config';
const CREDENTIALS = '/home/u/.aws/credentials';

function fakeFs(files: Record<string, string>): ConfigFileSystem & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile: async (path) => {
      reads.push(path);
      return Object.hasOwn(files, path) ? files[path] : undefined;
    },
  };
}

function resolver(config: string, env: Env = {}, extra: Partial<ConfigResolverOptions> = {}, credentials?: string) {
  const files: Record<string, string> = { [CONFIG]: config };
  if (credentials !== undefined) files[CREDENTIALS] = credentials;
  const fs = fakeFs(files);
  return { fs, config: createConfigResolver({ env: { HOME, ...env }, fs, ...extra }) };
}

async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isConfigError(err)) throw new Error(`expected a ConfigError, got ${String(err)}`);
  return err;
}

describe('createConfigResolver defaults and profiles', () => {
  it('applies defaults when nothing is configured', async () => {
    const { config } = resolver('');
    expect(await config.resolve()).toEqual({
      profile: 'default',
      region: undefined,
      endpointUrl: undefined,
      maxAttempts: 3,
      retryMode: 'standard',
      useFipsEndpoint: false,
      useDualstackEndpoint: false,
      s3: { addressingStyle: 'auto', useAccelerateEndpoint: false, useDualstackEndpoint: false },
      requestChecksumCalculation: 'when_supported',
      responseChecksumValidation: 'when_supported',
      sources: {},
    });
  });

  it('selects the profile from the option, then AWS_PROFILE, then default', async () => {
    const text = '[default]\nregion = r-default\n[profile dev]\nregion = r-dev\n[profile ops]\nregion = r-ops\n';
    expect((await resolver(text).config.resolve()).region).toBe('r-default');
    expect((await resolver(text, { AWS_PROFILE: 'dev' }).config.resolve()).region).toBe('r-dev');
    const { config } = resolver(text, { AWS_PROFILE: 'dev' }, { profile: 'ops' });
    expect(await config.resolve()).toMatchObject({ profile: 'ops', region: 'r-ops' });
    expect(config.profileName()).toBe('ops');
    // An empty variable counts as unset.
    expect((await resolver(text, { AWS_PROFILE: '' }).config.resolve()).profile).toBe('default');
  });

  // botocore Session.get_scoped_config raises ProfileNotFound for an explicitly chosen missing profile.
  it('rejects an explicitly selected profile that does not exist, naming where it was chosen', async () => {
    const fromEnv = await configError(resolver('[default]\n', { AWS_PROFILE: 'nope' }).config.resolve());
    expect(fromEnv.source).toBe('AWS_PROFILE');
    expect(fromEnv.message).toContain('"nope"');
    expect(fromEnv.message).toContain('~/.aws/config');
    const fromOption = await configError(resolver('', {}, { profile: 'default' }).config.resolve());
    expect(fromOption.source).toBe('options.profile');
  });

  it('finds a profile that exists only in the credentials file', async () => {
    const { config } = resolver('', { AWS_PROFILE: 'ci' }, {}, '[ci]\nregion = ap-east-1\n');
    const resolved = await config.resolve();
    expect(resolved.region).toBe('ap-east-1');
    expect(resolved.sources.region).toBe('~/.aws/credentials [ci] region');
  });

  it('reads the shared files once per resolver instance, not per module', async () => {
    const a = resolver('[default]\nregion = x\n');
    await a.config.resolve();
    await a.config.resolve({ region: 'y' });
    await a.config.getProfile();
    await a.config.getSharedConfigFiles();
    expect(a.fs.reads).toEqual([CONFIG, CREDENTIALS]);
    const b = resolver('[default]\nregion = x\n');
    await b.config.resolve();
    expect(b.fs.reads).toHaveLength(2);
  });

  it('does not keep a failed read, so a fixed file is read again', async () => {
    let text = '[default]\nbroken line\n';
    const fs: ConfigFileSystem = { readFile: async (path) => (path === CONFIG ? text : undefined) };
    const config = createConfigResolver({ env: { HOME }, fs });
    const err = await configError(config.resolve());
    expect(err.source).toBe('~/.aws/config line 2');
    text = '[default]\nregion = fixed-1\n';
    expect((await config.resolve()).region).toBe('fixed-1');
  });

  it('honours the configFile and credentialsFile options and AWS_CONFIG_FILE', async () => {
    const fs = fakeFs({ '/etc/aws.conf': '[default]\nregion = from-env-path\n', '/opt/c': '[default]\nregion = from-option\n' });
    const viaEnv = createConfigResolver({ env: { HOME, AWS_CONFIG_FILE: '/etc/aws.conf' }, fs });
    expect(await viaEnv.resolve()).toMatchObject({ region: 'from-env-path', sources: { region: '/etc/aws.conf [default] region' } });
    const viaOption = createConfigResolver({ env: { HOME, AWS_CONFIG_FILE: '/etc/aws.conf' }, fs, configFile: '/opt/c', credentialsFile: '/opt/k' });
    expect((await viaOption.resolve()).region).toBe('from-option');
    expect(fs.reads).toContain('/opt/k');
  });

  it('uses the injected homedir when HOME and USERPROFILE are unset', async () => {
    const fs = fakeFs({ '/injected/.aws/config': '[default]\nregion = home-1\n' });
    const config = createConfigResolver({ env: {}, fs, homedir: () => '/injected' });
    expect((await config.resolve()).region).toBe('home-1');
  });

  it('returns the raw merged profile (with secrets) from getProfile', async () => {
    const { config } = resolver('[profile dev]\nregion = r\n', {}, {}, '[dev]\naws_secret_access_key = SECRET\n');
    expect(await config.getProfile('dev')).toEqual({ region: 'r', aws_secret_access_key: 'SECRET' });
    expect(await config.getProfile('missing')).toBeUndefined();
    expect(await config.getProfile('constructor')).toBeUndefined();
    expect(await config.getProfile()).toBeUndefined();
  });

  it('rejects with AbortError when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { config, fs } = resolver('');
    await expect(config.resolve({ signal: controller.signal })).rejects.toSatisfy(isAbortError);
    await expect(config.getProfile('x', { signal: controller.signal })).rejects.toSatisfy(isAbortError);
    expect(fs.reads).toEqual([]);
  });
});

describe('region, maxAttempts and retryMode', () => {
  const profile = '[default]\nregion = file-1\nmax_attempts = 7\nretry_mode = adaptive\n';

  it('resolves region from options, AWS_REGION, AWS_DEFAULT_REGION, then the profile', async () => {
    const env = { AWS_REGION: 'env-1', AWS_DEFAULT_REGION: 'env-2' };
    expect(await resolver(profile, env).config.resolve({ region: 'opt-1' })).toMatchObject({
      region: 'opt-1',
      sources: { region: 'options.region' },
    });
    expect(await resolver(profile, env).config.resolve()).toMatchObject({ region: 'env-1', sources: { region: 'AWS_REGION' } });
    expect((await resolver(profile, { AWS_DEFAULT_REGION: 'env-2' }).config.resolve()).region).toBe('env-2');
    expect(await resolver(profile).config.resolve()).toMatchObject({
      region: 'file-1',
      sources: { region: '~/.aws/config [default] region' },
    });
  });

  it.each(['us east 1', 'a.b', '-x', 'x'.repeat(64)])('rejects region %j', async (region) => {
    const err = await configError(resolver('', { AWS_REGION: region }).config.resolve());
    expect(err.source).toBe('AWS_REGION');
    expect(err.message).toMatch(/host name label/);
  });

  it('resolves maxAttempts and retryMode with their precedence', async () => {
    expect(await resolver(profile).config.resolve()).toMatchObject({ maxAttempts: 7, retryMode: 'adaptive' });
    expect(await resolver(profile, { AWS_MAX_ATTEMPTS: '2', AWS_RETRY_MODE: 'STANDARD' }).config.resolve()).toMatchObject({
      maxAttempts: 2,
      retryMode: 'standard',
      sources: { maxAttempts: 'AWS_MAX_ATTEMPTS', retryMode: 'AWS_RETRY_MODE' },
    });
    expect(await resolver(profile).config.resolve({ maxAttempts: 1, retryMode: 'standard' })).toMatchObject({ maxAttempts: 1, retryMode: 'standard' });
  });

  // botocore accepts `legacy`; s3kit implements standard in its place.
  it('maps retry mode legacy to standard', async () => {
    expect((await resolver('[default]\nretry_mode = legacy\n').config.resolve()).retryMode).toBe('standard');
    expect((await resolver('').config.resolve({ retryMode: 'legacy' })).retryMode).toBe('standard');
  });

  it.each(['0', '-1', '1.5', 'abc', '99999999999999999999'])('rejects AWS_MAX_ATTEMPTS=%s', async (value) => {
    const err = await configError(resolver('', { AWS_MAX_ATTEMPTS: value }).config.resolve());
    expect(err.source).toBe('AWS_MAX_ATTEMPTS');
    expect(err.message).toContain('must be an integer >= 1');
  });

  it('names the profile and key of a bad file value, and the option of a bad option', async () => {
    const fromFile = await configError(resolver('[profile dev]\nmax_attempts = zero\n', { AWS_PROFILE: 'dev' }).config.resolve());
    expect(fromFile.source).toBe('~/.aws/config [profile dev] max_attempts');
    expect(fromFile.code).toBe('ERR_CONFIG');
    const fromOption = await configError(resolver('').config.resolve({ maxAttempts: 0 }));
    expect(fromOption.source).toBe('options.maxAttempts');
    const mode = await configError(resolver('[default]\nretry_mode = fast\n').config.resolve());
    expect(mode.message).toContain('must be one of standard, adaptive, legacy');
  });

  it('rejects an indented block where a single value is expected', async () => {
    const err = await configError(resolver('[default]\nregion =\n  a = b\n').config.resolve());
    expect(err.source).toBe('~/.aws/config [default] region');
    expect(err.message).toContain('not an indented block');
  });

  it('treats an empty file value as unset', async () => {
    expect((await resolver('[default]\nregion =\n').config.resolve()).region).toBeUndefined();
  });
});

describe('endpoint URL', () => {
  const files =
    '[default]\nendpoint_url = http://profile:1\nservices = local\n' +
    '[services local]\ns3 =\n  endpoint_url = http://services-s3:2\nelastic_beanstalk =\n  endpoint_url = http://services-eb:3\n';

  // https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html precedence.
  it('prefers AWS_ENDPOINT_URL_<SERVICE> over AWS_ENDPOINT_URL over [services] over profile endpoint_url', async () => {
    const env = { AWS_ENDPOINT_URL_S3: 'http://env-s3:4', AWS_ENDPOINT_URL: 'http://env-global:5' };
    expect(await resolver(files, env).config.resolve()).toMatchObject({
      endpointUrl: 'http://env-s3:4',
      sources: { endpointUrl: 'AWS_ENDPOINT_URL_S3' },
    });
    expect((await resolver(files, { AWS_ENDPOINT_URL: 'http://env-global:5' }).config.resolve()).endpointUrl).toBe('http://env-global:5');
    expect(await resolver(files).config.resolve()).toMatchObject({
      endpointUrl: 'http://services-s3:2',
      sources: { endpointUrl: '~/.aws/config [services local] s3.endpoint_url' },
    });
    expect((await resolver(files).config.resolve({ serviceId: 'Elastic Beanstalk' })).endpointUrl).toBe('http://services-eb:3');
    expect((await resolver(files).config.resolve({ serviceId: 'DynamoDB' })).endpointUrl).toBe('http://profile:1');
    expect((await resolver(files).config.resolve({ endpointUrl: 'https://opt' })).endpointUrl).toBe('https://opt');
  });

  it('falls back to the profile endpoint when the services section is missing', async () => {
    expect((await resolver('[default]\nendpoint_url = http://p\nservices = nowhere\n').config.resolve()).endpointUrl).toBe('http://p');
  });

  it('uses service-specific variable names with spaces as underscores', () => {
    expect(serviceEndpointEnvVar('S3')).toBe('AWS_ENDPOINT_URL_S3');
    expect(serviceEndpointEnvVar('Elastic Beanstalk')).toBe('AWS_ENDPOINT_URL_ELASTIC_BEANSTALK');
    expect(serviceConfigKey('Elastic Beanstalk')).toBe('elastic_beanstalk');
  });

  it('ignores configured endpoints when asked by env, profile or option, but not an explicit endpointUrl', async () => {
    const env = { AWS_ENDPOINT_URL: 'http://env:1' };
    expect((await resolver(files, { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }).config.resolve()).endpointUrl).toBeUndefined();
    expect((await resolver(`${files}\n[default]\nignore_configured_endpoint_urls = TRUE\n`).config.resolve()).endpointUrl).toBeUndefined();
    // The environment variable beats the profile setting.
    const envFalse = resolver(`${files}\n[default]\nignore_configured_endpoint_urls = true\n`, { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'false' });
    expect(await envFalse.config.resolve()).toMatchObject({
      endpointUrl: 'http://services-s3:2',
      sources: { ignoreConfiguredEndpointUrls: 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS' },
    });
    expect((await resolver(files, env).config.resolve({ ignoreConfiguredEndpointUrls: true })).endpointUrl).toBeUndefined();
    expect((await resolver(files, env).config.resolve({ ignoreConfiguredEndpointUrls: true, endpointUrl: 'http://x' })).endpointUrl).toBe('http://x');
  });

  it('rejects invalid URLs without echoing them', async () => {
    const bad = await configError(resolver('', { AWS_ENDPOINT_URL: 'http//user:pw-secret@host' }).config.resolve());
    expect(bad.source).toBe('AWS_ENDPOINT_URL');
    expect(bad.message).not.toContain('pw-secret');
    const ftp = await configError(resolver('[default]\nendpoint_url = ftp://user:pw-secret@host\n').config.resolve());
    expect(ftp.message).toContain('must use http: or https:');
    expect(ftp.message).not.toContain('pw-secret');
    const flag = await configError(resolver('', { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'yes' }).config.resolve());
    expect(flag.message).toContain('must be "true" or "false"');
  });

  it('rejects a [services] entry that is not a nested block', async () => {
    const err = await configError(resolver('[default]\nservices = s\n[services s]\ns3 = http://x\n').config.resolve());
    expect(err.source).toBe('~/.aws/config [services s] s3');
  });
});

describe('flags, s3 block and checksums', () => {
  it('resolves FIPS and dual-stack from options, env and profile', async () => {
    const text = '[default]\nuse_fips_endpoint = true\nuse_dualstack_endpoint = true\n';
    expect(await resolver(text).config.resolve()).toMatchObject({ useFipsEndpoint: true, useDualstackEndpoint: true, s3: { useDualstackEndpoint: true } });
    expect(
      await resolver(text, { AWS_USE_FIPS_ENDPOINT: 'false', AWS_USE_DUALSTACK_ENDPOINT: 'False' }).config.resolve(),
    ).toMatchObject({ useFipsEndpoint: false, useDualstackEndpoint: false });
    expect(await resolver(text).config.resolve({ useFipsEndpoint: false })).toMatchObject({ useFipsEndpoint: false, sources: { useFipsEndpoint: 'options.useFipsEndpoint' } });
    const bad = await configError(resolver('', { AWS_USE_FIPS_ENDPOINT: '1' }).config.resolve());
    expect(bad.source).toBe('AWS_USE_FIPS_ENDPOINT');
  });

  // botocore raw_config_parse nested `s3 =` block: addressing_style, use_accelerate_endpoint, use_dualstack_endpoint.
  it('reads the nested s3 block, which beats the global dual-stack flag', async () => {
    const text = '[default]\nuse_dualstack_endpoint = true\ns3 =\n  addressing_style = path\n  use_accelerate_endpoint = true\n  use_dualstack_endpoint = false\n';
    expect(await resolver(text).config.resolve()).toMatchObject({
      useDualstackEndpoint: true,
      s3: { addressingStyle: 'path', useAccelerateEndpoint: true, useDualstackEndpoint: false },
      sources: { 's3.addressingStyle': '~/.aws/config [default] s3.addressing_style' },
    });
    expect(await resolver(text).config.resolve({ s3: { addressingStyle: 'virtual', useAccelerateEndpoint: false, useDualstackEndpoint: true } })).toMatchObject({
      s3: { addressingStyle: 'virtual', useAccelerateEndpoint: false, useDualstackEndpoint: true },
    });
  });

  it('rejects a bad s3 value and an s3 setting that is not a block', async () => {
    const style = await configError(resolver('[default]\ns3 =\n  addressing_style = sideways\n').config.resolve());
    expect(style.source).toBe('~/.aws/config [default] s3.addressing_style');
    expect(style.message).toContain('must be one of auto, virtual, path');
    const flat = await configError(resolver('[default]\ns3 = path\n').config.resolve());
    expect(flat.source).toBe('~/.aws/config [default] s3');
    expect(flat.message).toContain('indented block');
  });

  it('ignores an empty s3 value and empty nested values', async () => {
    expect((await resolver('[default]\ns3 =\n').config.resolve()).s3.addressingStyle).toBe('auto');
    expect((await resolver('[default]\ns3 =\n  addressing_style =\n').config.resolve()).s3.addressingStyle).toBe('auto');
  });

  it('resolves checksum settings case-insensitively', async () => {
    const text = '[default]\nrequest_checksum_calculation = WHEN_REQUIRED\nresponse_checksum_validation = when_required\n';
    expect(await resolver(text).config.resolve()).toMatchObject({ requestChecksumCalculation: 'when_required', responseChecksumValidation: 'when_required' });
    expect(await resolver(text, { AWS_REQUEST_CHECKSUM_CALCULATION: 'when_supported' }).config.resolve()).toMatchObject({
      requestChecksumCalculation: 'when_supported',
      responseChecksumValidation: 'when_required',
    });
    expect((await resolver(text).config.resolve({ responseChecksumValidation: 'when_supported' })).responseChecksumValidation).toBe('when_supported');
    const err = await configError(resolver('', { AWS_RESPONSE_CHECKSUM_VALIDATION: 'always' }).config.resolve());
    expect(err.source).toBe('AWS_RESPONSE_CHECKSUM_VALIDATION');
  });

  it('never puts a secret from the profile into an error', async () => {
    const err = await configError(
      resolver('[default]\nmax_attempts = nope\n', {}, {}, '[default]\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n').config.resolve(),
    );
    expect(JSON.stringify(err.toJSON())).not.toContain('wJalr');
    expect(err.message).not.toContain('wJalr');
  });
});
