/** Algorithm identifier of SigV4 (HMAC-SHA256) in `Authorization`, `X-Amz-Algorithm` and strings to sign. */
export const ALGORITHM = 'AWS4-HMAC-SHA256';
/** Algorithm line of the string to sign of one aws-chunked data chunk. */
export const CHUNK_ALGORITHM = 'AWS4-HMAC-SHA256-PAYLOAD';
/** Algorithm line of the string to sign of the signed trailer chunk. */
export const TRAILER_ALGORITHM = 'AWS4-HMAC-SHA256-TRAILER';
/** Last element of every credential scope. */
export const SCOPE_TERMINATOR = 'aws4_request';

/** `x-amz-content-sha256` value for a body that is not signed (presigned URLs, streams without a known hash). */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
/** `x-amz-content-sha256` value for aws-chunked with a signature per chunk. */
export const STREAMING_SIGNED_PAYLOAD = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
/** `x-amz-content-sha256` value for aws-chunked with signed chunks and a signed trailer. */
export const STREAMING_SIGNED_PAYLOAD_TRAILER = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER';
/** `x-amz-content-sha256` value for aws-chunked with unsigned chunks and an (unsigned) trailer. */
export const STREAMING_UNSIGNED_PAYLOAD_TRAILER = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';
/** Hex SHA-256 of the empty string. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Longest validity of a presigned URL or POST policy: 7 days, in seconds. */
export const MAX_PRESIGN_EXPIRES = 604_800;

/**
 * Header names never signed: hop-by-hop headers and headers that proxies or the runtime add or
 * rewrite (the same list as `@smithy/signature-v4`'s `ALWAYS_UNSIGNABLE_HEADERS`). Names starting
 * with `proxy-` or `sec-` are never signed either.
 */
export const UNSIGNABLE_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'cache-control',
  'connection',
  'expect',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
]);

/** Algorithm identifier of SigV4a in `Authorization`, `X-Amz-Algorithm` and strings to sign. */
export const SIGV4A_ALGORITHM = 'AWS4-ECDSA-P256-SHA256';
/** Algorithm line of the string to sign of one SigV4a aws-chunked data chunk. */
export const SIGV4A_CHUNK_ALGORITHM = 'AWS4-ECDSA-P256-SHA256-PAYLOAD';
/** Algorithm line of the string to sign of the SigV4a signed trailer chunk. */
export const SIGV4A_TRAILER_ALGORITHM = 'AWS4-ECDSA-P256-SHA256-TRAILER';
/** `x-amz-content-sha256` value for aws-chunked with an ECDSA (SigV4a) signature per chunk. */
export const STREAMING_SIGV4A_PAYLOAD = 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD';
/** `x-amz-content-sha256` value for aws-chunked with ECDSA-signed chunks and an ECDSA-signed trailer. */
export const STREAMING_SIGV4A_PAYLOAD_TRAILER = 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER';
/**
 * Length of every SigV4a chunk and trailer signature on the wire: the hex DER ECDSA signature
 * (at most 72 bytes, usually 70 to 72) right-padded with `*` to 144 characters, so the encoded
 * `Content-Length` can be computed before signing, as aws-c-auth and the SDKs built on it do.
 */
export const SIGV4A_CHUNK_SIGNATURE_LENGTH = 144;
