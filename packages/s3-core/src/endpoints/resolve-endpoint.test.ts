import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isValidationError } from '@s3kit/primitives';
import type { ValidationError } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { multiRegionAccessPointOf, validateBucketName } from './bucket-name.js';
import { requestPath, resolveEndpoint } from './resolve-endpoint.js';
import type { EndpointParams, ResolvedEndpoint } from './resolve-endpoint.js';

interface SmithyCase {
  id: string;
  uri?: string;
  resolvedHost?: string;
  params_smithy?: string;
  vendorParams_scopedConfig_smithy?: string;
}

// Smithy's S3 protocol compliance cases (test/fixtures/xml/smithy-s3-protocol-tests.json).
const smithy = JSON.parse(readFileSync(fileURLToPath(new URL('../../test/fixtures/xml/smithy-s3-protocol-tests.json', import.meta.url)), 'utf8')) as { cases: SmithyCase[] };

function smithyString(text: string, name: string): string | undefined {
  return new RegExp(`${name}: "([^"]*)"`).exec(text)?.[1];
}

function invalid(params: EndpointParams): ValidationError {
  try {
    resolveEndpoint(params);
  } catch (err) {
    expect(isValidationError(err)).toBe(true);
    return err as ValidationError;
  }
  throw new Error(`resolved: ${JSON.stringify(params)}`);
}

describe('resolveEndpoint: smithy S3 protocol tests', () => {
  const cases = smithy.cases.filter((c) => c.resolvedHost !== undefined);
  it('has addressing cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(11);
  });
  for (const c of cases) {
    it(c.id, () => {
      const params = c.params_smithy ?? '';
      const config = c.vendorParams_scopedConfig_smithy ?? '';
      // The operation-level style wins over the client's (S3OperationAddressingPreferred).
      const operationStyle = /operation: \{ s3: \{ addressing_style: "(\w+)"/.exec(config)?.[1];
      const style = operationStyle ?? smithyString(config, 'addressing_style');
      const resolved = resolveEndpoint({
        bucket: smithyString(params, 'Bucket')!,
        region: smithyString(config, 'region')!,
        ...(style === undefined ? {} : { forcePathStyle: style === 'path' }),
        useDualstack: config.includes('use_dualstack_endpoint: true'),
        useAccelerate: config.includes('use_accelerate_endpoint: true'),
      });
      expect(resolved.hostname).toBe(c.resolvedHost);
      const key = smithyString(params, 'Key');
      expect(requestPath(resolved, key)).toBe(c.uri);
    });
  }
});

describe('resolveEndpoint: AWS', () => {
  const table: [string, EndpointParams, Partial<ResolvedEndpoint>][] = [
    ['virtual by default', { bucket: 'photos', region: 'eu-west-1' }, { hostname: 'photos.s3.eu-west-1.amazonaws.com', pathPrefix: '', style: 'virtual', protocol: 'https:', port: undefined, signingRegion: 'eu-west-1' }],
    ['us-east-1 is regional', { bucket: 'b12', region: 'us-east-1' }, { hostname: 'b12.s3.us-east-1.amazonaws.com' }],
    ['legacy global endpoint on request', { bucket: 'b12', region: 'us-east-1', useGlobalEndpoint: true }, { hostname: 'b12.s3.amazonaws.com', signingRegion: 'us-east-1' }],
    ['global flag ignored outside us-east-1', { bucket: 'b12', region: 'eu-west-1', useGlobalEndpoint: true }, { hostname: 'b12.s3.eu-west-1.amazonaws.com' }],
    ['aws-global region', { bucket: 'b12', region: 'aws-global' }, { hostname: 'b12.s3.amazonaws.com', signingRegion: 'us-east-1' }],
    ['forced path style', { bucket: 'photos', region: 'eu-west-1', forcePathStyle: true }, { hostname: 's3.eu-west-1.amazonaws.com', pathPrefix: '/photos', style: 'path' }],
    ['dotted bucket over HTTPS uses path style', { bucket: 'my.bucket', region: 'eu-west-1' }, { hostname: 's3.eu-west-1.amazonaws.com', pathPrefix: '/my.bucket', style: 'path' }],
    ['not DNS-compatible uses path style', { bucket: 'My_Bucket', region: 'us-east-1' }, { hostname: 's3.us-east-1.amazonaws.com', pathPrefix: '/My_Bucket', style: 'path' }],
    ['dualstack', { bucket: 'b12', region: 'ap-south-1', useDualstack: true }, { hostname: 'b12.s3.dualstack.ap-south-1.amazonaws.com' }],
    ['FIPS', { bucket: 'b12', region: 'us-east-2', useFips: true }, { hostname: 'b12.s3-fips.us-east-2.amazonaws.com' }],
    ['FIPS dualstack', { bucket: 'b12', region: 'us-east-2', useFips: true, useDualstack: true }, { hostname: 'b12.s3-fips.dualstack.us-east-2.amazonaws.com' }],
    ['FIPS in us-east-1 with global flag stays regional', { bucket: 'b12', region: 'us-east-1', useFips: true, useGlobalEndpoint: true }, { hostname: 'b12.s3-fips.us-east-1.amazonaws.com' }],
    ['accelerate', { bucket: 'b12', region: 'eu-west-1', useAccelerate: true }, { hostname: 'b12.s3-accelerate.amazonaws.com', signingRegion: 'eu-west-1' }],
    ['accelerate dualstack', { bucket: 'b12', region: 'eu-west-1', useAccelerate: true, useDualstack: true }, { hostname: 'b12.s3-accelerate.dualstack.amazonaws.com' }],
    ['China', { bucket: 'b12', region: 'cn-north-1' }, { hostname: 'b12.s3.cn-north-1.amazonaws.com.cn', signingRegion: 'cn-north-1' }],
    ['China dualstack', { bucket: 'b12', region: 'cn-northwest-1', useDualstack: true }, { hostname: 'b12.s3.dualstack.cn-northwest-1.amazonaws.com.cn' }],
    ['GovCloud', { bucket: 'b12', region: 'us-gov-west-1' }, { hostname: 'b12.s3.us-gov-west-1.amazonaws.com' }],
    ['GovCloud FIPS', { bucket: 'b12', region: 'us-gov-west-1', useFips: true }, { hostname: 'b12.s3-fips.us-gov-west-1.amazonaws.com' }],
    ['ISO partition', { bucket: 'b12', region: 'us-iso-east-1' }, { hostname: 'b12.s3.us-iso-east-1.c2s.ic.gov' }],
    ['no bucket (ListBuckets)', { region: 'eu-west-1' }, { hostname: 's3.eu-west-1.amazonaws.com', pathPrefix: '', style: 'path' }],
  ];
  for (const [name, params, expected] of table) {
    it(name, () => {
      expect(resolveEndpoint(params)).toMatchObject(expected);
    });
  }

  it('refuses impossible combinations and bad input, naming the field', () => {
    expect(invalid({ bucket: 'my.bucket', region: 'eu-west-1', useAccelerate: true }).field).toBe('Bucket');
    expect(invalid({ bucket: 'b12', region: 'eu-west-1', useAccelerate: true, forcePathStyle: true }).field).toBe('useAccelerate');
    expect(invalid({ bucket: 'b12', region: 'eu-west-1', useAccelerate: true, useFips: true }).field).toBe('useAccelerate');
    expect(invalid({ bucket: 'b12', region: 'cn-north-1', useAccelerate: true }).field).toBe('useAccelerate');
    expect(invalid({ bucket: 'b12', region: 'cn-north-1', useFips: true }).field).toBe('useFips');
    expect(invalid({ bucket: 'b12', region: 'us-iso-east-1', useDualstack: true }).field).toBe('useDualstack');
    expect(invalid({ bucket: 'b12', region: 'Not A Region' }).field).toBe('region');
    expect(invalid({ bucket: 'b12', region: 'evil.com/x' }).field).toBe('region');
    expect(invalid({ bucket: 'a/b', region: 'eu-west-1' }).field).toBe('Bucket');
  });
});

describe('resolveEndpoint: custom endpoints', () => {
  const table: [string, EndpointParams, Partial<ResolvedEndpoint>][] = [
    ['path style by default (MinIO, Ceph)', { bucket: 'b12', region: 'us-east-1', endpoint: 'https://minio.example.com' }, { hostname: 'minio.example.com', pathPrefix: '/b12', style: 'path', port: undefined }],
    ['IP with port', { bucket: 'b12', region: 'us-east-1', endpoint: 'http://127.0.0.1:9000' }, { protocol: 'http:', hostname: '127.0.0.1', port: 9000, pathPrefix: '/b12', style: 'path' }],
    ['virtual when asked', { bucket: 'b12', region: 'us-east-1', endpoint: 'https://minio.example.com', forcePathStyle: false }, { hostname: 'b12.minio.example.com', pathPrefix: '', style: 'virtual' }],
    ['IP stays path style even when virtual is asked', { bucket: 'b12', region: 'us-east-1', endpoint: 'http://10.0.0.1:9000', forcePathStyle: false }, { hostname: '10.0.0.1', style: 'path' }],
    ['localhost stays path style', { bucket: 'b12', region: 'us-east-1', endpoint: 'http://localhost:4566', forcePathStyle: false }, { hostname: 'localhost', style: 'path' }],
    ['IPv6 stays path style', { bucket: 'b12', region: 'us-east-1', endpoint: 'http://[::1]:9000', forcePathStyle: false }, { hostname: '[::1]', style: 'path', port: 9000 }],
    ['base path is kept', { bucket: 'b12', region: 'us-east-1', endpoint: new URL('https://gw.example.com/s3/') }, { hostname: 'gw.example.com', pathPrefix: '/s3/b12' }],
    ['base path with virtual style', { bucket: 'b12', region: 'us-east-1', endpoint: 'https://gw.example.com/s3', forcePathStyle: false }, { hostname: 'b12.gw.example.com', pathPrefix: '/s3' }],
    ['an amazonaws.com endpoint behaves like AWS', { bucket: 'b12', region: 'eu-west-1', endpoint: 'https://s3.eu-west-1.amazonaws.com' }, { hostname: 'b12.s3.eu-west-1.amazonaws.com', style: 'virtual' }],
    ['dotted bucket virtual over plain HTTP', { bucket: 'a.b', region: 'us-east-1', endpoint: 'http://s3.example.com', forcePathStyle: false }, { hostname: 'a.b.s3.example.com', style: 'virtual' }],
    ['no bucket', { region: 'us-east-1', endpoint: 'http://127.0.0.1:9000/base' }, { pathPrefix: '/base', style: 'path' }],
  ];
  for (const [name, params, expected] of table) {
    it(name, () => {
      expect(resolveEndpoint(params)).toMatchObject(expected);
    });
  }

  it('refuses bad endpoints and features a custom endpoint cannot have', () => {
    expect(invalid({ region: 'us-east-1', endpoint: 'not a url' }).field).toBe('endpoint');
    expect(invalid({ region: 'us-east-1', endpoint: 'ftp://x' }).field).toBe('endpoint');
    expect(invalid({ region: 'us-east-1', endpoint: 'https://x/?a=b' }).field).toBe('endpoint');
    expect(invalid({ region: 'us-east-1', endpoint: 'https://user:pw@x/' }).message).not.toContain('pw');
    expect(invalid({ region: 'us-east-1', endpoint: 'https://x', useAccelerate: true }).field).toBe('useAccelerate');
    expect(invalid({ region: 'us-east-1', endpoint: 'https://x', useFips: true }).field).toBe('useFips');
    expect(invalid({ region: 'us-east-1', endpoint: 'https://x', useDualstack: true }).field).toBe('useDualstack');
  });
});

describe('resolveEndpoint: Multi-Region Access Points', () => {
  const MRAP = 'arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap';
  const global = { protocol: 'https:', port: undefined, pathPrefix: '', signingName: 's3', authScheme: 'sigv4a', signingRegionSet: '*', style: 'virtual' };

  it('sends an ARN to the global endpoint of its partition, signed with SigV4a for every region', () => {
    expect(resolveEndpoint({ bucket: MRAP, region: 'eu-west-1' })).toEqual({ ...global, hostname: 'mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com', signingRegion: 'eu-west-1' });
    const cn = 'arn:aws-cn:s3::123456789012:accesspoint:mfzwi23gnjvgw.mrap';
    expect(resolveEndpoint({ bucket: cn, region: 'cn-north-1' })).toMatchObject({ ...global, hostname: 'mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com.cn' });
    // The rules send it there even when the client has a custom endpoint.
    expect(resolveEndpoint({ bucket: MRAP, region: 'us-east-1', endpoint: 'http://127.0.0.1:9000' })).toMatchObject({ hostname: 'mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com', protocol: 'https:' });
  });

  it('refuses what the rules refuse, naming the field', () => {
    expect(invalid({ bucket: MRAP, region: 'us-east-1', forcePathStyle: true }).field).toBe('forcePathStyle');
    expect(invalid({ bucket: MRAP, region: 'us-east-1', useDualstack: true }).field).toBe('useDualstack');
    expect(invalid({ bucket: MRAP, region: 'us-east-1', useFips: true }).field).toBe('useFips');
    expect(invalid({ bucket: MRAP, region: 'us-east-1', useAccelerate: true }).field).toBe('useAccelerate');
    const otherPartition = invalid({ bucket: MRAP, region: 'cn-north-1' });
    expect(otherPartition.field).toBe('Bucket');
    expect(otherPartition.message).toContain('names partition aws, but the region cn-north-1 is in partition aws-cn');
  });

  it('parses Multi-Region Access Point ARNs only; other ARNs are not bucket names', () => {
    expect(multiRegionAccessPointOf(MRAP)).toEqual({ partition: 'aws', alias: 'mfzwi23gnjvgw.mrap' });
    expect(multiRegionAccessPointOf('arn:aws-us-gov:s3::123456789012:accesspoint:abc')).toEqual({ partition: 'aws-us-gov', alias: 'abc' });
    for (const other of [
      'arn:aws:s3:us-east-1:123456789012:accesspoint/regional',
      'arn:aws:s3-outposts:us-east-1:123456789012:outpost/op-01/accesspoint/ap',
      'arn:aws:s3::123456789012:accesspoint/',
      'arn:aws:s3::123456789012:accesspoint/a/b',
      'arn:aws:s3::123456789012:bucket/b',
      'arn:aws:s3::12345:accesspoint/abc',
      'mfzwi23gnjvgw.mrap',
    ]) {
      expect(multiRegionAccessPointOf(other), other).toBeUndefined();
    }
    validateBucketName(MRAP);
    expect(invalid({ bucket: 'arn:aws:s3:us-east-1:123456789012:accesspoint/regional', region: 'us-east-1' }).rule).toMatch(/Multi-Region Access Point ARN/);
    expect(() => {
      validateBucketName(MRAP, 'create');
    }).toThrow(expect.objectContaining({ code: 'ERR_VALIDATION' }) as Error);
  });
});

describe('requestPath', () => {
  it('joins the prefix and the encoded key, never normalizing', () => {
    const virtual = resolveEndpoint({ bucket: 'b12', region: 'us-west-2' });
    const path = resolveEndpoint({ bucket: 'b12', region: 'us-west-2', forcePathStyle: true });
    expect(requestPath(virtual)).toBe('/');
    expect(requestPath(path)).toBe('/b12');
    expect(requestPath(path, 'a//b/./c/../d e')).toBe('/b12/a//b/./c/../d%20e');
    expect(requestPath(virtual, '/leading')).toBe('//leading');
  });
});
