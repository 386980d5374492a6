/**
 * Access control lists: grants, canned ACLs, grant resolution and the permission check.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html
 */
import { isAnonymous } from './account.js';
import type { Account, Owner, Requester } from './account.js';
import type { EngineContext } from './engine-state.js';
import { S3MockError } from './errors.js';

/** The everyone group (anonymous requests included). */
export const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
/** Any request signed by an account. */
export const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
/** S3's log delivery group. */
export const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';
const GROUPS: ReadonlySet<string> = new Set([ALL_USERS, AUTHENTICATED_USERS, LOG_DELIVERY]);

/** ACL permissions. */
export type Permission = 'FULL_CONTROL' | 'WRITE' | 'WRITE_ACP' | 'READ' | 'READ_ACP';
export const PERMISSIONS: readonly Permission[] = ['FULL_CONTROL', 'WRITE', 'WRITE_ACP', 'READ', 'READ_ACP'];

/** Who a grant is for. An e-mail grantee is resolved to the account's canonical user when stored. */
export type Grantee =
  | { readonly Type: 'CanonicalUser'; readonly ID: string; readonly DisplayName?: string }
  | { readonly Type: 'Group'; readonly URI: string }
  | { readonly Type: 'AmazonCustomerByEmail'; readonly EmailAddress: string };

/** One grant. */
export interface Grant {
  readonly Grantee: Grantee;
  readonly Permission: Permission;
}

/** An ACL as S3 stores it: the owner and the grants. */
export interface AccessControlPolicy {
  readonly Owner: Owner;
  readonly Grants: readonly Grant[];
}

/** Canned ACLs (`x-amz-acl`). */
export type CannedAcl =
  | 'private'
  | 'public-read'
  | 'public-read-write'
  | 'authenticated-read'
  | 'aws-exec-read'
  | 'bucket-owner-read'
  | 'bucket-owner-full-control'
  | 'log-delivery-write';
export const CANNED_ACLS: readonly CannedAcl[] = [
  'private',
  'public-read',
  'public-read-write',
  'authenticated-read',
  'aws-exec-read',
  'bucket-owner-read',
  'bucket-owner-full-control',
  'log-delivery-write',
];

/** The ACL a write asks for: a canned ACL, or explicit grants (`x-amz-grant-*`), or neither (private). */
export interface AclInput {
  /** `x-amz-acl`. */
  ACL?: CannedAcl;
  /** Grants from `x-amz-grant-*` headers. */
  Grants?: readonly Grant[];
}

const user = (o: Owner): Grantee => ({ Type: 'CanonicalUser', ID: o.ID, DisplayName: o.DisplayName });
const group = (URI: string): Grantee => ({ Type: 'Group', URI });

/**
 * The grants of a canned ACL for a resource owned by `owner` in a bucket owned by `bucketOwner`.
 * The owner's full control comes last: S3 documents no order, and ceph/s3-tests compares lists
 * whose group grants come first.
 */
export function cannedGrants(acl: CannedAcl, owner: Owner, bucketOwner: Owner): Grant[] {
  const grants: Grant[] = [];
  switch (acl) {
    case 'public-read':
      grants.push({ Grantee: group(ALL_USERS), Permission: 'READ' });
      break;
    case 'public-read-write':
      grants.push({ Grantee: group(ALL_USERS), Permission: 'READ' }, { Grantee: group(ALL_USERS), Permission: 'WRITE' });
      break;
    case 'authenticated-read':
      grants.push({ Grantee: group(AUTHENTICATED_USERS), Permission: 'READ' });
      break;
    case 'bucket-owner-read':
      if (bucketOwner.ID !== owner.ID) grants.push({ Grantee: user(bucketOwner), Permission: 'READ' });
      break;
    case 'bucket-owner-full-control':
      if (bucketOwner.ID !== owner.ID) grants.push({ Grantee: user(bucketOwner), Permission: 'FULL_CONTROL' });
      break;
    case 'log-delivery-write':
      grants.push({ Grantee: group(LOG_DELIVERY), Permission: 'WRITE' }, { Grantee: group(LOG_DELIVERY), Permission: 'READ_ACP' });
      break;
    case 'private':
    case 'aws-exec-read':
      break;
  }
  grants.push({ Grantee: user(owner), Permission: 'FULL_CONTROL' });
  return grants;
}

/**
 * Grants as stored: e-mail grantees resolved to their account, canonical users given their display
 * name, groups checked.
 * @throws S3MockError `UnresolvableGrantByEmailAddress`, `InvalidArgument` (an unknown canonical id or group)
 */
export function resolveGrants(ctx: EngineContext, grants: readonly Grant[]): Grant[] {
  const known: readonly Account[] = [ctx.owner, ...ctx.accounts];
  // Group grants first (as canned ACLs list them): S3 documents no order, ceph/s3-tests compares one.
  const ordered = [...grants].sort((a, b) => Number(b.Grantee.Type === 'Group') - Number(a.Grantee.Type === 'Group'));
  return ordered.map(({ Grantee, Permission }) => {
    if (Grantee.Type === 'AmazonCustomerByEmail') {
      const account = known.find((a) => a.EmailAddress?.toLowerCase() === Grantee.EmailAddress.toLowerCase());
      if (!account) throw new S3MockError('UnresolvableGrantByEmailAddress', { EmailAddress: Grantee.EmailAddress });
      return { Grantee: user(account), Permission };
    }
    if (Grantee.Type === 'Group') {
      if (!GROUPS.has(Grantee.URI)) throw new S3MockError('InvalidArgument', { ArgumentName: 'uri', ArgumentValue: Grantee.URI }, 'Invalid group uri');
      return { Grantee, Permission };
    }
    const account = known.find((a) => a.ID === Grantee.ID);
    if (!account) throw new S3MockError('InvalidArgument', { ArgumentName: 'CanonicalUser/ID', ArgumentValue: Grantee.ID }, 'Invalid id');
    return { Grantee: user(account), Permission };
  });
}

/**
 * The ACL a write stores: the canned ACL or the grants it asks for, or `private`.
 * @throws S3MockError `InvalidRequest` (a canned ACL and grants together), and {@link resolveGrants}'s codes
 */
export function aclFor(ctx: EngineContext, input: AclInput, owner: Owner, bucketOwner: Owner): AccessControlPolicy {
  if (input.ACL !== undefined && input.Grants !== undefined) {
    throw new S3MockError('InvalidRequest', {}, 'Specifying both Canned ACLs and Header Grants is not allowed');
  }
  const Grants = input.Grants !== undefined ? resolveGrants(ctx, input.Grants) : cannedGrants(input.ACL ?? 'private', owner, bucketOwner);
  return { Owner: { ID: owner.ID, DisplayName: owner.DisplayName }, Grants };
}

/** Whether a grant is to everyone or to every account (what the public access block calls public). */
export function isPublicGrant(grant: Grant): boolean {
  return grant.Grantee.Type === 'Group' && (grant.Grantee.URI === ALL_USERS || grant.Grantee.URI === AUTHENTICATED_USERS);
}

/** Whether `grantee` names `requester`. */
function covers(grantee: Grantee, requester: Requester): boolean {
  if (grantee.Type === 'Group') return grantee.URI === ALL_USERS || (grantee.URI === AUTHENTICATED_USERS && !isAnonymous(requester));
  return grantee.Type === 'CanonicalUser' && !isAnonymous(requester) && grantee.ID === requester.ID;
}

/** Whether `acl` gives `requester` `permission` (FULL_CONTROL gives every permission). */
export function aclAllows(acl: AccessControlPolicy, requester: Requester, permission: Permission, ignorePublic = false): boolean {
  return acl.Grants.some(
    (g) => (g.Permission === permission || g.Permission === 'FULL_CONTROL') && covers(g.Grantee, requester) && !(ignorePublic && isPublicGrant(g)),
  );
}
