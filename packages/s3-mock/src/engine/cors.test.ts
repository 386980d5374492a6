import { describe, expect, it } from 'vitest';
import { createS3Engine } from './engine.js';
import { expectS3Error } from './test-support/expect-s3-error.js';

describe('bucket CORS', () => {
  it('validates rules and matches origin wildcards, methods and requested headers', () => {
    const e = createS3Engine();
    e.createBucket({ Bucket: 'cors' });
    expect(e.matchCors({ Bucket: 'cors', Origin: 'x', Method: 'GET' })).toEqual({ configured: false });
    expectS3Error(() => e.getBucketCors({ Bucket: 'cors' }), 'NoSuchCORSConfiguration');
    expectS3Error(() => {
      e.putBucketCors({ Bucket: 'cors', CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['PATCH'] }] });
    }, 'InvalidRequest');
    expectS3Error(() => {
      e.putBucketCors({ Bucket: 'cors', CORSRules: [{ AllowedOrigins: ['*a*'], AllowedMethods: ['GET'] }] });
    }, 'InvalidRequest');
    e.putBucketCors({
      Bucket: 'cors',
      CORSRules: [
        { AllowedOrigins: ['*suffix', 'start*end'], AllowedMethods: ['GET'] },
        { AllowedOrigins: ['https://app.test'], AllowedMethods: ['PUT'], AllowedHeaders: ['x-amz-*'] },
      ],
    });
    const match = (Origin: string, Method: string, RequestHeaders: string[] = []) => e.matchCors({ Bucket: 'cors', Origin, Method, RequestHeaders }).rule?.AllowedMethods[0];
    expect([match('foo.suffix', 'GET'), match('start12end', 'get'), match('0start12end', 'GET'), match('foo.suffix', 'PUT')]).toEqual(['GET', 'GET', undefined, undefined]);
    expect([match('https://app.test', 'PUT', ['X-Amz-Meta-A']), match('https://app.test', 'PUT', ['content-type'])]).toEqual(['PUT', undefined]);
    e.deleteBucketCors({ Bucket: 'cors' });
    expect(e.matchCors({ Bucket: 'cors', Origin: 'foo.suffix', Method: 'GET' }).configured).toBe(false);
  });
});
