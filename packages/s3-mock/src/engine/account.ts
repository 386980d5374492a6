/**
 * Who owns and who asks: accounts (canonical user id and display name, as S3 shows them in
 * `<Owner>`) and the requester of an engine call, which is an account or the anonymous public.
 */

/** A bucket or object owner (`<Owner><ID/><DisplayName/></Owner>`). */
export interface Owner {
  /** Canonical user id. */
  readonly ID: string;
  /** Display name. */
  readonly DisplayName: string;
}

/** An account of the mock: an owner that can also be named in ACL grants by e-mail address. */
export interface Account extends Owner {
  /** E-mail address, for `emailAddress` ACL grantees. */
  readonly EmailAddress?: string;
  /** The account id policies name it by (`arn:aws:iam::<AccountId>:root`); its canonical id works too. */
  readonly AccountId?: string;
}

/** The anonymous public: a requester without credentials. */
export interface AnonymousRequester {
  /** Always `true`. */
  readonly anonymous: true;
}

/** Who makes an engine call: an account, or the anonymous public. */
export type Requester = Account | AnonymousRequester;

/** The anonymous requester. */
export const ANONYMOUS: AnonymousRequester = Object.freeze({ anonymous: true as const });

/** Whether `requester` is the anonymous public. */
export function isAnonymous(requester: Requester): requester is AnonymousRequester {
  return 'anonymous' in requester;
}

/** The owner of buckets and objects when no account is configured. */
export const DEFAULT_OWNER: Account = Object.freeze({
  ID: '75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a',
  DisplayName: 's3kit-mock',
});

/** `<Owner>` members of an account (without its e-mail address). */
export function ownerOf(account: Owner): Owner {
  return { ID: account.ID, DisplayName: account.DisplayName };
}
