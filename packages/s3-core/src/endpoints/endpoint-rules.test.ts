/**
 * resolveEndpoint against AWS's own endpoint rules (vendor/s3-model/endpoint-rule-set-1.json.gz,
 * evaluated by test/endpoint-rules.ts): over a matrix of regions, buckets (general purpose, dotted,
 * directory buckets, Multi-Region Access Point ARNs of two partitions), custom endpoints, addressing, FIPS, dual-stack, acceleration and the
 * operations' endpoint context (S3 Express control plane, session auth off, Object Lambda), the URL,
 * signing name, signing region and auth scheme are the rules', and where the rules refuse, so do we.
 */
import { isValidationError } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { resolveWithRules } from '../../test/endpoint-rules.js';
import { resolveEndpoint } from './resolve-endpoint.js';
import type { EndpointParams } from './resolve-endpoint.js';

interface Case {
  region: string;
  bucket?: string;
  endpoint?: string;
  forcePathStyle: boolean;
  fips: boolean;
  dualstack: boolean;
  accelerate: boolean;
  context: 'none' | 'control' | 'no-session' | 'lambda';
}

const MRAP = 'arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap';
const MRAP_CN = 'arn:aws-cn:s3::123456789012:accesspoint:mfzwi23gnjvgw.mrap';

function* cases(): Generator<Case> {
  for (const region of ['us-east-1', 'eu-west-1', 'cn-north-1', 'us-gov-west-1'])
    for (const bucket of [undefined, 'photos', 'my.photos', 'photos--usw2-az1--x-s3', MRAP, MRAP_CN])
      for (const endpoint of [undefined, 'https://s3.example.com', 'http://127.0.0.1:9000', 'https://s3.example.com/base'])
        for (const forcePathStyle of [false, true])
          for (const fips of [false, true])
            for (const dualstack of [false, true])
              for (const accelerate of [false, true])
                for (const context of ['none', 'control', 'no-session', 'lambda'] as const) {
                  if (context === 'lambda' && bucket !== undefined) continue;
                  yield { region, ...(bucket === undefined ? {} : { bucket }), ...(endpoint === undefined ? {} : { endpoint }), forcePathStyle, fips, dualstack, accelerate, context };
                }
}

function ours(c: Case): { url: string; signingName: string; signingRegion: string; authScheme: string; signingRegionSet?: string } | { error: string } {
  const params: EndpointParams = {
    region: c.region,
    forcePathStyle: c.forcePathStyle,
    useFips: c.fips,
    useDualstack: c.dualstack,
    useAccelerate: c.accelerate,
    ...(c.bucket === undefined ? {} : { bucket: c.bucket }),
    ...(c.endpoint === undefined ? {} : { endpoint: c.endpoint }),
    ...(c.context === 'control' ? { useS3ExpressControlEndpoint: true } : {}),
    ...(c.context === 'no-session' ? { disableS3ExpressSessionAuth: true } : {}),
    ...(c.context === 'lambda' ? { useObjectLambdaEndpoint: true } : {}),
  };
  try {
    const e = resolveEndpoint(params);
    const port = e.port === undefined ? '' : `:${e.port}`;
    return {
      url: `${e.protocol}//${e.hostname}${port}${e.pathPrefix}`,
      signingName: e.signingName,
      signingRegion: e.signingRegion,
      authScheme: e.authScheme,
      ...(e.signingRegionSet === undefined ? {} : { signingRegionSet: e.signingRegionSet }),
    };
  } catch (err) {
    if (!isValidationError(err)) throw err;
    return { error: err.message };
  }
}

function rules(c: Case) {
  const result = resolveWithRules({
    Region: c.region,
    Bucket: c.bucket,
    Endpoint: c.endpoint,
    ForcePathStyle: c.forcePathStyle,
    UseFIPS: c.fips,
    UseDualStack: c.dualstack,
    Accelerate: c.accelerate,
    UseS3ExpressControlEndpoint: c.context === 'control' ? true : undefined,
    DisableS3ExpressSessionAuth: c.context === 'no-session' ? true : undefined,
    UseObjectLambdaEndpoint: c.context === 'lambda' ? true : undefined,
  });
  if ('error' in result) return result;
  return { ...result, url: result.url.replace(/\/$/, '') };
}

describe('resolveEndpoint follows the S3 endpoint rules', () => {
  it('agrees with the rules on every case of the matrix', () => {
    const differences: string[] = [];
    let compared = 0;
    for (const c of cases()) {
      // Documented difference: an IP address endpoint is always addressed path style (the rules would
      // put a dotted bucket in front of the IP address).
      if (c.endpoint?.includes('127.0.0.1') === true && !c.forcePathStyle && c.bucket?.includes('.') === true) continue;
      const want = rules(c);
      const got = ours(c);
      compared++;
      if ('error' in want || 'error' in got) {
        if ('error' in want !== 'error' in got) differences.push(`${JSON.stringify(c)}: rules ${JSON.stringify(want)}, ours ${JSON.stringify(got)}`);
        continue;
      }
      if (JSON.stringify(want) !== JSON.stringify(got)) differences.push(`${JSON.stringify(c)}: rules ${JSON.stringify(want)}, ours ${JSON.stringify(got)}`);
    }
    expect(compared).toBeGreaterThan(3000);
    expect(differences.slice(0, 20)).toEqual([]);
  });
});
