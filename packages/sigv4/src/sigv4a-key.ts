/**
 * SigV4a key derivation: the ECDSA P-256 key pair AWS derives from an access key, with the NIST
 * SP 800-108 KDF in counter mode over HMAC-SHA256 (label `AWS4-ECDSA-P256-SHA256`, context =
 * access key id + counter byte), rejecting candidates above n - 2 (as aws-c-auth
 * `source/key_derivation.c` does).
 */
import { createECDH, createHmac, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { CredentialsError } from '@s3kit/primitives';
import type { AwsCredentials } from './aws-credentials.js';
import { SIGV4A_ALGORITHM } from './constants.js';

export { SIGV4A_ALGORITHM };


/** The order n of the P-256 group, minus 2: the largest accepted KDF output. */
const N_MINUS_2 = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc63254fn;
const MAX_COUNTER = 254;
const PREFIX = Buffer.from([0, 0, 0, 1]); // KDF iteration counter i = 1 (one 256-bit block)
const LENGTH = Buffer.from([0, 0, 1, 0]); // L = 256 bits
const LABEL = Buffer.from(SIGV4A_ALGORITHM, 'latin1');

/** A derived SigV4a key pair. The private key is key material: never log or serialize it. */
export interface SigV4aKeyPair {
  /** ECDSA P-256 private key for `crypto.sign`. */
  readonly privateKey: KeyObject;
  /** The matching public key (what a verifier needs). */
  readonly publicKey: KeyObject;
}

const b64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

/**
 * The private scalar d (32 bytes, big-endian) derived from credentials. Exported for tests and
 * verifiers that need the raw value; prefer {@link deriveSigV4aKeyPair}.
 * @throws CredentialsError `ERR_CREDENTIALS` in the (probability ~2^-8128) case that no counter value gives a valid key.
 */
export function deriveSigV4aPrivateScalar(credentials: Pick<AwsCredentials, 'accessKeyId' | 'secretAccessKey'>): Buffer {
  const inputKey = Buffer.from(`AWS4A${credentials.secretAccessKey}`, 'utf8');
  const accessKeyId = Buffer.from(credentials.accessKeyId, 'utf8');
  for (let counter = 1; counter <= MAX_COUNTER; counter++) {
    const fixedInput = Buffer.concat([PREFIX, LABEL, Buffer.from([0]), accessKeyId, Buffer.from([counter]), LENGTH]);
    const k0 = createHmac('sha256', inputKey).update(fixedInput).digest();
    const candidate = BigInt(`0x${k0.toString('hex')}`);
    if (candidate <= N_MINUS_2) return Buffer.from((candidate + 1n).toString(16).padStart(64, '0'), 'hex');
  }
  throw new CredentialsError('Could not derive a SigV4a key from these credentials');
}

/**
 * Derives the SigV4a ECDSA P-256 key pair of an access key. The same credentials always give the
 * same key pair, so a verifier holding the secret can derive the public key too.
 * @throws CredentialsError `ERR_CREDENTIALS` when no valid key can be derived.
 * @example
 * ```ts
 * const { publicKey } = deriveSigV4aKeyPair({ accessKeyId, secretAccessKey });
 * crypto.verify('sha256', Buffer.from(stringToSign), { key: publicKey, dsaEncoding: 'der' }, signature);
 * ```
 */
export function deriveSigV4aKeyPair(credentials: Pick<AwsCredentials, 'accessKeyId' | 'secretAccessKey'>): SigV4aKeyPair {
  const d = deriveSigV4aPrivateScalar(credentials);
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(d);
  const point = ecdh.getPublicKey(); // 0x04 || X || Y
  const jwk = { kty: 'EC', crv: 'P-256', x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33, 65)) };
  const privateKey = createPrivateKey({ key: { ...jwk, d: b64url(d) }, format: 'jwk' });
  d.fill(0);
  return { privateKey, publicKey: createPublicKey({ key: jwk, format: 'jwk' }) };
}

/**
 * A P-256 public key from its affine coordinates in hex (the form of aws-c-auth's
 * `public-key.json`).
 */
export function sigV4aPublicKeyFromCoordinates(xHex: string, yHex: string): KeyObject {
  return createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64url(Buffer.from(xHex.padStart(64, '0'), 'hex')), y: b64url(Buffer.from(yHex.padStart(64, '0'), 'hex')) },
    format: 'jwk',
  });
}

/**
 * The SigV4a signature of a string to sign: ECDSA P-256 over its SHA-256, DER-encoded, as hex.
 * Randomized: two calls give two different valid signatures.
 */
export function signSigV4a(privateKey: KeyObject, stringToSign: string): string {
  return sign('sha256', Buffer.from(stringToSign, 'utf8'), { key: privateKey, dsaEncoding: 'der' }).toString('hex');
}
