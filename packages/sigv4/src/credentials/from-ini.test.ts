import { describe, expect, it } from 'vitest';
import { isCredentialsError } from '@s3kit/primitives';
import type { ConfigFileSystem } from '@s3kit/primitives';
import { isCredentialsNotFound } from './errors.js';
import { fromIni } from './from-ini.js';
import type { ExecFile } from './from-process.js';

const SECRET = 'iniSecretKEY/zz9+Distinctive00000000005';
const TOKEN = 'iniSessionTOKEN/zz9+Distinctive00000006==';

function memoryFs(files: Record<string, string>): ConfigFileSystem {
  return { readFile: (path) => Promise.resolve(files[path]) };
}

const env = { HOME: '/home/u' };
const CONFIG = '/home/u/.aws/config';
const CREDS = '/home/u/.aws/credentials';

function assertNoSecret(value: unknown): void {
  const e = value as Error & { toJSON?: () => unknown };
  const text = `${String(e)}${e.stack ?? ''}${JSON.stringify(e.toJSON?.())}`;
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(TOKEN);
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe('fromIni: static and process profiles', () => {
  it('reads the default profile from the credentials file', async () => {
    const fs = memoryFs({ [CREDS]: `[default]\naws_access_key_id = AKIDDEF\naws_secret_access_key = ${SECRET}\naws_session_token = ${TOKEN}\n` });
    await expect(fromIni({ env, fs })()).resolves.toEqual({ accessKeyId: 'AKIDDEF', secretAccessKey: SECRET, sessionToken: TOKEN });
  });

  it('selects AWS_PROFILE, merging config and credentials files (credentials win)', async () => {
    const fs = memoryFs({
      [CONFIG]: `[profile dev]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = ${SECRET}\nregion = eu-west-1\n`,
      [CREDS]: '[dev]\naws_access_key_id = AKIDCREDS\n',
    });
    const creds = await fromIni({ env: { ...env, AWS_PROFILE: 'dev' }, fs })();
    expect(creds.accessKeyId).toBe('AKIDCREDS');
  });

  it('honours configFile / credentialsFile options and AWS_CONFIG_FILE', async () => {
    const fs = memoryFs({ '/etc/c': `[profile x]\naws_access_key_id = AKIDX\naws_secret_access_key = ${SECRET}\n` });
    await expect(fromIni({ env, fs, profile: 'x', configFile: '/etc/c', credentialsFile: '/none' })()).resolves.toMatchObject({ accessKeyId: 'AKIDX' });
    await expect(fromIni({ env: { ...env, AWS_CONFIG_FILE: '/etc/c' }, fs, profile: 'x', homedir: () => '/nowhere' })()).resolves.toMatchObject({
      accessKeyId: 'AKIDX',
    });
  });

  it('runs credential_process profiles through the exec port', async () => {
    const exec: ExecFile = (file, args) => {
      expect([file, ...args]).toEqual(['/bin/creds', '--profile', 'a b']);
      return Promise.resolve({ stdout: JSON.stringify({ Version: 1, AccessKeyId: 'AKIDP', SecretAccessKey: SECRET }), stderr: '', exitCode: 0 });
    };
    const fs = memoryFs({ [CONFIG]: '[profile p]\ncredential_process = /bin/creds --profile "a b"\n' });
    await expect(fromIni({ env, fs, exec, profile: 'p' })()).resolves.toMatchObject({ accessKeyId: 'AKIDP' });
  });

  it('is not-found when the default profile is absent or empty, hard error when a named one is absent', async () => {
    const none = await rejection(fromIni({ env, fs: memoryFs({}) })());
    expect(isCredentialsNotFound(none)).toBe(true);
    expect(none.message).toBe('profile default: not found in ~/.aws/config or ~/.aws/credentials');
    const empty = await rejection(fromIni({ env, fs: memoryFs({ [CONFIG]: '[default]\nregion = us-east-1\n' }) })());
    expect(isCredentialsNotFound(empty)).toBe(true);
    expect(empty.message).toContain('no credentials, role_arn or credential_process');
    const named = await rejection(fromIni({ env: { ...env, AWS_PROFILE: 'ghost' }, fs: memoryFs({}) })());
    expect(isCredentialsError(named)).toBe(true);
    expect(isCredentialsNotFound(named)).toBe(false);
  });

  it('reports half-configured keys and malformed files without secrets', async () => {
    const half = await rejection(fromIni({ env, fs: memoryFs({ [CREDS]: `[default]\naws_secret_access_key = ${SECRET}\n` }) })());
    expect(half.message).toBe('profile default: Credentials have no accessKeyId (missing or empty)');
    assertNoSecret(half);
    const malformed = await rejection(fromIni({ env, fs: memoryFs({ [CREDS]: `aws_secret_access_key = ${SECRET}\n` }) })());
    expect(malformed.message).toContain('Cannot parse');
    assertNoSecret(malformed);
  });

  it('says SSO profiles are unsupported', async () => {
    const fs = memoryFs({ [CONFIG]: '[profile s]\nsso_session = corp\nsso_account_id = 1\n' });
    await expect(fromIni({ env, fs, profile: 's' })()).rejects.toThrow('(SSO) profiles are not supported');
  });

  it('honours an aborted signal', async () => {
    await expect(fromIni({ env, fs: memoryFs({}) })({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('fromIni: assume-role profile errors found before calling STS', () => {
  const base = `[profile src]\naws_access_key_id = AKIDSRC\naws_secret_access_key = ${SECRET}\n`;
  const run = (config: string, profile: string, extra: Parameters<typeof fromIni>[0] = {}): Promise<Error> =>
    rejection(fromIni({ env, fs: memoryFs({ [CONFIG]: base + config }), profile, stsEndpoint: 'http://127.0.0.1:9', ...extra })());

  it('detects source_profile cycles', async () => {
    const error = await run('[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n', 'a');
    expect(error.message).toContain('source_profile cycle a -> b -> a');
  });

  it('names a missing source profile', async () => {
    const error = await run('[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = nope\n', 'a');
    expect(error.message).toContain('source_profile "nope" does not exist');
  });

  it('refuses source_profile with credential_source, and role_arn alone', async () => {
    expect((await run('[profile a]\nrole_arn = r\nsource_profile = src\ncredential_source = Environment\n', 'a')).message).toContain('not both');
    expect((await run('[profile a]\nrole_arn = r\n', 'a')).message).toContain('role_arn needs source_profile');
  });

  it('needs an MFA callback for mfa_serial', async () => {
    const error = await run('[profile a]\nrole_arn = r\nsource_profile = src\nmfa_serial = arn:aws:iam::1:mfa/u\n', 'a');
    expect(error.message).toContain('MFA-protected roles need the mfaCodeProvider option');
  });

  it('validates duration_seconds and credential_source', async () => {
    expect((await run('[profile a]\nrole_arn = r\nsource_profile = src\nduration_seconds = 60\n', 'a')).message).toContain('900 to 43200');
    expect((await run('[profile a]\nrole_arn = r\ncredential_source = Moon\n', 'a')).message).toContain('credential_source must be');
    const envSource = await run('[profile a]\nrole_arn = r\ncredential_source = Environment\n', 'a');
    expect(envSource.message).toContain('credential_source Environment: env: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY not set');
    const imds = await run('[profile a]\nrole_arn = r\ncredential_source = Ec2InstanceMetadata\n', 'a', { env: { ...env, AWS_EC2_METADATA_DISABLED: 'true' } });
    expect(imds.message).toContain('disabled by AWS_EC2_METADATA_DISABLED');
    const ecs = await run('[profile a]\nrole_arn = r\ncredential_source = EcsContainer\n', 'a');
    expect(ecs.message).toContain('AWS_CONTAINER_CREDENTIALS_RELATIVE_URI');
  });

  it('needs static keys when a profile names itself as source', async () => {
    expect((await run('[profile a]\nrole_arn = r\nsource_profile = a\n', 'a')).message).toContain('names itself');
  });

  it('a source profile without credentials breaks the role profile (not a silent skip)', async () => {
    const error = await run('[profile a]\nrole_arn = r\nsource_profile = empty\n[profile empty]\nregion = x\n', 'a');
    expect(isCredentialsNotFound(error)).toBe(false);
    expect(error.message).toMatch(/^profile a: profile empty/);
  });
});
