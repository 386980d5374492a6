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
export { signPostPolicy, signPostPolicyDocument } from './post-policy.js';
export type { PostPolicyCondition, PostPolicyOptions, PostPolicyResult, PostPolicySigningContext, PostPolicyDocumentResult } from './post-policy.js';
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
  SIGV4A_ALGORITHM,
  SIGV4A_CHUNK_ALGORITHM,
  SIGV4A_TRAILER_ALGORITHM,
  STREAMING_SIGV4A_PAYLOAD,
  STREAMING_SIGV4A_PAYLOAD_TRAILER,
  SIGV4A_CHUNK_SIGNATURE_LENGTH,
} from './constants.js';
export { chain } from './credentials/chain.js';
export { memoize } from './credentials/memoize.js';
export { credentialsNotFound, isCredentialsNotFound } from './credentials/errors.js';
export { fromStatic } from './credentials/from-static.js';
export { fromEnv } from './credentials/from-env.js';
export { fromIni } from './credentials/from-ini.js';
export { fromProcess, nodeExecFile } from './credentials/from-process.js';
export { fromWebIdentity } from './credentials/from-web-identity.js';
export { fromContainer } from './credentials/from-container.js';
export { fromImds } from './credentials/from-imds.js';
export { createDefaultCredentialsProvider } from './credentials/default-provider.js';
export { assumeRole, assumeRoleWithWebIdentity } from './credentials/sts-client.js';
export { StsServiceError, isStsServiceError } from './credentials/sts-error.js';
export type { MemoizeOptions, MemoizedCredentialsProvider } from './credentials/memoize.js';
export type { FromEnvOptions } from './credentials/from-env.js';
export type { FromIniOptions, MfaCodeProvider } from './credentials/from-ini.js';
export type { FromProcessOptions, ExecFile, ExecFileOptions, ExecResult } from './credentials/from-process.js';
export type { FromWebIdentityOptions } from './credentials/from-web-identity.js';
export type { FromContainerOptions } from './credentials/from-container.js';
export type { FromImdsOptions } from './credentials/from-imds.js';
export type { DefaultCredentialsProviderOptions } from './credentials/default-provider.js';
export type { StsCallOptions, AssumeRoleParams, AssumeRoleWithWebIdentityParams } from './credentials/sts-client.js';
export type { StsServiceErrorOptions } from './credentials/sts-error.js';
export { verifyRequest, getAuthType, DEFAULT_MAX_SKEW_MS } from './verify-request.js';
export type { VerifyRequestOptions, VerifiedRequest, VerifierSecret, PayloadMode } from './verify-request.js';
export { SignatureVerificationError, isSignatureVerificationError } from './verify-error.js';
export { verifyPayload, verifyPayloadStream } from './verify-payload.js';
export { verifyAwsChunked } from './verify-aws-chunked.js';
export type { VerifyAwsChunkedOptions, ChunkedVerification } from './verify-aws-chunked.js';
export type { VerifiedSigningKey } from './verify-signing-key.js';
export { createSigV4aSigner, createSigV4aChunkSigner, deriveSigV4aKeyPair, deriveSigV4aPrivateScalar, sigV4aPublicKeyFromCoordinates } from './sigv4a-exports.js';
export { formatRegionSet } from './region-set.js';
export { CRYPTO_BACKEND } from './signing-key.js';
export type { SigV4aSigner, SigV4aSignerOptions, SigV4aSignOptions, SigV4aPresignOptions, SigV4aStreamingSignOptions } from './sigv4a-signer.js';
export type { SigV4aChunkSignerInit } from './sigv4a-chunk-signer.js';
export type { ChunkedUploadOptions } from './chunked-upload.js';
export type { RegionSet } from './region-set.js';

export type { SigV4aKeyPair } from './sigv4a-key.js';
