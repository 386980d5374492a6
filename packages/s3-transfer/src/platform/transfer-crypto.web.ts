/**
 * MD5 and random ids where `node:crypto` is missing (browsers, workerd): primitives' plain-JavaScript
 * MD5 behind the part of `createHash` s3-transfer uses, and WebCrypto's `randomUUID`.
 */
export { createDigestHash as createHash } from '@s3kit/primitives';
export type { DigestHash as Hash } from '@s3kit/primitives';

/** A random RFC 4122 version 4 id. */
export function randomUUID(): string {
  return globalThis.crypto.randomUUID();
}
