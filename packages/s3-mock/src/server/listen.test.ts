import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseQueryString, toHttpRequest } from './listen.js';

describe('parseQueryString', () => {
  it('decodes percent-escapes but not +, keeps flags and repeats', () => {
    expect(parseQueryString('uploads&prefix=a%20b+c&x=1&x=2&x=3&&bad=%ZZ')).toEqual({ uploads: '', prefix: 'a b+c', x: ['1', '2', '3'], bad: '%ZZ' });
  });
});

describe('toHttpRequest', () => {
  const incoming = (url: string, headers: Record<string, string | string[]>, method = 'GET') => ({ url, headers, method }) as unknown as IncomingMessage;

  it('reads host, port, path, query and headers; a bodiless request has no body', () => {
    const r = toHttpRequest(incoming('/b/k%20x?tagging', { host: 'b.localhost:9000', 'x-amz-meta-a': ['1', '2'] }));
    expect(r).toMatchObject({ method: 'GET', hostname: 'b.localhost', port: 9000, path: '/b/k%20x', query: { tagging: '' } });
    expect(r.headers['x-amz-meta-a']).toBe('1, 2');
    expect(r.body).toBeUndefined();
  });

  it('handles IPv6 hosts and streams bodies that declare a length', () => {
    const msg = incoming('/', { host: '[::1]:8080', 'content-length': '3' }, 'put');
    const r = toHttpRequest(msg);
    expect([r.hostname, r.port, r.method, r.body]).toEqual(['::1', 8080, 'PUT', msg]);
    expect(toHttpRequest(incoming('/', {})).hostname).toBe('');
  });
});
