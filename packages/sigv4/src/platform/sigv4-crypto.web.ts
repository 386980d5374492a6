/**
 * SHA-256 and HMAC-SHA256 where `node:crypto` is missing (browsers, workerd), with primitives'
 * plain-JavaScript SHA-256. They stay synchronous, so every sigv4 entry point works here as on Node
 * (`signSync`, `presignSync`, chunk signatures, `verifyRequest`); WebCrypto's digest is asynchronous
 * and one-shot, so it could serve neither those nor incremental payload hashes.
 */
import { bytesToHex, createJsHash, utf8Bytes } from '@s3kit/primitives';
import type { JsHash } from '@s3kit/primitives';
import type { CryptoInput } from './crypto-port.js';

const BLOCK = 64; // SHA-256 block size in bytes

/** Hex SHA-256 of a string (UTF-8) or bytes. */
export function sha256Hex(data: CryptoInput): string {
  return bytesToHex(createJsHash('sha256').update(data).digest());
}

/** The inner and outer hash states of HMAC-SHA256 after their key pads (RFC 2104). */
function keyedStates(key: CryptoInput): [JsHash, JsHash] {
  let k = typeof key === 'string' ? utf8Bytes(key) : key;
  if (k.byteLength > BLOCK) k = createJsHash('sha256').update(k).digest();
  const inner = new Uint8Array(BLOCK);
  const outer = new Uint8Array(BLOCK);
  for (let i = 0; i < BLOCK; i++) {
    const byte = i < k.byteLength ? k[i]! : 0;
    inner[i] = byte ^ 0x36;
    outer[i] = byte ^ 0x5c;
  }
  return [createJsHash('sha256').update(inner), createJsHash('sha256').update(outer)];
}

function finish([inner, outer]: [JsHash, JsHash], data: string): Uint8Array {
  return outer.copy().update(inner.copy().update(data).digest()).digest();
}

/** HMAC-SHA256 of `data` under `key`, as bytes. */
export function hmac(key: CryptoInput, data: string): Uint8Array {
  return finish(keyedStates(key), data);
}

/** HMAC-SHA256 of `data` under `key`, as lower-case hex (a signature). */
export function hmacHex(key: CryptoInput, data: string): string {
  return bytesToHex(hmac(key, data));
}

/**
 * HMAC-SHA256-as-hex under one fixed key: the key pads are hashed once, each call hashes only its
 * data. The returned function holds key material: never log it.
 */
export function createHmacHex(key: Uint8Array): (data: string) => string {
  const states = keyedStates(key);
  return (data) => bytesToHex(finish(states, data));
}

/** An incremental hash shaped like `node:crypto`'s (`createHash('sha256')` is what sigv4 uses). */
export { createDigestHash as createHash } from '@s3kit/primitives';

/** Whether two byte arrays of the same length are equal, in time independent of where they differ. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let diff = 0;
  for (let i = 0; i < a.byteLength; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Which implementation signs here. */
export const CRYPTO_BACKEND: 'node:crypto' | 'js' = 'js';
