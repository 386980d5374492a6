import { ValidationError } from '@s3kit/primitives';
import { directoryBucketZone, isVirtualHostableBucket, multiRegionAccessPointOf, validateBucketName } from './bucket-name.js';
import type { MultiRegionAccessPointArn } from './bucket-name.js';
import { encodeKeyPath } from './object-key.js';

/** Input of {@link resolveEndpoint}. */
export interface EndpointParams {
  /** The bucket, if the operation has one (ListBuckets has none). */
  bucket?: string;
  /** AWS region (`eu-west-1`), also the signing region. */
  region: string;
  /**
   * A custom endpoint URL (`http://127.0.0.1:9000`, `https://minio.example.com/base`), for
   * S3-compatible servers. Its path, if any, prefixes every request path.
   */
  endpoint?: string | URL;
  /**
   * `true`: always path style (`host/bucket/key`). `false`: virtual-hosted style whenever
   * possible. Unset: virtual-hosted for AWS, path style for a custom endpoint (see the remarks).
   * @default undefined
   */
  forcePathStyle?: boolean;
  /** Use the dual-stack (IPv4 + IPv6) endpoint. @default false */
  useDualstack?: boolean;
  /** Use S3 Transfer Acceleration (`s3-accelerate.amazonaws.com`). @default false */
  useAccelerate?: boolean;
  /** Use the FIPS 140 endpoint (`s3-fips.<region>.amazonaws.com`). @default false */
  useFips?: boolean;
  /** In us-east-1, use the legacy global endpoint `s3.amazonaws.com`. @default false */
  useGlobalEndpoint?: boolean;
  /** The operation goes to S3 Object Lambda (`WriteGetObjectResponse`). @default false */
  useObjectLambdaEndpoint?: boolean;
  /** A directory bucket's control-plane operation (bucket settings, `ListDirectoryBuckets`). @default false */
  useS3ExpressControlEndpoint?: boolean;
  /** Sign directory bucket requests with plain SigV4 instead of session credentials (CopyObject, UploadPartCopy, CreateSession). @default false */
  disableS3ExpressSessionAuth?: boolean;
}

/** Where a request goes and how it is signed. */
export interface ResolvedEndpoint {
  /** `https:` or `http:`. */
  protocol: 'https:' | 'http:';
  /** Host name (with the bucket for virtual-hosted style). */
  hostname: string;
  /** Port, when not the protocol's default. */
  port: number | undefined;
  /**
   * Encoded path before the key, without a trailing slash: `''` for virtual-hosted style,
   * `/bucket` for path style (after a custom endpoint's own path). See {@link requestPath}.
   */
  pathPrefix: string;
  /** Region to sign with. */
  signingRegion: string;
  /** Service name to sign with: `s3`, `s3express` (directory buckets) or `s3-object-lambda`. */
  signingName: 's3' | 's3express' | 's3-object-lambda';
  /**
   * `sigv4-s3express`: sign with the bucket's session credentials (CreateSession); `sigv4a`: sign
   * with SigV4a for {@link ResolvedEndpoint.signingRegionSet} (Multi-Region Access Points); else plain SigV4.
   */
  authScheme: 'sigv4' | 'sigv4-s3express' | 'sigv4a';
  /** SigV4a region set (`*`), with `authScheme: 'sigv4a'` only. */
  signingRegionSet?: string;
  /** Addressing style used. */
  style: 'virtual' | 'path';
}

interface Partition {
  readonly name: string;
  readonly suffix: string;
  readonly dualstack: boolean;
  readonly fips: boolean;
  readonly accelerate: boolean;
}

// Partitions by region prefix, from the AWS partitions file (aws-cn, aws-us-gov, aws-iso*).
const PARTITIONS: readonly [RegExp, Partition][] = [
  [/^cn-/, { name: 'aws-cn', suffix: 'amazonaws.com.cn', dualstack: true, fips: false, accelerate: false }],
  [/^us-gov-/, { name: 'aws-us-gov', suffix: 'amazonaws.com', dualstack: true, fips: true, accelerate: true }],
  [/^us-isob-/, { name: 'aws-iso-b', suffix: 'sc2s.sgov.gov', dualstack: false, fips: true, accelerate: false }],
  [/^us-isof-/, { name: 'aws-iso-f', suffix: 'csp.hci.ic.gov', dualstack: false, fips: true, accelerate: false }],
  [/^us-iso-/, { name: 'aws-iso', suffix: 'c2s.ic.gov', dualstack: false, fips: true, accelerate: false }],
  [/^eu-isoe-/, { name: 'aws-iso-e', suffix: 'cloud.adc-e.uk', dualstack: false, fips: true, accelerate: false }],
];
const AWS: Partition = { name: 'aws', suffix: 'amazonaws.com', dualstack: true, fips: true, accelerate: true };
const REGION = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const IPV4_HOST = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const AWS_HOST = /(?:^|\.)amazonaws\.com(?:\.cn)?$/;

function partitionOf(region: string): Partition {
  for (const [pattern, partition] of PARTITIONS) if (pattern.test(region)) return partition;
  return AWS;
}

function invalid(field: string, rule: string, value?: unknown): never {
  throw new ValidationError(value === undefined ? { field, rule } : { field, rule, value });
}

function isIpOrLocalhost(hostname: string): boolean {
  return IPV4_HOST.test(hostname) || hostname.includes(':') || hostname.startsWith('[') || hostname === 'localhost';
}

function awsHost(params: EndpointParams): { hostname: string; signingRegion: string } {
  const { region } = params;
  const partition = partitionOf(region);
  const dualstack = params.useDualstack === true;
  const fips = params.useFips === true;
  if (dualstack && !partition.dualstack) invalid('useDualstack', `is not supported in region ${region}`);
  if (fips && !partition.fips) invalid('useFips', `is not supported in region ${region}`);
  // Acceleration is per bucket: service operations (ListBuckets) keep the regional endpoint, as the rules say.
  if (params.useAccelerate === true && params.bucket !== undefined) {
    if (!partition.accelerate) invalid('useAccelerate', `is not supported in region ${region}`);
    if (fips) invalid('useAccelerate', 'cannot be combined with useFips');
    return { hostname: dualstack ? 's3-accelerate.dualstack.amazonaws.com' : 's3-accelerate.amazonaws.com', signingRegion: region };
  }
  if (region === 'aws-global' || (region === 'us-east-1' && params.useGlobalEndpoint === true && !dualstack && !fips)) {
    return { hostname: 's3.amazonaws.com', signingRegion: 'us-east-1' };
  }
  const service = fips ? 's3-fips' : 's3';
  return { hostname: `${service}${dualstack ? '.dualstack' : ''}.${region}.${partition.suffix}`, signingRegion: region };
}

/**
 * Resolves where an S3 request goes: protocol, host, port, the path before the key, the signing
 * region and the addressing style.
 *
 * Virtual-hosted style (`bucket.s3.region.amazonaws.com`) is the default on AWS. Path style
 * (`s3.region.amazonaws.com/bucket`) is used when forced, for bucket names that are not valid DNS
 * labels, and for dotted names over HTTPS (`a.b.s3...` fails the `*.s3...` TLS wildcard).
 *
 * Custom endpoints default to path style, as botocore does (its `addressing_style` defaults to
 * path for an `endpoint_url`), because S3-compatible servers (MinIO, Ceph RGW, LocalStack,
 * on-premise appliances) seldom have wildcard DNS. The AWS SDK for JavaScript v3 instead keeps
 * virtual-hosted style unless the endpoint is an IP address, which is the most-reported pitfall
 * with those servers (aws-sdk-js-v3 #7136). `forcePathStyle: false` asks for virtual-hosted style
 * on a custom endpoint; an IP address or `localhost` endpoint still gets path style. A custom
 * endpoint on `*.amazonaws.com` is treated like AWS (virtual-hosted by default).
 *
 * @throws {ValidationError} `ERR_VALIDATION` for an invalid region, bucket or endpoint, and for
 *   impossible combinations: accelerate with path style, a dotted bucket, FIPS or a custom
 *   endpoint; FIPS or dual-stack with a custom endpoint; features a partition lacks.
 * @example
 * ```ts
 * resolveEndpoint({ bucket: 'photos', region: 'eu-west-1' });
 * // { protocol: 'https:', hostname: 'photos.s3.eu-west-1.amazonaws.com', port: undefined,
 * //   pathPrefix: '', signingRegion: 'eu-west-1', style: 'virtual' }
 * ```
 */
export function resolveEndpoint(params: EndpointParams): ResolvedEndpoint {
  const { bucket, region } = params;
  if (typeof region !== 'string' || !REGION.test(region)) invalid('region', 'must be an AWS region name such as "eu-west-1"', region);
  if (bucket !== undefined) validateBucketName(bucket);
  // The rules' first checks, whatever the bucket or operation.
  if (params.useAccelerate === true && params.useFips === true) invalid('useAccelerate', 'cannot be combined with useFips');
  if (params.endpoint !== undefined) {
    if (params.useDualstack === true) invalid('useDualstack', 'cannot be combined with a custom endpoint');
    if (params.useFips === true) invalid('useFips', 'cannot be combined with a custom endpoint');
    if (params.useAccelerate === true) invalid('useAccelerate', 'cannot be combined with a custom endpoint');
  }
  if (params.useObjectLambdaEndpoint === true) return objectLambdaEndpoint(params);
  const mrap = bucket === undefined ? undefined : multiRegionAccessPointOf(bucket);
  if (mrap !== undefined) return multiRegionAccessPointEndpoint(params, mrap);
  const zone = bucket === undefined ? undefined : directoryBucketZone(bucket);
  if (zone !== undefined || (bucket === undefined && params.useS3ExpressControlEndpoint === true)) return s3ExpressEndpoint(params, zone);
  let protocol: 'https:' | 'http:' = 'https:';
  let hostname: string;
  let port: number | undefined;
  let basePath = '';
  let signingRegion = region;
  let preferVirtual: boolean;
  let canVirtual = true;
  if (params.endpoint !== undefined) {
    let url: URL;
    try {
      url = typeof params.endpoint === 'string' ? new URL(params.endpoint) : params.endpoint;
    } catch (err) {
      throw new ValidationError({ field: 'endpoint', rule: 'must be an absolute http(s) URL', value: String(params.endpoint), cause: err });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') invalid('endpoint', 'must use http: or https:', url.protocol);
    if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
      invalid('endpoint', 'must not have a query, fragment or credentials');
    }
    protocol = url.protocol;
    hostname = url.hostname;
    port = url.port === '' ? undefined : Number(url.port);
    basePath = url.pathname.replace(/\/+$/, '');
    preferVirtual = params.forcePathStyle === false || (params.forcePathStyle === undefined && AWS_HOST.test(hostname));
    canVirtual = !isIpOrLocalhost(hostname);
  } else {
    ({ hostname, signingRegion } = awsHost(params));
    preferVirtual = params.forcePathStyle !== true;
  }
  const signing = { signingRegion, signingName: 's3', authScheme: 'sigv4' } as const;
  if (bucket === undefined) return { protocol, hostname, port, pathPrefix: basePath, ...signing, style: 'path' };

  const dnsOk = isVirtualHostableBucket(bucket) && !(protocol === 'https:' && bucket.includes('.'));
  if (params.useAccelerate === true) {
    if (params.forcePathStyle === true) invalid('useAccelerate', 'cannot be combined with forcePathStyle');
    if (!dnsOk) invalid('Bucket', 'must be DNS-compatible without dots to use Transfer Acceleration', bucket);
  }
  if (preferVirtual && canVirtual && dnsOk) {
    return { protocol, hostname: `${bucket}.${hostname}`, port, pathPrefix: basePath, ...signing, style: 'virtual' };
  }
  return { protocol, hostname, port, pathPrefix: `${basePath}/${encodeKeyPath(bucket)}`, ...signing, style: 'path' };
}

/** A custom endpoint URL, checked: its protocol, host, port and base path. */
function customUrl(params: EndpointParams): { protocol: 'https:' | 'http:'; hostname: string; port: number | undefined; basePath: string } {
  let url: URL;
  try {
    url = typeof params.endpoint === 'string' ? new URL(params.endpoint) : params.endpoint!;
  } catch (err) {
    throw new ValidationError({ field: 'endpoint', rule: 'must be an absolute http(s) URL', value: String(params.endpoint), cause: err });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') invalid('endpoint', 'must use http: or https:', url.protocol);
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') invalid('endpoint', 'must not have a query, fragment or credentials');
  return { protocol: url.protocol, hostname: url.hostname, port: url.port === '' ? undefined : Number(url.port), basePath: url.pathname.replace(/\/+$/, '') };
}

/**
 * A Multi-Region Access Point ARN as the bucket, as AWS's endpoint rules say:
 * `https://<alias>.accesspoint.s3-global.<dns suffix>`, signed with SigV4a for every region (`*`).
 * The rules send it there even with a custom endpoint, and refuse path style, FIPS, dual-stack,
 * acceleration and an ARN of another partition than the client's region.
 */
function multiRegionAccessPointEndpoint(params: EndpointParams, arn: MultiRegionAccessPointArn): ResolvedEndpoint {
  if (params.forcePathStyle === true) invalid('forcePathStyle', 'cannot be used with a Multi-Region Access Point ARN');
  if (params.useDualstack === true) invalid('useDualstack', 'is not supported by Multi-Region Access Points');
  if (params.useFips === true) invalid('useFips', 'is not supported by Multi-Region Access Points');
  if (params.useAccelerate === true) invalid('useAccelerate', 'is not supported by Multi-Region Access Points');
  const partition = partitionOf(params.region);
  if (partition.name !== arn.partition) {
    invalid('Bucket', `names partition ${arn.partition}, but the region ${params.region} is in partition ${partition.name}`, params.bucket);
  }
  return {
    protocol: 'https:',
    hostname: `${arn.alias}.accesspoint.s3-global.${partition.suffix}`,
    port: undefined,
    pathPrefix: '',
    signingRegion: params.region,
    signingName: 's3',
    authScheme: 'sigv4a',
    signingRegionSet: '*',
    style: 'virtual',
  };
}

/** S3 Object Lambda (`WriteGetObjectResponse`): `s3-object-lambda.<region>`, signed as `s3-object-lambda`. */
function objectLambdaEndpoint(params: EndpointParams): ResolvedEndpoint {
  const { region } = params;
  if (params.useAccelerate === true) invalid('useAccelerate', 'is not supported by S3 Object Lambda');
  if (params.useDualstack === true) invalid('useDualstack', 'is not supported by S3 Object Lambda');
  const signing = { signingRegion: region, signingName: 's3-object-lambda', authScheme: 'sigv4', style: 'path' } as const;
  if (params.endpoint !== undefined) {
    const { protocol, hostname, port, basePath } = customUrl(params);
    return { protocol, hostname, port, pathPrefix: basePath, ...signing };
  }
  const partition = partitionOf(region);
  if (params.useFips === true && !partition.fips) invalid('useFips', `is not supported in region ${region}`);
  const host = `s3-object-lambda${params.useFips === true ? '-fips' : ''}.${region}.${partition.suffix}`;
  return { protocol: 'https:', hostname: host, port: undefined, pathPrefix: '', ...signing };
}

/**
 * S3 Express One Zone (directory buckets), as AWS's endpoint rules say: data-plane requests go to
 * the bucket's zonal endpoint (`bucket.s3express-<zone>.<region>.amazonaws.com`) and are signed
 * with session credentials; control-plane ones (bucket settings, `ListDirectoryBuckets`) go to
 * `s3express-control.<region>.amazonaws.com/bucket` with plain SigV4. Both sign as `s3express`.
 */
function s3ExpressEndpoint(params: EndpointParams, zone: string | undefined): ResolvedEndpoint {
  const { bucket, region } = params;
  if (params.useAccelerate === true && bucket !== undefined) invalid('useAccelerate', 'is not supported by S3 Express One Zone');
  const control = params.useS3ExpressControlEndpoint === true;
  const sessionAuth = params.disableS3ExpressSessionAuth !== true;
  if (params.endpoint !== undefined) {
    // A custom endpoint serves both planes: the rules keep session auth unless the operation turns it off.
    const signing = { signingRegion: region, signingName: 's3express', authScheme: sessionAuth && bucket !== undefined ? 'sigv4-s3express' : 'sigv4' } as const;
    const { protocol, hostname, port, basePath } = customUrl(params);
    if (bucket === undefined) return { protocol, hostname, port, pathPrefix: basePath, ...signing, style: 'path' };
    if (IPV4_HOST.test(hostname) || hostname.startsWith('[')) {
      return { protocol, hostname, port, pathPrefix: `${basePath}/${encodeURIComponent(bucket)}`, ...signing, style: 'path' };
    }
    if (!isVirtualHostableBucket(bucket) || bucket.includes('.')) invalid('Bucket', 'must be a valid host label for S3 Express One Zone', bucket);
    return { protocol, hostname: `${bucket}.${hostname}`, port, pathPrefix: basePath, ...signing, style: 'virtual' };
  }
  const signing = { signingRegion: region, signingName: 's3express', authScheme: sessionAuth && !control ? 'sigv4-s3express' : 'sigv4' } as const;
  const partition = partitionOf(region);
  if (params.useFips === true && !partition.fips) invalid('useFips', `is not supported in region ${region}`);
  if (params.useDualstack === true && !partition.dualstack) invalid('useDualstack', `is not supported in region ${region}`);
  const fips = params.useFips === true ? '-fips' : '';
  const dualstack = params.useDualstack === true ? '.dualstack' : '';
  if (control) {
    const hostname = `s3express-control${fips}${dualstack}.${region}.${partition.suffix}`;
    const pathPrefix = bucket === undefined ? '' : `/${encodeURIComponent(bucket)}`;
    return { protocol: 'https:', hostname, port: undefined, pathPrefix, ...signing, style: 'path' };
  }
  if (!isVirtualHostableBucket(bucket!) || bucket!.includes('.')) invalid('Bucket', 'must be a valid host label for S3 Express One Zone', bucket);
  const hostname = `${bucket!}.s3express${fips}-${zone!}${dualstack}.${region}.${partition.suffix}`;
  return { protocol: 'https:', hostname, port: undefined, pathPrefix: '', ...signing, style: 'virtual' };
}

/**
 * The encoded request path for an object key (or the bucket itself without one), under a resolved
 * endpoint: `/key` (virtual-hosted), `/bucket/key` (path style); for bucket operations `/` or
 * `/bucket` (no trailing slash, as the smithy S3 protocol tests expect).
 * @example `requestPath(resolveEndpoint({ bucket: 'b', region: 'us-west-2' }), '../key.txt') // '/../key.txt'`
 */
export function requestPath(endpoint: Pick<ResolvedEndpoint, 'pathPrefix'>, key?: string): string {
  if (key === undefined) return endpoint.pathPrefix === '' ? '/' : endpoint.pathPrefix;
  return `${endpoint.pathPrefix}/${encodeKeyPath(key)}`;
}
