/**
 * SigV4 key derivation (the HMAC chain `AWS4<secret>` -> date -> region -> service ->
 * `aws4_request`) and a bounded per-instance cache of derived keys.
 */
import * as platformCrypto from '#platform/sigv4-crypto';
import type { AwsCredentials } from './aws-credentials.js';
import { SCOPE_TERMINATOR } from './constants.js';

import type { CryptoInput } from './platform/crypto-port.js';

export type { CryptoInput };

// Declared here with their own types (the implementations are `#platform/sigv4-crypto`'s) so the
// published .d.ts never names a `#platform` import, which TypeScript's node10 resolution cannot follow.

/** Hex SHA-256 of a string (UTF-8) or bytes: `node:crypto` where it exists, s3kit's own SHA-256 elsewhere. */
export const sha256Hex: (data: CryptoInput) => string = platformCrypto.sha256Hex;

/** HMAC-SHA256 of `data` under `key`, as bytes. */
export const hmac: (key: CryptoInput, data: string) => Uint8Array = platformCrypto.hmac;

/** HMAC-SHA256 of `data` under `key`, as lower-case hex (a signature). */
export const hmacHex: (key: CryptoInput, data: string) => string = platformCrypto.hmacHex;

/**
 * HMAC-SHA256-as-hex under one fixed key, for signing many strings with the same key (the key pads
 * are hashed once). The returned function holds key material: never log it.
 * @example `const sign = createHmacHex(signingKey); const signature = sign(stringToSign);`
 */
export const createHmacHex: (key: Uint8Array) => (data: string) => string = platformCrypto.createHmacHex;

/** Which implementation hashes and signs here: `node:crypto` (Node, Bun, Deno) or `js` (browsers, workerd). */
export const CRYPTO_BACKEND: 'node:crypto' | 'js' = platformCrypto.CRYPTO_BACKEND;

/**
 * Derives the SigV4 signing key for one day, region and service. The result is key material:
 * never log it.
 * @example `const key = deriveSigningKey(secret, '20150830', 'us-east-1', 'iam');`
 */
export function deriveSigningKey(secretAccessKey: string, shortDate: string, region: string, service: string): Uint8Array {
  const kDate = hmac(`AWS4${secretAccessKey}`, shortDate);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, SCOPE_TERMINATOR);
}

/** A bounded LRU cache of derived signing keys, owned by one signer (or verifier). */
export interface SigningKeyCache {
  /** The signing key for these credentials and scope, derived on a miss. */
  get(credentials: Pick<AwsCredentials, 'accessKeyId' | 'secretAccessKey'>, shortDate: string, region: string, service: string): Uint8Array;
  /** Number of cached keys. */
  readonly size: number;
  /** Drops every cached key. */
  clear(): void;
}

/**
 * Creates a {@link SigningKeyCache} holding at most `maxSize` keys (least recently used evicted).
 * Entries are keyed by date, region, service, access key id and a truncated SHA-256 fingerprint of
 * the secret, so a cache key string never contains the secret.
 * @param maxSize maximum number of keys; `0` disables caching.
 */
export function createSigningKeyCache(maxSize = 50): SigningKeyCache {
  const keys = new Map<string, Uint8Array>();
  let lastSecret: string | undefined;
  let lastFingerprint = '';
  let lastId: string | undefined;
  let lastKey: Uint8Array | undefined;
  let lastCredentials: object | undefined;
  let lastShortDate = '';
  let lastRegion = '';
  let lastService = '';
  const fingerprint = (secret: string): string => {
    if (secret !== lastSecret) {
      lastSecret = secret;
      lastFingerprint = sha256Hex(secret).slice(0, 16);
    }
    return lastFingerprint;
  };
  return {
    get(credentials, shortDate, region, service) {
      // Hot path: same credentials object and scope as last time.
      if (
        lastKey &&
        credentials === lastCredentials &&
        credentials.secretAccessKey === lastSecret &&
        shortDate === lastShortDate &&
        region === lastRegion &&
        service === lastService
      ) {
        return lastKey;
      }
      lastCredentials = credentials;
      lastShortDate = shortDate;
      lastRegion = region;
      lastService = service;
      const id = `${shortDate}/${region}/${service}/${credentials.accessKeyId}/${fingerprint(credentials.secretAccessKey)}`;
      if (id === lastId && lastKey) return lastKey;
      let key = keys.get(id);
      if (key) {
        keys.delete(id);
      } else {
        key = deriveSigningKey(credentials.secretAccessKey, shortDate, region, service);
        if (maxSize <= 0) return key;
        if (keys.size >= maxSize) keys.delete(keys.keys().next().value!);
      }
      keys.set(id, key);
      lastId = id;
      lastKey = key;
      return key;
    },
    get size() {
      return keys.size;
    },
    clear() {
      keys.clear();
      lastId = undefined;
      lastCredentials = undefined;
      lastKey = undefined;
      lastSecret = undefined;
    },
  };
}
