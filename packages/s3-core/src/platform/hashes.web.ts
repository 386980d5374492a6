/**
 * MD5, SHA-1 and SHA-256 for checksums and ETags where `node:crypto` is missing (browsers,
 * workerd): primitives' plain-JavaScript hashes behind the part of `node:crypto`'s `createHash`
 * that s3-core uses.
 */
export { createDigestHash as createHash } from '@s3kit/primitives';
export type { DigestHash as Hash } from '@s3kit/primitives';
