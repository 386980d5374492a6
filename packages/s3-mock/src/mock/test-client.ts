/** Test helper: signs requests with @s3kit/sigv4 and sends them through a mock's in-process transport. */
import type { HttpQuery, HttpRequest, HttpRequestBody } from '@s3kit/primitives';
import { createSigner } from '@s3kit/sigv4';
import type { Signer } from '@s3kit/sigv4';
import type { S3Mock } from './create-s3-mock.js';

export interface TestResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export interface SendOptions {
  query?: HttpQuery;
  headers?: Record<string, string>;
  body?: HttpRequestBody;
  hostname?: string;
  region?: string;
  unsigned?: boolean;
}

export function testRequest(method: string, path: string, o: SendOptions = {}): HttpRequest {
  const req: HttpRequest = { method, protocol: 'http:', hostname: o.hostname ?? '127.0.0.1', port: 9000, path, headers: { ...o.headers } };
  if (o.query) req.query = o.query;
  if (o.body !== undefined) req.body = o.body;
  return req;
}

export function testSigner(region = 'us-east-1', secretAccessKey = 'test', accessKeyId = 'test'): Signer {
  return createSigner({ credentials: { accessKeyId, secretAccessKey }, region, service: 's3' });
}

export function createTestClient(mock: S3Mock, keys: { accessKeyId: string; secretAccessKey: string } = { accessKeyId: 'test', secretAccessKey: 'test' }) {
  const signers = new Map<string, Signer>();
  const signer = (region: string): Signer => {
    let s = signers.get(region);
    if (!s) signers.set(region, (s = testSigner(region, keys.secretAccessKey, keys.accessKeyId)));
    return s;
  };
  const deliver = async (req: HttpRequest): Promise<TestResponse> => {
    const res = await mock.transport.send(req);
    return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
  };
  return {
    signer,
    deliver,
    send: async (method: string, path: string, o: SendOptions = {}): Promise<TestResponse> => {
      const req = testRequest(method, path, o);
      return deliver(o.unsigned ? req : await signer(o.region ?? 'us-east-1').sign(req));
    },
  };
}
