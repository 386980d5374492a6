/**
 * SigV4a where `node:crypto` is missing (browsers, workerd): not available. Its ECDSA key comes from
 * a P-256 scalar s3kit derives itself, which WebCrypto cannot import synchronously; every entry
 * point says so with a typed error instead of failing to load.
 */
import { ConfigError } from '@s3kit/primitives';

function unsupported(): never {
  throw new ConfigError('SigV4a needs node:crypto (Node, Bun or Deno); this runtime signs SigV4 only', { source: 'sigv4a' });
}

/**
 * Throws: SigV4a signing needs `node:crypto`.
 * @throws {ConfigError} `ERR_CONFIG` always.
 */
export function createSigV4aSigner(_options: unknown): never {
  return unsupported();
}

/**
 * Throws: SigV4a keys need `node:crypto`.
 * @throws {ConfigError} `ERR_CONFIG` always.
 */
export function deriveSigV4aKeyPair(_credentials: unknown): never {
  return unsupported();
}

/**
 * Throws: SigV4a keys need `node:crypto`.
 * @throws {ConfigError} `ERR_CONFIG` always.
 */
export function deriveSigV4aPrivateScalar(_credentials: unknown): never {
  return unsupported();
}

/**
 * Throws: SigV4a keys need `node:crypto`.
 * @throws {ConfigError} `ERR_CONFIG` always.
 */
export function sigV4aPublicKeyFromCoordinates(_xHex: string, _yHex: string): never {
  return unsupported();
}

/**
 * Throws: SigV4a chunk signing needs `node:crypto`.
 * @throws {ConfigError} `ERR_CONFIG` always.
 */
export function createSigV4aChunkSigner(_init: unknown): never {
  return unsupported();
}

/**
 * Throws: SigV4a verification needs `node:crypto`.
 * @throws {ConfigError} `ERR_CONFIG` always.
 */
export function createSigV4aVerifier(_credentials: unknown): never {
  return unsupported();
}
