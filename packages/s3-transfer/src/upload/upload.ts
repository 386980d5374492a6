/**
 * Uploads: one PutObject below the multipart threshold, else a multipart upload with bounded
 * parallel parts, a checksum per part, a FULL_OBJECT checksum combined from the parts (CRC32 unless
 * the manager says otherwise), checkpoints for
 * resume, and abort on failure unless the caller keeps a checkpoint.
 */
import { fullObjectChecksum, isS3ServiceError } from '@s3kit/s3-core';
import type { ChecksumAlgorithm, FullObjectChecksumAlgorithm } from '@s3kit/s3-core';
import { abortMultipartUpload } from './abort-upload.js';
import { openUploadSource, meteredBody } from './body-source.js';
import type { SizedSource, StreamSource, UploadBody } from './body-source.js';
import { CHECKPOINT_VERSION, loadCheckpoint, removeCheckpoint, saveCheckpoint } from '../checkpoint/checkpoint.js';
import type { CheckpointPart, SourceIdentity, UploadCheckpoint } from '../checkpoint/checkpoint.js';
import { withLeftover } from '../manager/leftover.js';
import { createPartBuffers } from './part-buffers.js';
import type { PartBuffers } from './part-buffers.js';
import { DEFAULT_PART_SIZE, planParts, partRange, streamPartSize } from './part-plan.js';
import { createProgressTracker } from '../manager/progress.js';
import type { ProgressListener, ProgressTracker } from '../manager/progress.js';
import type { CompletedPartInput, ObjectWriteOptions } from '../manager/transfer-client.js';
import { createSerialQueue, requestSignal, runBounded, takeBandwidth, transferSignal } from '../manager/transfer-context.js';
import type { TransferContext } from '../manager/transfer-context.js';
import { ERR_CHECKPOINT_INVALID, ERR_INTEGRITY, ERR_SOURCE_CHANGED, TransferError } from '../manager/transfer-error.js';
import { checksumFrom, checksumInput, checksumsAgree, computeChecksum } from './transfer-checksum.js';
import type { TransferChecksum } from './transfer-checksum.js';

/** Input of `upload`: where, what, and the new object's headers (PutObject members). */
export interface UploadInput extends ObjectWriteOptions {
  Bucket: string;
  Key: string;
  /** A file path, bytes, a Blob, or a stream of unknown length. */
  Body: UploadBody;
}

/** Per-call options of `upload` and `resumeUpload`. */
export interface UploadOptions {
  /** Pauses the upload: with `checkpoint` the multipart upload is kept for `resumeUpload`, else it is aborted. */
  signal?: AbortSignal;
  /** Progress reports, byte-accurate while each part is sent. */
  onProgress?: ProgressListener;
  /**
   * Checkpoint file for resume (file bodies only). Written after each part; an existing checkpoint
   * for the same bucket, key and unchanged file is resumed. Removed on success.
   * @default none: a failed multipart upload is aborted
   */
  checkpoint?: string;
  /** Part size for this upload. @default the manager's */
  partSize?: number;
  /** Parts in flight for this upload. @default the manager's */
  concurrency?: number;
}

/** What an upload produced. */
export interface UploadResult {
  Bucket: string;
  Key: string;
  ETag: string | undefined;
  VersionId: string | undefined;
  /**
   * The object's checksum when it was computed: of the whole object (a single PutObject, or a
   * FULL_OBJECT multipart checksum), or the server's COMPOSITE one (`<base64>-<parts>`).
   */
  checksum: TransferChecksum | undefined;
  /** Bytes uploaded in total (resumed parts included). */
  size: number;
  /** Number of parts (1 for a single PutObject). */
  parts: number;
  /** Whether it was a multipart upload. */
  multipart: boolean;
  /** Parts found already uploaded and verified on resume (not sent again). */
  resumedParts: number;
}

interface MultipartState {
  Bucket: string;
  Key: string;
  UploadId: string;
  partSize: number;
  /** The parts' checksum algorithm; none when parts carry no checksum. */
  algorithm: ChecksumAlgorithm | undefined;
  identity: SourceIdentity | undefined;
  parts: Map<number, CheckpointPart>;
  ExpectedBucketOwner: string | undefined;
}

interface PartJob {
  partNumber: number;
  data: Uint8Array;
  release: () => void;
}

function checkpointOf(state: MultipartState): UploadCheckpoint {
  return {
    version: CHECKPOINT_VERSION,
    kind: 'upload',
    Bucket: state.Bucket,
    Key: state.Key,
    UploadId: state.UploadId,
    partSize: state.partSize,
    ...(state.algorithm === undefined ? {} : { checksumAlgorithm: state.algorithm }),
    source: state.identity!,
    parts: [...state.parts.values()].sort((a, b) => a.PartNumber - b.PartNumber),
  };
}

function integrity(message: string): TransferError {
  return new TransferError(ERR_INTEGRITY, message);
}

/** Sends one body (PutObject or UploadPart) with part-level retries and metered progress. */
async function sendWithRetry<T>(
  ctx: TransferContext,
  data: Uint8Array,
  progress: ProgressTracker,
  signal: AbortSignal,
  send: (body: AsyncIterable<Uint8Array>, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  return ctx.retry.run(
    async (attempt) => {
      const s = requestSignal(attempt.signal ?? signal);
      let sent = 0;
      const release = await ctx.slots.acquire(1, s);
      try {
        const body = meteredBody(
          data,
          ctx.chunkSize,
          ctx.bandwidth ? (n) => takeBandwidth(ctx, n, s) : undefined,
          (n) => {
            sent += n;
            progress.add(n);
          },
        );
        return await send(body, s);
      } catch (err) {
        progress.add(-sent);
        throw err;
      } finally {
        release();
      }
    },
    { signal, replayable: true },
  );
}

async function uploadPart(ctx: TransferContext, state: MultipartState, job: PartJob, progress: ProgressTracker, signal: AbortSignal): Promise<CheckpointPart> {
  const checksum = state.algorithm === undefined ? undefined : await computeChecksum(ctx.hashes, state.algorithm, job.data, signal);
  const out = await sendWithRetry(ctx, job.data, progress, signal, (Body, s) =>
    ctx.client.uploadPart(
      {
        Bucket: state.Bucket,
        Key: state.Key,
        UploadId: state.UploadId,
        PartNumber: job.partNumber,
        Body,
        ContentLength: job.data.byteLength,
        ...checksumInput(checksum),
        ...(state.ExpectedBucketOwner === undefined ? {} : { ExpectedBucketOwner: state.ExpectedBucketOwner }),
      },
      { signal: s, maxAttempts: 1 },
    ),
  );
  if (out.ETag === undefined) throw integrity(`UploadPart ${job.partNumber} of s3://${state.Bucket}/${state.Key} returned no ETag`);
  const server = checksumFrom(out, state.algorithm);
  if (!checksumsAgree(checksum, server)) {
    throw integrity(`UploadPart ${job.partNumber} of s3://${state.Bucket}/${state.Key}: server ${server!.algorithm} ${server!.value} differs from ${checksum!.value}`);
  }
  return { PartNumber: job.partNumber, ETag: out.ETag, Size: job.data.byteLength, ...(checksum === undefined ? {} : { checksum }) };
}

/** Lists every part of an upload (all pages). */
async function listAllParts(ctx: TransferContext, state: MultipartState, signal: AbortSignal): Promise<Map<number, CheckpointPart>> {
  const found = new Map<number, CheckpointPart>();
  let marker: number | undefined;
  for (;;) {
    const page = await ctx.client.listParts(
      { Bucket: state.Bucket, Key: state.Key, UploadId: state.UploadId, ...(marker === undefined ? {} : { PartNumberMarker: marker }) },
      { signal },
    );
    for (const p of page.Parts ?? []) {
      if (p.PartNumber === undefined || p.ETag === undefined || p.Size === undefined) continue;
      const checksum = checksumFrom(p, state.algorithm);
      found.set(p.PartNumber, { PartNumber: p.PartNumber, ETag: p.ETag, Size: p.Size, ...(checksum === undefined ? {} : { checksum }) });
    }
    if (page.IsTruncated !== true || page.NextPartNumberMarker === undefined) return found;
    marker = page.NextPartNumberMarker;
  }
}

async function complete(ctx: TransferContext, state: MultipartState, signal: AbortSignal): Promise<UploadResult & { resumedParts: 0 }> {
  const parts = [...state.parts.values()].sort((a, b) => a.PartNumber - b.PartNumber);
  const size = parts.reduce((n, p) => n + p.Size, 0);
  const fullAlgorithm = ctx.checksum === 'full-object' ? (state.algorithm as FullObjectChecksumAlgorithm | undefined) : undefined;
  const expected: TransferChecksum | undefined =
    fullAlgorithm === undefined ? undefined : { algorithm: fullAlgorithm, value: fullObjectChecksum(fullAlgorithm, parts.map((p) => ({ checksum: p.checksum!.value, size: p.Size }))) };
  const input = {
    Bucket: state.Bucket,
    Key: state.Key,
    UploadId: state.UploadId,
    MultipartUpload: {
      Parts: parts.map((p): CompletedPartInput => ({ PartNumber: p.PartNumber, ETag: p.ETag, ...checksumInput(p.checksum) })),
    },
    ...(expected === undefined ? {} : { ...checksumInput(expected), ChecksumType: 'FULL_OBJECT' as const, MpuObjectSize: size }),
    ...(state.ExpectedBucketOwner === undefined ? {} : { ExpectedBucketOwner: state.ExpectedBucketOwner }),
  };
  const out = await ctx.retry.run(({ signal: s }) => ctx.client.completeMultipartUpload(input, { signal: s ?? signal, maxAttempts: 1 }), { signal });
  // Without checksums of ours the server may still report one of its own (in the manager's algorithm).
  const server = checksumFrom(out, state.algorithm ?? ctx.checksumAlgorithm);
  if (expected !== undefined && !checksumsAgree(expected, server)) {
    throw integrity(`s3://${state.Bucket}/${state.Key}: server ${server!.algorithm} ${server!.value} differs from the parts' combined ${expected.value}`);
  }
  return {
    Bucket: state.Bucket,
    Key: state.Key,
    ETag: out.ETag,
    VersionId: out.VersionId,
    checksum: expected ?? server,
    size,
    parts: parts.length,
    multipart: true,
    resumedParts: 0,
  };
}

/**
 * Runs the parts `next` produces against an upload, then completes it. On failure: keeps the
 * upload (checkpoint saved) when `checkpointPath` is set and the source is resumable and the
 * caller did not cancel through `manager.abort()`; aborts it otherwise.
 */
async function runMultipart(
  ctx: TransferContext,
  state: MultipartState,
  next: (signal: AbortSignal) => Promise<PartJob | undefined>,
  progress: ProgressTracker,
  signal: AbortSignal,
  options: UploadOptions,
): Promise<UploadResult> {
  const saves = createSerialQueue();
  const checkpointPath = state.identity === undefined ? undefined : options.checkpoint;
  try {
    if (checkpointPath !== undefined) await saves.run(() => saveCheckpoint(checkpointPath, checkpointOf(state), ctx.fs));
    await runBounded(options.concurrency ?? ctx.concurrency, signal, async (inner) => {
      const job = await next(inner);
      if (!job) return undefined;
      return async () => {
        try {
          const part = await uploadPart(ctx, state, job, progress, inner);
          state.parts.set(part.PartNumber, part);
          if (checkpointPath !== undefined) await saves.run(() => saveCheckpoint(checkpointPath, checkpointOf(state), ctx.fs));
        } finally {
          job.release();
        }
      };
    });
    const result = await complete(ctx, state, signal);
    if (checkpointPath !== undefined) await saves.run(() => removeCheckpoint(checkpointPath, ctx.fs));
    return result;
  } catch (err) {
    await saves.idle();
    const upload = { kind: 'multipart-upload', Bucket: state.Bucket, Key: state.Key, UploadId: state.UploadId } as const;
    const keep = checkpointPath !== undefined && !ctx.cancelled.aborted && !(err instanceof TransferError);
    if (keep) throw withLeftover(err, { ...upload, state: 'kept', checkpoint: checkpointPath });
    const outcome = await abortMultipartUpload(ctx, state);
    if (checkpointPath !== undefined) await removeCheckpoint(checkpointPath, ctx.fs).catch(() => undefined);
    throw withLeftover(err, { ...upload, state: outcome });
  }
}

/** A part buffer of `size` bytes counted in the memory budget; `release` (idempotent) frees both. */
async function partBuffer(ctx: TransferContext, buffers: PartBuffers, size: number, signal: AbortSignal): Promise<{ buffer: Uint8Array; release: () => void }> {
  const budget = await ctx.memory.acquire(size, signal);
  const buffer = buffers.take(size);
  let done = false;
  const release = (): void => {
    if (done) return;
    done = true;
    buffers.give(buffer);
    budget();
  };
  return { buffer, release };
}

/** Part jobs of a sized source, skipping parts already done. */
function sizedJobs(ctx: TransferContext, source: SizedSource, state: MultipartState, partCount: number): (signal: AbortSignal) => Promise<PartJob | undefined> {
  let n = 0;
  const plan = { partSize: state.partSize, partCount, size: source.size };
  const buffers = createPartBuffers();
  return async (signal) => {
    do n++;
    while (n <= partCount && state.parts.has(n));
    if (n > partCount) return undefined;
    const { start, end } = partRange(plan, n);
    if (!source.allocates) return { partNumber: n, data: await source.read(start, end), release: () => undefined };
    const { buffer, release } = await partBuffer(ctx, buffers, state.partSize, signal);
    try {
      return { partNumber: n, data: await source.read(start, end, buffer), release };
    } catch (err) {
      release();
      throw err;
    }
  };
}

/** Part jobs of a stream: the first buffer already read, then `streamPartSize` buffers as memory allows. */
function streamJobs(
  ctx: TransferContext,
  source: StreamSource,
  base: number,
  first: PartJob,
  buffers: PartBuffers,
): (signal: AbortSignal) => Promise<PartJob | undefined> {
  let n = 0;
  let ended = first.data.byteLength < base;
  return async (signal) => {
    n++;
    if (n === 1) return first;
    if (ended) return undefined;
    const size = streamPartSize(base, n);
    const { buffer, release } = await partBuffer(ctx, buffers, size, signal);
    try {
      const filled = await source.fill(buffer);
      if (filled < size) ended = true;
      if (filled === 0) {
        release();
        return undefined;
      }
      return { partNumber: n, data: buffer.subarray(0, filled), release };
    } catch (err) {
      release();
      throw err;
    }
  };
}

async function putSingle(
  ctx: TransferContext,
  input: UploadInput,
  data: Uint8Array,
  progress: ProgressTracker,
  signal: AbortSignal,
): Promise<UploadResult> {
  const { Body: _body, ...headers } = input;
  const checksum = ctx.checksum === 'none' ? undefined : await computeChecksum(ctx.hashes, ctx.checksumAlgorithm, data, signal);
  const out = await sendWithRetry(ctx, data, progress, signal, (Body, s) =>
    ctx.client.putObject({ ...headers, Body, ContentLength: data.byteLength, ...checksumInput(checksum) }, { signal: s, maxAttempts: 1 }),
  );
  const server = checksumFrom(out, checksum?.algorithm);
  if (!checksumsAgree(checksum, server)) {
    throw integrity(`PutObject s3://${input.Bucket}/${input.Key}: server ${server!.algorithm} ${server!.value} differs from ${checksum!.value}`);
  }
  return {
    Bucket: input.Bucket,
    Key: input.Key,
    ETag: out.ETag,
    VersionId: out.VersionId,
    checksum,
    size: data.byteLength,
    parts: 1,
    multipart: false,
    resumedParts: 0,
  };
}

async function createUpload(ctx: TransferContext, input: UploadInput, partSize: number, identity: SourceIdentity | undefined, signal: AbortSignal): Promise<MultipartState> {
  const { Body: _body, ...headers } = input;
  const algorithm = ctx.checksum === 'none' ? undefined : ctx.checksumAlgorithm;
  const created = await ctx.client.createMultipartUpload(
    { ...headers, ...(algorithm === undefined ? {} : { ChecksumAlgorithm: algorithm, ChecksumType: ctx.checksum === 'full-object' ? ('FULL_OBJECT' as const) : ('COMPOSITE' as const) }) },
    { signal },
  );
  if (created.UploadId === undefined) throw integrity(`CreateMultipartUpload s3://${input.Bucket}/${input.Key} returned no UploadId`);
  return {
    Bucket: input.Bucket,
    Key: input.Key,
    UploadId: created.UploadId,
    partSize,
    algorithm,
    identity,
    parts: new Map(),
    ExpectedBucketOwner: input.ExpectedBucketOwner,
  };
}

/** Runs `upload` for a manager. */
export async function runUpload(ctx: TransferContext, input: UploadInput, options: UploadOptions = {}): Promise<UploadResult> {
  const signal = transferSignal(ctx, options.signal);
  const source = await openUploadSource(input.Body, ctx.fs);
  try {
    if (source.kind === 'sized' && source.identity !== undefined && options.checkpoint !== undefined) {
      const saved = await loadCheckpoint(options.checkpoint, ctx.fs);
      if (saved?.kind === 'upload' && saved.Bucket === input.Bucket && saved.Key === input.Key && saved.source.path === source.identity.path) {
        return await resumeWith(ctx, saved, source, options, signal);
      }
    }
    const progress = createProgressTracker(input.Bucket, input.Key, source.kind === 'sized' ? source.size : undefined, ctx.clock, options.onProgress);
    const wanted = options.partSize ?? ctx.partSize;
    if (source.kind === 'sized') {
      if (source.size < ctx.multipartThreshold) {
        const release = source.allocates ? await ctx.memory.acquire(source.size, signal) : () => undefined;
        try {
          return await putSingle(ctx, input, await source.read(0, source.size), progress, signal);
        } finally {
          release();
        }
      }
      const plan = planParts(source.size, { partSize: wanted, minPartSize: ctx.minPartSize });
      const state = await createUpload(ctx, input, plan.partSize, source.identity, signal);
      return await runMultipart(ctx, state, sizedJobs(ctx, source, state, plan.partCount), progress, signal, options);
    }
    const base = planParts(0, { partSize: wanted ?? Math.max(DEFAULT_PART_SIZE, ctx.minPartSize), minPartSize: ctx.minPartSize }).partSize;
    const buffers = createPartBuffers();
    const { buffer, release } = await partBuffer(ctx, buffers, base, signal);
    let first: PartJob;
    try {
      const filled = await source.fill(buffer);
      first = { partNumber: 1, data: buffer.subarray(0, filled), release };
      if (filled < base) {
        progress.setTotal(filled);
        try {
          return await putSingle(ctx, input, first.data, progress, signal);
        } finally {
          release();
        }
      }
    } catch (err) {
      release();
      throw err;
    }
    const state = await createUpload(ctx, input, base, undefined, signal).catch((err: unknown) => {
      release();
      throw err;
    });
    try {
      return await runMultipart(ctx, state, streamJobs(ctx, source, base, first, buffers), progress, signal, options);
    } finally {
      // Idempotent: a no-op when part 1 ran (and released its buffer), needed when it never started.
      release();
    }
  } finally {
    await source.close();
  }
}

async function resumeWith(ctx: TransferContext, saved: UploadCheckpoint, source: SizedSource, options: UploadOptions, signal: AbortSignal): Promise<UploadResult> {
  const state: MultipartState = {
    Bucket: saved.Bucket,
    Key: saved.Key,
    UploadId: saved.UploadId,
    partSize: saved.partSize,
    algorithm: saved.checksumAlgorithm,
    identity: saved.source,
    parts: new Map(),
    ExpectedBucketOwner: undefined,
  };
  const id = source.identity!;
  if (id.size !== saved.source.size || id.mtimeMs !== saved.source.mtimeMs) {
    await abortMultipartUpload(ctx, state);
    if (options.checkpoint !== undefined) await removeCheckpoint(options.checkpoint, ctx.fs);
    throw new TransferError(ERR_SOURCE_CHANGED, `${id.path} changed since the upload to s3://${saved.Bucket}/${saved.Key} was checkpointed; upload it again`);
  }
  let listed: Map<number, CheckpointPart>;
  try {
    listed = await listAllParts(ctx, state, signal);
  } catch (err) {
    if (isS3ServiceError(err) && err.code === 'NoSuchUpload') {
      if (options.checkpoint !== undefined) await removeCheckpoint(options.checkpoint, ctx.fs);
      throw new TransferError(ERR_CHECKPOINT_INVALID, `The multipart upload of the checkpoint for s3://${saved.Bucket}/${saved.Key} no longer exists; upload again`, {
        cause: err,
      });
    }
    throw err;
  }
  const plan = planParts(source.size, { partSize: saved.partSize, minPartSize: 1 });
  const recorded = new Map(saved.parts.map((p) => [p.PartNumber, p]));
  for (let n = 1; n <= plan.partCount; n++) {
    const { start, end } = partRange(plan, n);
    const server = listed.get(n);
    if (!server || server.Size !== end - start) continue;
    const mine = recorded.get(n);
    if (mine && mine.ETag === server.ETag && checksumsAgree(mine.checksum, server.checksum)) {
      state.parts.set(n, { ...server, ...(mine.checksum === undefined ? {} : { checksum: mine.checksum }) });
    } else if (server.checksum !== undefined) {
      // Uploaded but not checkpointed (killed between the two): verify it against the file.
      const release = await ctx.memory.acquire(end - start, signal);
      try {
        if ((await computeChecksum(ctx.hashes, server.checksum.algorithm, await source.read(start, end), signal)).value === server.checksum.value) state.parts.set(n, server);
      } finally {
        release();
      }
    }
  }
  const progress = createProgressTracker(saved.Bucket, saved.Key, source.size, ctx.clock, options.onProgress);
  let done = 0;
  for (const p of state.parts.values()) done += p.Size;
  if (done > 0) progress.add(done);
  const resumedParts = state.parts.size;
  const result = await runMultipart(ctx, state, sizedJobs(ctx, source, state, plan.partCount), progress, signal, options);
  return { ...result, resumedParts };
}

/** Runs `resumeUpload` for a manager: the checkpoint (or its file) names the source file. */
export async function runResumeUpload(ctx: TransferContext, checkpoint: UploadCheckpoint | string, options: UploadOptions = {}): Promise<UploadResult> {
  const signal = transferSignal(ctx, options.signal);
  let saved: UploadCheckpoint;
  let path = options.checkpoint;
  if (typeof checkpoint === 'string') {
    const loaded = await loadCheckpoint(checkpoint, ctx.fs);
    if (loaded?.kind !== 'upload') throw new TransferError(ERR_CHECKPOINT_INVALID, `${checkpoint} is not an upload checkpoint`);
    saved = loaded;
    path ??= checkpoint;
  } else {
    saved = checkpoint;
  }
  const source = await openUploadSource(saved.source.path, ctx.fs);
  try {
    return await resumeWith(ctx, saved, source as SizedSource, path === undefined ? options : { ...options, checkpoint: path }, signal);
  } finally {
    await source.close();
  }
}
