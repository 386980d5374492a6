/**
 * SigV4 key derivation (the HMAC chain `AWS4<secret>` -> date -> region -> service ->
 * `aws4_request`) and a bounded per-instance cache of derived keys.
 */
import { createHash, createHmac, hash as oneShotHash } from 'node:crypto';
import type { AwsCredentials } from './aws-credentials.js';
import { SCOPE_TERMINATOR } from './constants.js';

/** A binary string or bytes, as `node:crypto` accepts. */
export type CryptoInput = string | Uint8Array;

const hasOneShotHash = typeof oneShotHash === 'function';

/** Hex SHA-256 of a string (UTF-8) or bytes. */
export function sha256Hex(data: CryptoInput): string {
  return hasOneShotHash ? oneShotHash('sha256', data, 'hex') : createHash('sha256').update(data).digest('hex');
}

/** HMAC-SHA256 of `data` under `key`, as bytes. */
export function hmac(key: CryptoInput, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/** HMAC-SHA256 of `data` under `key`, as lower-case hex (a signature). */
export function hmacHex(key: CryptoInput, data: string): string {
  return createHmac('sha256', key).update(data).digest('hex');
}

const BLOCK = 64; // SHA-256 block size in bytes

/**
 * Returns HMAC-SHA256-as-hex under one fixed key, for signing many strings with the same key: it
 * computes RFC 2104's two hashes with one-shot SHA-256 over precomputed key pads instead of creating
 * an `Hmac` object per call (about a third of a signature's cost with a cached key). Same output as
 * {@link hmacHex}. The returned function holds key material: never log it.
 * @example `const sign = createHmacHex(signingKey); const signature = sign(stringToSign);`
 */
export function createHmacHex(key: Uint8Array): (data: string) => string {
  if (!hasOneShotHash) return (data) => hmacHex(key, data);
  const k = key.byteLength > BLOCK ? oneShotHash('sha256', key, 'buffer') : key;
  let inner = Buffer.alloc(BLOCK + 256);
  const outer = Buffer.alloc(BLOCK + 32);
  for (let i = 0; i < BLOCK; i++) {
    const byte = i < k.byteLength ? k[i]! : 0;
    inner[i] = byte ^ 0x36;
    outer[i] = byte ^ 0x5c;
  }
  return (data) => {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: grow first so write() never truncates.
    if (inner.byteLength < BLOCK + 3 * data.length) {
      const grown = Buffer.alloc(BLOCK + 3 * data.length);
      inner.copy(grown, 0, 0, BLOCK);
      inner = grown;
    }
    const length = inner.write(data, BLOCK, 'utf8');
    const innerHash = oneShotHash('sha256', inner.subarray(0, BLOCK + length), 'buffer');
    outer.set(innerHash, BLOCK);
    return oneShotHash('sha256', outer, 'hex');
  };
}

/**
 * Derives the SigV4 signing key for one day, region and service. The result is key material:
 * never log it.
 * @example `const key = deriveSigningKey(secret, '20150830', 'us-east-1', 'iam');`
 */
export function deriveSigningKey(secretAccessKey: string, shortDate: string, region: string, service: string): Buffer {
  const kDate = hmac(`AWS4${secretAccessKey}`, shortDate);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, SCOPE_TERMINATOR);
}

/** A bounded LRU cache of derived signing keys, owned by one signer (or verifier). */
export interface SigningKeyCache {
  /** The signing key for these credentials and scope, derived on a miss. */
  get(credentials: Pick<AwsCredentials, 'accessKeyId' | 'secretAccessKey'>, shortDate: string, region: string, service: string): Buffer;
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
  const keys = new Map<string, Buffer>();
  let lastSecret: string | undefined;
  let lastFingerprint = '';
  let lastId: string | undefined;
  let lastKey: Buffer | undefined;
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
