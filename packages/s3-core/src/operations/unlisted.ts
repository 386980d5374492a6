/**
 * The escape hatch of the model's enums. Each enum is a closed union of the values AWS's model
 * lists, so a typo such as `StorageClass: 'GLACIERR'` does not compile; a value AWS added after
 * this release passes through {@link unlisted}.
 */
declare const unlistedBrand: unique symbol;

/** A value outside an enum's list, made with {@link unlisted}. */
export type Unlisted = string & { readonly [unlistedBrand]: true };

/**
 * Passes a value the model's enum does not list yet (a storage class AWS added later, a vendor's
 * own value). Nothing is checked: the text is sent as is.
 * @example
 * ```ts
 * await client.putObject({ Bucket: 'photos', Key: 'a.txt', Body: 'x', StorageClass: unlisted('NEW_CLASS') });
 * ```
 */
export function unlisted(value: string): Unlisted {
  return value as Unlisted;
}
