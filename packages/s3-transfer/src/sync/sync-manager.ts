/**
 * Sync between a local directory and a key prefix: plan first (every action with its reason,
 * printable for a dry run), then run the plan. Deletes are planned only from complete listings
 * and capped by `maxDelete`.
 */
import { concatBytes } from '@s3kit/primitives';
import { nodePath } from '#platform/node-files';
import { createHash } from '#platform/transfer-crypto';
import { allocBytes } from '../upload/part-buffers.js';
import { createPathFilter } from './path-filter.js';
import type { PathFilterOptions } from './path-filter.js';
import { listObjects, objectMtime, walkFiles } from './directory.js';
import type { LocalFile } from './directory.js';
import { keyToLocalPath } from '../files/path-safety.js';
import type { KeyToPathOptions, LocalPathResult, SkipReason } from '../files/path-safety.js';
import { MiB, planParts } from '../upload/part-plan.js';
import type { ProgressListener } from '../manager/progress.js';
import { transferSignal } from '../manager/transfer-context.js';
import { runActions } from './run-actions.js';
import type { TransferContext } from '../manager/transfer-context.js';
import { ERR_TOO_MANY_DELETES, TransferError } from '../manager/transfer-error.js';
import { runDownload } from '../download/download.js';
import { runUpload } from '../upload/upload.js';
import type { ListedObject, ObjectWriteOptions } from '../manager/transfer-client.js';

/** `upload`: the local directory is the source; `download`: the prefix is. */
export type SyncDirection = 'upload' | 'download';

/**
 * How a file and an object are compared once their sizes match:
 * - `size-mtime`: by modification time (`x-amz-meta-mtime`, stored on upload, else LastModified);
 * - `size`: equal sizes are equal;
 * - `content`: the local MD5 (or multipart ETag) against the listing's ETag, falling back to
 *   `size-mtime` when the ETag is not an MD5 (SSE-KMS, SSE-C) or the part size cannot be inferred.
 */
export type SyncStrategy = 'size-mtime' | 'size' | 'content';

/** Why an action is planned. */
export type SyncReason = 'missing' | 'size-differs' | 'newer' | 'mtime-differs' | 'content-differs' | 'extraneous';

/** One planned action. */
export interface SyncAction {
  action: 'upload' | 'download' | 'delete';
  /** The object key. */
  Key: string;
  /** The local path. */
  path: string;
  /** For deletes: which side (`remote` object or `local` file). */
  side?: 'remote' | 'local';
  reason: SyncReason;
  /** Bytes to transfer (0 for deletes). */
  size: number;
}

/** Options of `planSync` and `sync`. */
export interface SyncOptions extends PathFilterOptions {
  direction: SyncDirection;
  localDir: string;
  Bucket: string;
  /** Key prefix (include the trailing `/`). @default '' */
  Prefix?: string;
  /** @default 'size-mtime' */
  strategy?: SyncStrategy;
  /** Delete what the source does not have. @default false */
  delete?: boolean;
  /** Refuse (ERR_TOO_MANY_DELETES) to run a plan with more deletes than this. @default Infinity */
  maxDelete?: number;
  /**
   * Downloading under `size-mtime`: a file is stale when its mtime differs at all from the object's
   * (`x-amz-meta-mtime`, else LastModified to the second), not only when the object is newer
   * (the AWS CLI's `--exact-timestamps`). Uploads are unaffected. @default false
   */
  exactTimestamps?: boolean;
  /** Headers of every uploaded object (its `Metadata` is merged with `mtime`). @default none */
  objectOptions?: ObjectWriteOptions;
  /** Plan only. @default false */
  dryRun?: boolean;
  /** Files in flight. @default 4 */
  fileConcurrency?: number;
  /** Local naming rules. @default the platform's */
  windowsRules?: boolean;
  /**
   * Local content hashes keyed by path, size, mtime and part size (pass the same map to later
   * syncs to hash each unchanged file once). @default a new map per call
   */
  hashCache?: Map<string, string>;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

/** A sync plan. */
export interface SyncPlan {
  direction: SyncDirection;
  actions: SyncAction[];
  /** Pairs found equal. */
  unchanged: number;
  /** Objects without a safe local path (download direction). */
  skipped: { Key: string; reason: SkipReason }[];
  /** Deletes are only planned when both listings completed (always true for a returned plan). */
  listingComplete: boolean;
  /** One line per action: `upload a/b.txt (size-differs)`. */
  format(): string;
}

/** Report of `sync`. */
export interface SyncResult {
  plan: SyncPlan;
  /** Actions that ran (none in a dry run). */
  done: SyncAction[];
  failed: { action: SyncAction; error: unknown }[];
}

/** What {@link compareForSync} knows of the local file. */
export interface LocalSide {
  size: number;
  mtimeMs: number;
}

/** What {@link compareForSync} knows of the object. */
export interface RemoteSide {
  size: number;
  lastModifiedMs: number;
  /** `x-amz-meta-mtime` when known (from a HEAD), `undefined` if not fetched, `null` if absent. */
  metaMtimeMs?: number | null;
}

/** Outcome of {@link compareForSync}: equal, different (with why), or needs the object's stored mtime. */
export type CompareOutcome = { equal: true } | { equal: false; reason: SyncReason } | { needsMetaMtime: true };

/**
 * Decides whether a file and an object differ under `size-mtime` or `size` (pure).
 * Uploading: the object is stale when the file was modified after it, in whole seconds (S3's
 * LastModified has no milliseconds: a change within the second of the upload is not seen).
 * Downloading: the file is stale when the object is newer than it in whole seconds, unless the
 * file's mtime is the object's stored `x-amz-meta-mtime` (a file this sync downloaded before),
 * which needs a HEAD.
 */
export function compareForSync(
  local: LocalSide,
  remote: RemoteSide,
  strategy: 'size-mtime' | 'size',
  direction: SyncDirection,
  exactTimestamps = false,
): CompareOutcome {
  if (local.size !== remote.size) return { equal: false, reason: 'size-differs' };
  if (strategy === 'size') return { equal: true };
  const localMs = Math.floor(local.mtimeMs);
  // S3 keeps LastModified to the second (truncated): a file is newer only from the next second on,
  // else every file written in the second before its upload would be sent again by each sync.
  if (direction === 'upload') return Math.floor(localMs / 1000) > Math.floor(remote.lastModifiedMs / 1000) ? { equal: false, reason: 'newer' } : { equal: true };
  if (exactTimestamps) {
    if (remote.metaMtimeMs === undefined) {
      // Whole seconds: what a download without x-amz-meta-mtime sets from the HTTP Last-Modified.
      return Math.floor(localMs / 1000) === Math.floor(remote.lastModifiedMs / 1000) ? { equal: true } : { needsMetaMtime: true };
    }
    if (remote.metaMtimeMs === null) return { equal: false, reason: 'mtime-differs' };
    return Math.abs(remote.metaMtimeMs - local.mtimeMs) < 1 ? { equal: true } : { equal: false, reason: 'mtime-differs' };
  }
  // Whole seconds here too: servers that list LastModified with milliseconds (Ceph RGW) still send
  // Last-Modified in seconds, and tools that download set the file's mtime from that (the AWS CLI
  // does), so a file downloaded in the same second as its object is not older than it.
  if (Math.floor(remote.lastModifiedMs / 1000) <= Math.floor(localMs / 1000)) return { equal: true };
  if (remote.metaMtimeMs === undefined) return { needsMetaMtime: true };
  if (remote.metaMtimeMs === null) return { equal: false, reason: 'newer' };
  // Stored as whole ms; utimes round-trips through float seconds, so allow the sub-ms error.
  return Math.abs(remote.metaMtimeMs - local.mtimeMs) < 1 ? { equal: true } : { equal: false, reason: 'mtime-differs' };
}

const MD5_ETAG = /^"?([0-9a-f]{32})(?:-(\d+))?"?$/i;

/** Part sizes to try when recomputing a multipart ETag: ours, then common tool defaults. */
function partSizeCandidates(ctx: TransferContext, size: number, count: number): number[] {
  const tried = [ctx.partSize, planParts(size, { minPartSize: 1 }).partSize, 8 * MiB, 16 * MiB, 5 * MiB, 15 * MiB, 64 * MiB, 100 * MiB];
  const out: number[] = [];
  for (const p of tried) if (p !== undefined && Math.ceil(size / p) === count && !out.includes(p)) out.push(p);
  return out;
}

/** The ETag a file would have if uploaded whole (`partSize` undefined) or in parts of `partSize`. */
async function localEtag(ctx: TransferContext, file: LocalFile, partSize: number | undefined, cache: Map<string, string>): Promise<string> {
  const cacheKey = `${file.path}\0${file.size}\0${file.mtimeMs}\0${partSize ?? 0}`;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const handle = await ctx.fs.open(file.path, 'r');
  const buffer = allocBytes(MiB);
  const partMd5s: Uint8Array[] = [];
  try {
    let whole = createHash('md5');
    let inPart = 0;
    for (let at = 0; at < file.size; ) {
      const want = Math.min(buffer.byteLength, file.size - at, partSize === undefined ? Infinity : partSize - inPart);
      const { bytesRead } = await handle.read(buffer, 0, want, at);
      if (bytesRead === 0) break;
      whole.update(buffer.subarray(0, bytesRead));
      at += bytesRead;
      inPart += bytesRead;
      if (partSize !== undefined && (inPart === partSize || at === file.size)) {
        partMd5s.push(whole.digest());
        whole = createHash('md5');
        inPart = 0;
      }
    }
    const etag = partSize === undefined ? whole.digest('hex') : `${createHash('md5').update(concatBytes(partMd5s)).digest('hex')}-${partMd5s.length}`;
    cache.set(cacheKey, etag);
    return etag;
  } finally {
    await handle.close();
  }
}

/** Content comparison: `undefined` when the ETag says nothing about the content. */
async function compareContent(ctx: TransferContext, file: LocalFile, object: ListedObject, cache: Map<string, string>): Promise<boolean | undefined> {
  const match = MD5_ETAG.exec(object.ETag ?? '');
  if (!match) return undefined;
  const remote = match[2] === undefined ? match[1]!.toLowerCase() : `${match[1]!.toLowerCase()}-${match[2]}`;
  if (match[2] === undefined) return (await localEtag(ctx, file, undefined, cache)) === remote;
  const candidates = partSizeCandidates(ctx, file.size, Number(match[2]));
  if (candidates.length === 0) return undefined;
  for (const p of candidates) if ((await localEtag(ctx, file, p, cache)) === remote) return true;
  return false;
}

/**
 * Listing pages a sync plan fetches while it walks the local tree (it reads none before the walk
 * ends): 10 pages hold 10,000 objects, beside a map of every local file.
 */
const SYNC_LIST_PAGES_AHEAD = 10;

/** Runs `planSync` for a manager. */
export async function runPlanSync(ctx: TransferContext, options: SyncOptions): Promise<SyncPlan> {
  const signal = transferSignal(ctx, options.signal);
  // Local files and objects differ only for patterns starting with `/`: those match local absolute paths.
  const localFilter = createPathFilter(options.filters, { localRoot: nodePath.resolve(options.localDir) });
  const filter = createPathFilter(options.filters);
  const prefix = options.Prefix ?? '';
  const strategy = options.strategy ?? 'size-mtime';
  const cache = options.hashCache ?? new Map<string, string>();
  const upload = options.direction === 'upload';
  const local = new Map<string, LocalFile>();
  const pathOptions: KeyToPathOptions = { prefix, ...(options.windowsRules === undefined ? {} : { windowsRules: options.windowsRules }) };
  // The listing starts first and runs ahead while the local tree is walked.
  const listing = listObjects(ctx, options.Bucket, prefix, signal, SYNC_LIST_PAGES_AHEAD);
  const firstRemote = listing.next();
  firstRemote.catch(() => undefined);
  const actions: SyncAction[] = [];
  const skipped: SyncPlan['skipped'] = [];
  let unchanged = 0;
  try {
    for await (const file of walkFiles(ctx, options.localDir, undefined, !upload)) if (localFilter(file.relative)) local.set(file.relative, file);
    for (let next = await firstRemote; next.done !== true; next = await listing.next()) {
      const object = next.value;
      const rel = object.Key.slice(prefix.length);
      // Folder markers (`dir/`) are never files: neither copied nor deleted.
      if (!filter(rel) || object.Key.endsWith('/')) continue;
      // A key that is a walked file's relative path maps to that file (a walk never yields `..`,
      // empty or `.` segments), so the mapping is only worked out for the others.
      let file = local.get(rel);
      let mapped: LocalPathResult | undefined;
      if (file === undefined) {
        mapped = keyToLocalPath(options.localDir, object.Key, pathOptions);
        file = local.get(mapped.ok ? mapped.relative.split(/[\\/]/).join('/') : rel);
      }
      if (file) local.delete(file.relative);
      const size = object.Size ?? 0;
      if (!file) {
        mapped ??= keyToLocalPath(options.localDir, object.Key, pathOptions);
        if (upload) {
          if (options.delete === true) actions.push({ action: 'delete', side: 'remote', Key: object.Key, path: mapped.ok ? mapped.path : '', reason: 'extraneous', size: 0 });
        } else if (mapped.ok) {
          actions.push({ action: 'download', Key: object.Key, path: mapped.path, reason: 'missing', size });
        } else {
          skipped.push({ Key: object.Key, reason: mapped.reason });
        }
        continue;
      }
      let reason: SyncReason | undefined;
      let decided = false;
      if (strategy === 'content' && file.size === size) {
        const same = await compareContent(ctx, file, object, cache);
        if (same !== undefined) {
          decided = true;
          if (!same) reason = 'content-differs';
        }
      }
      if (!decided) {
        const remote: RemoteSide = { size, lastModifiedMs: object.LastModified?.getTime() ?? 0 };
        const exact = options.exactTimestamps === true;
        let outcome = compareForSync(file, remote, strategy === 'size' ? 'size' : 'size-mtime', options.direction, exact);
        if ('needsMetaMtime' in outcome) {
          const head = await ctx.client.headObject({ Bucket: options.Bucket, Key: object.Key }, { signal });
          const meta = objectMtime(head.Metadata, undefined);
          outcome = compareForSync(file, { ...remote, metaMtimeMs: meta === undefined ? null : meta.getTime() }, 'size-mtime', options.direction, exact);
        }
        if ('reason' in outcome) reason = outcome.reason;
      }
      if (reason === undefined) unchanged++;
      else actions.push({ action: upload ? 'upload' : 'download', Key: object.Key, path: file.path, reason, size: upload ? file.size : size });
    }
  } finally {
    await listing.return(undefined);
  }
  for (const file of local.values()) {
    if (upload) actions.push({ action: 'upload', Key: prefix + file.relative, path: file.path, reason: 'missing', size: file.size });
    else if (options.delete === true) actions.push({ action: 'delete', side: 'local', Key: prefix + file.relative, path: file.path, reason: 'extraneous', size: 0 });
  }
  return {
    direction: options.direction,
    actions,
    unchanged,
    skipped,
    listingComplete: true,
    format: () =>
      actions.map((a) => `${a.action === 'delete' ? `delete ${a.side ?? ''}`.trim() : a.action} ${a.action === 'delete' && a.side === 'local' ? a.path : a.Key} (${a.reason})`).join('\n'),
  };
}

/** Runs `sync` for a manager: plans, checks `maxDelete`, then runs the plan (unless `dryRun`). */
export async function runSync(ctx: TransferContext, options: SyncOptions): Promise<SyncResult> {
  const signal = transferSignal(ctx, options.signal);
  const plan = await runPlanSync(ctx, options);
  const deletes = plan.actions.filter((a) => a.action === 'delete').length;
  const maxDelete = options.maxDelete ?? Infinity;
  if (deletes > maxDelete) {
    throw new TransferError(ERR_TOO_MANY_DELETES, `Sync of s3://${options.Bucket}/${options.Prefix ?? ''} would delete ${deletes} items, more than maxDelete (${maxDelete}); nothing was changed`, {
      details: { deletes, maxDelete },
    });
  }
  if (options.dryRun === true) return { plan, done: [], failed: [] };
  const progress = options.onProgress ? { onProgress: options.onProgress } : {};
  const outcome = await runActions(plan.actions, options.fileConcurrency ?? 4, signal, async (action) => {
    if (action.action === 'upload') {
      const stats = await ctx.fs.stat(action.path);
      const Metadata = { ...options.objectOptions?.Metadata, mtime: String(Math.floor(stats.mtimeMs)) };
      await runUpload(ctx, { ...options.objectOptions, Bucket: options.Bucket, Key: action.Key, Body: action.path, Metadata }, { signal, ...progress });
    } else if (action.action === 'download') {
      const out = await runDownload(ctx, { Bucket: options.Bucket, Key: action.Key }, { to: action.path, signal, ...progress });
      const mtime = objectMtime(out.head.Metadata, out.head.LastModified);
      if (mtime) await ctx.fs.utimes(action.path, mtime, mtime);
    } else if (action.side === 'remote') {
      await ctx.client.deleteObject({ Bucket: options.Bucket, Key: action.Key }, { signal });
    } else {
      await ctx.fs.rm(action.path);
    }
  });
  return { plan, ...outcome };
}
