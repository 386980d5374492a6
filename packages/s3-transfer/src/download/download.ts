/**
 * Downloads: parallel ranged GETs pinned to one ETag (`If-Match`), streamed to a temp file at
 * their offsets, verified (full-object checksum, else multipart ETag, else size) and only then
 * renamed into place.
 */
import { createHash, randomUUID } from '#platform/transfer-crypto';
import type { Hash } from '#platform/transfer-crypto';
import { nodePath } from '#platform/node-files';
import type { Writable } from 'node:stream';
import { NetworkError, ValidationError } from '@s3kit/primitives';
import { createChecksum, fullObjectChecksum, multipartEtag } from '@s3kit/s3-core';
import type { Checksum, FullObjectChecksumAlgorithm } from '@s3kit/s3-core';
import { CHECKPOINT_VERSION, loadCheckpoint, removeCheckpoint, saveCheckpoint } from '../checkpoint/checkpoint.js';
import { checkContentRange } from './content-range.js';
import type { CheckpointRange, DownloadCheckpoint } from '../checkpoint/checkpoint.js';
import type { TransferFileHandle } from '../files/file-system.js';
import { withLeftover } from '../manager/leftover.js';
import { writeAt } from '../files/file-system.js';
import { DEFAULT_PART_SIZE, rangeHeader } from '../upload/part-plan.js';
import { createProgressTracker } from '../manager/progress.js';
import type { ProgressListener, ProgressTracker } from '../manager/progress.js';
import type { ObjectHeadOutput } from '../manager/transfer-client.js';
import { createSerialQueue, mapPrecondition, requestSignal, runBounded, takeBandwidth, transferSignal } from '../manager/transfer-context.js';
import type { TransferContext } from '../manager/transfer-context.js';
import { ERR_INTEGRITY, ERR_OBJECT_CHANGED, TransferError } from '../manager/transfer-error.js';
import { allocBytes } from '../upload/part-buffers.js';
import { isWritableStream, webStreamSink } from './web-stream-sink.js';
import type { ChunkSink } from './web-stream-sink.js';

/** Which object to download. */
export interface DownloadInput {
  Bucket: string;
  Key: string;
  /** A specific version. @default the current one */
  VersionId?: string;
}

/** Per-call options of `download`. */
export interface DownloadOptions {
  /**
   * A file path (written to a temp file beside it, renamed when verified), a Node `Writable` (written in
   * order, left open) or a web `WritableStream` (written in order, closed when verified, aborted on failure).
   */
  to: string | Writable | WritableStream<Uint8Array>;
  /** Ranges in flight. @default the manager's concurrency */
  concurrency?: number;
  /** Range size. @default the manager's part size, else 8 MiB */
  partSize?: number;
  /** Pauses (with `checkpoint`) or cancels the download. */
  signal?: AbortSignal;
  /** Progress reports, byte-accurate while each range is read. */
  onProgress?: ProgressListener;
  /**
   * Checkpoint file (file targets only): written after each range; an existing one for the same
   * object, ETag and path is resumed. Removed on success.
   * @default none: the temp file is deleted on failure
   */
  checkpoint?: string;
}

/** How a download was verified. */
export type Verification = 'checksum' | 'multipart-etag' | 'etag' | 'size';

/** What a download produced. */
export interface DownloadResult {
  Bucket: string;
  Key: string;
  ETag: string;
  size: number;
  /** The strongest check that passed. */
  verifiedBy: Verification;
  /** Ranges already on disk from a checkpoint (not fetched again). */
  resumedRanges: number;
  /** The object's metadata (from HEAD). */
  head: ObjectHeadOutput;
}

interface Range {
  partNumber: number;
  start: number;
  end: number;
}

interface Plan {
  etag: string;
  size: number;
  partSize: number;
  /** Full-object checksum to verify against. */
  full: { algorithm: FullObjectChecksumAlgorithm; expected: string } | undefined;
  /** Whether each range's MD5 is needed (multipart ETag or single-range plain ETag). */
  md5: 'multipart' | 'single' | undefined;
  head: ObjectHeadOutput;
}

const FULL_ALGORITHMS = [
  ['CRC64NVME', 'ChecksumCRC64NVME'],
  ['CRC32', 'ChecksumCRC32'],
  ['CRC32C', 'ChecksumCRC32C'],
] as const;

function fullChecksumOf(head: ObjectHeadOutput): Plan['full'] {
  if (head.ChecksumType === 'COMPOSITE') return undefined;
  for (const [algorithm, member] of FULL_ALGORITHMS) {
    const value = head[member];
    if (value !== undefined && !/-\d+$/.test(value)) return { algorithm, expected: value };
  }
  return undefined;
}

function ranges(size: number, partSize: number): Range[] {
  const out: Range[] = [];
  for (let start = 0, n = 1; start < size; start += partSize, n++) out.push({ partNumber: n, start, end: Math.min(size, start + partSize) });
  return out;
}

async function planDownload(ctx: TransferContext, input: DownloadInput, options: Omit<DownloadOptions, 'to'>, signal: AbortSignal): Promise<Plan> {
  const version = input.VersionId === undefined ? {} : { VersionId: input.VersionId };
  const head = await ctx.client.headObject({ Bucket: input.Bucket, Key: input.Key, ...version, ChecksumMode: 'ENABLED' }, { signal });
  const etag = head.ETag;
  const size = head.ContentLength;
  if (etag === undefined || size === undefined) throw new TransferError(ERR_INTEGRITY, `HeadObject s3://${input.Bucket}/${input.Key} returned no ETag or length`);
  let partSize = options.partSize ?? ctx.partSize ?? DEFAULT_PART_SIZE;
  if (!Number.isSafeInteger(partSize) || partSize < 1) throw new ValidationError({ field: 'partSize', rule: 'must be an integer >= 1', value: partSize });
  const full = fullChecksumOf(head);
  let md5: Plan['md5'];
  if (!full) {
    const multipart = /^"?[0-9a-f]{32}-(\d+)"?$/i.exec(etag);
    const encrypted = head.SSECustomerAlgorithm !== undefined || (head.ServerSideEncryption ?? '').startsWith('aws:kms');
    if (multipart && !encrypted) {
      // The ETag is md5-of-md5s of the upload's parts: fetch the same parts to recompute it.
      const count = Number(multipart[1]);
      const first = await ctx.client.headObject({ Bucket: input.Bucket, Key: input.Key, ...version, PartNumber: 1, IfMatch: etag }, { signal });
      const p1 = first.ContentLength;
      if (p1 !== undefined && p1 > 0 && Math.ceil(size / p1) === count) {
        partSize = p1;
        md5 = 'multipart';
      }
    } else if (!multipart && !encrypted && /^"?[0-9a-f]{32}"?$/i.test(etag) && size <= partSize) {
      md5 = 'single';
    }
  }
  return { etag, size, partSize, full, md5, head };
}

/** Bytes of a range collected before they are written. */
const WRITE_BATCH = 1024 * 1024;

interface RangeDigest {
  checksum: string | undefined;
  md5: string | undefined;
}

/** Fetches one range with retries, handing chunks to `sink` at their offset within the range. */
async function fetchRange(
  ctx: TransferContext,
  input: DownloadInput,
  plan: Plan,
  range: Range,
  progress: ProgressTracker,
  signal: AbortSignal,
  sink: (chunks: Uint8Array[], offset: number) => Promise<void>,
): Promise<RangeDigest> {
  const expected = range.end - range.start;
  try {
    return await ctx.retry.run(
      async (attempt) => {
        const s = requestSignal(attempt.signal ?? signal);
        let got = 0;
        const release = await ctx.slots.acquire(1, s);
        try {
          const sum: Checksum | undefined = plan.full ? createChecksum(plan.full.algorithm) : undefined;
          const md5: Hash | undefined = plan.md5 ? createHash('md5') : undefined;
          const out = await ctx.client.getObject(
            {
              Bucket: input.Bucket,
              Key: input.Key,
              Range: rangeHeader(range),
              IfMatch: plan.etag,
              ...(input.VersionId === undefined ? {} : { VersionId: input.VersionId }),
            },
            { signal: s, maxAttempts: 1 },
          );
          if (out.ETag !== undefined && out.ETag !== plan.etag) {
            await out.Body.dump();
            throw new TransferError(ERR_OBJECT_CHANGED, `s3://${input.Bucket}/${input.Key} changed during the download (ETag ${plan.etag} became ${out.ETag})`);
          }
          try {
            checkContentRange(range, plan.size, out.ContentRange, `GetObject s3://${input.Bucket}/${input.Key}`);
          } catch (err) {
            await out.Body.dump();
            throw err;
          }
          // Chunks go to the sink in batches of WRITE_BATCH bytes: one write call per batch
          // instead of one per network chunk (16 per MiB).
          let batch: Uint8Array[] = [];
          let batched = 0;
          for await (const chunk of out.Body) {
            if (got + chunk.byteLength > expected) throw new NetworkError(`GetObject ${input.Key} sent more bytes than the range asked for`, { code: 'ERR_BODY_TOO_LONG' });
            await takeBandwidth(ctx, chunk.byteLength, s);
            sum?.update(chunk);
            md5?.update(chunk);
            batch.push(chunk);
            batched += chunk.byteLength;
            got += chunk.byteLength;
            progress.add(chunk.byteLength);
            if (batched >= WRITE_BATCH) {
              await sink(batch, got - batched);
              batch = [];
              batched = 0;
            }
          }
          if (batched > 0) await sink(batch, got - batched);
          if (got !== expected) {
            throw new NetworkError(`GetObject ${input.Key} range ${rangeHeader(range)}: received ${got} of ${expected} bytes`, { code: 'ERR_BODY_TRUNCATED' });
          }
          return { checksum: sum?.digestBase64(), md5: md5?.digest('hex') };
        } catch (err) {
          progress.add(-got);
          throw err;
        } finally {
          release();
        }
      },
      { signal, replayable: true },
    );
  } catch (err) {
    throw mapPrecondition(err, input.Bucket, input.Key, plan.etag);
  }
}

/** Checks the ranges' digests against the object; returns how it was verified. */
function verify(input: DownloadInput, plan: Plan, digests: ReadonlyMap<number, RangeDigest>, written: number): Verification {
  const fail = (what: string): never => {
    throw new TransferError(ERR_INTEGRITY, `Download of s3://${input.Bucket}/${input.Key} failed verification: ${what}`);
  };
  if (written !== plan.size) fail(`${written} bytes written, object has ${plan.size}`);
  const ordered = [...digests.entries()].sort((a, b) => a[0] - b[0]).map(([, d]) => d);
  if (plan.full) {
    const actual =
      plan.size === 0
        ? createChecksum(plan.full.algorithm).digestBase64()
        : fullObjectChecksum(
            plan.full.algorithm,
            ordered.map((d, i) => ({ checksum: d.checksum!, size: Math.min(plan.partSize, plan.size - i * plan.partSize) })),
          );
    if (actual !== plan.full.expected) fail(`${plan.full.algorithm} ${actual} differs from the object's ${plan.full.expected}`);
    return 'checksum';
  }
  if (plan.md5 === 'multipart') {
    const actual = multipartEtag(ordered.map((d) => d.md5!));
    if (actual.replace(/"/g, '') !== plan.etag.replace(/"/g, '')) fail(`multipart ETag ${actual} differs from ${plan.etag}`);
    return 'multipart-etag';
  }
  if (plan.md5 === 'single') {
    const actual = ordered[0]?.md5 ?? createHash('md5').digest('hex');
    if (actual !== plan.etag.replace(/"/g, '')) fail(`MD5 ${actual} differs from ETag ${plan.etag}`);
    return 'etag';
  }
  return 'size';
}

async function toFile(ctx: TransferContext, input: DownloadInput, options: DownloadOptions & { to: string }, signal: AbortSignal): Promise<DownloadResult> {
  const target = nodePath.resolve(options.to);
  const checkpointPath = options.checkpoint;
  const plan = await planDownload(ctx, input, options, signal);
  let saved: DownloadCheckpoint | undefined;
  if (checkpointPath !== undefined) {
    const loaded = await loadCheckpoint(checkpointPath, ctx.fs);
    if (
      loaded?.kind === 'download' &&
      loaded.Bucket === input.Bucket &&
      loaded.Key === input.Key &&
      loaded.path === target &&
      loaded.ETag === plan.etag &&
      loaded.size === plan.size
    ) {
      saved = loaded;
      plan.partSize = loaded.partSize;
    } else if (loaded?.kind === 'download') {
      await ctx.fs.rm(loaded.tempPath, { force: true });
    }
  }
  const all = ranges(plan.size, plan.partSize);
  const digests = new Map<number, RangeDigest>();
  const done: CheckpointRange[] = [];
  const usable = (r: CheckpointRange): boolean => (plan.full === undefined || r.checksum !== undefined) && (plan.md5 === undefined || r.md5 !== undefined);
  for (const r of saved?.ranges ?? []) {
    if (!usable(r) || r.partNumber > all.length) continue;
    digests.set(r.partNumber, { checksum: r.checksum, md5: r.md5 });
    done.push(r);
  }
  const resumedRanges = done.length;
  const tempPath = saved?.tempPath ?? `${target}.${randomUUID().slice(0, 8)}.s3kit-part`;
  const progress = createProgressTracker(input.Bucket, input.Key, plan.size, ctx.clock, options.onProgress);
  let resumedBytes = 0;
  for (const r of done) resumedBytes += all[r.partNumber - 1]!.end - all[r.partNumber - 1]!.start;
  if (resumedBytes > 0) progress.add(resumedBytes);
  const checkpointOf = (): DownloadCheckpoint => ({
    version: CHECKPOINT_VERSION,
    kind: 'download',
    Bucket: input.Bucket,
    Key: input.Key,
    ETag: plan.etag,
    size: plan.size,
    partSize: plan.partSize,
    tempPath,
    path: target,
    ranges: [...done].sort((a, b) => a.partNumber - b.partNumber),
  });
  const saves = createSerialQueue();
  await ctx.fs.mkdir(nodePath.dirname(target), { recursive: true });
  let handle: TransferFileHandle | undefined;
  try {
    handle = saved ? await ctx.fs.open(tempPath, 'r+').catch(() => ctx.fs.open(tempPath, 'w')) : await ctx.fs.open(tempPath, 'w');
    const file = handle;
    if (checkpointPath !== undefined) await saves.run(() => saveCheckpoint(checkpointPath, checkpointOf(), ctx.fs));
    let next = 0;
    const todo = all.filter((r) => !digests.has(r.partNumber));
    await runBounded(options.concurrency ?? ctx.concurrency, signal, (inner) => {
      const range = todo[next++];
      if (!range) return Promise.resolve(undefined);
      return Promise.resolve(async () => {
        const digest = await fetchRange(ctx, input, plan, range, progress, inner, (chunks, offset) => writeAt(file, chunks, range.start + offset));
        digests.set(range.partNumber, digest);
        done.push({ partNumber: range.partNumber, ...(digest.checksum === undefined ? {} : { checksum: digest.checksum }), ...(digest.md5 === undefined ? {} : { md5: digest.md5 }) });
        if (checkpointPath !== undefined) await saves.run(() => saveCheckpoint(checkpointPath, checkpointOf(), ctx.fs));
      });
    });
    await saves.idle();
    handle = undefined;
    await file.close();
    const verifiedBy = verify(input, plan, digests, (await ctx.fs.stat(tempPath)).size);
    await ctx.fs.rename(tempPath, target);
    if (checkpointPath !== undefined) await removeCheckpoint(checkpointPath, ctx.fs);
    return { Bucket: input.Bucket, Key: input.Key, ETag: plan.etag, size: plan.size, verifiedBy, resumedRanges, head: plan.head };
  } catch (err) {
    await saves.idle();
    await handle?.close().catch(() => undefined);
    const keep = checkpointPath !== undefined && !ctx.cancelled.aborted && !(err instanceof TransferError);
    if (keep) throw withLeftover(err, { kind: 'partial-file', kept: true, path: tempPath, checkpoint: checkpointPath });
    await ctx.fs.rm(tempPath, { force: true }).catch(() => undefined);
    if (checkpointPath !== undefined) await removeCheckpoint(checkpointPath, ctx.fs).catch(() => undefined);
    throw withLeftover(err, { kind: 'partial-file', kept: false, path: tempPath });
  }
}

async function writeChunk(stream: ChunkSink, chunk: Uint8Array, signal: AbortSignal): Promise<void> {
  if (stream.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const cleanup = (): void => {
      stream.off('drain', onDrain);
      stream.off('error', onError);
      signal.removeEventListener('abort', onAbort);
    };
    const onDrain = (): void => {
      cleanup();
      resolve();
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    const onAbort = (): void => {
      cleanup();
      reject(signal.reason as Error);
    };
    stream.on('drain', onDrain);
    stream.on('error', onError);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function toStream(ctx: TransferContext, input: DownloadInput, options: Omit<DownloadOptions, 'to'> & { to: ChunkSink }, signal: AbortSignal): Promise<DownloadResult> {
  const plan = await planDownload(ctx, input, options, signal);
  const all = ranges(plan.size, plan.partSize);
  const progress = createProgressTracker(input.Bucket, input.Key, plan.size, ctx.clock, options.onProgress);
  const digests = new Map<number, RangeDigest>();
  // Ranges are fetched in parallel into buffers (counted in the memory budget) and written in order.
  const buffered = new Map<number, { data: Uint8Array; release: () => void }>();
  const stop = new AbortController();
  const fetchSignal = AbortSignal.any([signal, stop.signal]);
  let written = 0;
  let wake: (() => void) | undefined;
  let writerError: { error: unknown } | undefined;
  const writer = (async () => {
    for (let n = 1; n <= all.length; ) {
      if (fetchSignal.aborted) return;
      const ready = buffered.get(n);
      if (!ready) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      buffered.delete(n);
      try {
        await writeChunk(options.to, ready.data, fetchSignal);
      } finally {
        ready.release();
      }
      written += ready.data.byteLength;
      n++;
    }
  })().catch((err: unknown) => {
    writerError = { error: err };
    stop.abort(err);
  });
  let next = 0;
  try {
    await runBounded(options.concurrency ?? ctx.concurrency, fetchSignal, async (inner) => {
      const range = all[next++];
      if (!range) return undefined;
      const release = await ctx.memory.acquire(range.end - range.start, inner);
      return async () => {
        const data = allocBytes(range.end - range.start);
        try {
          digests.set(
            range.partNumber,
            await fetchRange(ctx, input, plan, range, progress, inner, (chunks, offset) => {
              let at = offset;
              for (const chunk of chunks) {
                data.set(chunk, at);
                at += chunk.byteLength;
              }
              return Promise.resolve();
            }),
          );
        } catch (err) {
          release();
          throw err;
        }
        buffered.set(range.partNumber, { data, release });
        wake?.();
      };
    });
  } catch (err) {
    stop.abort(err);
    for (const b of buffered.values()) b.release();
    buffered.clear();
    wake?.();
    await writer;
    throw writerError ? writerError.error : err;
  }
  await writer;
  if (writerError) throw writerError.error;
  const verifiedBy = verify(input, plan, digests, written);
  return { Bucket: input.Bucket, Key: input.Key, ETag: plan.etag, size: plan.size, verifiedBy, resumedRanges: 0, head: plan.head };
}

/** Runs `download` for a manager. */
export function runDownload(ctx: TransferContext, input: DownloadInput, options: DownloadOptions): Promise<DownloadResult> {
  const signal = transferSignal(ctx, options.signal);
  const to = options.to;
  if (typeof to === 'string') return toFile(ctx, input, { ...options, to }, signal);
  if (isWritableStream(to)) return toWebStream(ctx, input, { ...options, to }, signal);
  return toStream(ctx, input, { ...options, to }, signal);
}

async function toWebStream(ctx: TransferContext, input: DownloadInput, options: DownloadOptions & { to: WritableStream<Uint8Array> }, signal: AbortSignal): Promise<DownloadResult> {
  const sink = webStreamSink(options.to);
  try {
    const result = await toStream(ctx, input, { ...options, to: sink }, signal);
    await sink.close();
    return result;
  } catch (err) {
    await sink.abort(err);
    throw err;
  }
}
