/**
 * HMAC (RFC 2104) over the mock's hashes, so SigV2 and POST-form signatures verify in every runtime
 * (`node:crypto`'s `createHmac` where it exists is not needed: the mock's `createHash` is enough).
 */
import { utf8Bytes } from '@s3kit/primitives';
import { createHash } from '#platform/mock-crypto';

/** Block size of SHA-1 and SHA-256, in bytes. */
const BLOCK = 64;

/** HMAC of `data` under `key` (strings as UTF-8) with SHA-1 or SHA-256, as bytes. */
export function hmac(algorithm: 'sha1' | 'sha256', key: string | Uint8Array, data: string | Uint8Array): Uint8Array {
  let k = typeof key === 'string' ? utf8Bytes(key) : key;
  if (k.byteLength > BLOCK) k = createHash(algorithm).update(k).digest();
  const inner = new Uint8Array(BLOCK);
  const outer = new Uint8Array(BLOCK);
  for (let i = 0; i < BLOCK; i++) {
    const byte = k[i] ?? 0;
    inner[i] = byte ^ 0x36;
    outer[i] = byte ^ 0x5c;
  }
  const innerDigest = createHash(algorithm).update(inner).update(data).digest();
  return createHash(algorithm).update(outer).update(innerDigest).digest();
}

/** Whether two signatures are equal, in time that depends only on their length. */
export function sameSignature(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
