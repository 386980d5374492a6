/**
 * The policy document of a browser-form POST upload: its expiration, and every condition checked
 * against the form's fields and the file's size.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 */
import { base64ToBytes } from '@s3kit/primitives';
import { S3MockError } from '../engine/errors.js';
import type { FormData } from './form-data.js';
import { S3ProtocolError } from './protocol-error.js';

const invalidPolicy = (message: string): S3ProtocolError => S3ProtocolError.of('InvalidPolicyDocument', {}, `Invalid Policy: ${message}`);
const denied = (message: string): S3MockError => new S3MockError('AccessDenied', {}, `Invalid according to Policy: ${message}`);

/** Form fields no condition needs to mention. */
const EXEMPT = (name: string): boolean => ['policy', 'signature', 'awsaccesskeyid', 'x-amz-signature', 'file'].includes(name) || name.startsWith('x-ignore-');

function parse(policyBase64: string): { expiration: unknown; conditions: unknown } {
  try {
    const bytes = base64ToBytes(policyBase64);
    if (bytes === undefined) throw new Error('not base64');
    const doc: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('not an object');
    return doc as { expiration: unknown; conditions: unknown };
  } catch {
    throw invalidPolicy('Invalid JSON.');
  }
}

/**
 * Checks the policy against the form.
 * @throws S3ProtocolError `InvalidPolicyDocument` (not JSON, no or a malformed expiration or conditions)
 * @throws S3MockError `AccessDenied` (expired, a condition failed, a field no condition covers), `EntityTooSmall`, `EntityTooLarge`
 */
export function checkPostPolicy(policyBase64: string, bucket: string, form: FormData, fileSize: number, now: number): void {
  const { expiration, conditions } = parse(policyBase64);
  if (expiration === undefined) throw invalidPolicy('Policy missing expiration.');
  if (typeof expiration !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(expiration)) throw invalidPolicy("Invalid 'expiration' value.");
  if (Date.parse(expiration) <= now) throw denied('Policy expired.');
  if (conditions === undefined) throw invalidPolicy('Policy missing conditions.');
  if (!Array.isArray(conditions)) throw invalidPolicy("Invalid 'conditions' value.");
  const value = (name: string): string | undefined => (name === 'bucket' ? bucket : form.fields.get(name)?.value);
  const covered = new Set<string>();
  for (const c of conditions as unknown[]) {
    if (Array.isArray(c)) {
      const [rawOp, a, b] = c as unknown[];
      const op = typeof rawOp === 'string' ? rawOp.toLowerCase() : rawOp;
      if (op === 'content-length-range') {
        if (c.length !== 3 || !Number.isInteger(a) || !Number.isInteger(b) || (a as number) < 0) throw invalidPolicy('Invalid content-length-range condition.');
        if (fileSize < (a as number)) throw new S3MockError('EntityTooSmall', { ProposedSize: fileSize, MinSizeAllowed: a as number });
        if (fileSize > (b as number)) throw new S3MockError('EntityTooLarge', { ProposedSize: fileSize, MaxSizeAllowed: b as number });
        continue;
      }
      if ((op !== 'eq' && op !== 'starts-with') || c.length !== 3 || typeof a !== 'string' || !a.startsWith('$') || typeof b !== 'string') {
        throw invalidPolicy(`Invalid condition: ${JSON.stringify(c).slice(0, 200)}`);
      }
      const name = a.slice(1).toLowerCase();
      covered.add(name);
      const actual = value(name);
      // starts-with "" allows any value, the field's absence included.
      const ok = op === 'eq' ? actual === b : b === '' || (actual?.startsWith(b) ?? false);
      if (!ok) throw denied(`Policy Condition failed: ${JSON.stringify(c)}`);
      continue;
    }
    if (typeof c !== 'object' || c === null || Object.keys(c).length !== 1) throw invalidPolicy(`Invalid condition: ${JSON.stringify(c).slice(0, 200)}`);
    const [key, expected] = Object.entries(c as Record<string, unknown>)[0]!;
    const name = key.toLowerCase();
    covered.add(name);
    if (typeof expected !== 'string' || value(name) !== expected) throw denied(`Policy Condition failed: ${JSON.stringify(c)}`);
  }
  for (const [name, field] of form.fields) {
    if (!EXEMPT(name) && !covered.has(name)) throw denied(`Extra input fields: ${field.name}`);
  }
}
