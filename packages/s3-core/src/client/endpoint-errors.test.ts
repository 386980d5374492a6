import { NetworkError, TimeoutError, ValidationError, isNetworkError, isTimeoutError } from '@s3kit/primitives';
import type { HttpHandler, HttpRequest } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { endpointErrorsMiddleware, endpointUrlOf } from './endpoint-errors.js';

const request: HttpRequest = {
  method: 'GET',
  protocol: 'http:',
  hostname: '127.0.0.1',
  port: 9,
  path: '/photos',
  query: { 'list-type': '2', 'X-Amz-Signature': 'abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789' },
  headers: {},
};

async function failWith(error: Error): Promise<unknown> {
  const next: HttpHandler = () => Promise.reject(error);
  return endpointErrorsMiddleware()(next)(request, {}).catch((err: unknown) => err);
}

describe('endpointErrorsMiddleware', () => {
  it('names the endpoint URL when the connection is refused, as the AWS CLI does, keeping code, details and retryability', async () => {
    const original = new NetworkError('Network error: connect ECONNREFUSED 127.0.0.1:9 (ECONNREFUSED)', { details: { errno: 'ECONNREFUSED' } });
    const err = await failWith(original);
    expect(isNetworkError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'ERR_NETWORK', retryable: true, cause: original, details: { errno: 'ECONNREFUSED' } });
    expect((err as Error).message).toMatch(/^Could not connect to the endpoint URL: "http:\/\/127\.0\.0\.1:9\/photos\?/);
    expect((err as Error).message).not.toContain('abcdef0123456789');
  });

  it('says which endpoint a broken connection was to, and names connect timeouts; other errors pass unchanged', async () => {
    const reset = await failWith(new NetworkError('socket hang up', { details: { errno: 'ECONNRESET' } }));
    expect(reset).toMatchObject({ code: 'ERR_NETWORK', details: { errno: 'ECONNRESET' }, message: expect.stringContaining('Connection to the endpoint URL "http://127.0.0.1:9/photos?') as unknown });
    const timeout = await failWith(new TimeoutError('HTTP connect timeout', { phase: 'connect' }));
    expect(isTimeoutError(timeout) && timeout.message.startsWith('Connect timeout on endpoint URL: "http://127.0.0.1:9/photos')).toBe(true);
    const headers = new TimeoutError('HTTP headers timeout', { phase: 'headers' });
    expect(await failWith(headers)).toBe(headers);
    const invalid = new ValidationError({ field: 'request', rule: 'bad' });
    expect(await failWith(invalid)).toBe(invalid);
    expect(endpointUrlOf({ ...request, query: {} })).toBe('http://127.0.0.1:9/photos');
  });
});
