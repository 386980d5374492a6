/**
 * Bucket policies as documents: parsing and validating what PutBucketPolicy stores, and whether a
 * policy is public. Evaluation is in `policy-evaluation.ts`.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html
 */
import { S3MockError } from './errors.js';
import { CONDITION_OPERATORS } from './policy-conditions.js';

/** A value or a list of values, as policy documents write them. */
type OneOrMany = string | readonly string[];

/** A principal: `*`, or by kind (`AWS`, `CanonicalUser`, `Service`, `Federated`). */
export type PolicyPrincipal = '*' | Readonly<Record<string, OneOrMany>>;

/** One statement, normalised (lists everywhere). */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: PolicyPrincipal;
  readonly NotPrincipal?: PolicyPrincipal;
  readonly Action?: readonly string[];
  readonly NotAction?: readonly string[];
  readonly Resource?: readonly string[];
  readonly NotResource?: readonly string[];
  /** Operator (with any `ForAnyValue:`/`ForAllValues:` prefix and `IfExists` suffix) -> key -> values. */
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

/** A stored policy: the text as given (GetBucketPolicy returns it verbatim) and its statements. */
export interface BucketPolicy {
  readonly text: string;
  readonly Statement: readonly PolicyStatement[];
}

const malformed = (message: string): S3MockError => new S3MockError('MalformedPolicy', {}, message);

const list = (value: unknown, what: string): string[] => {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  const strings = values.filter((v): v is string => typeof v === 'string');
  if (values.length === 0 || strings.length !== values.length) throw malformed(`${what} must be a string or a list of strings`);
  return strings;
};

function principal(value: unknown): PolicyPrincipal {
  if (value === '*') return '*';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed('Invalid principal in policy');
  const out: Record<string, string[]> = {};
  for (const [kind, ids] of Object.entries(value)) {
    if (!['AWS', 'CanonicalUser', 'Service', 'Federated'].includes(kind)) throw malformed('Invalid principal in policy');
    out[kind] = list(ids, 'Principal');
  }
  return out;
}

function conditions(value: unknown): PolicyStatement['Condition'] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed('Invalid Condition block');
  const out: Record<string, Record<string, string[]>> = {};
  for (const [operator, keys] of Object.entries(value)) {
    const base = operator.replace(/^(ForAnyValue|ForAllValues):/, '').replace(/IfExists$/, '');
    if (!CONDITION_OPERATORS.has(base)) throw malformed(`Invalid Condition type : ${operator}`);
    if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) throw malformed('Invalid Condition block');
    out[operator] = Object.fromEntries(Object.entries(keys as Record<string, unknown>).map(([k, v]) => [k, (Array.isArray(v) ? (v as unknown[]) : [v]).map(String)]));
  }
  return out;
}

/** Whether an ARN pattern (wildcards allowed) addresses `bucket` or one of its objects. */
function inBucket(resource: string, bucket: string): boolean {
  const rest = resource.startsWith('arn:aws:s3:::') ? resource.slice('arn:aws:s3:::'.length) : undefined;
  if (rest === undefined) return false;
  const name = rest.split('/')[0]!;
  const pattern = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return pattern.test(bucket);
}

/**
 * Parses and validates a bucket policy for `bucket`.
 * @throws S3MockError `MalformedPolicy` (not JSON, missing or invalid members, a resource outside the bucket, NotPrincipal with Allow)
 */
export function parseBucketPolicy(text: string, bucket: string): BucketPolicy {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw malformed('Policies must be valid JSON and the first byte must be \'{\'');
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw malformed('Policies must be valid JSON and the first byte must be \'{\'');
  const raw = (doc as Record<string, unknown>).Statement;
  if (raw === undefined) throw malformed('Missing required field Statement');
  const statements = (Array.isArray(raw) ? raw : [raw]).map((s: unknown): PolicyStatement => {
    if (typeof s !== 'object' || s === null) throw malformed('Invalid Statement');
    const st = s as Record<string, unknown>;
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny') throw malformed('Invalid effect');
    if ((st.Principal === undefined) === (st.NotPrincipal === undefined)) throw malformed('Statement must have exactly one of Principal and NotPrincipal');
    if (st.NotPrincipal !== undefined && st.Effect === 'Allow') throw malformed('NotPrincipal is only valid with Deny');
    if ((st.Action === undefined) === (st.NotAction === undefined)) throw malformed('Missing required field Action');
    if ((st.Resource === undefined) === (st.NotResource === undefined)) throw malformed('Missing required field Resource');
    const out: Record<string, unknown> = { Effect: st.Effect };
    if (typeof st.Sid === 'string') out.Sid = st.Sid;
    if (st.Principal !== undefined) out.Principal = principal(st.Principal);
    if (st.NotPrincipal !== undefined) out.NotPrincipal = principal(st.NotPrincipal);
    if (st.Action !== undefined) out.Action = list(st.Action, 'Action');
    if (st.NotAction !== undefined) out.NotAction = list(st.NotAction, 'NotAction');
    const resources = list(st.Resource ?? st.NotResource, 'Resource');
    if (!resources.every((r) => inBucket(r, bucket))) throw malformed('Policy has invalid resource');
    out[st.Resource !== undefined ? 'Resource' : 'NotResource'] = resources;
    if (st.Condition !== undefined) out.Condition = conditions(st.Condition);
    return out as unknown as PolicyStatement;
  });
  return { text, Statement: statements };
}

const everyone = (p: PolicyPrincipal | undefined): boolean =>
  p === '*' || (p !== undefined && Object.entries(p).some(([kind, ids]) => kind === 'AWS' && (typeof ids === 'string' ? ids === '*' : ids.includes('*'))));

/**
 * Whether a policy grants access to everyone: an Allow statement whose principal is `*` and that no
 * condition narrows (S3 also treats fixed source IPs, ARNs and accounts as narrowing).
 */
export function isPublicPolicy(policy: BucketPolicy): boolean {
  return policy.Statement.some((s) => s.Effect === 'Allow' && everyone(s.Principal) && s.Condition === undefined);
}
