/** SigV4a's ECDSA P-256 signing and verification, with `node:crypto` (Node, Bun, Deno). */
import { verify as ecdsaVerify } from 'node:crypto';
import type { AwsCredentials } from '../aws-credentials.js';
import { deriveSigV4aKeyPair } from '../sigv4a-key.js';

export { createSigV4aSigner } from '../sigv4a-signer.js';
export { createSigV4aChunkSigner } from '../sigv4a-chunk-signer.js';
export { deriveSigV4aKeyPair, deriveSigV4aPrivateScalar, sigV4aPublicKeyFromCoordinates } from '../sigv4a-key.js';

/**
 * Checks SigV4a signatures (hex DER) under the public key of these credentials, derived once: for a
 * request and then each of its aws-chunked chunks.
 */
export function createSigV4aVerifier(credentials: Pick<AwsCredentials, 'accessKeyId' | 'secretAccessKey'>): (stringToSign: string, signatureHex: string) => boolean {
  const { publicKey } = deriveSigV4aKeyPair(credentials);
  return (stringToSign, signatureHex) =>
    ecdsaVerify('sha256', Buffer.from(stringToSign, 'utf8'), { key: publicKey, dsaEncoding: 'der' }, Buffer.from(signatureHex, 'hex'));
}
