/**
 * MD5, SHA-1 and SHA-256 for checksums and ETags where `node:crypto` is missing (browsers,
 * workerd): primitives' plain-JavaScript hashes behind the part of `node:crypto`'s `createHash`
 * that s3-core uses.
 */
import { bytesToHex, createJsHash } from '@s3kit/primitives';
import type { JsHashAlgorithm } from '@s3kit/primitives';

/** An incremental hash: `update` bytes, then `digest()` once (raw bytes, or hex). */
export interface Hash {
  update(data: Uint8Array | string): Hash;
  digest(): Uint8Array;
  digest(encoding: 'hex'): string;
}

/** Starts an `md5`, `sha1` or `sha256` hash. */
export function createHash(algorithm: string): Hash {
  const hash = createJsHash(algorithm as JsHashAlgorithm);
  function digest(): Uint8Array;
  function digest(encoding: 'hex'): string;
  function digest(encoding?: 'hex'): Uint8Array | string {
    const bytes = hash.digest();
    return encoding === 'hex' ? bytesToHex(bytes) : bytes;
  }
  const self: Hash = {
    update(data) {
      hash.update(data);
      return self;
    },
    digest,
  };
  return self;
}
