import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock, createUndiciTransport, isCredentialsError } from '@s3kit/primitives';
import type { ConfigFileSystem } from '@s3kit/primitives';
import { canonicalHeaders, canonicalQuery, canonicalRequest, canonicalUri, credentialScope, stringToSign } from '../canonical.js';
import { deriveSigningKey, hmacHex, sha256Hex } from '../signing-key.js';
import { createDefaultCredentialsProvider } from './default-provider.js';
import { fromIni } from './from-ini.js';
import { fromWebIdentity } from './from-web-identity.js';
import { isStsServiceError } from './sts-error.js';

const SOURCE_SECRET = 'stsSourceSECRET/zz9+Distinctive00000011';
const ROLE_SECRET_PREFIX = 'stsRoleSECRET/zz9+Distinctive-';
const ROLE_TOKEN_PREFIX = 'stsRoleTOKEN/zz9+Distinctive-';
const OIDC_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.oidcTOKENzz9Distinctive.sig';

/** Secrets the fake STS knows, by access key id: the static source key and every key it issued. */
const secrets = new Map<string, string>([['AKIDSOURCE', SOURCE_SECRET]]);
const calls: Record<string, string>[] = [];
let server: Server;
let endpoint: string;
const transport = createUndiciTransport();
let issued = 0;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Recomputes the SigV4 signature with the package's canonical and key functions. */
function verify(req: IncomingMessage, body: string): { ok: true; accessKeyId: string; region: string } | { ok: false; why: string } {
  const auth = req.headers.authorization;
  const m = auth && /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/sts\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return { ok: false, why: 'no or malformed Authorization' };
  const [, accessKeyId, date, region, signedHeaders, signature] = m as unknown as [string, string, string, string, string, string];
  const secret = secrets.get(accessKeyId);
  if (!secret) return { ok: false, why: 'unknown access key' };
  const headers: Record<string, string> = {};
  for (const name of signedHeaders.split(';')) headers[name] = String(req.headers[name]);
  const payloadHash = sha256Hex(body);
  const creq = canonicalRequest(req.method!, canonicalUri(req.url!, true), canonicalQuery(undefined), canonicalHeaders(headers, () => true), payloadHash);
  const sts = stringToSign('AWS4-HMAC-SHA256', String(req.headers['x-amz-date']), credentialScope(date, region, 'sts'), sha256Hex(creq));
  const expected = hmacHex(deriveSigningKey(secret, date, region, 'sts'), sts);
  if (expected !== signature) return { ok: false, why: 'signature mismatch' };
  if (secret !== SOURCE_SECRET && req.headers['x-amz-security-token'] !== `${ROLE_TOKEN_PREFIX}${accessKeyId}`) return { ok: false, why: 'missing session token' };
  return { ok: true, accessKeyId, region };
}

function errorXml(code: string, message: string): string {
  return `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>req-${code}</RequestId></ErrorResponse>`;
}

function credentialsXml(action: string, extra = ''): string {
  issued++;
  const id = `ASIAROLE${issued}`;
  secrets.set(id, `${ROLE_SECRET_PREFIX}${issued}`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <${action}Result>
    ${extra}
    <Credentials>
      <AccessKeyId>${id}</AccessKeyId>
      <SecretAccessKey>${ROLE_SECRET_PREFIX}${issued}</SecretAccessKey>
      <SessionToken>${ROLE_TOKEN_PREFIX}${id}</SessionToken>
      <Expiration>2031-03-04T05:06:07Z</Expiration>
    </Credentials>
    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/x/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser>
  </${action}Result>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</${action}Response>`;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const form = Object.fromEntries(new URLSearchParams(body));
      const send = (status: number, xml: string): void => {
        res.writeHead(status, { 'content-type': 'text/xml' }).end(xml);
      };
      if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded') || form.Version !== '2011-06-15') {
        send(400, errorXml('InvalidAction', 'bad request shape'));
        return;
      }
      if (form.Action === 'AssumeRoleWithWebIdentity') {
        calls.push({ ...form, signed: String(req.headers.authorization !== undefined) });
        if (form.WebIdentityToken !== OIDC_TOKEN) {
          send(400, errorXml('InvalidIdentityToken', 'Couldn&apos;t verify the token &amp; its issuer'));
          return;
        }
        send(200, credentialsXml('AssumeRoleWithWebIdentity', '<SubjectFromWebIdentityToken>system:sa</SubjectFromWebIdentityToken>'));
        return;
      }
      const check = verify(req, body);
      if (!check.ok) {
        send(403, errorXml('SignatureDoesNotMatch', check.why));
        return;
      }
      calls.push({ ...form, signedBy: check.accessKeyId, region: check.region });
      if (form.RoleArn?.includes('denied')) {
        send(403, errorXml('AccessDenied', `User is not authorized to perform: sts:AssumeRole on resource: ${form.RoleArn}`));
        return;
      }
      if (form.RoleArn?.includes('throttled')) {
        send(400, errorXml('Throttling', 'Rate exceeded'));
        return;
      }
      send(200, credentialsXml('AssumeRole'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await transport.close();
  await new Promise((resolve) => server.close(resolve));
});

function memoryFs(files: Record<string, string>): ConfigFileSystem {
  return { readFile: (path) => Promise.resolve(files[path]) };
}

const CONFIG = '/h/.aws/config';
const CREDS = '/h/.aws/credentials';
const SHARED = `[source]
aws_access_key_id = AKIDSOURCE
aws_secret_access_key = ${SOURCE_SECRET}
`;
const PROFILES = `[profile one]
role_arn = arn:aws:iam::123456789012:role/one
source_profile = source
role_session_name = my-session
external_id = ext-123
duration_seconds = 1800
region = eu-west-3

[profile two]
role_arn = arn:aws:iam::123456789012:role/two
source_profile = one

[profile three]
role_arn = arn:aws:iam::123456789012:role/three
source_profile = two
region = ap-south-1

[profile denied]
role_arn = arn:aws:iam::123456789012:role/denied
source_profile = source

[profile throttled]
role_arn = arn:aws:iam::123456789012:role/throttled
source_profile = source

[profile self]
role_arn = arn:aws:iam::123456789012:role/self
source_profile = self
aws_access_key_id = AKIDSOURCE
aws_secret_access_key = ${SOURCE_SECRET}

[profile mfa]
role_arn = arn:aws:iam::123456789012:role/mfa
source_profile = source
mfa_serial = arn:aws:iam::123456789012:mfa/me

[profile fromenv]
role_arn = arn:aws:iam::123456789012:role/fromenv
credential_source = Environment

[profile web]
role_arn = arn:aws:iam::123456789012:role/web
web_identity_token_file = /var/run/oidc
role_session_name = web-session
`;
const fs = memoryFs({ [CONFIG]: PROFILES, [CREDS]: SHARED, '/var/run/oidc': `${OIDC_TOKEN}\n`, '/var/run/bad': 'not-the-token' });
const env = { HOME: '/h' };

function assertNoSecret(value: unknown): void {
  const e = value as Error & { toJSON?: () => unknown };
  const text = `${String(e)}${e.stack ?? ''}${JSON.stringify(e.toJSON?.())}`;
  expect(text).not.toContain(SOURCE_SECRET);
  expect(text).not.toContain(ROLE_SECRET_PREFIX);
  expect(text).not.toContain(ROLE_TOKEN_PREFIX);
  expect(text).not.toContain(OIDC_TOKEN);
}

async function rejection(promise: Promise<unknown>): Promise<Error & { cause?: unknown }> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

const ini = (profile: string, over: Parameters<typeof fromIni>[0] = {}): ReturnType<typeof fromIni> =>
  fromIni({ env, fs, profile, transport, stsEndpoint: endpoint, ...over });

describe('AssumeRole profiles against a loopback STS that verifies SigV4', () => {
  it('signs AssumeRole with the source profile and sends the profile parameters', async () => {
    calls.length = 0;
    const creds = await ini('one')();
    expect(creds.accessKeyId).toMatch(/^ASIAROLE\d+$/);
    expect(creds.secretAccessKey.startsWith(ROLE_SECRET_PREFIX)).toBe(true);
    expect(creds.sessionToken).toBe(`${ROLE_TOKEN_PREFIX}${creds.accessKeyId}`);
    expect(creds.expiration).toEqual(new Date('2031-03-04T05:06:07Z'));
    expect(calls).toEqual([
      {
        Action: 'AssumeRole',
        Version: '2011-06-15',
        RoleArn: 'arn:aws:iam::123456789012:role/one',
        RoleSessionName: 'my-session',
        ExternalId: 'ext-123',
        DurationSeconds: '1800',
        signedBy: 'AKIDSOURCE',
        region: 'eu-west-3',
      },
    ]);
  });

  it('chains roles over several levels, each call signed by the previous role', async () => {
    calls.length = 0;
    const clock = createFakeClock(Date.UTC(2030, 0, 1));
    await ini('three', { clock })();
    expect(calls.map((c) => [c.RoleArn!.split('/')[1], c.signedBy!.startsWith('ASIAROLE') ? 'role' : c.signedBy, c.region])).toEqual([
      ['one', 'AKIDSOURCE', 'eu-west-3'],
      ['two', 'role', 'us-east-1'],
      ['three', 'role', 'ap-south-1'],
    ]);
    expect(calls[1]!.RoleSessionName).toBe(`s3kit-session-${Date.UTC(2030, 0, 1) / 1000}`);
    // The region comes from AWS_REGION when the profile has none.
    calls.length = 0;
    await ini('two', { env: { ...env, AWS_REGION: 'ca-central-1' } })();
    expect(calls.map((c) => c.region)).toEqual(['eu-west-3', 'ca-central-1']);
  });

  it('uses a profile naming itself as its own source', async () => {
    calls.length = 0;
    await ini('self')();
    expect(calls[0]).toMatchObject({ signedBy: 'AKIDSOURCE', RoleArn: 'arn:aws:iam::123456789012:role/self' });
  });

  it('asks the MFA callback and sends SerialNumber and TokenCode', async () => {
    calls.length = 0;
    const asked: string[] = [];
    await ini('mfa', { mfaCodeProvider: (serial) => (asked.push(serial), Promise.resolve('123456')) })();
    expect(asked).toEqual(['arn:aws:iam::123456789012:mfa/me']);
    expect(calls[0]).toMatchObject({ SerialNumber: 'arn:aws:iam::123456789012:mfa/me', TokenCode: '123456' });
  });

  it('takes credential_source = Environment', async () => {
    calls.length = 0;
    await ini('fromenv', { env: { ...env, AWS_ACCESS_KEY_ID: 'AKIDSOURCE', AWS_SECRET_ACCESS_KEY: SOURCE_SECRET } })();
    expect(calls[0]).toMatchObject({ signedBy: 'AKIDSOURCE' });
  });

  it('turns an STS error into a typed error, keeping STS code and request id, with no secret', async () => {
    const error = await rejection(ini('denied')());
    expect(isCredentialsError(error)).toBe(true);
    expect(error.message).toContain('profile denied: AssumeRole for arn:aws:iam::123456789012:role/denied failed: STS AssumeRole failed: AccessDenied (403)');
    expect(isStsServiceError(error.cause)).toBe(true);
    expect(error.cause).toMatchObject({ code: 'AccessDenied', statusCode: 403, requestId: 'req-AccessDenied', retryable: false });
    assertNoSecret(error);
    const throttled = await rejection(ini('throttled')());
    expect(throttled).toMatchObject({ retryable: true });
  });

  it('is rejected by the server when signed with a wrong secret', async () => {
    const wrong = memoryFs({ [CONFIG]: PROFILES, [CREDS]: '[source]\naws_access_key_id = AKIDSOURCE\naws_secret_access_key = wrongSecretzz9Distinctive\n' });
    const error = await rejection(ini('one', { fs: wrong })());
    expect(error.cause).toMatchObject({ code: 'SignatureDoesNotMatch' });
  });
});

describe('AssumeRoleWithWebIdentity (unsigned) against the loopback STS', () => {
  it('reads the env token file and calls STS without a signature', async () => {
    calls.length = 0;
    const creds = await fromWebIdentity({
      env: { AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/oidc', AWS_ROLE_ARN: 'arn:aws:iam::1:role/irsa', AWS_ROLE_SESSION_NAME: 'pod-1' },
      fs,
      transport,
      stsEndpoint: endpoint,
    })();
    expect(creds.accessKeyId).toMatch(/^ASIAROLE/);
    expect(calls).toEqual([
      { Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15', RoleArn: 'arn:aws:iam::1:role/irsa', RoleSessionName: 'pod-1', WebIdentityToken: OIDC_TOKEN, signed: 'false' },
    ]);
  });

  it('supports web_identity_token_file profiles', async () => {
    calls.length = 0;
    await ini('web')();
    expect(calls[0]).toMatchObject({ RoleArn: 'arn:aws:iam::123456789012:role/web', RoleSessionName: 'web-session', signed: 'false' });
  });

  it('reports a refused token with the decoded STS message and no token', async () => {
    const error = await rejection(
      fromWebIdentity({ env: { AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/bad', AWS_ROLE_ARN: 'arn:aws:iam::1:role/irsa' }, fs, transport, stsEndpoint: endpoint })(),
    );
    expect(error.message).toContain("InvalidIdentityToken (400): Couldn't verify the token & its issuer, request id req-InvalidIdentityToken");
    assertNoSecret(error);
  });

  it('is not-found without its variables and fails on an empty token file', async () => {
    await expect(fromWebIdentity({ env: {} })()).rejects.toThrow('AWS_WEB_IDENTITY_TOKEN_FILE not set');
    await expect(fromWebIdentity({ env: { AWS_WEB_IDENTITY_TOKEN_FILE: '/x' } })()).rejects.toThrow('AWS_ROLE_ARN not set');
    await expect(fromWebIdentity({ env: { AWS_WEB_IDENTITY_TOKEN_FILE: '/nope', AWS_ROLE_ARN: 'r' }, fs })()).rejects.toThrow('missing or empty');
  });
});

describe('createDefaultCredentialsProvider', () => {
  it('orders env before the profile, and skips env when a profile is selected', async () => {
    const both = { ...env, AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: SOURCE_SECRET };
    const fromEnvFirst = createDefaultCredentialsProvider({ env: both, fs, transport, stsEndpoint: endpoint });
    expect((await fromEnvFirst()).accessKeyId).toBe('AKIDENV');
    const profiled = createDefaultCredentialsProvider({ env: { ...both, AWS_PROFILE: 'one' }, fs, transport, stsEndpoint: endpoint });
    expect((await profiled()).accessKeyId).toMatch(/^ASIAROLE/);
  });

  it('falls through to web identity from env after an absent default profile', async () => {
    calls.length = 0;
    const provider = createDefaultCredentialsProvider({
      env: { ...env, AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/oidc', AWS_ROLE_ARN: 'arn:aws:iam::1:role/irsa' },
      fs,
      transport,
      stsEndpoint: endpoint,
    });
    const [a, b] = await Promise.all([provider(), provider()]);
    expect(a).toBe(b);
    expect(calls).toHaveLength(1);
  });

  it('lists every source it tried when nothing applies, with no secret', async () => {
    const provider = createDefaultCredentialsProvider({
      env: { HOME: '/empty', AWS_SECRET_ACCESS_KEY: SOURCE_SECRET, AWS_EC2_METADATA_DISABLED: 'true' },
      fs: memoryFs({}),
    });
    const error = (await rejection(provider())) as Error & { attempts: string[] };
    expect(error.attempts).toEqual([
      'env: AWS_ACCESS_KEY_ID not set',
      'profile default: not found in ~/.aws/config or ~/.aws/credentials',
      'web identity (env): AWS_WEB_IDENTITY_TOKEN_FILE not set',
      'container: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI not set',
      'imds: disabled by AWS_EC2_METADATA_DISABLED',
    ]);
    assertNoSecret(error);
  });
});
