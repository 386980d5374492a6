import { createFakeClock } from '@s3kit/primitives';
import type { HttpRequest } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { isSigV2, verifySigV2 } from './sigv2.js';

// Signatures computed with botocore's HmacV1Auth (an independent SigV2 implementation); the GET one is
// also the example of S3's SigV2 documentation.
const KEYS = [{ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }];
const request = (o: Partial<HttpRequest>): HttpRequest => ({ method: 'GET', protocol: 'http:', hostname: '127.0.0.1', path: '/', headers: {}, ...o });

describe('SigV2', () => {
  it('verifies header signatures: method, date, content type, x-amz-* headers and signed sub-resources', () => {
    const clock = createFakeClock(Date.parse('Tue, 27 Mar 2007 19:40:00 GMT'));
    const get = request({ path: '/johnsmith/photos/puppy.jpg', headers: { date: 'Tue, 27 Mar 2007 19:36:42 +0000', authorization: 'AWS AKIAIOSFODNN7EXAMPLE:bWq2s1WEIj+Ydj0vQ697zp+IXMU=' } });
    expect(isSigV2(get)).toBe(true);
    expect(verifySigV2(get, KEYS, clock, undefined).accessKeyId).toBe('AKIAIOSFODNN7EXAMPLE');
    const put = request({
      method: 'PUT',
      path: '/johnsmith/photos/puppy.jpg',
      query: { acl: '', ignored: 'x' },
      headers: { date: 'Tue, 27 Mar 2007 21:15:45 +0000', 'content-type': 'image/jpeg', 'x-amz-meta-a': 'b', 'x-amz-meta-z': '  y  z ', authorization: 'AWS AKIAIOSFODNN7EXAMPLE:lhDyKP4AJyPYnkcnnEY5Zl4uvOI=' },
    });
    clock.set(Date.parse('Tue, 27 Mar 2007 21:15:45 GMT'));
    expect(() => verifySigV2(put, KEYS, clock, undefined)).not.toThrow();
    // The same request addressed virtual-host style signs the bucket into the resource.
    expect(() => verifySigV2({ ...put, path: '/photos/puppy.jpg' }, KEYS, clock, 'johnsmith')).not.toThrow();
    expect(() => verifySigV2({ ...put, headers: { ...put.headers, 'x-amz-meta-a': 'c' } }, KEYS, clock, undefined)).toThrow(expect.objectContaining({ code: 'SignatureDoesNotMatch' }) as Error);
    expect(() => verifySigV2({ ...put, headers: { ...put.headers, authorization: 'AWS NOPE:x' } }, KEYS, clock, undefined)).toThrow(expect.objectContaining({ code: 'InvalidAccessKeyId' }) as Error);
    clock.set(Date.parse('Tue, 27 Mar 2007 23:00:00 GMT'));
    expect(() => verifySigV2(put, KEYS, clock, undefined)).toThrow(expect.objectContaining({ code: 'RequestTimeTooSkewed' }) as Error);
  });

  it('a bucket is signed as /bucket/, path-style or virtual-host', () => {
    const clock = createFakeClock(Date.parse('Tue, 27 Mar 2007 21:15:45 GMT'));
    const headers = { date: 'Tue, 27 Mar 2007 21:15:45 +0000', authorization: 'AWS AKIAIOSFODNN7EXAMPLE:pGhUYMC04PaH3sc2EgzMn/i6PRc=' };
    expect(() => verifySigV2(request({ method: 'PUT', path: '/v2bucket', headers }), KEYS, clock, undefined)).not.toThrow();
    expect(() => verifySigV2(request({ method: 'PUT', path: '/', headers }), KEYS, clock, 'v2bucket')).not.toThrow();
  });

  it('query signatures expire', () => {
    const clock = createFakeClock(2_000_000 * 1000);
    const expired = request({ path: '/b/k', query: { AWSAccessKeyId: 'AKIAIOSFODNN7EXAMPLE', Expires: '1000000', Signature: 'x' } });
    expect(isSigV2(expired)).toBe(true);
    expect(() => verifySigV2(expired, KEYS, clock, undefined)).toThrow(expect.objectContaining({ code: 'AccessDenied' }) as Error);
    expect(isSigV2(request({ headers: { authorization: 'AWS4-HMAC-SHA256 Credential=x' } }))).toBe(false);
  });
});
