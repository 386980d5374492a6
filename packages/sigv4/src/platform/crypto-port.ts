/** Shapes shared by the `#platform/sigv4-crypto` variants. */

/** A string (hashed as UTF-8) or bytes. */
export type CryptoInput = string | Uint8Array;
