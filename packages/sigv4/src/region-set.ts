/** SigV4a region sets (the `X-Amz-Region-Set` value). */
import { ValidationError } from '@s3kit/primitives';

/** A SigV4a region set: region names or wildcards (`*`, `us-*`), as a list or comma-separated. */
export type RegionSet = string | readonly string[];

const REGION_ENTRY = /^(?:\*|[a-z0-9][a-z0-9-]{0,62}\*?)$/;

/**
 * Normalizes a region set to its wire form (`us-east-1,us-west-2`).
 * @throws ValidationError `ERR_VALIDATION` (field `regionSet`) for an empty set or a bad entry.
 */
export function formatRegionSet(regionSet: RegionSet): string {
  const entries = (typeof regionSet === 'string' ? regionSet.split(',') : [...regionSet]).map((r) => r.trim());
  if (entries.length === 0 || entries.some((r) => !REGION_ENTRY.test(r))) {
    throw new ValidationError({ field: 'regionSet', rule: 'must be "*" or region names (lower-case letters, digits, "-", optional trailing "*")', value: entries.join(',') });
  }
  return entries.join(',');
}
