import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock, createUndiciTransport, isCredentialsError } from '@s3kit/primitives';
import type { FakeClock, HttpTransport } from '@s3kit/primitives';
import { isCredentialsNotFound } from './errors.js';
import { fromImds } from './from-imds.js';

const SECRET = 'imdsSecretKEY/zz9+Distinctive0000000007';
const TOKEN = 'imdsSessionTOKEN/zz9+Distinctive00000008==';
const IMDS_TOKEN = 'imds-session-token-abc';

interface Behaviour {
  tokenStatus: number | 'hang';
  requireToken: boolean;
  roles: string | number;
  credentials: string | number;
  failFirst: number; // answer 500 to the first N requests
}

let server: Server;
let endpoint: string;
let behaviour: Behaviour;
let log: string[];
const transport = createUndiciTransport();

function reset(over: Partial<Behaviour> = {}): void {
  behaviour = {
    tokenStatus: 200,
    requireToken: true,
    roles: 'my-role\n',
    credentials: JSON.stringify({ Code: 'Success', Type: 'AWS-HMAC', AccessKeyId: 'ASIAIMDS', SecretAccessKey: SECRET, Token: TOKEN, Expiration: '2031-01-01T00:00:00Z' }),
    failFirst: 0,
    ...over,
  };
  log = [];
}

function route(req: IncomingMessage, token: string | undefined): [number, string] | undefined {
  if (behaviour.failFirst > 0) {
    behaviour.failFirst--;
    return [500, ''];
  }
  if (req.method === 'PUT' && req.url === '/latest/api/token') {
    if (req.headers['x-aws-ec2-metadata-token-ttl-seconds'] !== '21600') return [400, ''];
    if (behaviour.tokenStatus === 'hang') return undefined; // never answers; the client's deadline must fire
    return [behaviour.tokenStatus, behaviour.tokenStatus === 200 ? IMDS_TOKEN : ''];
  }
  if (behaviour.requireToken && token !== IMDS_TOKEN) return [401, ''];
  if (req.method !== 'GET') return [405, ''];
  const answer = (value: string | number): [number, string] => (typeof value === 'number' ? [value, ''] : [200, value]);
  if (req.url === '/latest/meta-data/iam/security-credentials/') return answer(behaviour.roles);
  if (req.url === '/latest/meta-data/iam/security-credentials/my-role') return answer(behaviour.credentials);
  return [404, ''];
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const token = req.headers['x-aws-ec2-metadata-token'];
  log.push(`${req.method!} ${req.url!}${token ? ' +token' : ''}`);
  const result = route(req, typeof token === 'string' ? token : undefined);
  if (result) res.writeHead(result[0], { 'content-type': 'text/plain' }).end(result[1]);
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  server.closeAllConnections();
});
afterAll(async () => {
  await transport.close();
  await new Promise((resolve) => server.close(resolve));
});

function assertNoSecret(value: unknown): void {
  const e = value as Error & { toJSON?: () => unknown };
  const text = `${String(e)}${e.stack ?? ''}${JSON.stringify(e.toJSON?.())}`;
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(IMDS_TOKEN);
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

/** Advances the fake clock by 1 s whenever a request reached the server and its deadline waits, until `promise` settles. */
async function drive<T>(clock: FakeClock, promise: Promise<T>): Promise<T> {
  let settled = false;
  let advanced = 0;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  while (!settled) {
    await new Promise((resolve) => setImmediate(resolve));
    if (clock.pending() > 0 && log.length > advanced) {
      advanced++;
      await clock.advance(1000);
    }
  }
  return promise;
}

const env = (): Record<string, string> => ({ AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint });

describe('fromImds against a loopback IMDS look-alike', () => {
  it('uses the IMDSv2 token flow', async () => {
    reset();
    const creds = await fromImds({ env: env(), transport })();
    expect(creds).toEqual({ accessKeyId: 'ASIAIMDS', secretAccessKey: SECRET, sessionToken: TOKEN, expiration: new Date('2031-01-01T00:00:00Z') });
    expect(log).toEqual([
      'PUT /latest/api/token',
      'GET /latest/meta-data/iam/security-credentials/ +token',
      'GET /latest/meta-data/iam/security-credentials/my-role +token',
    ]);
  });

  it.each([403, 404, 405])('falls back to IMDSv1 when the token PUT gets %i', async (status) => {
    reset({ tokenStatus: status, requireToken: false });
    await expect(fromImds({ endpoint, env: {}, transport })()).resolves.toMatchObject({ accessKeyId: 'ASIAIMDS' });
    expect(log.slice(1)).toEqual(['GET /latest/meta-data/iam/security-credentials/', 'GET /latest/meta-data/iam/security-credentials/my-role']);
  });

  it('does not fall back when IMDSv1 is disabled, nor on other statuses', async () => {
    reset({ tokenStatus: 403, requireToken: false });
    const v1off = await rejection(fromImds({ env: { ...env(), AWS_EC2_METADATA_V1_DISABLED: 'true' }, transport })());
    expect(v1off.message).toContain('IMDSv1 fallback is disabled');
    expect(isCredentialsNotFound(v1off)).toBe(false);
    reset({ tokenStatus: 400 });
    const bad = await rejection(fromImds({ env: env(), transport })());
    expect(bad.message).toBe('imds: metadata service answered HTTP 400');
    expect(log).toHaveLength(1);
  });

  it('retries once after a 5xx', async () => {
    reset({ failFirst: 1 });
    await expect(fromImds({ env: env(), transport })()).resolves.toMatchObject({ accessKeyId: 'ASIAIMDS' });
    reset({ failFirst: 2 });
    const error = await rejection(fromImds({ env: env(), transport })());
    expect(error.message).toBe('imds: metadata service answered HTTP 500');
  });

  it('is disabled by AWS_EC2_METADATA_DISABLED without any request', async () => {
    reset();
    const error = await rejection(fromImds({ env: { ...env(), AWS_EC2_METADATA_DISABLED: 'TRUE' }, transport })());
    expect(isCredentialsNotFound(error)).toBe(true);
    expect(log).toEqual([]);
  });

  it('is not-found when no role is attached', async () => {
    reset({ roles: 404 });
    expect(isCredentialsNotFound(await rejection(fromImds({ env: env(), transport })()))).toBe(true);
    reset({ roles: '\n' });
    expect((await rejection(fromImds({ env: env(), transport })())).message).toContain('no IAM role');
  });

  it('fails hard on unusable credentials, without secrets', async () => {
    for (const credentials of ['{not json', JSON.stringify({ Code: 'AssumeRoleUnauthorizedAccess', SecretAccessKey: SECRET }), JSON.stringify({ Code: 'Success', AccessKeyId: 'A', SecretAccessKey: SECRET, Token: TOKEN, Expiration: 'x' })]) {
      reset({ credentials });
      const error = await rejection(fromImds({ env: env(), transport })());
      expect(isCredentialsError(error)).toBe(true);
      expect(isCredentialsNotFound(error)).toBe(false);
      assertNoSecret(error);
    }
  });

  it('times out (1 s, fake clock) and retries once, then reports IMDS unreachable', async () => {
    reset({ tokenStatus: 'hang' });
    const clock = createFakeClock(0);
    const error = await rejection(drive(clock, fromImds({ env: env(), transport, clock })()));
    expect(isCredentialsNotFound(error)).toBe(true);
    expect(error.message).toContain('imds PUT /latest/api/token timed out after 1000 ms');
    expect(log).toEqual(['PUT /latest/api/token', 'PUT /latest/api/token']);
  });

  it('is not-found when nothing listens (connection refused)', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const error = await rejection(fromImds({ endpoint: `http://127.0.0.1:${port}`, env: {}, transport })());
    expect(isCredentialsNotFound(error)).toBe(true);
    expect(error.message).toContain('not reachable');
  });

  it('picks the IPv6 endpoint by mode and rejects a non-http endpoint', async () => {
    const seen: string[] = [];
    const fake: HttpTransport = {
      send: (r) => {
        seen.push(r.hostname);
        return Promise.reject(new Error('offline'));
      },
    };
    await rejection(fromImds({ env: { AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'IPv6' }, transport: fake, maxRetries: 0 })());
    await rejection(fromImds({ env: {}, transport: fake, maxRetries: 0 })());
    expect(seen).toEqual(['fd00:ec2::254', '169.254.169.254']);
    await expect(fromImds({ endpoint: 'ftp://x', env: {} })()).rejects.toThrow('not an http(s) URL');
  });

  it('honours an aborted signal', async () => {
    reset();
    await expect(fromImds({ env: env(), transport })({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
