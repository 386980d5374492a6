import { describe, expect, it } from 'vitest';
import { createConfigResolver } from '@s3kit/primitives';
import type { ConfigFileSystem } from '@s3kit/primitives';
import { createDefaultCredentialsProvider } from './default-provider.js';

const files: Record<string, string> = {
  '/cfg/config': '[profile dev]\nregion = eu-west-1\n',
  '/cfg/credentials': '[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s1\n[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s2\n',
};
const fs: ConfigFileSystem = { readFile: (path) => Promise.resolve(files[path]) };

describe('createDefaultCredentialsProvider', () => {
  it('reads the shared files at the given paths, for the given profile', async () => {
    const env = { AWS_CONFIG_FILE: '/elsewhere/config', AWS_SHARED_CREDENTIALS_FILE: '/elsewhere/credentials' };
    const options = { env, fs, configFile: '/cfg/config', credentialsFile: '/cfg/credentials' };
    expect((await createDefaultCredentialsProvider({ ...options, profile: 'dev' })()).accessKeyId).toBe('AKIDDEV');
    expect((await createDefaultCredentialsProvider(options)()).accessKeyId).toBe('AKIDDEFAULT');
  });

  it('takes the shared files from a config resolver when given', async () => {
    const resolver = createConfigResolver({ env: {}, fs, configFile: '/cfg/config', credentialsFile: '/cfg/credentials' });
    const provider = createDefaultCredentialsProvider({ env: {}, profile: 'dev', sharedFiles: (o) => resolver.getSharedConfigFiles(o) });
    expect((await provider()).accessKeyId).toBe('AKIDDEV');
  });
});
