import { ConfigError, NetworkError, OPERATION_CHANNEL, createRetryStrategy, traceOperation, tracingChannel } from '@s3kit/primitives';
import type { ResolvedConfig } from '@s3kit/primitives';
import { createBodyTracker } from '../body/body-tracker.js';
import type { BodyTracker } from '../body/body-tracker.js';
import { compileOperation } from '../interpreter/compile.js';
import type { Operation, OperationSpec, ResponseMetadata } from '../interpreter/spec.js';
import { CreateSession } from '../operations/buckets.js';
import type { CreateSessionOutput } from '../operations/buckets.js';
import { maxBufferedBodyBytesOf, resolveClientState } from './client-state.js';
import type { ClientState, CreateSessionCall } from './client-state.js';
import type { S3ClientOptions, SendOptions } from './client-options.js';
import { presignOperation, presignPostForm } from './presign-request.js';
import type { PresignedPost, PresignedUrl, PresignPostOptions, PresignUrlOptions } from './presign-request.js';
import { sendOperation } from './send-operation.js';

/** `CreateSession` for a directory bucket, sent with the client's own credentials (the spec turns session auth off). */
const createSession: CreateSessionCall = async (state, bucket, signal) => {
  const out = (await sendOperation(state, compileOperation(CreateSession), { Bucket: bucket }, signal ? { signal } : {})) as CreateSessionOutput;
  const c = out.Credentials;
  if (c === undefined) throw new NetworkError(`CreateSession ${bucket} answered without credentials`, { code: 'ERR_BODY_INVALID' });
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
};

// The channel `traceOperation` publishes on (channels are global by name): without subscribers, `send`
// skips building the span's name, attributes and closure.
const operationChannel = tracingChannel(OPERATION_CHANNEL);

/**
 * The S3 client without convenience methods: `send(Operation, input)` runs any operation given as
 * data, so a program that imports only the operations it uses lets a bundler drop the others
 * ({@link S3Client} adds one method per operation of the table, and so pulls in every spec).
 *
 * Resolves its settings once (options, then environment, then shared config files). Each call:
 * validates the input, serializes it (one interpreter for every operation), signs it (synchronously
 * with static credentials), sends it through the middleware stack (tracing, logging, your
 * middleware, per-endpoint circuit breaker, transport) under the retry strategy, maps errors to
 * `S3ServiceError`, follows a wrong-region answer once and corrects clock skew.
 *
 * @example
 * ```ts
 * import { S3BaseClient, GetObject, PutObject } from '@s3kit/s3-core';
 * const client = new S3BaseClient({ region: 'eu-west-1' });
 * await client.send(PutObject, { Bucket: 'photos', Key: 'a.txt', Body: 'hello' });
 * const { Body } = await client.send(GetObject, { Bucket: 'photos', Key: 'a.txt' });
 * console.log(await Body.text());
 * await client.close();
 * ```
 */
export class S3BaseClient {
  readonly #options: S3ClientOptions;
  #state: ClientState | undefined;
  #starting: Promise<ClientState> | undefined;
  #closed = false;
  readonly #bucketRegions = new Map<string, string>();
  readonly #bodies: BodyTracker;

  /**
   * @throws {ValidationError} `ERR_VALIDATION` for bad retry options or `maxBufferedBodyBytes` (other settings are checked on first use).
   */
  constructor(options: S3ClientOptions = {}) {
    this.#options = options;
    this.#bodies = createBodyTracker({ logger: options.logger });
    const retry = options.retry;
    if (retry !== undefined && !('run' in retry)) createRetryStrategy({ ...retry, ...(options.clock ? { clock: options.clock } : {}) });
    maxBufferedBodyBytesOf(options);
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
    const compiled = compileOperation(op as OperationSpec);
    type Output = Promise<O & { $metadata: ResponseMetadata }>;
    const values = input as Record<string, unknown>;
    if (!operationChannel.hasSubscribers) return sendOperation(state, compiled, values, options) as Output;
    const run = (): Output => sendOperation(state, compiled, values, options) as Output;
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
    return presignOperation(state, compileOperation(op as OperationSpec), input as Record<string, unknown>, options);
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
    return presignPostForm(state, options);
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
    if (state?.ownsTransport === true) await state.transport.close?.();
  }

  #ready(): Promise<ClientState> {
    if (this.#closed) return Promise.reject(new ConfigError('The S3Client was closed', { source: 'client' }));
    this.#starting ??= resolveClientState(this.#options, this.#bodies, this.#bucketRegions, createSession).then(
      (state) => (this.#state = state),
      (err: unknown) => {
        this.#starting = undefined;
        throw err;
      },
    );
    return this.#starting;
  }
}
