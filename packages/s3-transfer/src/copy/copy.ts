/**
 * Server-side copies: CopyObject up to the copy threshold (S3 allows 5 GiB), UploadPartCopy above,
 * every request pinned to the source's ETag.
 */
import { abortMultipartUpload } from '../upload/abort-upload.js';
import { withLeftover } from '../manager/leftover.js';
import { planParts, partRanges, rangeHeader } from '../upload/part-plan.js';
import { createProgressTracker } from '../manager/progress.js';
import type { ProgressListener } from '../manager/progress.js';
import type { CompletedPartInput, ObjectWriteOptions } from '../manager/transfer-client.js';
import { mapPrecondition, requestSignal, runBounded, transferSignal } from '../manager/transfer-context.js';
import type { TransferContext } from '../manager/transfer-context.js';
import { ERR_INTEGRITY, TransferError } from '../manager/transfer-error.js';

/** Source and destination of a copy. */
export interface CopyInput {
  source: { Bucket: string; Key: string; VersionId?: string };
  destination: ObjectWriteOptions & { Bucket: string; Key: string };
}

/** Per-call options of `copy`. */
export interface CopyOptions {
  signal?: AbortSignal;
  /** Progress (per copied part: the server moves the bytes). */
  onProgress?: ProgressListener;
  /**
   * `copy` keeps the source's metadata and content headers; `replace` uses the destination's
   * (`destination.Metadata`, `ContentType`...).
   * @default 'copy'
   */
  metadata?: 'copy' | 'replace';
  /**
   * `copy` keeps the source's tags; `replace` uses `destination.Tagging` (none if unset).
   * @default 'copy'
   */
  tags?: 'copy' | 'replace';
  /** Part size of a multipart copy. @default the manager's, else sized to fit 10,000 parts */
  partSize?: number;
  /** Parts in flight. @default the manager's */
  concurrency?: number;
}

/** What a copy produced. */
export interface CopyResult {
  Bucket: string;
  Key: string;
  ETag: string | undefined;
  VersionId: string | undefined;
  size: number;
  multipart: boolean;
}

/** Runs `copy` for a manager. */
export async function runCopy(ctx: TransferContext, input: CopyInput, options: CopyOptions = {}): Promise<CopyResult> {
  const signal = transferSignal(ctx, options.signal);
  const { source, destination } = input;
  const head = await ctx.client.headObject(
    { Bucket: source.Bucket, Key: source.Key, ...(source.VersionId === undefined ? {} : { VersionId: source.VersionId }) },
    { signal },
  );
  const etag = head.ETag;
  const size = head.ContentLength;
  if (etag === undefined || size === undefined) throw new TransferError(ERR_INTEGRITY, `HeadObject s3://${source.Bucket}/${source.Key} returned no ETag or length`);
  const progress = createProgressTracker(destination.Bucket, destination.Key, size, ctx.clock, options.onProgress);
  const metadata = options.metadata ?? 'copy';
  const tags = options.tags ?? 'copy';
  const CopySource = source;
  if (size <= ctx.copyThreshold) {
    try {
      const out = await ctx.client.copyObject(
        { ...destination, CopySource, CopySourceIfMatch: etag, MetadataDirective: metadata === 'copy' ? 'COPY' : 'REPLACE', TaggingDirective: tags === 'copy' ? 'COPY' : 'REPLACE' },
        { signal },
      );
      progress.add(size);
      return { Bucket: destination.Bucket, Key: destination.Key, ETag: out.CopyObjectResult?.ETag, VersionId: out.VersionId, size, multipart: false };
    } catch (err) {
      throw mapPrecondition(err, source.Bucket, source.Key, etag);
    }
  }
  // Multipart copy: S3 copies neither metadata nor tags here, so carry them over explicitly.
  const inherited: ObjectWriteOptions = {};
  if (metadata === 'copy') {
    for (const name of ['ContentType', 'ContentEncoding', 'ContentDisposition', 'ContentLanguage', 'CacheControl', 'Expires', 'Metadata'] as const) {
      if (head[name] !== undefined) Object.assign(inherited, { [name]: head[name] });
    }
  }
  if (tags === 'copy') {
    const tagging = await ctx.client.getObjectTagging({ Bucket: source.Bucket, Key: source.Key, ...(source.VersionId === undefined ? {} : { VersionId: source.VersionId }) }, { signal });
    if (tagging.TagSet && tagging.TagSet.length > 0) inherited.Tagging = Object.fromEntries(tagging.TagSet.map((t) => [t.Key, t.Value]));
  }
  const created = await ctx.client.createMultipartUpload({ ...destination, ...inherited }, { signal });
  const UploadId = created.UploadId;
  if (UploadId === undefined) throw new TransferError(ERR_INTEGRITY, `CreateMultipartUpload s3://${destination.Bucket}/${destination.Key} returned no UploadId`);
  const plan = planParts(size, { partSize: options.partSize ?? ctx.partSize, minPartSize: ctx.minPartSize });
  const parts: CompletedPartInput[] = [];
  try {
    const todo = partRanges(plan);
    let next = 0;
    await runBounded(options.concurrency ?? ctx.concurrency, signal, (inner) => {
      const range = todo[next++];
      if (!range) return Promise.resolve(undefined);
      return Promise.resolve(async () => {
        const release = await ctx.slots.acquire(1, inner);
        try {
          const out = await ctx.client.uploadPartCopy(
            { Bucket: destination.Bucket, Key: destination.Key, UploadId, PartNumber: range.partNumber, CopySource, CopySourceRange: rangeHeader(range), CopySourceIfMatch: etag },
            { signal: requestSignal(inner) },
          );
          const partEtag = out.CopyPartResult?.ETag;
          if (partEtag === undefined) throw new TransferError(ERR_INTEGRITY, `UploadPartCopy ${range.partNumber} returned no ETag`);
          parts.push({ PartNumber: range.partNumber, ETag: partEtag });
          progress.add(range.end - range.start);
        } finally {
          release();
        }
      });
    });
    parts.sort((a, b) => a.PartNumber - b.PartNumber);
    const out = await ctx.client.completeMultipartUpload(
      { Bucket: destination.Bucket, Key: destination.Key, UploadId, MultipartUpload: { Parts: parts } },
      { signal },
    );
    return { Bucket: destination.Bucket, Key: destination.Key, ETag: out.ETag, VersionId: out.VersionId, size, multipart: true };
  } catch (err) {
    const state = await abortMultipartUpload(ctx, { Bucket: destination.Bucket, Key: destination.Key, UploadId });
    throw withLeftover(mapPrecondition(err, source.Bucket, source.Key, etag), { kind: 'multipart-upload', state, Bucket: destination.Bucket, Key: destination.Key, UploadId });
  }
}
