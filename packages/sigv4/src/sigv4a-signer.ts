/**
 * The SigV4a signer (`AWS4-ECDSA-P256-SHA256`): one signature valid in a set of regions, for S3
 * Multi-Region Access Points and other multi-region endpoints. Header and presigned-query forms.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
import type { KeyObject } from 'node:crypto';
import { REDACTED, ValidationError, encodeQuery, requestOrigin, systemClock } from '@s3kit/primitives';
import type { Clock, HttpQuery, HttpRequest } from '@s3kit/primitives';
import { createAmzDateFormatter } from './amz-date.js';
import type { AmzDate } from './amz-date.js';
import type { AwsCredentials, CredentialsProvider } from './aws-credentials.js';
import { canonicalHeaders, canonicalQuery, canonicalRequest, canonicalUri, createHeaderFilter, stringToSign } from './canonical.js';
import type { SignedHeadersOption } from './canonical.js';
import { attachChunkedBody, planChunkedUpload } from './chunked-upload.js';
import type { ChunkedUploadOptions } from './chunked-upload.js';
import {
  SCOPE_TERMINATOR,
  SIGV4A_ALGORITHM,
  SIGV4A_CHUNK_SIGNATURE_LENGTH,
  STREAMING_SIGV4A_PAYLOAD,
  STREAMING_SIGV4A_PAYLOAD_TRAILER,
  UNSIGNED_PAYLOAD,
} from './constants.js';
import { payloadHashOf } from './payload.js';
import type { PresignedRequest, SignedRequest, SigningDebug } from './signer.js';
import { createSigV4aChunkSigner } from './sigv4a-chunk-signer.js';
import { deriveSigV4aKeyPair, signSigV4a } from './sigv4a-key.js';
import { formatRegionSet } from './region-set.js';
import type { RegionSet } from './region-set.js';

export { formatRegionSet };
export type { RegionSet };
import type { SigV4aKeyPair } from './sigv4a-key.js';
import { sha256Hex } from './signing-key.js';
import { createCredentialSource } from './credential-source.js';
import { assertExpiresIn, assertScopePart } from './validate.js';

/** Options of {@link createSigV4aSigner}. */
export interface SigV4aSignerOptions {
  /** Static credentials, or a provider called before each signature (memoize inside it). */
  credentials: AwsCredentials | CredentialsProvider;
  /** Regions the signature is valid in, e.g. `'*'` or `['us-east-1', 'us-west-2']`. */
  regionSet: RegionSet;
  /** Signing service name, e.g. `s3`. */
  service: string;
  /**
   * `true`: generic AWS path rules (normalized, encoded again); `false`: S3 rules.
   * @default service !== 's3'
   */
  uriEscapePath?: boolean | undefined;
  /**
   * Whether to send and sign `x-amz-content-sha256` with header signatures.
   * @default !uriEscapePath
   */
  applyChecksum?: boolean | undefined;
  /**
   * Time source.
   * @default systemClock
   */
  clock?: Clock | undefined;
  /**
   * Number of derived key pairs cached by this signer (one per credentials).
   * @default 8
   */
  cacheSize?: number | undefined;
  /** Which headers to sign beyond the defaults. */
  signedHeaders?: SignedHeadersOption | undefined;
}

/** Per-call options of {@link SigV4aSigner.sign}. */
export interface SigV4aSignOptions {
  /** Signing time instead of the clock. */
  signingDate?: Date | number | undefined;
  /** Hex SHA-256 of the body or a special payload value; computed from the body when absent. */
  payloadHash?: string | undefined;
  /** Region set override for this call. */
  regionSet?: RegionSet | undefined;
  /**
   * Add the session token after signing instead of signing it.
   * @default false
   */
  unsignedSessionToken?: boolean | undefined;
  /** Attach `debug: { canonicalRequest, stringToSign }` to the result. */
  debug?: boolean | undefined;
  /** Aborts a pending credentials fetch. */
  signal?: AbortSignal | undefined;
}

/** Options of {@link SigV4aSigner.presign}. */
export interface SigV4aPresignOptions extends SigV4aSignOptions {
  /** Validity in seconds: 1 to 604800 (7 days). */
  expiresIn: number;
}

/** Options of {@link SigV4aSigner.signStreaming}. */
export interface SigV4aStreamingSignOptions extends Omit<SigV4aSignOptions, 'payloadHash'>, ChunkedUploadOptions {}

/** A SigV4a signer bound to credentials, a region set and a service. */
export interface SigV4aSigner {
  /**
   * Signs with an `Authorization: AWS4-ECDSA-P256-SHA256 ...` header, setting `x-amz-date`,
   * `x-amz-region-set`, `x-amz-security-token` and (for S3) `x-amz-content-sha256`.
   * @throws CredentialsError `ERR_CREDENTIALS`, ValidationError `ERR_VALIDATION`.
   */
  sign(request: HttpRequest, options?: SigV4aSignOptions): Promise<SignedRequest>;
  /**
   * Presigns with `X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256`, `X-Amz-Region-Set` and the other
   * `X-Amz-*` query parameters.
   * @throws ValidationError `ERR_VALIDATION` (field `expiresIn`) outside 1..604800.
   */
  presign(request: HttpRequest, options: SigV4aPresignOptions): Promise<PresignedRequest>;
  /**
   * {@link SigV4aSigner.sign} without a promise, for static credentials.
   * @throws ConfigError `ERR_CONFIG` with a credentials provider.
   */
  signSync(request: HttpRequest, options?: SigV4aSignOptions): SignedRequest;
  /** {@link SigV4aSigner.presign} without a promise, for static credentials. */
  presignSync(request: HttpRequest, options: SigV4aPresignOptions): PresignedRequest;
  /**
   * Signs a streaming upload as aws-chunked (`STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD[-TRAILER]`
   * or `STREAMING-UNSIGNED-PAYLOAD-TRAILER`): sets `content-encoding`, `content-length`,
   * `x-amz-decoded-content-length`, `x-amz-trailer`, and replaces the body by the encoded stream, whose
   * chunks and trailer carry ECDSA signatures padded to 144 characters (so `content-length` is exact).
   * @throws ValidationError `ERR_VALIDATION` (a trailer mode without `trailer`, no body, bad sizes),
   *   CredentialsError `ERR_CREDENTIALS`.
   * @example
   * ```ts
   * const signed = await signer.signStreaming({ ...request, body: stream }, { mode: 'signed', decodedContentLength: size });
   * ```
   */
  signStreaming(request: HttpRequest, options: SigV4aStreamingSignOptions): Promise<SignedRequest>;
}

/** A signed request and what its aws-chunked body's signatures chain to. */
interface CoreResult {
  request: SignedRequest;
  signature: string;
  amzDate: string;
  scope: string;
  privateKey: KeyObject;
}

const CHECKSUM_HEADER = /^(?:x-amz-checksum-|x-amz-sdk-checksum-algorithm$|content-md5$|x-amz-content-sha256$|x-amz-trailer$|x-amz-decoded-content-length$)/;

function hostHeader(request: HttpRequest): string {
  const host = request.hostname.includes(':') && !request.hostname.startsWith('[') ? `[${request.hostname}]` : request.hostname;
  const defaultPort = request.protocol === 'https:' ? 443 : 80;
  return request.port === undefined || request.port === defaultPort ? host : `${host}:${request.port}`;
}

/**
 * Creates a SigV4a signer. The ECDSA key is derived once per credentials and cached by this
 * instance; signatures are randomized (ECDSA), so two signatures of one request differ.
 * @throws ValidationError `ERR_VALIDATION` for a bad service or region set; CredentialsError
 *   `ERR_CREDENTIALS` for bad static credentials.
 * @example
 * ```ts
 * const signer = createSigV4aSigner({ credentials, regionSet: '*', service: 's3' });
 * const signed = await signer.sign({ method: 'GET', protocol: 'https:', hostname: 'mrap.accesspoint.s3-global.amazonaws.com', path: '/key', headers: {} });
 * ```
 */
export function createSigV4aSigner(options: SigV4aSignerOptions): SigV4aSigner {
  assertScopePart('service', options.service);
  const defaultRegionSet = formatRegionSet(options.regionSet);
  const credentials = createCredentialSource(options.credentials);
  const uriEscapePath = options.uriEscapePath ?? options.service !== 's3';
  const applyChecksum = options.applyChecksum ?? !uriEscapePath;
  const clock = options.clock ?? systemClock;
  const filter = createHeaderFilter(options.signedHeaders);
  const formatDate = createAmzDateFormatter();
  const cacheSize = options.cacheSize ?? 8;
  // Keyed by access key id and the secret itself, in memory only, like the key it maps to.
  const keyPairs = new Map<string, SigV4aKeyPair>();

  const keyPairFor = (credentials: AwsCredentials): SigV4aKeyPair => {
    const id = `${credentials.accessKeyId}\n${credentials.secretAccessKey}`;
    let pair = keyPairs.get(id);
    if (!pair) {
      pair = deriveSigV4aKeyPair(credentials);
      if (cacheSize > 0) {
        if (keyPairs.size >= cacheSize) keyPairs.delete(keyPairs.keys().next().value!);
        keyPairs.set(id, pair);
      }
    }
    return pair;
  };

  const core = (
    credentials: AwsCredentials,
    request: HttpRequest,
    opts: SigV4aSignOptions,
    expiresIn: number | undefined,
    extraHeaders?: Record<string, string>,
  ): CoreResult => {
    const regionSet = opts.regionSet === undefined ? defaultRegionSet : formatRegionSet(opts.regionSet);
    const at = opts.signingDate;
    const date: AmzDate = formatDate(at === undefined ? clock.now() : typeof at === 'number' ? at : at.getTime());
    const presign = expiresIn !== undefined;
    const token = credentials.sessionToken;
    const signToken = token !== undefined && opts.unsignedSessionToken !== true;
    const scope = `${date.short}/${options.service}/${SCOPE_TERMINATOR}`;

    const headers: Record<string, string> = {};
    for (const name in request.headers) {
      const lower = name.toLowerCase();
      if (lower === 'authorization' || lower === 'x-amz-date' || lower === 'x-amz-region-set') continue;
      if (presign && !uriEscapePath && CHECKSUM_HEADER.test(lower)) continue;
      const existing = headers[lower];
      headers[lower] = existing === undefined ? request.headers[name]! : `${existing},${request.headers[name]!}`;
    }
    if (extraHeaders) Object.assign(headers, extraHeaders);
    if (!('host' in headers)) headers.host = hostHeader(request);

    let payloadHash = opts.payloadHash;
    let query: HttpQuery | undefined = request.query;
    if (presign) {
      payloadHash ??= uriEscapePath ? (payloadHashOf(request.body) ?? UNSIGNED_PAYLOAD) : UNSIGNED_PAYLOAD;
      query = { ...request.query };
      delete query['X-Amz-Signature'];
      query['X-Amz-Algorithm'] = SIGV4A_ALGORITHM;
      query['X-Amz-Credential'] = `${credentials.accessKeyId}/${scope}`;
      query['X-Amz-Date'] = date.long;
      query['X-Amz-Expires'] = String(expiresIn);
      query['X-Amz-Region-Set'] = regionSet;
      if (signToken) query['X-Amz-Security-Token'] = token;
    } else {
      headers['x-amz-date'] = date.long;
      headers['x-amz-region-set'] = regionSet;
      if (signToken) headers['x-amz-security-token'] = token;
      payloadHash ??= headers['x-amz-content-sha256'] ?? payloadHashOf(request.body);
      if (payloadHash === undefined) {
        if (uriEscapePath) throw new ValidationError({ field: 'payloadHash', rule: 'a streaming body needs a payloadHash (see hashStream) for this service' });
        payloadHash = UNSIGNED_PAYLOAD;
      }
      if (applyChecksum) headers['x-amz-content-sha256'] = payloadHash;
    }

    const canonical = canonicalHeaders(headers, filter);
    if (presign) query!['X-Amz-SignedHeaders'] = canonical.signedHeaders;
    const creq = canonicalRequest(request.method, canonicalUri(request.path, uriEscapePath), canonicalQuery(query), canonical, payloadHash);
    const sts = stringToSign(SIGV4A_ALGORITHM, date.long, scope, sha256Hex(creq));
    const privateKey = keyPairFor(credentials).privateKey;
    const signature = signSigV4a(privateKey, sts);

    const signed: SignedRequest = { ...request, headers };
    if (presign) {
      query!['X-Amz-Signature'] = signature;
      if (token !== undefined && !signToken) query!['X-Amz-Security-Token'] = token;
      signed.query = query!;
      (signed as PresignedRequest).url = `${requestOrigin(request)}${request.path}?${encodeQuery(query)}`;
    } else {
      headers.authorization = `${SIGV4A_ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${canonical.signedHeaders}, Signature=${signature}`;
      if (token !== undefined && !signToken) headers['x-amz-security-token'] = token;
    }
    if (opts.debug === true) {
      const debug: SigningDebug = { canonicalRequest: creq, stringToSign: sts };
      if (token !== undefined) {
        Object.defineProperty(debug, 'toJSON', { value: () => ({ ...debug, canonicalRequest: creq.split(token).join(REDACTED) }) });
      }
      signed.debug = debug;
    }
    return { request: signed, signature, amzDate: date.long, scope, privateKey };
  };

  const { credentialsFor, requireStatic } = credentials;

  return {
    async sign(request, opts = {}) {
      return core(await credentialsFor(opts.signal), request, opts, undefined).request;
    },
    async presign(request, opts) {
      assertExpiresIn(opts.expiresIn);
      return core(await credentialsFor(opts.signal), request, opts, opts.expiresIn).request as PresignedRequest;
    },
    signSync(request, opts = {}) {
      return core(requireStatic(), request, opts, undefined).request;
    },
    presignSync(request, opts) {
      assertExpiresIn(opts.expiresIn);
      return core(requireStatic(), request, opts, opts.expiresIn).request as PresignedRequest;
    },
    async signStreaming(request, opts) {
      const plan = planChunkedUpload(request, opts, { signed: STREAMING_SIGV4A_PAYLOAD, signedTrailer: STREAMING_SIGV4A_PAYLOAD_TRAILER }, SIGV4A_CHUNK_SIGNATURE_LENGTH);
      const credentials = await credentialsFor(opts.signal);
      const seed = core(credentials, { ...request, body: '' }, { ...opts, payloadHash: plan.payloadHash }, undefined, plan.headers);
      return attachChunkedBody(seed.request, request.body!, plan, opts, (onStringToSign) =>
        createSigV4aChunkSigner({ privateKey: seed.privateKey, amzDate: seed.amzDate, scope: seed.scope, seedSignature: seed.signature, onStringToSign }),
      );
    },
  };
}
