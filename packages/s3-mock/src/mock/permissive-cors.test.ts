import { describe, expect, it } from 'vitest';
import { createS3Mock } from './create-s3-mock.js';
import { testRequest } from './test-client.js';

const PAGE = 'http://127.0.0.1:5173';

function setup() {
  const mock = createS3Mock({ auth: 'none', seed: { buckets: { open: {}, ruled: {} } } });
  mock.engine.putBucketCors({ Bucket: 'ruled', CORSRules: [{ AllowedOrigins: ['https://app.example'], AllowedMethods: ['GET'] }] });
  const serve = async (method: string, path: string, headers: Record<string, string>, permissiveCors = true) => {
    const served = await mock.serve(testRequest(method, path, { headers }), undefined, { permissiveCors });
    if (served.kind !== 'reply') throw new Error('reset');
    return served.reply;
  };
  return { mock, serve };
}

describe('permissive CORS (the HTTP server default)', () => {
  it('answers a preflight before routing where no bucket rules apply, and records it', async () => {
    const { mock, serve } = setup();
    const reply = await serve('OPTIONS', '/open/k', { origin: PAGE, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-amz-date' });
    expect(reply.status).toBe(204);
    expect(reply.headers).toMatchObject({ 'access-control-allow-origin': PAGE, 'access-control-allow-headers': 'x-amz-date' });
    expect((await serve('OPTIONS', '/', { origin: PAGE, 'access-control-request-method': 'GET' })).status).toBe(204);
    expect(mock.requests.map((r) => r.status)).toEqual([204, 204]);
  });

  it('a bucket with CORS rules is answered from them: 200 or 403 preflights, only a matching origin allowed', async () => {
    const { serve } = setup();
    const allowed = await serve('OPTIONS', '/ruled/k', { origin: 'https://app.example', 'access-control-request-method': 'GET' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
    expect((await serve('OPTIONS', '/ruled/k', { origin: PAGE, 'access-control-request-method': 'GET' })).status).toBe(403);
    const get = await serve('GET', '/ruled/missing', { origin: PAGE });
    expect(get.status).toBe(404);
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows the origin and exposes every header on other answers, injected faults included; off, nothing is added', async () => {
    const { mock, serve } = setup();
    mock.faults.add({ match: { operation: 'GetObject' }, times: 1, action: { slowDown: true } });
    const faulted = await serve('GET', '/open/k', { origin: PAGE });
    expect([faulted.status, faulted.headers['access-control-allow-origin'], faulted.headers['access-control-expose-headers']]).toEqual([503, PAGE, '*']);
    expect((await serve('GET', '/open/k', {})).headers['access-control-allow-origin']).toBeUndefined();
    const strict = await serve('OPTIONS', '/open/k', { origin: PAGE, 'access-control-request-method': 'GET' }, false);
    expect(strict.status).toBe(403);
    expect(strict.headers['access-control-allow-origin']).toBeUndefined();
  });
});
