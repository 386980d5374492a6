import { readFileSync } from 'node:fs';
import { createFakeClock } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { EMPTY_ENV } from '../../test/mock-client.js';
import { replayTransport } from '../../test/replay-transport.js';
import { S3Client } from './s3-client.js';
import type { S3ClientOptions } from './client-options.js';
import { packageVersion } from './user-agent.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function client(options: S3ClientOptions = {}, env: Record<string, string> = EMPTY_ENV) {
  const transport = replayTransport({ status: 200 });
  const c = new S3Client({
    endpoint: 'http://127.0.0.1:9000',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    transport,
    clock: createFakeClock({ instant: true }),
    config: { env },
    ...options,
  });
  return { client: c, transport };
}

describe('User-Agent', () => {
  it('names s3kit, the runtime and the package on every request, unsigned', async () => {
    const { client: c, transport } = client();
    await c.headBucket({ Bucket: 'bucket-1' });
    await c.deleteObject({ Bucket: 'bucket-1', Key: 'k' });
    expect(packageVersion()).toBe(version);
    for (const request of transport.requests) {
      expect(request.headers['user-agent']).toBe(`s3kit/${version} (node/${process.versions.node}; ${process.platform}; ${process.arch}) s3-core/${version}`);
      expect(request.headers.authorization).not.toContain('user-agent');
    }
  });

  it('appends the application id from the option, else from AWS_SDK_UA_APP_ID', async () => {
    const byOption = client({ userAgentAppId: 'photo-sync' }, { ...EMPTY_ENV, AWS_SDK_UA_APP_ID: 'ignored' });
    await byOption.client.headBucket({ Bucket: 'bucket-1' });
    expect(byOption.transport.requests[0]!.headers['user-agent']).toMatch(/ app\/photo-sync$/);
    const byEnv = client({}, { ...EMPTY_ENV, AWS_SDK_UA_APP_ID: 'nightly-job' });
    await byEnv.client.headBucket({ Bucket: 'bucket-1' });
    expect(byEnv.transport.requests[0]!.headers['user-agent']).toMatch(/ app\/nightly-job$/);
  });

  it('refuses an application id that is not a token, before sending anything', async () => {
    const { client: c, transport } = client({ userAgentAppId: 'my app' });
    await expect(c.headBucket({ Bucket: 'bucket-1' })).rejects.toMatchObject({ code: 'ERR_VALIDATION', field: 'userAgentAppId' });
    expect(transport.requests).toHaveLength(0);
  });
});
