/** Shapes shared by the `#platform/sigv4-crypto` variants. */

/** A string (hashed as UTF-8) or bytes. */
export type CryptoInput = string | Uint8Array;

/** An incremental SHA-256 whose digest is read once, as hex (the part of `node:crypto`'s `Hash` sigv4 uses). */
export interface Sha256 {
  /** Adds bytes (a string as UTF-8). */
  update(data: CryptoInput): Sha256;
  /** Lower-case hex digest; call once. */
  digest(encoding: 'hex'): string;
}
