import { REDACTED } from '@s3kit/primitives';

/**
 * What checks a verified request's chunk and trailer signatures: SigV4's signing key (HMAC), or
 * SigV4a's ECDSA verification under the public key of the request's credentials. Internal.
 */
export type ChunkKey = { kind: 'hmac'; key: Uint8Array } | { kind: 'ecdsa'; verify: (stringToSign: string, derHex: string) => boolean };

const keys = new WeakMap<VerifiedSigningKey, ChunkKey>();

/**
 * An opaque handle on the key a verified request was signed with (SigV4's signing key, or SigV4a's
 * public key), for checking its chunk and trailer signatures ({@link verifyAwsChunked}). It cannot
 * be serialized or inspected: the key stays in a module-private map.
 */
export class VerifiedSigningKey {
  /** @internal use {@link createVerifiedSigningKey}. */
  constructor(key: ChunkKey, brand: typeof BRAND) {
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

/** Wraps a derived SigV4 signing key in a handle. Internal. */
export function createVerifiedSigningKey(key: Uint8Array): VerifiedSigningKey {
  return new VerifiedSigningKey({ kind: 'hmac', key }, BRAND);
}

/** Wraps a SigV4a signature check (a public key's `verify`) in a handle. Internal. */
export function createVerifiedSigV4aKey(verify: (stringToSign: string, derHex: string) => boolean): VerifiedSigningKey {
  return new VerifiedSigningKey({ kind: 'ecdsa', verify }, BRAND);
}

/** The key behind a handle, or `undefined` for a foreign object. Internal. */
export function unwrapSigningKey(handle: VerifiedSigningKey | undefined): ChunkKey | undefined {
  return handle === undefined ? undefined : keys.get(handle);
}
