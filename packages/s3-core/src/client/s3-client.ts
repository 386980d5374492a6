import {
  CLOCK_SKEW_ERROR_CODES,
  ConfigError,
  NetworkError,
  OPERATION_CHANNEL,
  TimeoutError,
  circuitBreakerMiddleware,
  compose,
  createCircuitBreaker,
  createConfigResolver,
  createRetryStrategy,
  createDefaultTransport,
  isAbortError,
  isReplayableBody,
  loggingMiddleware,
  systemClock,
  traceOperation,
  tracingChannel,
  tracingMiddleware,
} from '@s3kit/primitives';
import type {
  ChecksumSetting,
  ConfigResolver,
  HttpMiddleware,
  HttpRequest,
  HttpResponse,
  HttpTransport,
  ResolvedConfig,
  RetryStrategy,
} from '@s3kit/primitives';
import { createDefaultCredentialsProvider, createSigner } from '@s3kit/sigv4';
import type { PostPolicyOptions, PostPolicyResult, SignOptions, Signer } from '@s3kit/sigv4';
import { createBodyTracker } from '../body/body-tracker.js';
import type { BodyTracker } from '../body/body-tracker.js';
import { createS3Body } from '../body/response-body.js';
import type { BodyChecks } from '../body/response-body.js';
import { CHECKSUM_HEADERS, isChecksumAlgorithm } from '../checksums/checksum.js';
import type { ChecksumAlgorithm } from '../checksums/checksum.js';
import { resolveEndpoint } from '../endpoints/resolve-endpoint.js';
import type { EndpointParams, ResolvedEndpoint } from '../endpoints/resolve-endpoint.js';
import { parseS3Error, isS3ErrorBody } from '../errors/parse-s3-error.js';
import type { S3ServiceError } from '../errors/s3-service-error.js';
import { compileOperation } from '../interpreter/compile.js';
import type { CompiledOperation } from '../interpreter/compile.js';
import { readHeaders, readXmlBody } from '../interpreter/parse-response.js';
import { serializeRequest } from '../interpreter/serialize-request.js';
import type { InputOf, Operation, OutputOf, ResponseMetadata } from '../interpreter/spec.js';
import { operations } from '../operations/index.js';
import type { S3OperationName, S3Operations } from '../operations/index.js';
import { isXmlParseError } from '../xml/xml-error.js';
import type { S3ClientOptions, SendOptions } from './client-options.js';
import type { MethodArgs, S3ClientMethods } from './client-methods.js';
import { prepareBody } from './prepare-body.js';
import type { SigningPlan } from './prepare-body.js';

const AWS_HOST = /(?:^|\.)amazonaws\.com(?:\.cn)?$/;
const REDIRECT_CODES: ReadonlySet<string> = new Set([
  'PermanentRedirect',
  'TemporaryRedirect',
  'AuthorizationHeaderMalformed',
  'IllegalLocationConstraintException',
]);
const MAX_CACHED_ENDPOINTS = 1024;
// The channel `traceOperation` publishes on (channels are global by name): without subscribers, `send`
// skips building the span's name, attributes and closure.
const operationChannel = tracingChannel(OPERATION_CHANNEL);

/** Skew below this is left alone: clocks a few seconds apart still sign valid requests. */
const SKEW_TOLERANCE_MS = 60_000;

/** The settings of a client once resolved (on first use). */
interface ClientState {
  readonly region: string;
  readonly endpointParams: Omit<EndpointParams, 'bucket' | 'region'>;
  readonly isAws: boolean;
  readonly signer: Signer;
  readonly staticCredentials: boolean;
  readonly requestChecksum: ChecksumSetting;
  readonly responseChecksum: ChecksumSetting;
  readonly retry: RetryStrategy;
  readonly transport: HttpTransport;
  readonly followRegionRedirects: boolean;
  readonly config: ResolvedConfig;
}

/** What the attempt function hands back to `send`. */
interface AttemptResult {
  output: Record<string, unknown>;
  response: HttpResponse;
}

/** Presigned request: the URL plus the headers the caller must send with it (those that were signed). */
export interface PresignedUrl {
  /** The URL, query-signed. */
  url: string;
  /** HTTP method to use. */
  method: string;
  /** Headers that were signed and must be sent unchanged (`content-type`, SSE-C headers...). */
  headers: Record<string, string>;
}

/** Options of {@link S3Client.presign}. */
export interface PresignUrlOptions {
  /** Validity in seconds, 1 to 604800 (7 days). @default 900 */
  expiresIn?: number;
  /** Signing time. @default now (plus the clock offset) */
  signingDate?: Date;
  /** Aborts a pending credentials fetch. */
  signal?: AbortSignal;
}

/** Options of {@link S3Client.presignPost}: the sigv4 POST policy options without the bucket's region. */
export type PresignPostOptions = PostPolicyOptions & { signingDate?: Date; signal?: AbortSignal };

/** A presigned POST form: where to send it and its fields (the file goes last, as `file`). */
export interface PresignedPost extends PostPolicyResult {
  /** The form's target URL. */
  url: string;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * An S3 client: resolves its settings once (options, then environment, then shared config files),
 * then runs operations given as data (`client.send(GetObject, input)`) or through the typed
 * convenience methods generated from the operation table (`client.getObject(input)`).
 *
 * Each call: validates the input, serializes it (one interpreter for every operation), signs it
 * (synchronously with static credentials), sends it through the middleware stack (tracing, logging,
 * your middleware, per-endpoint circuit breaker, transport) under the retry strategy, maps errors
 * to `S3ServiceError`, follows a wrong-region answer once and corrects clock skew.
 *
 * @example
 * ```ts
 * const client = new S3Client({ region: 'eu-west-1' });
 * await client.putObject({ Bucket: 'photos', Key: 'a.txt', Body: 'hello' });
 * const { Body } = await client.getObject({ Bucket: 'photos', Key: 'a.txt' });
 * console.log(await Body.text());
 * await client.close();
 * ```
 */
// The class merges with the interface of generated methods below (installed on the prototype at load).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class S3Client {
  readonly #options: S3ClientOptions;
  #state: ClientState | undefined;
  #starting: Promise<ClientState> | undefined;
  #ownsTransport = false;
  #closed = false;
  readonly #endpoints = new Map<string, ResolvedEndpoint>();
  readonly #bucketRegions = new Map<string, string>();
  readonly #signOptions = new Map<string, SignOptions>();
  readonly #bodies: BodyTracker;

  /**
   * @throws {ValidationError} `ERR_VALIDATION` for bad retry options (other settings are checked on first use).
   */
  constructor(options: S3ClientOptions = {}) {
    this.#options = options;
    this.#bodies = createBodyTracker({ logger: options.logger });
    const retry = options.retry;
    if (retry !== undefined && !('run' in retry)) createRetryStrategy({ ...retry, ...(options.clock ? { clock: options.clock } : {}) });
  }

  /** The settings in effect (resolving them on first call). Contains no secret. */
  async resolvedConfig(): Promise<ResolvedConfig> {
    return (await this.#ready()).config;
  }

  /** The region cached for `bucket` after a redirect, if any. */
  bucketRegion(bucket: string): string | undefined {
    return this.#bucketRegions.get(bucket);
  }

  /**
   * Runs one operation.
   * @throws {S3ServiceError} the server's error (`NoSuchKey`, `AccessDenied`, ...), after retries.
   * @throws {ValidationError} `ERR_VALIDATION` for bad input (nothing sent).
   * @throws {NetworkError|TimeoutError|AbortError|CircuitOpenError|CredentialsError|ConfigError}
   * @example
   * ```ts
   * const out = await client.send(ListObjectsV2, { Bucket: 'photos', Prefix: '2024/' }, { timeoutMs: 5000 });
   * ```
   */
  async send<I, O>(op: Operation<I, O>, input: I, options: SendOptions = {}): Promise<O & { $metadata: ResponseMetadata }> {
    const state = this.#state ?? (await this.#ready());
    const compiled = compileOperation(op);
    type Output = Promise<O & { $metadata: ResponseMetadata }>;
    if (!operationChannel.hasSubscribers) return this.#execute(state, compiled, input as Record<string, unknown>, options) as Output;
    const run = (): Output => this.#execute(state, compiled, input as Record<string, unknown>, options) as Output;
    return traceOperation(`S3.${op.name}`, { 'rpc.system': 'aws-api', 'rpc.service': 'S3', 'rpc.method': op.name }, run);
  }

  /**
   * Presigns an operation as a URL (GetObject, PutObject, HeadObject, UploadPart...). Nothing is sent.
   * @throws {ValidationError} `ERR_VALIDATION` for bad input or `expiresIn` outside 1..604800.
   * @example
   * ```ts
   * const { url } = await client.presign(GetObject, { Bucket: 'photos', Key: 'a.jpg' }, { expiresIn: 3600 });
   * ```
   */
  async presign<I, O>(op: Operation<I, O>, input: I, options: PresignUrlOptions = {}): Promise<PresignedUrl> {
    const state = this.#state ?? (await this.#ready());
    const compiled = compileOperation(op);
    const values = input as Record<string, unknown>;
    const bucket = values.Bucket as string | undefined;
    const region = this.#regionOf(state, bucket);
    const { request } = serializeRequest(compiled, values, this.#endpoint(state, bucket, region));
    delete request.body;
    const signOptions: Parameters<Signer['presign']>[1] = { expiresIn: options.expiresIn ?? 900, region };
    if (options.signingDate) signOptions.signingDate = options.signingDate;
    if (options.signal) signOptions.signal = options.signal;
    const signed = await state.signer.presign(request, signOptions);
    const headers: Record<string, string> = {};
    for (const name in signed.headers) if (name !== 'host') headers[name] = signed.headers[name]!;
    return { url: signed.url, method: signed.method, headers };
  }

  /**
   * Presigns a browser POST upload form for `options.bucket`.
   * @throws {ValidationError} `ERR_VALIDATION` for bad policy options.
   * @example
   * ```ts
   * const { url, fields } = await client.presignPost({ bucket: 'uploads', keyStartsWith: 'user-1/', contentLengthRange: [1, 10_000_000] });
   * ```
   */
  async presignPost(options: PresignPostOptions): Promise<PresignedPost> {
    const state = this.#state ?? (await this.#ready());
    const region = this.#regionOf(state, options.bucket);
    const endpoint = this.#endpoint(state, options.bucket, region);
    const signer = region === state.region ? state.signer : this.#signerFor(state, region);
    const result = await signer.presignPost(options);
    const port = endpoint.port === undefined ? '' : `:${endpoint.port}`;
    const path = endpoint.style === 'path' ? endpoint.pathPrefix : `${endpoint.pathPrefix}/`;
    return { ...result, url: `${endpoint.protocol}//${endpoint.hostname}${port}${path}` };
  }

  /**
   * Dumps the response bodies handed out and not yet read (their reads then fail or end early), then
   * releases the transport's sockets when the client created it. Later calls fail with `ConfigError`.
   * @example
   * ```ts
   * const client = new S3Client({ region: 'eu-west-1' });
   * try {
   *   await client.headObject({ Bucket: 'photos', Key: 'a.jpg' });
   * } finally {
   *   await client.close();
   * }
   * ```
   */
  async close(): Promise<void> {
    this.#closed = true;
    const state = this.#state;
    this.#state = undefined;
    await this.#bodies.dumpAll();
    if (state && this.#ownsTransport) await state.transport.close?.();
  }

  #ready(): Promise<ClientState> {
    if (this.#closed) return Promise.reject(new ConfigError('The S3Client was closed', { source: 'client' }));
    this.#starting ??= this.#start().then(
      (state) => (this.#state = state),
      (err: unknown) => {
        this.#starting = undefined;
        throw err;
      },
    );
    return this.#starting;
  }

  async #start(): Promise<ClientState> {
    const o = this.#options;
    const resolver: ConfigResolver =
      o.config !== undefined && 'resolve' in o.config
        ? o.config
        : createConfigResolver({ ...(o.config ?? {}), ...(o.profile === undefined ? {} : { profile: o.profile }) });
    const config = await resolver.resolve({
      ...(o.region === undefined ? {} : { region: o.region }),
      ...(o.endpoint === undefined ? {} : { endpointUrl: o.endpoint }),
      ...(o.retry !== undefined && !('run' in o.retry) && o.retry.maxAttempts !== undefined ? { maxAttempts: o.retry.maxAttempts } : {}),
      ...(o.retry !== undefined && !('run' in o.retry) && o.retry.mode !== undefined ? { retryMode: o.retry.mode } : {}),
      ...(o.requestChecksumCalculation === undefined ? {} : { requestChecksumCalculation: o.requestChecksumCalculation }),
      ...(o.responseChecksumValidation === undefined ? {} : { responseChecksumValidation: o.responseChecksumValidation }),
      ...(o.useDualstackEndpoint === undefined ? {} : { useDualstackEndpoint: o.useDualstackEndpoint }),
      ...(o.useFipsEndpoint === undefined ? {} : { useFipsEndpoint: o.useFipsEndpoint }),
    });
    const endpointUrl = config.endpointUrl;
    const isAws = endpointUrl === undefined || AWS_HOST.test(new URL(endpointUrl).hostname);
    const region = config.region ?? (endpointUrl === undefined ? undefined : 'us-east-1');
    if (region === undefined) {
      throw new ConfigError('No region: set the region option, AWS_REGION, or region in the shared config file', { source: 'region' });
    }
    const addressing = config.s3.addressingStyle;
    const forcePathStyle = o.forcePathStyle ?? (addressing === 'path' ? true : addressing === 'virtual' ? false : undefined);
    const endpointParams: Omit<EndpointParams, 'bucket' | 'region'> = {
      ...(endpointUrl === undefined ? {} : { endpoint: endpointUrl }),
      ...(forcePathStyle === undefined ? {} : { forcePathStyle }),
      ...(config.s3.useDualstackEndpoint ? { useDualstack: true } : {}),
      ...(config.useFipsEndpoint ? { useFips: true } : {}),
      ...((o.useAccelerateEndpoint ?? config.s3.useAccelerateEndpoint) ? { useAccelerate: true } : {}),
    };
    // Validates region and endpoint now rather than on the first request.
    resolveEndpoint({ ...endpointParams, region });
    const clock = o.clock ?? systemClock;
    const credentials = o.credentials ?? createDefaultCredentialsProvider({ ...(o.clock ? { clock: o.clock } : {}) });
    const signer = createSigner({ credentials, region, service: 's3', clock });
    const retry =
      o.retry !== undefined && 'run' in o.retry
        ? o.retry
        : createRetryStrategy({
            mode: config.retryMode,
            maxAttempts: config.maxAttempts,
            clock,
            ...(o.random ? { random: o.random } : {}),
            ...(o.retry?.baseDelayMs === undefined ? {} : { baseDelayMs: o.retry.baseDelayMs }),
            ...(o.retry?.maxDelayMs === undefined ? {} : { maxDelayMs: o.retry.maxDelayMs }),
          });
    let base = o.transport;
    if (!base) {
      base = createDefaultTransport();
      this.#ownsTransport = true;
    }
    const middleware: HttpMiddleware[] = [];
    if (o.tracing !== false) middleware.push(tracingMiddleware());
    if (o.logger) middleware.push(loggingMiddleware(o.logger, { clock }));
    if (o.middleware) middleware.push(...o.middleware);
    if (o.circuitBreaker !== false) middleware.push(circuitBreakerMiddleware(o.circuitBreaker ?? createCircuitBreaker({ clock })));
    const explicit = (name: string): boolean => config.sources[name] !== undefined;
    return {
      region,
      endpointParams,
      isAws,
      signer,
      staticCredentials: typeof credentials !== 'function',
      requestChecksum: explicit('requestChecksumCalculation') ? config.requestChecksumCalculation : isAws ? 'when_supported' : 'when_required',
      responseChecksum: explicit('responseChecksumValidation') ? config.responseChecksumValidation : isAws ? 'when_supported' : 'when_required',
      retry,
      transport: compose(base, ...middleware),
      followRegionRedirects: o.followRegionRedirects ?? true,
      config,
    };
  }

  #regionOf(state: ClientState, bucket: string | undefined): string {
    return bucket === undefined ? state.region : (this.#bucketRegions.get(bucket) ?? state.region);
  }

  #endpoint(state: ClientState, bucket: string | undefined, region: string): ResolvedEndpoint {
    const cacheKey = bucket === undefined ? region : `${region}\n${bucket}`;
    let endpoint = this.#endpoints.get(cacheKey);
    if (endpoint === undefined) {
      endpoint = resolveEndpoint(bucket === undefined ? { ...state.endpointParams, region } : { ...state.endpointParams, region, bucket });
      if (this.#endpoints.size >= MAX_CACHED_ENDPOINTS) this.#endpoints.clear();
      this.#endpoints.set(cacheKey, endpoint);
    }
    return endpoint;
  }

  #signerFor(state: ClientState, region: string): Signer {
    const credentials = this.#options.credentials ?? createDefaultCredentialsProvider();
    const signer = createSigner({ credentials, region, service: 's3', clock: this.#options.clock ?? systemClock });
    signer.setClockOffset(state.signer.clockOffsetMs);
    return signer;
  }

  #signOptionsFor(region: string, plan: SigningPlan): SignOptions {
    const key = plan.kind === 'unsigned-payload' ? `${region}\nU` : region;
    let options = this.#signOptions.get(key);
    if (options === undefined) {
      options = plan.kind === 'unsigned-payload' ? { region, payloadHash: 'UNSIGNED-PAYLOAD' } : { region };
      this.#signOptions.set(key, options);
    }
    return options;
  }

  async #sign(state: ClientState, request: HttpRequest, region: string, plan: SigningPlan, signal: AbortSignal | undefined): Promise<HttpRequest> {
    if (plan.kind === 'streaming') {
      return state.signer.signStreaming(request, {
        mode: plan.mode,
        decodedContentLength: plan.decodedContentLength,
        region,
        ...(plan.trailer ? { trailer: plan.trailer } : {}),
        ...(signal ? { signal } : {}),
      });
    }
    const options = this.#signOptionsFor(region, plan);
    if (state.staticCredentials) return state.signer.signSync(request, options);
    return state.signer.sign(request, signal ? { ...options, signal } : options);
  }

  async #execute(state: ClientState, op: CompiledOperation, input: Record<string, unknown>, options: SendOptions): Promise<Record<string, unknown>> {
    let signal = options.signal;
    let deadline: AbortSignal | undefined;
    if (options.timeoutMs !== undefined) {
      deadline = AbortSignal.timeout(options.timeoutMs);
      signal = signal ? AbortSignal.any([signal, deadline]) : deadline;
    }
    const bodyMember = op.spec.input as Record<string, { in: string }>;
    const body = bodyMember.Body?.in === 'body' ? input.Body : undefined;
    const replayable = body === undefined || typeof body === 'string' || body instanceof Uint8Array;
    let attempts = 0;
    try {
      const { output, response } = await state.retry.run(
        (context) => {
          attempts = context.attempt;
          return this.#attempt(state, op, input, context.signal, replayable);
        },
        signal ? { signal, replayable } : { replayable },
      );
      const metadata: ResponseMetadata = {
        httpStatusCode: response.statusCode,
        requestId: response.headers['x-amz-request-id'],
        extendedRequestId: response.headers['x-amz-id-2'],
        attempts,
      };
      output.$metadata = metadata;
      return output;
    } catch (err) {
      if (deadline?.aborted === true && isAbortError(err) && options.signal?.aborted !== true) {
        throw new TimeoutError(`${op.spec.name} did not finish within ${options.timeoutMs} ms`, { phase: 'total', cause: err, retryable: false });
      }
      throw err;
    }
  }

  async #attempt(
    state: ClientState,
    op: CompiledOperation,
    input: Record<string, unknown>,
    signal: AbortSignal | undefined,
    replayable: boolean,
  ): Promise<AttemptResult> {
    const bucket = op.spec.path === '/' ? undefined : (input.Bucket as string | undefined);
    let region = this.#regionOf(state, bucket);
    for (let hop = 0; ; hop++) {
      const { request, autoUrlEncoding } = serializeRequest(op, input, this.#endpoint(state, bucket, region));
      const plan = prepareBody(op, input, request, state);
      const validation = this.#responseValidation(state, op, input, request);
      const signedOffset = state.signer.clockOffsetMs;
      const signed = await this.#sign(state, request, region, plan, signal);
      const response = await state.transport.send(signed, signal ? { signal } : {});
      try {
        const status = response.statusCode;
        if (status < 200 || status >= 300) {
          const error = await this.#errorOf(op, input, response);
          if (
            hop === 0 &&
            state.followRegionRedirects &&
            bucket !== undefined &&
            error.region !== undefined &&
            error.region !== region &&
            (REDIRECT_CODES.has(error.code) || status === 301) &&
            (replayable || isReplayableBody(request.body))
          ) {
            region = error.region;
            this.#bucketRegions.set(bucket, region);
            continue;
          }
          this.#correctClockSkew(state, error, response, signedOffset);
          throw error;
        }
        return { output: await this.#readOutput(op, input, response, autoUrlEncoding, validation), response };
      } catch (err) {
        // Whatever failed after the headers arrived, the body must not keep the connection.
        await response.body.dump().catch(() => undefined);
        throw err;
      }
    }
  }

  #responseValidation(state: ClientState, op: CompiledOperation, input: Record<string, unknown>, request: HttpRequest): boolean {
    const member = op.spec.checksum?.responseModeMember;
    if (member === undefined) return false;
    if (input[member] === 'ENABLED') return true;
    if (state.responseChecksum === 'when_supported' && input[member] === undefined) {
      request.headers['x-amz-checksum-mode'] = 'ENABLED';
      return true;
    }
    return false;
  }

  async #errorOf(op: CompiledOperation, input: Record<string, unknown>, response: HttpResponse): Promise<S3ServiceError> {
    let bodyText = '';
    try {
      bodyText = await response.body.text();
    } catch {
      await response.body.dump().catch(() => undefined);
    }
    return parseS3Error(
      { statusCode: response.statusCode, headers: response.headers, bodyText },
      {
        operation: op.spec.name,
        ...(typeof input.Bucket === 'string' ? { bucket: input.Bucket } : {}),
        ...(typeof input.Key === 'string' ? { key: input.Key } : {}),
        now: (this.#options.clock ?? systemClock).now(),
      },
    );
  }

  /**
   * After a clock-skew error, sets the signer's offset from the server's `Date` and marks the error
   * retryable when the offset differs from the one the failed request was signed with (so a request
   * signed before a concurrent correction is retried, and a bad secret is not retried forever).
   */
  #correctClockSkew(state: ClientState, error: S3ServiceError, response: HttpResponse, signedOffset: number): void {
    if (!CLOCK_SKEW_ERROR_CODES.has(error.code)) return;
    const serverTimeText = response.headers.date ?? (error.details?.ServerTime as string | undefined);
    const serverTime = serverTimeText === undefined ? NaN : Date.parse(serverTimeText);
    if (Number.isNaN(serverTime)) return;
    const offset = serverTime - (this.#options.clock ?? systemClock).now();
    if (Math.abs(offset - signedOffset) < SKEW_TOLERANCE_MS) return;
    state.signer.setClockOffset(offset);
    Object.defineProperty(error, 'clockSkewCorrected', { value: true, enumerable: false, configurable: true });
  }

  async #readOutput(
    op: CompiledOperation,
    input: Record<string, unknown>,
    response: HttpResponse,
    autoUrlEncoding: boolean,
    validate: boolean,
  ): Promise<Record<string, unknown>> {
    const output: Record<string, unknown> = {};
    readHeaders(op, response, output);
    if (op.readsBody) {
      const bytes = await response.body.bytes();
      const declared = response.headers['content-length'];
      if (declared !== undefined && response.headers['content-encoding'] === undefined && Number(declared) !== bytes.byteLength) {
        throw new NetworkError(`${op.spec.name} response body truncated: received ${bytes.byteLength} of ${declared} bytes`, {
          code: 'ERR_BODY_TRUNCATED',
        });
      }
      const text = new TextDecoder().decode(bytes);
      // An <Error> document is an error whatever the status: S3 may answer 200 and fail later (CopyObject,
      // UploadPartCopy, CompleteMultipartUpload, and SlowDown on DeleteObjects has been seen in the wild).
      if (isS3ErrorBody(text)) {
        throw await this.#errorOf(op, input, { ...response, body: { ...response.body, text: () => Promise.resolve(text) } });
      }
      try {
        readXmlBody(op, text, output, autoUrlEncoding);
      } catch (err) {
        // A 2xx body that is not XML is almost always a cut-off one: retry it as a network failure.
        if (isXmlParseError(err)) throw new NetworkError(`${op.spec.name} response body is not valid XML`, { code: 'ERR_BODY_INVALID', cause: err });
        throw err;
      }
    } else if (op.outputBody !== undefined) {
      const checks = this.#bodyChecks(response, validate);
      const fields = { operation: op.spec.name, bucket: input.Bucket, key: input.Key };
      output[op.outputBody] = this.#bodies.track(response.body, fields, (tracked) => createS3Body(tracked, checks));
    } else {
      await response.body.dump();
    }
    return output;
  }

  #bodyChecks(response: HttpResponse, validate: boolean): BodyChecks {
    const headers = response.headers;
    const checks: BodyChecks = {};
    const declared = headers['content-length'];
    if (declared !== undefined && headers['content-encoding'] === undefined) checks.expectedLength = Number(declared);
    if (validate && response.statusCode === 200 && headers['content-range'] === undefined) {
      const algorithm = fullObjectChecksum(headers);
      if (algorithm) checks.checksum = algorithm;
    }
    return checks;
  }
}

/** The full-object checksum of a response, if it has one (`-N` suffixed values are composite, per part). */
function fullObjectChecksum(headers: Record<string, string>): { algorithm: ChecksumAlgorithm; expected: string } | undefined {
  if (headers['x-amz-checksum-type'] === 'COMPOSITE') return undefined;
  for (const algorithm of ['CRC64NVME', 'CRC32', 'CRC32C', 'SHA1', 'SHA256'] as const) {
    const value = headers[CHECKSUM_HEADERS[algorithm]];
    if (value !== undefined && isChecksumAlgorithm(algorithm) && !/-\d+$/.test(value)) return { algorithm, expected: value };
  }
  return undefined;
}

export type { S3ClientMethods } from './client-methods.js';

/** The methods the operation table implies; the generated, documented interface must match it. */
type TableMethods = {
  [K in S3OperationName as Uncapitalize<K>]: (...args: MethodArgs<InputOf<S3Operations[K]>>) => Promise<OutputOf<S3Operations[K]>>;
};
// Compile-time drift check between client-methods.ts and the operation table: same names, identical
// signatures (a mismatch makes `_MethodsMatchTable` fail to compile).
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the exact identity test needs the generic form
type Identical<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type SameMethods =
  Identical<keyof TableMethods, keyof S3ClientMethods> extends true
    ? false extends { [K in keyof TableMethods]: Identical<TableMethods[K], S3ClientMethods[K]> }[keyof TableMethods]
      ? false
      : true
    : false;
type Assert<T extends true> = T;
type _MethodsMatchTable = Assert<SameMethods>;

// Declaration merging gives the class the generated methods' types; they are installed below.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface S3Client extends S3ClientMethods {}

for (const [name, op] of Object.entries(operations)) {
  Object.defineProperty(S3Client.prototype, lowerFirst(name), {
    value: function (this: S3Client, input: unknown = {}, options?: SendOptions) {
      return this.send(op, input, options);
    },
    writable: true,
    configurable: true,
  });
}

