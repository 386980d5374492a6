import { describe, expect, it } from 'vitest';
import { NetworkError, createCircuitBreaker, createFakeClock, isCircuitOpenError } from '@s3kit/primitives';
import { mockClient } from '../../test/mock-client.js';
import { bucketCircuitKey, createBucketBreaker } from './bucket-breaker.js';

async function setup() {
  const clock = createFakeClock({ instant: true });
  const breaker = createCircuitBreaker({ clock, failureThreshold: 5, cooldownMs: 60_000 });
  const ctx = mockClient({ clock, circuitBreaker: breaker });
  ctx.mock.faults.clear();
  for (const Bucket of ['hot', 'calm']) {
    await ctx.client.createBucket({ Bucket });
    await ctx.client.putObject({ Bucket, Key: 'k', Body: 'v' });
  }
  return { ...ctx, breaker, clock };
}

describe('the client circuit breaker', () => {
  it('ignores throttling: a SlowDown storm on one bucket never opens a circuit (regression: two throttled calls failed every bucket with CircuitOpenError for 60 s)', async () => {
    const { client, mock } = await setup();
    mock.faults.add({ match: { bucket: 'hot' }, times: 12, action: { slowDown: true } });
    for (let i = 0; i < 4; i++) await expect(client.headObject({ Bucket: 'hot', Key: 'k' })).rejects.toMatchObject({ statusCode: 503 });
    mock.faults.clear();
    mock.faults.add({ match: { bucket: 'hot' }, times: 6, action: { status: 429, code: 'TooManyRequestsException' } });
    await expect(client.getObject({ Bucket: 'hot', Key: 'k' })).rejects.toMatchObject({ statusCode: 429 });
    mock.faults.clear();
    expect(await (await client.getObject({ Bucket: 'hot', Key: 'k' })).Body.text()).toBe('v');
    expect(await (await client.getObject({ Bucket: 'calm', Key: 'k' })).Body.text()).toBe('v');
  });

  it('opens per bucket: 5xx failures on one bucket do not stop the others on the same endpoint', async () => {
    const { client, mock } = await setup();
    mock.faults.add({ match: { bucket: 'hot' }, times: 100, action: { status: 500, code: 'InternalError' } });
    await expect(client.headObject({ Bucket: 'hot', Key: 'k' })).rejects.toMatchObject({ statusCode: 500 });
    await expect(client.headObject({ Bucket: 'hot', Key: 'k' })).rejects.toSatisfy(isCircuitOpenError);
    expect((await client.headObject({ Bucket: 'calm', Key: 'k' })).ContentLength).toBe(1);
    expect(await client.listBuckets()).toMatchObject({ Buckets: [{ Name: 'calm' }, { Name: 'hot' }] });
  });

  it('half-opens after the cooldown with a single probe, which closes it when it succeeds', async () => {
    const { client, mock, clock } = await setup();
    mock.faults.add({ match: { bucket: 'hot' }, times: 6, action: { status: 502, code: 'BadGateway' } });
    await expect(client.headObject({ Bucket: 'hot', Key: 'k' })).rejects.toMatchObject({ statusCode: 502 });
    await expect(client.headObject({ Bucket: 'hot', Key: 'k' })).rejects.toSatisfy(isCircuitOpenError);
    clock.set(clock.now() + 60_000);
    mock.faults.clear();
    const requestsBefore = mock.requests.length;
    const probe = client.headObject({ Bucket: 'hot', Key: 'k' });
    await expect(client.headObject({ Bucket: 'hot', Key: 'k' })).rejects.toSatisfy(isCircuitOpenError);
    expect((await probe).ContentLength).toBe(1);
    expect(mock.requests.length - requestsBefore).toBe(1);
    expect((await client.headObject({ Bucket: 'hot', Key: 'k' })).ContentLength).toBe(1);
  });
});

describe('createBucketBreaker', () => {
  it('keys a tagged request by its bucket until untagged, then by its origin (regression: a WeakMap entry per request slowed every young-generation collection)', async () => {
    const bucket = createBucketBreaker(createCircuitBreaker({ failureThreshold: 1 }));
    const endpoint = { protocol: 'http:', hostname: '127.0.0.1', port: 9000, pathPrefix: '/hot', style: 'path', signingRegion: 'us-east-1', signingName: 's3', authScheme: 'sigv4' } as const;
    const request = { method: 'GET', protocol: 'http:', hostname: '127.0.0.1', port: 9000, path: '/hot/k', headers: {} } as const;
    const failing = bucket.middleware(() => Promise.reject(new NetworkError('reset')));
    bucket.tag(request, endpoint);
    await expect(failing(request, {})).rejects.toThrow('reset');
    await expect(failing(request, {})).rejects.toSatisfy(isCircuitOpenError);
    bucket.untag(request);
    // Keyed by the origin now, whose circuit is still closed.
    await expect(failing(request, {})).rejects.toThrow('reset');
  });
});

describe('bucketCircuitKey', () => {
  it('names the bucket in both addressing styles', () => {
    const base = { signingRegion: 'eu-west-1', signingName: 's3', authScheme: 'sigv4' } as const;
    expect(bucketCircuitKey({ ...base, protocol: 'https:', hostname: 'b.s3.eu-west-1.amazonaws.com', port: undefined, pathPrefix: '', style: 'virtual' })).toBe('https://b.s3.eu-west-1.amazonaws.com');
    expect(bucketCircuitKey({ ...base, protocol: 'http:', hostname: '127.0.0.1', port: 9000, pathPrefix: '/b', style: 'path' })).toBe('http://127.0.0.1:9000/b');
  });
});
