/**
 * Which keys sign a request: the client's profile, environment and file system decide, the same
 * ones its settings come from. Regression for "profile signed with the default profile's keys":
 * `new S3Client({ profile: 'dev' })` took its region from `[profile dev]` but built the credential
 * chain without the profile, env or file system, so it signed with `[default]`'s keys.
 */
import { createConfigResolver, createFakeClock } from '@s3kit/primitives';
import type { ConfigFileSystem, Env } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { replayTransport } from '../../test/replay-transport.js';
import type { CannedResponse } from '../../test/replay-transport.js';
import type { S3ClientOptions } from './client-options.js';
import { S3Client } from './s3-client.js';

const CONFIG = '/home/u/.aws/config';
const CREDENTIALS = '/home/u/.aws/credentials';
const FILES: Readonly<Record<string, string>> = {
  [CONFIG]: '[default]\nregion = us-east-1\n[profile dev]\nregion = eu-west-1\n',
  [CREDENTIALS]: '[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s-default\n[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s-dev\n',
};
const files: ConfigFileSystem = { readFile: (path) => Promise.resolve(FILES[path]) };
const FILE_ENV: Env = { AWS_CONFIG_FILE: CONFIG, AWS_SHARED_CREDENTIALS_FILE: CREDENTIALS };
const ENV_KEYS: Env = { AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 's-env' };

function client(options: S3ClientOptions, env: Env = FILE_ENV, responses: CannedResponse[] = [{ status: 200 }]) {
  const transport = replayTransport(...responses);
  // Nothing may come from this process's own environment or home directory.
  const c = new S3Client({ transport, clock: createFakeClock(), config: { env, fs: files }, ...options });
  return { client: c, transport };
}

/** The access key id and region of the last request's Authorization header. */
function signedWith(transport: ReturnType<typeof replayTransport>): { keyId: string; region: string } {
  const auth = transport.requests.at(-1)?.headers.authorization ?? '';
  const m = /Credential=([^/]+)\/\d{8}\/([^/]+)\/s3\//.exec(auth);
  if (!m) throw new Error(`no SigV4 credential scope in ${JSON.stringify(auth.slice(0, 40))}`);
  return { keyId: m[1]!, region: m[2]! };
}

describe('which credentials sign (profile, env, explicit)', () => {
  it('profile option alone: signs with the profile keys in the profile region', async () => {
    const { client: c, transport } = client({ profile: 'dev' });
    await c.headBucket({ Bucket: 'photos' });
    expect(signedWith(transport)).toEqual({ keyId: 'AKIDDEV', region: 'eu-west-1' });
  });

  it('profile given in config options: the same', async () => {
    const transport = replayTransport({ status: 200 });
    const c = new S3Client({ transport, config: { env: FILE_ENV, fs: files, profile: 'dev' } });
    await c.headBucket({ Bucket: 'photos' });
    expect(signedWith(transport)).toEqual({ keyId: 'AKIDDEV', region: 'eu-west-1' });
  });

  it("a caller's own config resolver: its profile and its files", async () => {
    const transport = replayTransport({ status: 200 });
    const c = new S3Client({ transport, config: createConfigResolver({ env: FILE_ENV, fs: files, profile: 'dev' }) });
    await c.headBucket({ Bucket: 'photos' });
    expect(signedWith(transport)).toEqual({ keyId: 'AKIDDEV', region: 'eu-west-1' });
  });

  it('AWS_PROFILE in the client environment selects the profile keys', async () => {
    const { client: c, transport } = client({}, { ...FILE_ENV, AWS_PROFILE: 'dev' });
    await c.headBucket({ Bucket: 'photos' });
    expect(signedWith(transport)).toEqual({ keyId: 'AKIDDEV', region: 'eu-west-1' });
  });

  it('no profile: the default profile keys', async () => {
    const { client: c, transport } = client({});
    await c.headBucket({ Bucket: 'photos' });
    expect(signedWith(transport)).toEqual({ keyId: 'AKIDDEFAULT', region: 'us-east-1' });
  });

  it('environment keys alone (client env, no files): the environment keys', async () => {
    const { client: c, transport } = client({ region: 'ap-south-1' }, { ...ENV_KEYS, AWS_CONFIG_FILE: '/none', AWS_SHARED_CREDENTIALS_FILE: '/none' });
    await c.headBucket({ Bucket: 'photos' });
    expect(signedWith(transport)).toEqual({ keyId: 'AKIDENV', region: 'ap-south-1' });
  });

  it('environment keys and the default profile: the environment wins, as in the AWS CLI', async () => {
    const { client: c, transport } = client({}, { ...FILE_ENV, ...ENV_KEYS });
    await c.headBucket({ Bucket: 'photos' });
    expect(signedWith(transport).keyId).toBe('AKIDENV');
  });

  it('environment keys and an explicit profile: the profile wins', async () => {
    const { client: c, transport } = client({ profile: 'dev' }, { ...FILE_ENV, ...ENV_KEYS });
    await c.headBucket({ Bucket: 'photos' });
    expect(signedWith(transport)).toEqual({ keyId: 'AKIDDEV', region: 'eu-west-1' });
  });

  it('explicit credentials beat a profile and environment keys', async () => {
    const { client: c, transport } = client(
      { profile: 'dev', credentials: { accessKeyId: 'AKIDEXPLICIT', secretAccessKey: 's-explicit' } },
      { ...FILE_ENV, ...ENV_KEYS },
    );
    await c.headBucket({ Bucket: 'photos' });
    expect(signedWith(transport)).toEqual({ keyId: 'AKIDEXPLICIT', region: 'eu-west-1' });
  });

  it('explicit credentials alone', async () => {
    const { client: c, transport } = client({ region: 'us-west-2', credentials: { accessKeyId: 'AKIDEXPLICIT', secretAccessKey: 's' } }, {});
    await c.headBucket({ Bucket: 'photos' });
    expect(signedWith(transport)).toEqual({ keyId: 'AKIDEXPLICIT', region: 'us-west-2' });
  });

  it('a cross-region presignPost signs with the profile keys and the client clock', async () => {
    const clock = createFakeClock({ start: Date.UTC(2031, 0, 2, 3, 4, 5) });
    const redirect = { status: 301, headers: { 'x-amz-bucket-region': 'ap-northeast-1' } };
    const { client: c } = client({ profile: 'dev', clock }, FILE_ENV, [redirect, { status: 200 }]);
    await c.headBucket({ Bucket: 'far' });
    expect(c.bucketRegion('far')).toBe('ap-northeast-1');
    const post = await c.presignPost({ bucket: 'far', key: 'k' });
    expect(post.fields['x-amz-credential']).toBe('AKIDDEV/20310102/ap-northeast-1/s3/aws4_request');
    expect(post.fields['x-amz-date']).toBe('20310102T030405Z');
    const again = await c.presignPost({ bucket: 'far', key: 'k2' });
    expect(again.fields['x-amz-credential']).toBe(post.fields['x-amz-credential']);
  });
});
