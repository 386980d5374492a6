/**
 * The SigV4 signer: header signing, presigned URLs, aws-chunked streaming uploads and POST
 * policies, over the shared `HttpRequest` shape.
 */
import { REDACTED, ValidationError, requestOrigin, systemClock } from '@s3kit/primitives';
import type { Clock, HttpQuery, HttpRequest } from '@s3kit/primitives';
import { createAmzDateFormatter } from './amz-date.js';
import type { AmzDate } from './amz-date.js';
import type { AwsCredentials, CredentialsProvider } from './aws-credentials.js';
import {
  canonicalHeaders,
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  createHeaderFilter,
  credentialScope,
  encodeComponent,
  stringToSign,
} from './canonical.js';
import type { SignedHeadersOption } from './canonical.js';
import { createChunkSigner } from './chunk-signer.js';
import { attachChunkedBody, planChunkedUpload } from './chunked-upload.js';
import type { ChunkedUploadOptions, StreamingMode } from './chunked-upload.js';
import { ALGORITHM, STREAMING_SIGNED_PAYLOAD, STREAMING_SIGNED_PAYLOAD_TRAILER, UNSIGNED_PAYLOAD } from './constants.js';
import { payloadHashOf } from './payload.js';
import { signPostPolicy, signPostPolicyDocument } from './post-policy.js';
import type { PostPolicyDocumentResult, PostPolicyOptions, PostPolicyResult } from './post-policy.js';
import { createHmacHex, createSigningKeyCache, sha256Hex } from './signing-key.js';
import type { SigningKeyCache } from './signing-key.js';
import { createCredentialSource } from './credential-source.js';
import { assertExpiresIn, assertScopePart } from './validate.js';

/** Options of {@link createSigner}. */
export interface SignerOptions {
  /** Static credentials, or a provider called before each signature (memoize inside it). */
  credentials: AwsCredentials | CredentialsProvider;
  /** Signing region, e.g. `us-east-1`. */
  region: string;
  /** Signing service name, e.g. `s3`, `sts`, `execute-api`. */
  service: string;
  /**
   * `true`: generic AWS rules (path normalized and URI-encoded again); `false`: S3 rules (path
   * used as sent, single encoding, presigned payload `UNSIGNED-PAYLOAD`).
   * @default service !== 's3'
   */
  uriEscapePath?: boolean | undefined;
  /**
   * Whether to send and sign `x-amz-content-sha256` with header signatures.
   * @default !uriEscapePath (S3 requires it)
   */
  applyChecksum?: boolean | undefined;
  /**
   * Time source.
   * @default systemClock
   */
  clock?: Clock | undefined;
  /**
   * Milliseconds added to the clock (server time minus local time), see {@link Signer.setClockOffset}.
   * @default 0
   */
  clockOffsetMs?: number | undefined;
  /**
   * Maximum number of derived signing keys cached by this signer.
   * @default 50
   */
  cacheSize?: number | undefined;
  /** Which headers to sign beyond the defaults. */
  signedHeaders?: SignedHeadersOption | undefined;
}

/** Per-call options of {@link Signer.sign}. */
export interface SignOptions {
  /** Signing time instead of the clock (plus offset). */
  signingDate?: Date | number | undefined;
  /** Hex SHA-256 of the body or one of the special payload values; computed from the body when absent. */
  payloadHash?: string | undefined;
  /** Region override for this call. */
  region?: string | undefined;
  /** Service override for this call. */
  service?: string | undefined;
  /**
   * Add the session token after signing instead of signing it (for the few services that ask for that).
   * @default false
   */
  unsignedSessionToken?: boolean | undefined;
  /** Attach `debug: { canonicalRequest, stringToSign }` to the result. */
  debug?: boolean | undefined;
  /** Aborts a pending credentials fetch. */
  signal?: AbortSignal | undefined;
}

/** Options of {@link Signer.presign}. */
export interface PresignOptions extends SignOptions {
  /** Validity of the URL in seconds: 1 to 604800 (7 days). */
  expiresIn: number;
}

export type { StreamingMode };

/** Options of {@link Signer.signStreaming}. */
export interface StreamingSignOptions extends Omit<SignOptions, 'payloadHash'>, ChunkedUploadOptions {}

/**
 * What was signed, for debugging signature mismatches (compare with S3's `CanonicalRequest` in a
 * `SignatureDoesNotMatch` error). Never contains the secret or signing key; a signed session token
 * appears in `canonicalRequest` but is redacted by `toJSON`.
 */
export interface SigningDebug {
  canonicalRequest: string;
  stringToSign: string;
  /**
   * aws-chunked uploads (`signStreaming` with `debug`): each chunk's and the trailer's string to
   * sign, appended as the body is sent (compare with S3's `StringToSign` in a chunk's
   * `SignatureDoesNotMatch`).
   */
  chunkStringsToSign?: string[];
}

/** A signed request, with `debug` when asked for. */
export type SignedRequest = HttpRequest & { debug?: SigningDebug };

/** A presigned request: the query carries the signature; `url` is ready to share. */
export type PresignedRequest = HttpRequest & { url: string; debug?: SigningDebug };

/** A SigV4 signer bound to credentials, region and service. */
export interface Signer {
  /**
   * Signs with an `Authorization` header; sets `x-amz-date`, `x-amz-security-token` and (for S3)
   * `x-amz-content-sha256`. Returns a new request; the input is not modified.
   * @throws CredentialsError `ERR_CREDENTIALS`, ValidationError `ERR_VALIDATION`.
   */
  sign(request: HttpRequest, options?: SignOptions): Promise<SignedRequest>;
  /**
   * {@link Signer.sign} without a promise, for static credentials.
   * @throws ConfigError `ERR_CONFIG` when the signer was created with a credentials provider.
   */
  signSync(request: HttpRequest, options?: SignOptions): SignedRequest;
  /**
   * Presigns with query parameters (`X-Amz-Algorithm`, `-Credential`, `-Date`, `-Expires`,
   * `-SignedHeaders`, `-Security-Token`, `-Signature`). Never adds a checksum or body constraint.
   * @throws ValidationError `ERR_VALIDATION` (field `expiresIn`) outside 1..604800.
   */
  presign(request: HttpRequest, options: PresignOptions): Promise<PresignedRequest>;
  /** {@link Signer.presign} without a promise, for static credentials. */
  presignSync(request: HttpRequest, options: PresignOptions): PresignedRequest;
  /**
   * Signs a streaming upload as aws-chunked: sets `content-encoding`, `content-length`,
   * `x-amz-decoded-content-length`, `x-amz-trailer`, and replaces the body by the encoded stream.
   * @throws ValidationError `ERR_VALIDATION` (a trailer mode without `trailer`, no body, bad sizes),
   *   CredentialsError `ERR_CREDENTIALS`.
   */
  signStreaming(request: HttpRequest, options: StreamingSignOptions): Promise<SignedRequest>;
  /** Signs a browser POST policy and returns the form fields. */
  presignPost(options: PostPolicyOptions & { signingDate?: Date | number; signal?: AbortSignal }): Promise<PostPolicyResult>;
  /**
   * Signs a POST policy document you wrote, byte for byte (see `signPostPolicyDocument`).
   * @throws ValidationError `ERR_VALIDATION` (field `policy`), CredentialsError `ERR_CREDENTIALS`.
   */
  signPostPolicyDocument(document: string | Uint8Array, options?: { signal?: AbortSignal }): Promise<PostPolicyDocumentResult>;
  /** Sets the clock offset (server minus local time, ms), e.g. after `RequestTimeTooSkewed`. */
  setClockOffset(ms: number): void;
  /** The current clock offset in ms. */
  readonly clockOffsetMs: number;
}

interface ScopeStrings {
  amzDate: string;
  region: string;
  service: string;
  accessKeyId: string;
  scope: string;
  /** The string to sign without the canonical request hash. */
  stsPrefix: string;
  /** The `Authorization` value up to the signed headers list. */
  authPrefix: string;
  /** The canonical query of a presigned URL up to the `X-Amz-Expires` value. */
  queryPrefix: string;
}

interface CoreResult {
  request: SignedRequest;
  signature: string;
  signingKey: Uint8Array;
  date: AmzDate;
  scope: string;
}

const CHECKSUM_HEADER = /^(?:x-amz-checksum-|x-amz-sdk-checksum-algorithm$|content-md5$|x-amz-content-sha256$|x-amz-trailer$|x-amz-decoded-content-length$)/;

function hostHeader(request: HttpRequest): string {
  const host = request.hostname.includes(':') ? `[${request.hostname}]` : request.hostname;
  const defaultPort = request.protocol === 'https:' ? 443 : 80;
  return request.port === undefined || request.port === defaultPort ? host : `${host}:${request.port}`;
}

/**
 * Creates a SigV4 signer.
 * @throws ValidationError `ERR_VALIDATION` for a bad region or service; CredentialsError
 *   `ERR_CREDENTIALS` for bad static credentials.
 * @example
 * ```ts
 * const signer = createSigner({ credentials: { accessKeyId, secretAccessKey }, region: 'eu-west-1', service: 's3' });
 * const signed = await signer.sign({ method: 'GET', protocol: 'https:', hostname, path: '/bucket/key', headers: {} });
 * const { url } = await signer.presign(request, { expiresIn: 900 });
 * ```
 */
export function createSigner(options: SignerOptions): Signer {
  assertScopePart('region', options.region);
  assertScopePart('service', options.service);
  const credentials = createCredentialSource(options.credentials);
  const { staticCredentials } = credentials;
  const uriEscapePath = options.uriEscapePath ?? options.service !== 's3';
  const applyChecksum = options.applyChecksum ?? !uriEscapePath;
  const clock = options.clock ?? systemClock;
  const keys: SigningKeyCache = createSigningKeyCache(options.cacheSize ?? 50);
  const filter = createHeaderFilter(options.signedHeaders);
  const formatDate = createAmzDateFormatter();
  let offset = options.clockOffsetMs ?? 0;

  const resolveScope = (opts: SignOptions): [string, string] => {
    const region = opts.region ?? options.region;
    const service = opts.service ?? options.service;
    if (opts.region !== undefined) assertScopePart('region', region);
    if (opts.service !== undefined) assertScopePart('service', service);
    return [region, service];
  };
  const dateOf = (opts: SignOptions): AmzDate => {
    const at = opts.signingDate;
    return formatDate(at === undefined ? clock.now() + offset : typeof at === 'number' ? at : at.getTime());
  };

  // The strings that only change with the second, scope or access key, rebuilt when one changes.
  let fixed: ScopeStrings = { amzDate: '', region: '', service: '', accessKeyId: '', scope: '', stsPrefix: '', authPrefix: '', queryPrefix: '' };
  const scopeStrings = (date: AmzDate, region: string, service: string, accessKeyId: string): ScopeStrings => {
    if (fixed.amzDate !== date.long || fixed.region !== region || fixed.service !== service || fixed.accessKeyId !== accessKeyId) {
      const scope = credentialScope(date.short, region, service);
      fixed = {
        amzDate: date.long,
        region,
        service,
        accessKeyId,
        scope,
        stsPrefix: stringToSign(ALGORITHM, date.long, scope, ''),
        authPrefix: `${ALGORITHM} Credential=${accessKeyId}/${scope}, SignedHeaders=`,
        queryPrefix: `X-Amz-Algorithm=${ALGORITHM}&X-Amz-Credential=${encodeComponent(`${accessKeyId}/${scope}`)}&X-Amz-Date=${date.long}&X-Amz-Expires=`,
      };
    }
    return fixed;
  };
  let hmacKey: Uint8Array | undefined;
  let hmacWithKey: (data: string) => string = () => '';
  const sign = (signingKey: Uint8Array, data: string): string => {
    if (signingKey !== hmacKey) {
      hmacKey = signingKey;
      hmacWithKey = createHmacHex(signingKey);
    }
    return hmacWithKey(data);
  };
  let lastToken = '';
  let lastEncodedToken = '';
  const encodeToken = (token: string): string => {
    if (token !== lastToken) {
      lastToken = token;
      lastEncodedToken = encodeComponent(token);
    }
    return lastEncodedToken;
  };

  const core = (
    credentials: AwsCredentials,
    request: HttpRequest,
    opts: SignOptions,
    expiresIn: number | undefined,
    extraHeaders?: Record<string, string>,
  ): CoreResult => {
    const [region, service] = resolveScope(opts);
    const date = dateOf(opts);
    const presign = expiresIn !== undefined;
    const token = credentials.sessionToken;
    const signToken = token !== undefined && opts.unsignedSessionToken !== true;
    const strings = scopeStrings(date, region, service, credentials.accessKeyId);
    const scope = strings.scope;

    // Output names are lower-case; names differing only in case are joined with ',' as HTTP would.
    const headers: Record<string, string> = {};
    const source = request.headers;
    for (const name in source) {
      const lower = name.toLowerCase();
      if (lower === 'authorization' || lower === 'x-amz-date') continue;
      if (presign && !uriEscapePath && CHECKSUM_HEADER.test(lower)) continue;
      const existing = headers[lower];
      headers[lower] = existing === undefined ? source[name]! : `${existing},${source[name]!}`;
    }
    if (extraHeaders) Object.assign(headers, extraHeaders);
    if (!('host' in headers)) headers.host = hostHeader(request);

    let payloadHash = opts.payloadHash;
    let query: HttpQuery | undefined = request.query;
    let ownQueryOnly = false;
    if (presign) {
      payloadHash ??= uriEscapePath ? (payloadHashOf(request.body) ?? UNSIGNED_PAYLOAD) : UNSIGNED_PAYLOAD;
      query = {};
      ownQueryOnly = true;
      const original = request.query;
      for (const name in original) {
        if (name === 'X-Amz-Signature') continue;
        query[name] = original[name]!;
        ownQueryOnly = false;
      }
      query['X-Amz-Algorithm'] = ALGORITHM;
      query['X-Amz-Credential'] = `${credentials.accessKeyId}/${scope}`;
      query['X-Amz-Date'] = date.long;
      query['X-Amz-Expires'] = String(expiresIn);
      if (signToken) query['X-Amz-Security-Token'] = token;
    } else {
      headers['x-amz-date'] = date.long;
      if (signToken) headers['x-amz-security-token'] = token;
      payloadHash ??= headers['x-amz-content-sha256'] ?? payloadHashOf(request.body);
      if (payloadHash === undefined) {
        if (uriEscapePath) {
          throw new ValidationError({ field: 'payloadHash', rule: 'a streaming body needs a payloadHash (see hashStream) for this service' });
        }
        payloadHash = UNSIGNED_PAYLOAD;
      }
      if (applyChecksum) headers['x-amz-content-sha256'] = payloadHash;
    }

    const canonicalHeaderSet = canonicalHeaders(headers, filter);
    const signedHeaders = canonicalHeaderSet.signedHeaders;
    let queryString: string;
    if (presign) {
      query!['X-Amz-SignedHeaders'] = signedHeaders;
      // Only our parameters: they are already in sorted order, most of them preformatted.
      queryString = ownQueryOnly
        ? `${strings.queryPrefix}${expiresIn}${signToken ? `&X-Amz-Security-Token=${encodeToken(token)}` : ''}&X-Amz-SignedHeaders=${encodeComponent(signedHeaders)}`
        : canonicalQuery(query);
    } else {
      queryString = canonicalQuery(query);
    }
    const creq = canonicalRequest(
      request.method,
      canonicalUri(request.path, uriEscapePath),
      queryString,
      canonicalHeaderSet,
      payloadHash,
    );
    const sts = strings.stsPrefix + sha256Hex(creq);
    const signingKey = keys.get(credentials, date.short, region, service);
    const signature = sign(signingKey, sts);

    let signed: SignedRequest;
    if (presign) {
      query!['X-Amz-Signature'] = signature;
      // The canonical query is already the encoded, sorted query: reuse it for the URL.
      let url = `${requestOrigin(request)}${request.path}?${queryString}&X-Amz-Signature=${signature}`;
      if (token !== undefined && !signToken) {
        query!['X-Amz-Security-Token'] = token;
        url += `&X-Amz-Security-Token=${encodeToken(token)}`;
      }
      // New properties go before the spread: V8 (Node 20-22) takes a slow path for each property
      // added after copying an object with spread (measured ~2 us per presign otherwise).
      const presigned: PresignedRequest = { url, query: query!, ...request, headers };
      presigned.query = query!;
      signed = presigned;
    } else {
      headers.authorization = `${strings.authPrefix}${signedHeaders}, Signature=${signature}`;
      if (token !== undefined && !signToken) headers['x-amz-security-token'] = token;
      signed = { ...request, headers };
    }
    if (opts.debug === true) {
      const debug: SigningDebug = { canonicalRequest: creq, stringToSign: sts };
      // The canonical request shows a signed session token; keep it out of JSON logs.
      if (token !== undefined) {
        Object.defineProperty(debug, 'toJSON', {
          value: () => ({ ...debug, canonicalRequest: creq.split(token).join(REDACTED) }),
        });
      }
      signed.debug = debug;
    }
    return { request: signed, signature, signingKey, date, scope };
  };

  const { credentialsFor, requireStatic } = credentials;

  const signer: Signer = {
    sign(request, opts = {}) {
      if (staticCredentials) {
        try {
          return Promise.resolve(core(staticCredentials, request, opts, undefined).request);
        } catch (err) {
          return Promise.reject(err instanceof Error ? err : new Error(String(err)));
        }
      }
      return credentialsFor(opts.signal).then((c) => core(c, request, opts, undefined).request);
    },
    signSync(request, opts = {}) {
      return core(requireStatic(), request, opts, undefined).request;
    },
    async presign(request, opts) {
      assertExpiresIn(opts.expiresIn);
      const credentials = await credentialsFor(opts.signal);
      return core(credentials, request, opts, opts.expiresIn).request as PresignedRequest;
    },
    presignSync(request, opts) {
      assertExpiresIn(opts.expiresIn);
      return core(requireStatic(), request, opts, opts.expiresIn).request as PresignedRequest;
    },
    async signStreaming(request, opts) {
      const plan = planChunkedUpload(request, opts, { signed: STREAMING_SIGNED_PAYLOAD, signedTrailer: STREAMING_SIGNED_PAYLOAD_TRAILER }, 64);
      const credentials = await credentialsFor(opts.signal);
      const result = core(credentials, { ...request, body: '' }, { ...opts, payloadHash: plan.payloadHash }, undefined, plan.headers);
      return attachChunkedBody(result.request, request.body!, plan, opts, (onStringToSign) =>
        createChunkSigner({ signingKey: result.signingKey, amzDate: result.date.long, scope: result.scope, seedSignature: result.signature, onStringToSign }),
      );
    },
    async presignPost(opts) {
      const credentials = await credentialsFor(opts.signal);
      const [region, service] = resolveScope({});
      const at = opts.signingDate;
      const now = at === undefined ? clock.now() + offset : typeof at === 'number' ? at : at.getTime();
      return signPostPolicy(opts, { credentials, region, service, now, keys });
    },
    async signPostPolicyDocument(document, opts = {}) {
      const credentials = await credentialsFor(opts.signal);
      const [region, service] = resolveScope({});
      return signPostPolicyDocument(document, { credentials, region, service, keys });
    },
    setClockOffset(ms) {
      if (!Number.isFinite(ms)) throw new ValidationError({ field: 'clockOffsetMs', rule: 'must be a finite number of milliseconds', value: ms });
      offset = ms;
    },
    get clockOffsetMs() {
      return offset;
    },
  };
  return signer;
}
