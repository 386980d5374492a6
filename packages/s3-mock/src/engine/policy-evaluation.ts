/**
 * Evaluating a bucket policy for one request: the statements whose principal, action, resource
 * and conditions all match; an explicit Deny wins over any Allow.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import { isAnonymous } from './account.js';
import type { Requester } from './account.js';
import type { BucketPolicy, PolicyPrincipal, PolicyStatement } from './bucket-policy.js';
import { conditionHolds } from './policy-conditions.js';
import type { ConditionContext } from './policy-conditions.js';

/** What the policy is asked about. */
export interface PolicyRequest {
  /** `s3:GetObject`. */
  action: string;
  /** `arn:aws:s3:::bucket` or `arn:aws:s3:::bucket/key`. */
  resource: string;
  requester: Requester;
  context: ConditionContext;
}

const wildcard = (pattern: string, value: string, ignoreCase: boolean): boolean =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, ignoreCase ? 'i' : '').test(value);

/** Whether an `AWS` principal id (`*`, an account id, or an IAM ARN of the account) names `requester`. */
function awsPrincipalMatches(id: string, requester: Requester): boolean {
  if (id === '*') return true;
  if (isAnonymous(requester)) return false;
  const account = /^arn:aws:iam::([^:]+):/.exec(id)?.[1] ?? id;
  return account === requester.ID || account === requester.AccountId;
}

function principalMatches(principal: PolicyPrincipal, requester: Requester): boolean {
  if (principal === '*') return true;
  return Object.entries(principal).some(([kind, ids]) => {
    const list = typeof ids === 'string' ? [ids] : ids;
    if (kind === 'AWS') return list.some((id) => awsPrincipalMatches(id, requester));
    if (kind === 'CanonicalUser') return !isAnonymous(requester) && list.includes(requester.ID);
    // Service and federated principals are never who sends a request to the mock.
    return false;
  });
}

function statementMatches(s: PolicyStatement, r: PolicyRequest): boolean {
  if (s.Principal && !principalMatches(s.Principal, r.requester)) return false;
  if (s.NotPrincipal && principalMatches(s.NotPrincipal, r.requester)) return false;
  if (s.Action && !s.Action.some((a) => wildcard(a, r.action, true))) return false;
  if (s.NotAction?.some((a) => wildcard(a, r.action, true))) return false;
  if (s.Resource && !s.Resource.some((p) => wildcard(p, r.resource, false))) return false;
  if (s.NotResource?.some((p) => wildcard(p, r.resource, false))) return false;
  return Object.entries(s.Condition ?? {}).every(([operator, keys]) => Object.entries(keys).every(([key, values]) => conditionHolds(operator, key, values, r.context)));
}

/** `Deny` if a matching statement denies, else `Allow` if one allows, else `undefined` (the policy says nothing). */
export function evaluatePolicy(policy: BucketPolicy, request: PolicyRequest): 'Allow' | 'Deny' | undefined {
  const matching = policy.Statement.filter((s) => statementMatches(s, request));
  if (matching.some((s) => s.Effect === 'Deny')) return 'Deny';
  return matching.length > 0 ? 'Allow' : undefined;
}
