/**
 * Server-side SigV4 verification with S3's error codes: the `Authorization` header and presigned
 * query forms, credential scope, time window, signed headers, session token and signature.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html
 */
import { timingSafeEqual } from '#platform/sigv4-crypto';
import { createSigV4aVerifier } from '#platform/sigv4a';
import { bytesToHex, systemClock, utf8Bytes } from '@s3kit/primitives';
import type { Clock, HttpRequest } from '@s3kit/primitives';
import { formatAmzDate } from './amz-date.js';
import { canonicalHeaderValue, canonicalQuery, canonicalRequest, canonicalUri, credentialScope, encodeComponent, stringToSign } from './canonical.js';
import type { CanonicalHeaders } from './canonical.js';
import {
  ALGORITHM,
  MAX_PRESIGN_EXPIRES,
  SCOPE_TERMINATOR,
  STREAMING_SIGNED_PAYLOAD,
  STREAMING_SIGNED_PAYLOAD_TRAILER,
  STREAMING_SIGV4A_PAYLOAD,
  STREAMING_SIGV4A_PAYLOAD_TRAILER,
  STREAMING_UNSIGNED_PAYLOAD_TRAILER,
  UNSIGNED_PAYLOAD,
  SIGV4A_ALGORITHM,
} from './constants.js';
import { payloadHashOf } from './payload.js';
import { deriveSigningKey, hmacHex, sha256Hex } from './signing-key.js';
import { SignatureVerificationError, verifyErrors } from './verify-error.js';
import { createVerifiedSigV4aKey, createVerifiedSigningKey } from './verify-signing-key.js';
import type { VerifiedSigningKey } from './verify-signing-key.js';

/**
 * How the body of a verified request is protected, from its `x-amz-content-sha256`. The signed
 * streaming modes cover both algorithms: `STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]` (SigV4) and
 * `STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD[-TRAILER]` (SigV4a).
 */
export type PayloadMode = 'signed' | 'unsigned' | 'streaming-signed' | 'streaming-signed-trailer' | 'streaming-unsigned-trailer';

/** What {@link VerifyRequestOptions.lookupSecret} returns for a known access key. */
export interface VerifierSecret {
  /** The secret access key (key material: never log it). */
  secretAccessKey: string;
  /** Session token the key requires (temporary credentials); requests must send exactly this. */
  sessionToken?: string | undefined;
}

/** Options of {@link verifyRequest}. */
export interface VerifyRequestOptions {
  /** Finds the secret of an access key id; `undefined` for an unknown key (`InvalidAccessKeyId`). */
  lookupSecret: (accessKeyId: string) => Promise<VerifierSecret | undefined>;
  /**
   * Server time source.
   * @default systemClock
   */
  clock?: Clock | undefined;
  /** The server's region; when set, a credential scope naming another region is rejected. */
  region?: string | undefined;
  /**
   * The service name expected in the credential scope.
   * @default 's3'
   */
  service?: string | undefined;
  /**
   * Canonical URI rules: `false` for S3 (path as sent), `true` for other AWS services.
   * @default false
   */
  uriEscapePath?: boolean | undefined;
  /**
   * Largest accepted difference between the request time and the server time, in ms.
   * @default 900000 (15 minutes)
   */
  maxSkewMs?: number | undefined;
}

/** A request whose signature was verified. */
export interface VerifiedRequest {
  /** Access key id that signed the request. */
  accessKeyId: string;
  /** `header` (`Authorization`) or `query` (presigned URL). */
  authType: 'header' | 'query';
  /** `AWS4-HMAC-SHA256` (SigV4) or `AWS4-ECDSA-P256-SHA256` (SigV4a). */
  algorithm: typeof ALGORITHM | typeof SIGV4A_ALGORITHM;
  /** How the body is protected; check it with {@link verifyPayload} or {@link verifyAwsChunked}. */
  payloadMode: PayloadMode;
  /** The payload hash that was signed (hex SHA-256 or one of the special values). */
  payloadHash: string;
  /**
   * Opaque handle on the key that checks chunk and trailer signatures ({@link verifyAwsChunked}):
   * SigV4's signing key, or SigV4a's public key. Not serializable.
   */
  signingKey?: VerifiedSigningKey;
  /** The request's signature, which seeds the chunk signature chain. */
  seedSignature: string;
  /** `x-amz-date` (or `X-Amz-Date`) of the request. */
  amzDate: string;
  /** Credential scope `date/region/service/aws4_request` (`date/service/aws4_request` for SigV4a). */
  credentialScope: string;
  /**
   * Region named in the credential scope; for SigV4a, the server's region (which the region set
   * includes), or the region set as sent when the server has no region.
   */
  region: string;
  /** SigV4a region set (`x-amz-region-set` / `X-Amz-Region-Set`), split on commas. */
  regionSet?: readonly string[];
  /** Service named in the credential scope. */
  service: string;
  /** Signed header names, sorted. */
  signedHeaders: readonly string[];
  /** `x-amz-decoded-content-length` of a streaming upload. */
  decodedContentLength?: number;
  /** Trailer names announced in `x-amz-trailer`, lower-case. */
  trailerNames?: readonly string[];
  /** When a presigned URL expires (epoch ms). */
  expiresAt?: number;
}

/** Default maximum clock skew: 15 minutes. */
export const DEFAULT_MAX_SKEW_MS = 900_000;

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const HEX64 = /^[0-9a-fA-F]{64}$/;
const SIGNATURE = /^[0-9a-f]{64}$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
const CREDENTIAL_FORMAT = 'the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".';
const CREDENTIAL_FORMAT_V4A = 'the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/SERVICE/aws4_request".';
const DER_HEX = /^(?:[0-9a-f]{2}){8,80}$/;

/** Credential parts as [akid, date, region, service, terminator]; SigV4a has no region (`''`). */
function splitCredential(credential: string, v4a: boolean): string[] | undefined {
  const parts = credential.split('/');
  if (parts.length !== (v4a ? 4 : 5) || parts.some((p) => p === '')) return undefined;
  if (v4a) parts.splice(2, 0, '');
  return parts;
}

/** Whether a SigV4a region set (`*`, `us-*`, names) includes `region`. */
function regionSetIncludes(regionSet: string, region: string): boolean {
  return regionSet.split(',').some((entry) => {
    const e = entry.trim();
    return e.endsWith('*') ? region.startsWith(e.slice(0, -1)) : e === region;
  });
}
const QUERY_PARAMS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Expires'] as const;
// Headers the signer leaves out of presigned URLs (the client computes them when sending).
const PRESIGN_UNSIGNED_AMZ = /^(?:x-amz-checksum-|x-amz-sdk-checksum-algorithm$|x-amz-content-sha256$|x-amz-trailer$|x-amz-decoded-content-length$)/;

/** Whether a request carries header auth, presigned query auth, or none (anonymous). */
export function getAuthType(request: Pick<HttpRequest, 'headers' | 'query'>): 'header' | 'query' | 'none' {
  if (request.headers.authorization !== undefined) return 'header';
  const q = request.query;
  if (q && (q['X-Amz-Algorithm'] !== undefined || q['X-Amz-Credential'] !== undefined || q['X-Amz-Signature'] !== undefined)) return 'query';
  return 'none';
}

function parseAmzDate(value: string): number | undefined {
  const m = AMZ_DATE.exec(value);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return formatAmzDate(ms).long === value ? ms : undefined; // rejects 20130230, hour 24, ...
}

function hostHeader(request: HttpRequest): string {
  const host = request.hostname.includes(':') && !request.hostname.startsWith('[') ? `[${request.hostname}]` : request.hostname;
  const defaultPort = request.protocol === 'https:' ? 443 : 80;
  return request.port === undefined || request.port === defaultPort ? host : `${host}:${request.port}`;
}

function hexBytes(text: string): string {
  return bytesToHex(utf8Bytes(text)).replace(/(..)(?!$)/g, '$1 ');
}

function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(utf8Bytes(a), utf8Bytes(b));
}

interface ParsedAuth {
  authType: 'header' | 'query';
  algorithm: typeof ALGORITHM | typeof SIGV4A_ALGORITHM;
  regionSet?: string | undefined;
  accessKeyId: string;
  scopeDate: string;
  scopeRegion: string;
  scopeService: string;
  scopeTerminator: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  dateMs: number;
  expires?: number;
  token?: string | undefined;
}

function parseHeaderAuth(request: HttpRequest): ParsedAuth {
  const header = request.headers.authorization!;
  const space = header.indexOf(' ');
  const algorithm = space < 0 ? header : header.slice(0, space);
  if (algorithm !== ALGORITHM && algorithm !== SIGV4A_ALGORITHM) throw verifyErrors.invalidArgument('Unsupported Authorization Type', 'Authorization');
  const v4a = algorithm === SIGV4A_ALGORITHM;
  const fields = new Map<string, string>();
  for (const part of header.slice(space + 1).split(',')) {
    const item = part.trim();
    const eq = item.indexOf('=');
    const name = eq < 0 ? item : item.slice(0, eq);
    if (eq < 0 || !['Credential', 'SignedHeaders', 'Signature'].includes(name) || fields.has(name)) {
      throw verifyErrors.malformedHeader(`the authorization component "${name.slice(0, 64)}" is malformed.`);
    }
    fields.set(name, item.slice(eq + 1));
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (credential === undefined || signedHeaders === undefined || signature === undefined) {
    throw verifyErrors.malformedHeader('the authorization header requires three components: Credential, SignedHeaders, and Signature.');
  }
  const parts = splitCredential(credential, v4a);
  if (!parts) throw verifyErrors.malformedHeader(v4a ? CREDENTIAL_FORMAT_V4A : CREDENTIAL_FORMAT);
  const regionSet = request.headers['x-amz-region-set'];
  if (v4a && regionSet === undefined) throw verifyErrors.malformedHeader('the x-amz-region-set header is required with AWS4-ECDSA-P256-SHA256.');
  const amzDate = request.headers['x-amz-date'];
  const dateMs = amzDate === undefined ? undefined : parseAmzDate(amzDate);
  if (dateMs === undefined) throw verifyErrors.accessDenied('AWS authentication requires a valid Date or x-amz-date header');
  const names = signedHeaders.split(';');
  if (names.some((n) => !HEADER_NAME.test(n))) throw verifyErrors.malformedHeader('the authorization component "SignedHeaders" is malformed.');
  return {
    authType: 'header',
    algorithm,
    regionSet: v4a ? regionSet : undefined,
    accessKeyId: parts[0]!,
    scopeDate: parts[1]!,
    scopeRegion: parts[2]!,
    scopeService: parts[3]!,
    scopeTerminator: parts[4]!,
    signedHeaders: names,
    signature,
    amzDate: amzDate!,
    dateMs,
    token: request.headers['x-amz-security-token'],
  };
}

function parseQueryAuth(request: HttpRequest): ParsedAuth {
  const q = request.query!;
  const values: Partial<Record<(typeof QUERY_PARAMS)[number], string>> = {};
  for (const name of QUERY_PARAMS) {
    const v = q[name];
    if (typeof v !== 'string') {
      throw verifyErrors.queryError(
        'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
      );
    }
    values[name] = v;
  }
  const algorithm = values['X-Amz-Algorithm']!;
  if (algorithm !== ALGORITHM && algorithm !== SIGV4A_ALGORITHM) {
    throw verifyErrors.queryError(`X-Amz-Algorithm only supports "${ALGORITHM}" and "${SIGV4A_ALGORITHM}"`);
  }
  const v4a = algorithm === SIGV4A_ALGORITHM;
  const regionSet = q['X-Amz-Region-Set'];
  if (v4a && typeof regionSet !== 'string') throw verifyErrors.queryError('X-Amz-Region-Set is required once with AWS4-ECDSA-P256-SHA256');
  const amzDate = values['X-Amz-Date']!;
  const dateMs = parseAmzDate(amzDate);
  if (dateMs === undefined) throw verifyErrors.queryError(`X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`);
  const expiresText = values['X-Amz-Expires']!;
  if (!/^-?\d{1,12}$/.test(expiresText)) throw verifyErrors.queryError('X-Amz-Expires should be a number');
  const expires = Number(expiresText);
  if (expires < 0) throw verifyErrors.queryError('X-Amz-Expires must be non-negative');
  if (expires > MAX_PRESIGN_EXPIRES) throw verifyErrors.queryError(`X-Amz-Expires must be less than a week (in seconds) that is ${MAX_PRESIGN_EXPIRES}`);
  const parts = splitCredential(values['X-Amz-Credential']!, v4a);
  if (!parts) throw verifyErrors.queryError(`Error parsing the X-Amz-Credential parameter; ${v4a ? CREDENTIAL_FORMAT_V4A : CREDENTIAL_FORMAT}`);
  const names = values['X-Amz-SignedHeaders']!.split(';');
  if (names.some((n) => !HEADER_NAME.test(n))) throw verifyErrors.queryError('Error parsing the X-Amz-SignedHeaders parameter');
  const token = q['X-Amz-Security-Token'];
  if (token !== undefined && typeof token !== 'string') throw verifyErrors.queryError('X-Amz-Security-Token must appear once');
  return {
    authType: 'query',
    algorithm,
    regionSet: v4a ? (regionSet as string) : undefined,
    accessKeyId: parts[0]!,
    scopeDate: parts[1]!,
    scopeRegion: parts[2]!,
    scopeService: parts[3]!,
    scopeTerminator: parts[4]!,
    signedHeaders: names,
    signature: values['X-Amz-Signature']!,
    amzDate,
    dateMs,
    expires,
    token,
  };
}

function checkScope(auth: ParsedAuth, region: string | undefined, service: string): void {
  const fail = (reason: string, details?: Record<string, string>): SignatureVerificationError =>
    auth.authType === 'header' ? verifyErrors.malformedHeader(reason, details) : verifyErrors.queryError(`Error parsing the X-Amz-Credential parameter; ${reason}`, details);
  if (auth.scopeDate !== auth.amzDate.slice(0, 8)) {
    throw fail(`Invalid credential date "${auth.scopeDate.slice(0, 16)}". This date is not the same as X-Amz-Date: "${auth.amzDate.slice(0, 8)}".`);
  }
  if (auth.regionSet !== undefined) {
    if (region !== undefined && !regionSetIncludes(auth.regionSet, region)) {
      throw fail(`the region set '${auth.regionSet.slice(0, 128)}' does not include '${region}'`, { Region: region });
    }
  } else if (region !== undefined && auth.scopeRegion !== region) {
    throw fail(`the region '${auth.scopeRegion.slice(0, 64)}' is wrong; expecting '${region}'`, { Region: region });
  }
  if (auth.scopeService !== service) throw fail(`incorrect service "${auth.scopeService.slice(0, 64)}". This endpoint belongs to "${service}".`);
  if (auth.scopeTerminator !== SCOPE_TERMINATOR) {
    throw fail(`incorrect terminal "${auth.scopeTerminator.slice(0, 64)}". This endpoint uses "${SCOPE_TERMINATOR}".`);
  }
}

function checkTime(auth: ParsedAuth, now: number, maxSkewMs: number): number | undefined {
  const serverTime = new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (auth.expires === undefined) {
    if (Math.abs(now - auth.dateMs) > maxSkewMs) {
      throw new SignatureVerificationError('RequestTimeTooSkewed', 403, 'The difference between the request time and the current time is too large.', {
        RequestTime: auth.amzDate,
        ServerTime: serverTime,
        MaxAllowedSkewMilliseconds: String(maxSkewMs),
      });
    }
    return undefined;
  }
  const expiresAt = auth.dateMs + auth.expires * 1000;
  if (auth.dateMs - now > maxSkewMs) {
    throw verifyErrors.accessDenied('Request is not yet valid', { 'X-Amz-Date': auth.amzDate, ServerTime: serverTime });
  }
  if (now > expiresAt) {
    throw verifyErrors.accessDenied('Request has expired', {
      'X-Amz-Expires': String(auth.expires),
      Expires: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ServerTime: serverTime,
    });
  }
  return expiresAt;
}

function checkSignedHeaders(request: HttpRequest, auth: ParsedAuth, signed: ReadonlySet<string>): void {
  const missing: string[] = [];
  if (!signed.has('host')) missing.push('host');
  for (const name in request.headers) {
    if (!name.startsWith('x-amz-') || signed.has(name)) continue;
    if (auth.authType === 'query' && PRESIGN_UNSIGNED_AMZ.test(name)) continue;
    missing.push(name);
  }
  if (missing.length > 0) {
    throw verifyErrors.accessDenied('There were headers present in the request which were not signed', { HeadersNotSigned: missing.join(', ') });
  }
}

/** The payload mode of `hash` under `algorithm`: each algorithm signs chunks with its own streaming values. */
function payloadModeOf(hash: string, algorithm: ParsedAuth['algorithm']): PayloadMode | undefined {
  const v4a = algorithm === SIGV4A_ALGORITHM;
  switch (hash) {
    case UNSIGNED_PAYLOAD:
      return 'unsigned';
    case v4a ? STREAMING_SIGV4A_PAYLOAD : STREAMING_SIGNED_PAYLOAD:
      return 'streaming-signed';
    case v4a ? STREAMING_SIGV4A_PAYLOAD_TRAILER : STREAMING_SIGNED_PAYLOAD_TRAILER:
      return 'streaming-signed-trailer';
    case STREAMING_UNSIGNED_PAYLOAD_TRAILER:
      return 'streaming-unsigned-trailer';
    default:
      return HEX64.test(hash) ? 'signed' : undefined;
  }
}

function resolvePayloadHash(request: HttpRequest, auth: ParsedAuth, signed: ReadonlySet<string>, uriEscapePath: boolean, service: string): string {
  const header = request.headers['x-amz-content-sha256'];
  if (auth.authType === 'query') {
    if (uriEscapePath) return payloadHashOf(request.body) ?? UNSIGNED_PAYLOAD;
    return header !== undefined && signed.has('x-amz-content-sha256') ? header : UNSIGNED_PAYLOAD;
  }
  if (header === undefined) {
    const computed = service === 's3' ? undefined : payloadHashOf(request.body);
    if (computed === undefined) throw verifyErrors.invalidRequest('Missing required header for this request: x-amz-content-sha256');
    return computed;
  }
  return header;
}

/**
 * Verifies the SigV4 signature of a received request, as strictly as S3 does, and reports how its
 * body must be checked. Only the headers named in `SignedHeaders` are canonicalized.
 *
 * @throws SignatureVerificationError with S3's code: `AccessDenied` (403: no auth, unsigned
 *   `host`/`x-amz-*` headers, bad `x-amz-date`, presigned URL expired or not yet valid),
 *   `InvalidArgument` (400: unsupported algorithm or bad `x-amz-content-sha256`),
 *   `AuthorizationHeaderMalformed` (400: bad header, credential scope, wrong region with `Region`
 *   detail), `AuthorizationQueryParametersError` (400: presigned parameters), `RequestTimeTooSkewed`
 *   (403), `InvalidRequest` (400: missing `x-amz-content-sha256`), `MissingContentLength` (411:
 *   streaming without `x-amz-decoded-content-length`), `InvalidAccessKeyId` (403), `InvalidToken`
 *   (400), `SignatureDoesNotMatch` (403, details `CanonicalRequest` and `StringToSign`).
 * @example
 * ```ts
 * const verified = await verifyRequest(request, { lookupSecret: async (id) => users.get(id), region: 'us-east-1' });
 * if (verified.payloadMode === 'signed') verifyPayload(body, verified);
 * ```
 */
export async function verifyRequest(request: HttpRequest, options: VerifyRequestOptions): Promise<VerifiedRequest> {
  const service = options.service ?? 's3';
  const uriEscapePath = options.uriEscapePath ?? false;
  const clock = options.clock ?? systemClock;
  const maxSkewMs = options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;

  const type = getAuthType(request);
  if (type === 'none') throw verifyErrors.accessDenied();
  if (type === 'header' && getAuthType({ headers: {}, query: request.query ?? {} }) === 'query') {
    throw verifyErrors.invalidArgument(
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
      'Authorization',
    );
  }
  const auth = type === 'header' ? parseHeaderAuth(request) : parseQueryAuth(request);
  checkScope(auth, options.region, service);
  const expiresAt = checkTime(auth, clock.now(), maxSkewMs);
  const signedNames = [...new Set(auth.signedHeaders)].sort();
  const signed = new Set(signedNames);
  checkSignedHeaders(request, auth, signed);

  const payloadHash = resolvePayloadHash(request, auth, signed, uriEscapePath, service);
  const payloadMode = payloadModeOf(payloadHash, auth.algorithm);
  if (payloadMode === undefined || (auth.authType === 'query' && payloadMode !== 'signed' && payloadMode !== 'unsigned')) {
    const chunked = auth.algorithm === SIGV4A_ALGORITHM ? [STREAMING_SIGV4A_PAYLOAD, STREAMING_SIGV4A_PAYLOAD_TRAILER] : [STREAMING_SIGNED_PAYLOAD, STREAMING_SIGNED_PAYLOAD_TRAILER];
    throw verifyErrors.invalidArgument(
      `x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, ${chunked.join(', ')}, or a valid sha256 value.`,
      'x-amz-content-sha256',
      payloadHash.slice(0, 128),
    );
  }
  let decodedContentLength: number | undefined;
  if (payloadMode.startsWith('streaming')) {
    const text = request.headers['x-amz-decoded-content-length'];
    if (text === undefined || !/^\d{1,15}$/.test(text)) {
      throw new SignatureVerificationError('MissingContentLength', 411, 'You must provide the Content-Length HTTP header.');
    }
    decodedContentLength = Number(text);
  }

  const secret = await options.lookupSecret(auth.accessKeyId);
  if (!secret) {
    throw new SignatureVerificationError('InvalidAccessKeyId', 403, 'The AWS Access Key Id you provided does not exist in our records.', {
      AWSAccessKeyId: auth.accessKeyId.slice(0, 128),
    });
  }
  const required = secret.sessionToken;
  if (auth.token === undefined ? required !== undefined : required === undefined || !safeEqual(auth.token, required)) {
    throw new SignatureVerificationError('InvalidToken', 400, 'The provided token is malformed or otherwise invalid.');
  }

  // Canonical headers over exactly the signed names, in sorted order; absent ones sign as empty.
  let canonical = '';
  for (const name of signedNames) {
    const value = request.headers[name] ?? (name === 'host' ? hostHeader(request) : '');
    canonical += `${name}:${canonicalHeaderValue(value)}\n`;
  }
  const headers: CanonicalHeaders = { canonical, signedHeaders: signedNames.join(';') };
  const query = canonicalQuery(request.query, auth.authType === 'query' ? 'X-Amz-Signature' : undefined);
  const creq = canonicalRequest(request.method, canonicalUri(request.path, uriEscapePath), query, headers, payloadHash);
  const v4a = auth.algorithm === SIGV4A_ALGORITHM;
  const scope = v4a ? `${auth.scopeDate}/${auth.scopeService}/${SCOPE_TERMINATOR}` : credentialScope(auth.scopeDate, auth.scopeRegion, auth.scopeService);
  const sts = stringToSign(auth.algorithm, auth.amzDate, scope, sha256Hex(creq));
  let handle: VerifiedSigningKey;
  let valid: boolean;
  if (v4a) {
    const verify = createSigV4aVerifier({ accessKeyId: auth.accessKeyId, secretAccessKey: secret.secretAccessKey });
    valid = DER_HEX.test(auth.signature) && verify(sts, auth.signature);
    handle = createVerifiedSigV4aKey(verify);
  } else {
    const key = deriveSigningKey(secret.secretAccessKey, auth.scopeDate, auth.scopeRegion, auth.scopeService);
    valid = SIGNATURE.test(auth.signature) && safeEqual(hmacHex(key, sts), auth.signature);
    handle = createVerifiedSigningKey(key);
  }
  if (!valid) {
    let shown = creq;
    if (auth.token) shown = shown.split(encodeComponent(auth.token)).join('[REDACTED]').split(auth.token).join('[REDACTED]');
    throw verifyErrors.mismatch({
      AWSAccessKeyId: auth.accessKeyId,
      StringToSign: sts,
      StringToSignBytes: hexBytes(sts),
      CanonicalRequest: shown,
      CanonicalRequestBytes: hexBytes(shown),
    });
  }

  const result: VerifiedRequest = {
    accessKeyId: auth.accessKeyId,
    authType: auth.authType,
    algorithm: auth.algorithm,
    payloadMode,
    payloadHash,
    seedSignature: auth.signature,
    amzDate: auth.amzDate,
    credentialScope: scope,
    region: v4a ? (options.region ?? auth.regionSet!) : auth.scopeRegion,
    service: auth.scopeService,
    signedHeaders: signedNames,
    signingKey: handle,
  };
  if (auth.regionSet !== undefined) result.regionSet = auth.regionSet.split(',').map((r) => r.trim());
  if (decodedContentLength !== undefined) result.decodedContentLength = decodedContentLength;
  const trailer = request.headers['x-amz-trailer'];
  if (trailer !== undefined) result.trailerNames = trailer.split(',').map((t) => t.trim().toLowerCase()).filter((t) => t !== '');
  if (expiresAt !== undefined) result.expiresAt = expiresAt;
  return result;
}
