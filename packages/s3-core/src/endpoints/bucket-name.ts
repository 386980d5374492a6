import { ValidationError } from '@s3kit/primitives';

/** Which rules {@link validateBucketName} applies. */
export type BucketNameRules = 'access' | 'create';

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const CREATE_CHARS = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;
const ACCESS_CHARS = /^[A-Za-z0-9._-]+$/;
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

function fail(rule: string, value: string): never {
  throw new ValidationError({ field: 'Bucket', rule, value });
}

/** The parts of a Multi-Region Access Point ARN that address it. */
export interface MultiRegionAccessPointArn {
  /** ARN partition: `aws`, `aws-cn`, `aws-us-gov`, ... */
  partition: string;
  /** The access point's alias, e.g. `mfzwi23gnjvgw.mrap`: the host is `<alias>.accesspoint.s3-global.<dns suffix>`. */
  alias: string;
}

// arn:<partition>:s3::<account id>:accesspoint(:|/)<alias>: no region (a regional access point has one).
const MRAP_ARN = /^arn:([a-z0-9-]+):s3::(\d{12}):accesspoint[:/]([A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9][A-Za-z0-9-]{0,62})*)$/;

/**
 * The partition and alias of a Multi-Region Access Point ARN
 * (`arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap`), or `undefined` for anything else.
 * @example `multiRegionAccessPointOf('arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap') // { partition: 'aws', alias: 'mfzwi23gnjvgw.mrap' }`
 */
export function multiRegionAccessPointOf(bucket: string): MultiRegionAccessPointArn | undefined {
  const m = MRAP_ARN.exec(bucket);
  return m ? { partition: m[1]!, alias: m[3]! } : undefined;
}

/**
 * Checks a bucket name before anything is sent.
 *
 * - `'create'` applies S3's naming rules for new general purpose buckets: 3-63 characters of
 *   `a-z 0-9 . -`, starting and ending with a letter or digit, no `..`, not an IPv4 address, none
 *   of the reserved prefixes (`xn--`, `sthree-`, `amzn-s3-demo-`) or suffixes (`-s3alias`,
 *   `--ol-s3`, `.mrap`, `--x-s3`, `--table-s3`).
 * - `'access'` (the default, for every other operation) accepts any name an existing bucket can
 *   have, including legacy us-east-1 names (up to 255 characters, capitals and `_`) and directory
 *   buckets (`name--usw2-az1--x-s3`), and a Multi-Region Access Point ARN
 *   (`arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap`); it refuses what can never be a
 *   bucket (empty, `/`, spaces) and other ARNs (regional access points, Outposts, Object Lambda).
 *
 * @throws {ValidationError} `ERR_VALIDATION` naming the field `Bucket` and the rule broken.
 * @example `validateBucketName('my.bucket', 'create')`
 */
export function validateBucketName(name: string, rules: BucketNameRules = 'access'): void {
  if (typeof name !== 'string' || name.length === 0) fail('must be a non-empty string', name);
  if (rules === 'access') {
    if (name.startsWith('arn:')) {
      if (multiRegionAccessPointOf(name) === undefined) fail('must be a bucket name or a Multi-Region Access Point ARN (arn:<partition>:s3::<account>:accesspoint/<alias>)', name);
      return;
    }
    if (name.length > 255) fail('must be at most 255 characters', name);
    if (!ACCESS_CHARS.test(name)) fail('may contain only letters, digits, ".", "-" and "_"', name);
    return;
  }
  if (name.length < 3 || name.length > 63) fail('must be 3 to 63 characters long', name);
  if (!CREATE_CHARS.test(name)) {
    fail('may contain only lower-case letters, digits, "." and "-", and must start and end with a letter or digit', name);
  }
  if (name.includes('..')) fail('must not contain two adjacent periods', name);
  if (IPV4.test(name)) fail('must not be formatted as an IP address', name);
  for (const prefix of RESERVED_PREFIXES) if (name.startsWith(prefix)) fail(`must not start with the reserved prefix "${prefix}"`, name);
  // A directory bucket (S3 Express One Zone) is named `base--zone-id--x-s3`, the one reserved suffix it may use.
  if (directoryBucketZone(name) !== undefined && !name.slice(0, -6).includes('.')) return;
  for (const suffix of RESERVED_SUFFIXES) if (name.endsWith(suffix)) fail(`must not end with the reserved suffix "${suffix}"`, name);
}

const DIRECTORY_BUCKET = /^[a-z0-9][a-z0-9.-]*?--([a-z0-9-]+)--x-s3$/;

/**
 * The availability zone id of a directory bucket (S3 Express One Zone) name, `usw2-az1` in
 * `photos--usw2-az1--x-s3`; `undefined` for a general purpose bucket.
 * @example `directoryBucketZone('photos--usw2-az1--x-s3') // 'usw2-az1'`
 */
export function directoryBucketZone(name: string): string | undefined {
  return DIRECTORY_BUCKET.exec(name)?.[1];
}

/**
 * Whether a bucket name can be a DNS label prefix (`bucket.s3.region.amazonaws.com`): 3-63
 * characters, lower-case, each dot-separated label starting and ending with a letter or digit,
 * not an IPv4 address. Dotted names qualify here; over HTTPS they still need path style (see
 * `resolveEndpoint`).
 */
export function isVirtualHostableBucket(name: string): boolean {
  if (name.length < 3 || name.length > 63 || IPV4.test(name)) return false;
  return name.split('.').every((label) => LABEL.test(label));
}
