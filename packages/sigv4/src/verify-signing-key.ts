import { REDACTED } from '@s3kit/primitives';

const keys = new WeakMap<VerifiedSigningKey, Uint8Array>();

/**
 * An opaque handle on the signing key a verified request was signed with, for checking its chunk
 * and trailer signatures ({@link verifyAwsChunked}). It cannot be serialized or inspected: the key
 * stays in a module-private map.
 */
export class VerifiedSigningKey {
  /** @internal use {@link createVerifiedSigningKey}. */
  constructor(key: Uint8Array, brand: typeof BRAND) {
    if (brand !== BRAND) throw new TypeError('VerifiedSigningKey cannot be constructed directly');
    keys.set(this, key);
    Object.freeze(this);
  }
  /** Always `"[REDACTED]"`. */
  toJSON(): string {
    return REDACTED;
  }
  /** Always `"[REDACTED]"`. */
  toString(): string {
    return REDACTED;
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `VerifiedSigningKey ${REDACTED}`;
  }
}

const BRAND: unique symbol = Symbol('VerifiedSigningKey');

/** Wraps a derived signing key in a handle. Internal. */
export function createVerifiedSigningKey(key: Uint8Array): VerifiedSigningKey {
  return new VerifiedSigningKey(key, BRAND);
}

/** The key behind a handle, or `undefined` for a foreign object. Internal. */
export function unwrapSigningKey(handle: VerifiedSigningKey | undefined): Uint8Array | undefined {
  return handle === undefined ? undefined : keys.get(handle);
}
