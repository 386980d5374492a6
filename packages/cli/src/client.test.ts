import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpRequest } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { anonymousRequests, connectionFlags, globalConnection, transportOptions } from './client.js';
import { defaultGlobalOptions } from './global-options.js';
import { isUsageError } from './usage-error.js';

describe('anonymousRequests', () => {
  it('drops the signature headers and keeps the rest', async () => {
    let seen: HttpRequest | undefined;
    const send = anonymousRequests()(async (request) => {
      seen = request;
      return { statusCode: 200, headers: {}, body: undefined as never };
    });
    const headers = { Authorization: 'AWS4-HMAC-SHA256 Credential=x', 'x-amz-date': 'd', 'X-Amz-Security-Token': 't', 'x-amz-content-sha256': 'h', range: 'bytes=0-1' };
    await send({ method: 'GET', protocol: 'http:', hostname: 'h', path: '/b', headers }, {});
    expect(seen?.headers).toEqual({ range: 'bytes=0-1' });
  });
});

describe('connection settings', () => {
  it('come from a command\'s own flags or from the global options', () => {
    expect(connectionFlags({ 'endpoint-url': 'http://127.0.0.1:9000', region: 'eu-west-1', profile: 'dev', json: true })).toEqual({ endpointUrl: 'http://127.0.0.1:9000', region: 'eu-west-1', profile: 'dev' });
    expect(connectionFlags({})).toEqual({});
    expect(globalConnection({ ...defaultGlobalOptions(), region: 'us-west-2' })).toEqual({ region: 'us-west-2' });
    expect(globalConnection(undefined)).toEqual({});
  });
});

describe('transportOptions', () => {
  it('is undefined when no global option changes the transport', () => {
    expect(transportOptions(undefined)).toBeUndefined();
    expect(transportOptions(defaultGlobalOptions())).toBeUndefined();
  });

  it('maps the timeouts (0 connect timeout waits as long as undici can) and the TLS options', async () => {
    const dir = await mkdtemp(join(tmpdir(), 's3kit-ca-'));
    try {
      await writeFile(join(dir, 'ca.pem'), 'PEM');
      const options = transportOptions({ ...defaultGlobalOptions(), readTimeoutMs: 1500, connectTimeoutMs: 0, verifySsl: false, caBundle: join(dir, 'ca.pem') });
      expect(options).toEqual({ headersTimeoutMs: 1500, bodyTimeoutMs: 1500, connectTimeoutMs: 2 ** 31 - 1, tls: { rejectUnauthorized: false, ca: 'PEM' } });
      let caught: unknown;
      try {
        transportOptions({ ...defaultGlobalOptions(), caBundle: join(dir, 'missing.pem') });
      } catch (err) {
        caught = err;
      }
      expect(isUsageError(caught)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
