import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3MockServer } from './start-server.js';
import type { StandaloneS3MockServer } from './start-server.js';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
}

function send(server: StandaloneS3MockServer, method: string, path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: server.host, port: server.port, method, path, headers }, (res) => {
      res.resume();
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const PAGE = 'http://127.0.0.1:5173';

describe('server-level CORS', () => {
  let server: StandaloneS3MockServer;
  let strict: StandaloneS3MockServer;
  beforeAll(async () => {
    server = await startS3MockServer({ auth: 'none' });
    strict = await startS3MockServer({ auth: 'none', cors: false });
  });
  afterAll(async () => {
    await server.stop();
    await strict.stop();
  });

  it('answers a preflight with the origin, S3 methods and the asked-for headers, before routing', async () => {
    const answer = await send(server, 'OPTIONS', '/any-bucket/any-key', {
      origin: PAGE,
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'authorization, x-amz-date, x-amz-content-sha256',
    });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(PAGE);
    expect(answer.headers['access-control-allow-methods']).toContain('PUT');
    expect(answer.headers['access-control-allow-headers']).toBe('authorization, x-amz-date, x-amz-content-sha256');
  });

  it('allows the origin and exposes every header on a real answer (ETag, x-amz-*), errors included', async () => {
    const answer = await send(server, 'GET', '/no-such-bucket/key', { origin: PAGE });
    expect(answer.status).toBe(404);
    expect(answer.headers['access-control-allow-origin']).toBe(PAGE);
    expect(answer.headers['access-control-expose-headers']).toBe('*');
    const plain = await send(server, 'GET', '/no-such-bucket/key', {});
    expect(plain.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('with cors: false, OPTIONS reaches the S3 handler and no CORS header is added', async () => {
    const answer = await send(strict, 'OPTIONS', '/any-bucket/any-key', { origin: PAGE, 'access-control-request-method': 'GET' });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });
});
