/**
 * Browser-based uploads with HTTP POST: the policy document, its base64 form and signature, and the
 * form fields to send with the file.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 */
import { ValidationError, bytesToBase64, utf8Bytes } from '@s3kit/primitives';
import type { AwsCredentials } from './aws-credentials.js';
import { credentialScope } from './canonical.js';
import { ALGORITHM } from './constants.js';
import { formatAmzDate } from './amz-date.js';
import { hmacHex } from './signing-key.js';
import type { SigningKeyCache } from './signing-key.js';
import { assertExpiresIn } from './validate.js';

/** One policy condition: an exact match object, `eq`/`starts-with`, or `content-length-range`. */
export type PostPolicyCondition =
  | Readonly<Record<string, string>>
  | readonly ['eq' | 'starts-with', string, string]
  | readonly ['content-length-range', number, number];

/** Options of a POST policy. */
export interface PostPolicyOptions {
  /** Bucket name (a policy condition and the form target). */
  bucket: string;
  /** Exact object key. Exactly one of `key` and `keyStartsWith` is required. */
  key?: string | undefined;
  /** Key prefix the uploader may extend; the `key` field is set to `<prefix>${filename}`. */
  keyStartsWith?: string | undefined;
  /**
   * Validity in seconds (1 to 604800).
   * @default 3600
   */
  expiresIn?: number | undefined;
  /** Allowed body size, inclusive: `[min, max]` bytes. */
  contentLengthRange?: readonly [number, number] | undefined;
  /** Exact `Content-Type` (also set as a field). */
  contentType?: string | undefined;
  /** Required `Content-Type` prefix, e.g. `image/`. */
  contentTypeStartsWith?: string | undefined;
  /** Status S3 answers with on success. */
  successActionStatus?: 200 | 201 | 204 | undefined;
  /** `x-amz-meta-*` fields (names without the prefix), signed as exact matches. */
  metadata?: Readonly<Record<string, string>> | undefined;
  /** Extra fields sent as-is, each signed as an exact match (e.g. `acl`, `x-amz-storage-class`). */
  fields?: Readonly<Record<string, string>> | undefined;
  /** Extra raw conditions. */
  conditions?: readonly PostPolicyCondition[] | undefined;
}

/** A signed POST policy. */
export interface PostPolicyResult {
  /** Form fields to send, in order, before the `file` field. */
  fields: Record<string, string>;
  /** The decoded policy document (for inspection). */
  policy: { expiration: string; conditions: PostPolicyCondition[] };
}

/** What {@link signPostPolicy} needs from a signer. */
export interface PostPolicySigningContext {
  credentials: AwsCredentials;
  region: string;
  service: string;
  /** Signing time, epoch ms. */
  now: number;
  /** The signer's key cache. */
  keys: SigningKeyCache;
}

/**
 * Builds and signs a POST policy (usually through `signer.presignPost`).
 * @throws ValidationError `ERR_VALIDATION` for a missing bucket, both or neither of key and
 *   keyStartsWith, a bad expiry or content-length range.
 */
export function signPostPolicy(options: PostPolicyOptions, context: PostPolicySigningContext): PostPolicyResult {
  const { bucket, key, keyStartsWith } = options;
  if (typeof bucket !== 'string' || bucket === '') throw new ValidationError({ field: 'bucket', rule: 'is required' });
  if ((key === undefined) === (keyStartsWith === undefined)) {
    throw new ValidationError({ field: 'key', rule: 'exactly one of key and keyStartsWith is required' });
  }
  const expiresIn = options.expiresIn ?? 3600;
  assertExpiresIn(expiresIn);
  const range = options.contentLengthRange;
  if (range && !(Number.isSafeInteger(range[0]) && Number.isSafeInteger(range[1]) && range[0] >= 0 && range[0] <= range[1])) {
    throw new ValidationError({ field: 'contentLengthRange', rule: 'must be [min, max] integers with 0 <= min <= max' });
  }
  const { credentials, region, service, now } = context;
  const date = formatAmzDate(now);
  const scope = credentialScope(date.short, region, service);
  const fields: Record<string, string> = {};
  const conditions: PostPolicyCondition[] = [{ bucket }];
  if (key !== undefined) {
    fields.key = key;
    conditions.push({ key });
  } else {
    fields.key = `${keyStartsWith!}\${filename}`;
    conditions.push(['starts-with', '$key', keyStartsWith!]);
  }
  const exact = (name: string, value: string): void => {
    fields[name] = value;
    conditions.push({ [name]: value });
  };
  if (options.contentType !== undefined) exact('Content-Type', options.contentType);
  if (options.contentTypeStartsWith !== undefined) conditions.push(['starts-with', '$Content-Type', options.contentTypeStartsWith]);
  if (range) conditions.push(['content-length-range', range[0], range[1]]);
  if (options.successActionStatus !== undefined) exact('success_action_status', String(options.successActionStatus));
  for (const [name, value] of Object.entries(options.metadata ?? {})) exact(`x-amz-meta-${name.toLowerCase()}`, value);
  for (const [name, value] of Object.entries(options.fields ?? {})) exact(name, value);
  if (options.conditions) conditions.push(...options.conditions);
  exact('x-amz-algorithm', ALGORITHM);
  exact('x-amz-credential', `${credentials.accessKeyId}/${scope}`);
  exact('x-amz-date', date.long);
  if (credentials.sessionToken !== undefined) exact('x-amz-security-token', credentials.sessionToken);

  const policy = { expiration: new Date(now + expiresIn * 1000).toISOString(), conditions };
  const base64 = bytesToBase64(utf8Bytes(JSON.stringify(policy)));
  fields.policy = base64;
  fields['x-amz-signature'] = hmacHex(context.keys.get(credentials, date.short, region, service), base64);
  return { fields, policy };
}

/** The form fields of a policy document signed as given. */
export interface PostPolicyDocumentResult {
  /** `policy` (the document's exact bytes, base64), `x-amz-algorithm`, `-credential`, `-date`, `-security-token` when any, `-signature`. */
  fields: Record<string, string>;
}

function conditionValue(conditions: unknown[], name: string): string | undefined {
  for (const c of conditions) {
    if (c !== null && typeof c === 'object' && !Array.isArray(c) && typeof (c as Record<string, unknown>)[name] === 'string') {
      return (c as Record<string, string>)[name];
    }
    if (Array.isArray(c) && c[0] === 'eq' && c[1] === `$${name}` && typeof c[2] === 'string') return c[2];
  }
  return undefined;
}

/**
 * Signs a POST policy document you wrote, byte for byte: its exact bytes are base64-encoded into the
 * `policy` field and that text is signed, so whitespace, key order and escapes stay yours. The
 * document must carry the signing conditions S3 checks (`x-amz-algorithm`, `x-amz-credential` for
 * these credentials, region and service, and `x-amz-date`), which give the signing date.
 * @throws ValidationError `ERR_VALIDATION` (field `policy`) for a document that is not UTF-8 JSON
 *   with `expiration` and `conditions`, lacks a signing condition, or names other credentials or scope.
 * @example
 * ```ts
 * const { fields } = await signer.signPostPolicyDocument(readFileSync('policy.json'));
 * ```
 */
export function signPostPolicyDocument(document: string | Uint8Array, context: Omit<PostPolicySigningContext, 'now'>): PostPolicyDocumentResult {
  const bytes = typeof document === 'string' ? utf8Bytes(document) : document;
  const invalid = (rule: string): never => {
    throw new ValidationError({ field: 'policy', rule });
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    throw new ValidationError({ field: 'policy', rule: 'must be a JSON document in UTF-8', cause: err });
  }
  const doc = parsed as { expiration?: unknown; conditions?: unknown };
  if (typeof doc.expiration !== 'string' || !Array.isArray(doc.conditions)) invalid('must have an "expiration" string and a "conditions" array');
  const conditions = doc.conditions as unknown[];
  const { credentials, region, service } = context;
  if (conditionValue(conditions, 'x-amz-algorithm') !== ALGORITHM) invalid(`must have the condition {"x-amz-algorithm": "${ALGORITHM}"}`);
  const date = conditionValue(conditions, 'x-amz-date');
  if (date === undefined || !/^\d{8}T\d{6}Z$/.test(date)) invalid('must have an "x-amz-date" condition (yyyyMMddTHHmmssZ)');
  const credential = `${credentials.accessKeyId}/${credentialScope(date!.slice(0, 8), region, service)}`;
  if (conditionValue(conditions, 'x-amz-credential') !== credential) invalid(`must have the condition {"x-amz-credential": "<access key id>/${date!.slice(0, 8)}/${region}/${service}/aws4_request"} for the signing credentials`);
  if (credentials.sessionToken !== undefined && conditionValue(conditions, 'x-amz-security-token') !== credentials.sessionToken) {
    invalid('must have the "x-amz-security-token" condition of the session credentials');
  }
  const base64 = bytesToBase64(bytes);
  const fields: Record<string, string> = { policy: base64, 'x-amz-algorithm': ALGORITHM, 'x-amz-credential': credential, 'x-amz-date': date! };
  if (credentials.sessionToken !== undefined) fields['x-amz-security-token'] = credentials.sessionToken;
  fields['x-amz-signature'] = hmacHex(context.keys.get(credentials, date!.slice(0, 8), region, service), base64);
  return { fields };
}
