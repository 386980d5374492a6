/**
 * Sync between two key prefixes (same or different buckets): both listings are streamed and
 * merge-joined in key order, so memory stays bounded whatever the number of objects; changes are
 * copied server-side.
 */
import { compareUtf8 } from '@s3kit/primitives';
import { runCopy } from '../copy/copy.js';
import { listObjects } from './directory.js';
import { createPathFilter } from './path-filter.js';
import type { PathFilterOptions } from './path-filter.js';
import type { ProgressListener } from '../manager/progress.js';
import type { SyncReason } from './sync-manager.js';
import type { ListedObject } from '../manager/transfer-client.js';
import { transferSignal } from '../manager/transfer-context.js';
import { runActions } from './run-actions.js';
import type { TransferContext } from '../manager/transfer-context.js';
import { ERR_TOO_MANY_DELETES, TransferError } from '../manager/transfer-error.js';

/** Options of `planBucketSync` and `bucketSync`. */
export interface BucketSyncOptions extends PathFilterOptions {
  source: { Bucket: string; Prefix?: string };
  destination: { Bucket: string; Prefix?: string };
  /** `size-mtime` (source LastModified newer), `size`, or `content` (ETags differ). @default 'size-mtime' */
  strategy?: 'size-mtime' | 'size' | 'content';
  /** Delete destination objects the source does not have. @default false */
  delete?: boolean;
  /** Refuse (ERR_TOO_MANY_DELETES) a plan with more deletes. @default Infinity */
  maxDelete?: number;
  /** Plan only. @default false */
  dryRun?: boolean;
  /** Objects in flight. @default 4 */
  fileConcurrency?: number;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

/** One planned bucket-sync action. */
export interface BucketSyncAction {
  action: 'copy' | 'delete';
  /** Source key (copies). */
  sourceKey?: string;
  /** Destination key. */
  Key: string;
  reason: SyncReason;
  size: number;
}

/** A bucket-sync plan. */
export interface BucketSyncPlan {
  actions: BucketSyncAction[];
  unchanged: number;
  listingComplete: boolean;
  /** One line per action. */
  format(): string;
}

/** Report of `bucketSync`. */
export interface BucketSyncResult {
  plan: BucketSyncPlan;
  done: BucketSyncAction[];
  failed: { action: BucketSyncAction; error: unknown }[];
}

/** Whether the destination object is stale (pure): a reason, or `undefined` when they match. */
export function compareObjects(source: ListedObject, destination: ListedObject, strategy: 'size-mtime' | 'size' | 'content'): SyncReason | undefined {
  if ((source.Size ?? 0) !== (destination.Size ?? 0)) return 'size-differs';
  if (strategy === 'size') return undefined;
  if (strategy === 'content') return source.ETag === destination.ETag ? undefined : 'content-differs';
  return (source.LastModified?.getTime() ?? 0) > (destination.LastModified?.getTime() ?? 0) ? 'newer' : undefined;
}

/** Runs `planBucketSync` for a manager. */
export async function runPlanBucketSync(ctx: TransferContext, options: BucketSyncOptions): Promise<BucketSyncPlan> {
  const signal = transferSignal(ctx, options.signal);
  const filter = createPathFilter(options.filters);
  const strategy = options.strategy ?? 'size-mtime';
  const sp = options.source.Prefix ?? '';
  const dp = options.destination.Prefix ?? '';
  const src = listObjects(ctx, options.source.Bucket, sp, signal);
  const dst = listObjects(ctx, options.destination.Bucket, dp, signal);
  const actions: BucketSyncAction[] = [];
  let unchanged = 0;
  // Skips folder markers and filtered keys; returns the next object with its key below the prefix.
  const advance = async (it: typeof src, prefix: string): Promise<{ rel: string; object: ListedObject & { Key: string } } | undefined> => {
    for (;;) {
      const next = await it.next();
      if (next.done === true) return undefined;
      const rel = next.value.Key.slice(prefix.length);
      if (rel !== '' && !next.value.Key.endsWith('/') && filter(rel)) return { rel, object: next.value };
    }
  };
  let s = await advance(src, sp);
  let d = await advance(dst, dp);
  while (s || d) {
    const order = !s ? 1 : !d ? -1 : compareUtf8(s.rel, d.rel);
    if (order < 0 && s) {
      actions.push({ action: 'copy', sourceKey: s.object.Key, Key: dp + s.rel, reason: 'missing', size: s.object.Size ?? 0 });
      s = await advance(src, sp);
    } else if (order > 0 && d) {
      if (options.delete === true) actions.push({ action: 'delete', Key: d.object.Key, reason: 'extraneous', size: 0 });
      d = await advance(dst, dp);
    } else if (s && d) {
      const reason = compareObjects(s.object, d.object, strategy);
      if (reason === undefined) unchanged++;
      else actions.push({ action: 'copy', sourceKey: s.object.Key, Key: d.object.Key, reason, size: s.object.Size ?? 0 });
      s = await advance(src, sp);
      d = await advance(dst, dp);
    }
  }
  return {
    actions,
    unchanged,
    listingComplete: true,
    format: () => actions.map((a) => (a.action === 'copy' ? `copy ${a.sourceKey ?? ''} -> ${a.Key} (${a.reason})` : `delete ${a.Key} (${a.reason})`)).join('\n'),
  };
}

/** Runs `bucketSync` for a manager. */
export async function runBucketSync(ctx: TransferContext, options: BucketSyncOptions): Promise<BucketSyncResult> {
  const signal = transferSignal(ctx, options.signal);
  const plan = await runPlanBucketSync(ctx, options);
  const deletes = plan.actions.filter((a) => a.action === 'delete').length;
  const maxDelete = options.maxDelete ?? Infinity;
  if (deletes > maxDelete) {
    throw new TransferError(ERR_TOO_MANY_DELETES, `Sync to s3://${options.destination.Bucket}/${options.destination.Prefix ?? ''} would delete ${deletes} objects, more than maxDelete (${maxDelete}); nothing was changed`, {
      details: { deletes, maxDelete },
    });
  }
  if (options.dryRun === true) return { plan, done: [], failed: [] };
  const outcome = await runActions(plan.actions, options.fileConcurrency ?? 4, signal, async (action) => {
    if (action.action === 'copy') {
      await runCopy(
        ctx,
        { source: { Bucket: options.source.Bucket, Key: action.sourceKey! }, destination: { Bucket: options.destination.Bucket, Key: action.Key } },
        { signal, ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
      );
    } else {
      await ctx.client.deleteObject({ Bucket: options.destination.Bucket, Key: action.Key }, { signal });
    }
  });
  return { plan, ...outcome };
}
