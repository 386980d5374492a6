/**
 * S3 Express One Zone end to end over a fake zonal server: zonal and control endpoints from the
 * rules, CreateSession with the client's keys, data requests signed with the session's keys (and
 * verified as such) carrying `x-amz-s3session-token`, one session shared by concurrent requests,
 * refreshed before expiry and replaced when the server refuses it.
 */
import { createFakeClock, createResponseBody } from '@s3kit/primitives';
import type { Clock, HttpRequest, HttpTransport } from '@s3kit/primitives';
import { verifyRequest } from '@s3kit/sigv4';
import { describe, expect, it } from 'vitest';
import { EMPTY_ENV } from '../../test/mock-client.js';
import { S3Client } from './s3-client.js';

const BUCKET = 'photos--usw2-az1--x-s3';
const ZONAL = `${BUCKET}.s3express-usw2-az1.us-west-2.amazonaws.com`;
const SECRETS: Record<string, string> = { AKIDCLIENT: 'client-secret' };

function fakeExpress(clock: { now(): number }, refuseOnce = false) {
  const requests: HttpRequest[] = [];
  let sessions = 0;
  let refuse = refuseOnce;
  const transport: HttpTransport = {
    async send(request) {
      requests.push(request);
      const reply = (status: number, body: string, headers: Record<string, string> = {}) => ({
        statusCode: status,
        headers: { 'content-length': String(Buffer.byteLength(body)), ...headers },
        body: createResponseBody(
          (async function* () {
            await Promise.resolve();
            if (body !== '') yield new TextEncoder().encode(body);
          })(),
        ),
      });
      if (request.query !== undefined && 'session' in request.query) {
        sessions++;
        const id = `AKIDSESSION${sessions}`;
        SECRETS[id] = `session-secret-${sessions}`;
        const expiration = new Date(clock.now() + 300_000).toISOString();
        return reply(
          200,
          `<CreateSessionResult><Credentials><SessionToken>token-${sessions}</SessionToken><SecretAccessKey>${SECRETS[id]}</SecretAccessKey><AccessKeyId>${id}</AccessKeyId><Expiration>${expiration}</Expiration></Credentials></CreateSessionResult>`,
        );
      }
      if (refuse && request.headers['x-amz-s3session-token'] !== undefined) {
        refuse = false;
        return reply(403, '<Error><Code>ExpiredToken</Code><Message>The session has expired</Message></Error>');
      }
      if (request.hostname.startsWith('s3express-control.') && request.method === 'GET') return reply(200, '<ListAllMyDirectoryBucketsResult/>');
      return reply(200, 'hello', { etag: '"e"' });
    },
  };
  return { transport, requests, sessionCount: () => sessions };
}

function client(transport: HttpTransport, clock: ReturnType<typeof createFakeClock>) {
  return new S3Client({
    region: 'us-west-2',
    credentials: { accessKeyId: 'AKIDCLIENT', secretAccessKey: SECRETS.AKIDCLIENT! },
    transport,
    clock,
    config: { env: EMPTY_ENV },
  });
}

const scope = (r: HttpRequest): string => /Credential=([^,]+)/.exec(r.headers.authorization ?? '')?.[1] ?? '';

async function verified(request: HttpRequest, clock: Clock) {
  return verifyRequest(request, {
    lookupSecret: (id) => Promise.resolve(SECRETS[id] === undefined ? undefined : { secretAccessKey: SECRETS[id] }),
    clock,
    service: 's3express',
    region: 'us-west-2',
  });
}

describe('S3 Express One Zone', () => {
  it('creates a session with the client keys, then signs data requests with the session', async () => {
    const clock = createFakeClock({ instant: true });
    const server = fakeExpress(clock);
    const c = client(server.transport, clock);
    const { Body } = await c.getObject({ Bucket: BUCKET, Key: 'a.txt' });
    expect(await Body.text()).toBe('hello');
    const [create, get] = server.requests;
    expect(create).toMatchObject({ method: 'GET', hostname: ZONAL, path: '/', query: { session: '' } });
    expect(scope(create!)).toMatch(/^AKIDCLIENT\/\d{8}\/us-west-2\/s3express\/aws4_request$/);
    expect(create!.headers['x-amz-s3session-token']).toBeUndefined();
    expect(get).toMatchObject({ method: 'GET', hostname: ZONAL, path: '/a.txt' });
    expect(get!.headers['x-amz-s3session-token']).toBe('token-1');
    expect(get!.headers['x-amz-security-token']).toBeUndefined();
    expect((await verified(get!, clock)).accessKeyId).toBe('AKIDSESSION1');
  });

  it('shares one session between concurrent requests and refreshes it a minute before expiry', async () => {
    const clock = createFakeClock({ instant: true });
    const server = fakeExpress(clock);
    const c = client(server.transport, clock);
    await Promise.all([1, 2, 3].map((i) => c.putObject({ Bucket: BUCKET, Key: `k${i}`, Body: 'x' })));
    expect(server.sessionCount()).toBe(1);
    await clock.advance(230_000);
    await c.headObject({ Bucket: BUCKET, Key: 'k1' });
    expect(server.sessionCount()).toBe(1);
    await clock.advance(20_000);
    await c.headObject({ Bucket: BUCKET, Key: 'k1' });
    expect(server.sessionCount()).toBe(2);
    expect(scope(server.requests.at(-1)!)).toMatch(/^AKIDSESSION2\//);
  });

  it('replaces a session the server refuses (ExpiredToken) and retries once with the new one', async () => {
    const clock = createFakeClock({ instant: true });
    const server = fakeExpress(clock, true);
    const c = client(server.transport, clock);
    const out = await c.headObject({ Bucket: BUCKET, Key: 'a.txt' });
    expect(out.$metadata.attempts).toBe(2);
    expect(server.sessionCount()).toBe(2);
    expect(server.requests.at(-1)!.headers['x-amz-s3session-token']).toBe('token-2');
  });

  it('sends control-plane operations to s3express-control with the client keys', async () => {
    const clock = createFakeClock({ instant: true });
    const server = fakeExpress(clock);
    const c = client(server.transport, clock);
    await c.deleteBucketPolicy({ Bucket: BUCKET });
    await c.listDirectoryBuckets();
    const [policy, list] = server.requests;
    expect(policy).toMatchObject({ method: 'DELETE', hostname: 's3express-control.us-west-2.amazonaws.com', path: `/${BUCKET}`, query: { policy: '' } });
    expect(list).toMatchObject({ method: 'GET', hostname: 's3express-control.us-west-2.amazonaws.com', path: '/' });
    for (const r of [policy!, list!]) {
      expect(r.headers['x-amz-s3session-token']).toBeUndefined();
      expect((await verified(r, clock)).accessKeyId).toBe('AKIDCLIENT');
    }
    expect(server.sessionCount()).toBe(0);
  });

  it('signs CopyObject with the client keys (the model turns session auth off for it)', async () => {
    const clock = createFakeClock({ instant: true });
    const server = fakeExpress(clock);
    const c = client(server.transport, clock);
    await c.copyObject({ Bucket: BUCKET, Key: 'b.txt', CopySource: `${BUCKET}/a.txt` }).catch(() => undefined);
    expect(server.requests[0]).toMatchObject({ method: 'PUT', hostname: ZONAL, path: '/b.txt' });
    expect(scope(server.requests[0]!)).toMatch(/^AKIDCLIENT\//);
    expect(server.sessionCount()).toBe(0);
  });

  it('sends WriteGetObjectResponse to the Object Lambda endpoint with its route prefix, signed as s3-object-lambda', async () => {
    const clock = createFakeClock({ instant: true });
    const server = fakeExpress(clock);
    const c = client(server.transport, clock);
    await c.writeGetObjectResponse({ RequestRoute: 'io-abc', RequestToken: 't', Body: 'transformed' });
    const [write] = server.requests;
    expect(write).toMatchObject({ method: 'POST', hostname: 'io-abc.s3-object-lambda.us-west-2.amazonaws.com', path: '/WriteGetObjectResponse' });
    expect(scope(write!)).toMatch(/\/us-west-2\/s3-object-lambda\/aws4_request$/);
  });
});
