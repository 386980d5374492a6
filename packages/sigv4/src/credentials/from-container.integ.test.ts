import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUndiciTransport } from '@s3kit/primitives';
import type { ConfigFileSystem, HttpRequest, HttpTransport } from '@s3kit/primitives';
import { isCredentialsNotFound } from './errors.js';
import { fromContainer } from './from-container.js';

const SECRET = 'ecsSecretKEY/zz9+Distinctive00000000009';
const TOKEN = 'ecsSessionTOKEN/zz9+Distinctive0000000010==';
const AUTH = 'auth-token-from-env';

let server: Server;
let base: string;
const status = 200;
let failFirst = 0;
const seen: { url: string; authorization: string | undefined }[] = [];
const transport = createUndiciTransport();

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url!, authorization: req.headers.authorization });
    if (failFirst > 0) {
      failFirst--;
      res.writeHead(503).end();
      return;
    }
    const allowed = req.headers.authorization === AUTH || req.headers.authorization === 'rotated-2';
    if (req.url === '/garbage') {
      res.writeHead(200).end('<html>');
      return;
    }
    if (!allowed) {
      res.writeHead(403).end(`denied ${SECRET}`);
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' }).end(
      JSON.stringify({ AccessKeyId: 'ASIAECS', SecretAccessKey: SECRET, Token: TOKEN, Expiration: '2031-02-03T04:05:06Z', AccountId: '123456789012' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
  expect(text).not.toContain(AUTH);
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe('fromContainer against a loopback credentials endpoint', () => {
  it('sends AWS_CONTAINER_AUTHORIZATION_TOKEN and parses the answer', async () => {
    seen.length = 0;
    const creds = await fromContainer({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${base}/v2/creds?id=1`, AWS_CONTAINER_AUTHORIZATION_TOKEN: AUTH }, transport })();
    expect(creds).toEqual({ accessKeyId: 'ASIAECS', secretAccessKey: SECRET, sessionToken: TOKEN, expiration: new Date('2031-02-03T04:05:06Z') });
    expect(seen).toEqual([{ url: '/v2/creds?id=1', authorization: AUTH }]);
  });

  it('prefers the token file and re-reads it on every call (EKS Pod Identity rotates it)', async () => {
    seen.length = 0;
    let content = `${AUTH}\n`;
    const fs: ConfigFileSystem = { readFile: (path) => Promise.resolve(path === '/var/run/token' ? content : undefined) };
    const provider = fromContainer({
      env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${base}/pod`, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: '/var/run/token', AWS_CONTAINER_AUTHORIZATION_TOKEN: 'ignored' },
      fs,
      transport,
    });
    await provider();
    content = 'rotated-2';
    await provider();
    expect(seen.map((s) => s.authorization)).toEqual([AUTH, 'rotated-2']);
    const missing = await rejection(
      fromContainer({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${base}/pod`, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: '/nope' }, fs, transport })(),
    );
    expect(missing.message).toContain('token file "/nope" is missing or empty');
  });

  it('fails hard on a refused token, without echoing the body or the token', async () => {
    const error = await rejection(fromContainer({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${base}/x`, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'wrong' }, transport })());
    expect(error.message).toBe('container: endpoint answered HTTP 403');
    expect(isCredentialsNotFound(error)).toBe(false);
    assertNoSecret(error);
    const garbage = await rejection(fromContainer({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${base}/garbage` }, transport })());
    expect(garbage.message).toBe('container: response is not a JSON object');
  });

  it('retries once after a 5xx', async () => {
    failFirst = 1;
    const env = { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${base}/x`, AWS_CONTAINER_AUTHORIZATION_TOKEN: AUTH };
    await expect(fromContainer({ env, transport })()).resolves.toMatchObject({ accessKeyId: 'ASIAECS' });
    failFirst = 2;
    const error = await rejection(fromContainer({ env, transport })());
    expect(error).toMatchObject({ message: 'container: endpoint answered HTTP 503', retryable: true });
  });

  it('only allows http to loopback and the container hosts', async () => {
    for (const url of ['http://example.com/creds', 'http://169.254.169.254/x', 'file:///etc/passwd', 'not a url']) {
      const error = await rejection(fromContainer({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: url }, transport })());
      expect(error.message).toContain('must be https, or http to a loopback address');
    }
    const hosts: string[] = [];
    const fake: HttpTransport = {
      send: (request: HttpRequest) => {
        hosts.push(`${request.protocol}//${request.hostname}${request.path}`);
        return Promise.reject(new Error('offline'));
      },
    };
    for (const url of ['http://169.254.170.23/v1/credentials', 'http://[fd00:ec2::23]/v1/credentials', 'https://creds.example.com/c', 'http://localhost:8080/c']) {
      await rejection(fromContainer({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: url }, transport: fake, maxRetries: 0 })());
    }
    await rejection(fromContainer({ env: { AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: 'v2/credentials/abc' }, transport: fake, maxRetries: 0 })());
    expect(hosts).toEqual([
      'http://169.254.170.23/v1/credentials',
      'http://fd00:ec2::23/v1/credentials',
      'https://creds.example.com/c',
      'http://localhost/c',
      'http://169.254.170.2/v2/credentials/abc',
    ]);
  });

  it('is not-found without its variables; rejects a multi-line token; honours abort', async () => {
    expect(isCredentialsNotFound(await rejection(fromContainer({ env: {} })()))).toBe(true);
    const bad = await rejection(fromContainer({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${base}/x`, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'a\nb' }, transport })());
    expect(bad.message).toContain('single line');
    const env = { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${base}/x`, AWS_CONTAINER_AUTHORIZATION_TOKEN: AUTH };
    await expect(fromContainer({ env, transport })({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reports a connection failure as a hard, retryable error', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const error = await rejection(fromContainer({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `http://127.0.0.1:${port}/x` }, transport })());
    expect(error).toMatchObject({ retryable: true });
    expect(error.message).toContain('container: request failed');
  });
});
