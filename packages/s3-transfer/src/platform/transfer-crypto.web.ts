/**
 * MD5 and random ids where `node:crypto` is missing (browsers, workerd): primitives' plain-JavaScript
 * MD5 behind the part of `createHash` s3-transfer uses, and WebCrypto's `randomUUID`.
 */
import { bytesToHex, createJsHash } from '@s3kit/primitives';
import type { JsHashAlgorithm } from '@s3kit/primitives';

/** An incremental hash whose digest is read once, as hex. */
export interface Hash {
  update(data: Uint8Array | string): Hash;
  digest(encoding: 'hex'): string;
}

/** Starts an `md5` (or `sha1`, `sha256`) hash. */
export function createHash(algorithm: string): Hash {
  const hash = createJsHash(algorithm as JsHashAlgorithm);
  const self: Hash = {
    update(data) {
      hash.update(data);
      return self;
    },
    digest: () => bytesToHex(hash.digest()),
  };
  return self;
}

/** A random RFC 4122 version 4 id. */
export function randomUUID(): string {
  return globalThis.crypto.randomUUID();
}
