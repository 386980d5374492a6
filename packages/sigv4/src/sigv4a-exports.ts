/**
 * The public face of SigV4a's `#platform/sigv4a` variants, declared with their own types so the
 * published `.d.ts` never names a `#platform` import (TypeScript's `node10` resolution cannot follow it).
 * Where `node:crypto` is missing (browsers, workerd) each of them throws `ERR_CONFIG`.
 */
import * as sigv4a from '#platform/sigv4a';
import type * as chunks from './sigv4a-chunk-signer.js';
import type * as key from './sigv4a-key.js';
import type * as signer from './sigv4a-signer.js';

/**
 * Creates a SigV4a signer (`AWS4-ECDSA-P256-SHA256`) for multi-region endpoints.
 * @throws ValidationError `ERR_VALIDATION` for a bad service or region set; ConfigError `ERR_CONFIG` without `node:crypto`.
 * @example
 * ```ts
 * const signer = createSigV4aSigner({ credentials, regionSet: '*', service: 's3' });
 * ```
 */
export const createSigV4aSigner: typeof signer.createSigV4aSigner = sigv4a.createSigV4aSigner;

/**
 * Creates the chained ECDSA chunk signer of SigV4a aws-chunked uploads
 * (`STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD[-TRAILER]`); each signature is padded with `*` to 144
 * characters. `createSigV4aSigner(...).signStreaming` uses it; use it directly to frame a body yourself.
 * @throws ConfigError `ERR_CONFIG` without `node:crypto`.
 * @example
 * ```ts
 * const signer = createSigV4aChunkSigner({ privateKey: deriveSigV4aKeyPair(credentials).privateKey, amzDate, scope, seedSignature });
 * ```
 */
export const createSigV4aChunkSigner: typeof chunks.createSigV4aChunkSigner = sigv4a.createSigV4aChunkSigner;

/** The ECDSA P-256 key pair SigV4a derives from the credentials (key material: never log it). */
export const deriveSigV4aKeyPair: typeof key.deriveSigV4aKeyPair = sigv4a.deriveSigV4aKeyPair;

/** The P-256 private scalar SigV4a derives from the credentials (key material: never log it). */
export const deriveSigV4aPrivateScalar: typeof key.deriveSigV4aPrivateScalar = sigv4a.deriveSigV4aPrivateScalar;

/** A P-256 public key from its affine coordinates in hex. */
export const sigV4aPublicKeyFromCoordinates: typeof key.sigV4aPublicKeyFromCoordinates = sigv4a.sigV4aPublicKeyFromCoordinates;
