export { createSigner } from './signer.js';
export type {
  SignerOptions,
  SignOptions,
  PresignOptions,
  StreamingMode,
  StreamingSignOptions,
  SigningDebug,
  SignedRequest,
  PresignedRequest,
  Signer,
} from './signer.js';
export type { AwsCredentials, CredentialsProvider, CredentialsProviderOptions } from './aws-credentials.js';
export {
  encodeComponent,
  normalizePath,
  canonicalUri,
  canonicalQuery,
  createHeaderFilter,
  canonicalHeaderValue,
  canonicalHeaders,
  canonicalRequest,
  credentialScope,
  stringToSign,
} from './canonical.js';
export type { HeaderMatcher, SignedHeadersOption, HeaderFilter, CanonicalHeaders } from './canonical.js';
export { sha256Hex, hmac, hmacHex, deriveSigningKey, createSigningKeyCache } from './signing-key.js';
export type { CryptoInput, SigningKeyCache } from './signing-key.js';
export { formatAmzDate } from './amz-date.js';
export type { AmzDate } from './amz-date.js';
export { payloadHashOf, hashStream } from './payload.js';
export type { StreamHash } from './payload.js';
export { createChunkSigner } from './chunk-signer.js';
export type { ChunkSigner, ChunkSignerInit } from './chunk-signer.js';
export { DEFAULT_CHUNK_SIZE, MIN_CHUNK_SIZE, encodeAwsChunked, encodedContentLength } from './aws-chunked.js';
export type { ChunkedTrailer, AwsChunkedOptions, EncodedLengthOptions } from './aws-chunked.js';
export { signPostPolicy } from './post-policy.js';
export type { PostPolicyCondition, PostPolicyOptions, PostPolicyResult, PostPolicySigningContext } from './post-policy.js';
export { assertCredentials, assertScopePart, assertHeaderName, assertExpiresIn } from './validate.js';
export {
  ALGORITHM,
  CHUNK_ALGORITHM,
  TRAILER_ALGORITHM,
  SCOPE_TERMINATOR,
  UNSIGNED_PAYLOAD,
  STREAMING_SIGNED_PAYLOAD,
  STREAMING_SIGNED_PAYLOAD_TRAILER,
  STREAMING_UNSIGNED_PAYLOAD_TRAILER,
  EMPTY_SHA256,
  MAX_PRESIGN_EXPIRES,
  UNSIGNABLE_HEADERS,
} from './constants.js';
