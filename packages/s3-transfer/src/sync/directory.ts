/**
 * Directory transfers: a local tree to a key prefix and back, with include/exclude globs, several
 * files at once, and a per-file report (one failed file does not stop the others).
 */
import { nodePath } from '#platform/node-files';
import { createPathFilter } from './path-filter.js';
import type { PathFilterOptions } from './path-filter.js';
import { keyToLocalPath } from '../files/path-safety.js';
import type { KeyToPathOptions, SkipReason } from '../files/path-safety.js';
import type { ProgressListener } from '../manager/progress.js';
import type { ObjectWriteOptions } from '../manager/transfer-client.js';
import { runBounded, transferSignal } from '../manager/transfer-context.js';
import type { TransferContext } from '../manager/transfer-context.js';
import { runDownload } from '../download/download.js';
import { runUpload } from '../upload/upload.js';
import { listObjects } from './object-listing.js';

export { listObjects } from './object-listing.js';

/** File stats {@link walkFiles} has in flight at once. */
const STATS_IN_FLIGHT = 32;

/** A local file found by {@link walkFiles}. */
export interface LocalFile {
  /** Absolute path. */
  path: string;
  /** Path below the root with `/` separators. */
  relative: string;
  size: number;
  mtimeMs: number;
}

/**
 * Lists the regular files under `root`, depth first, entries sorted by name. Symbolic links and
 * special files are not followed (they are reported through `onSkip`). A missing root is an
 * error unless `missingRootIsEmpty`.
 */
export async function* walkFiles(
  ctx: Pick<TransferContext, 'fs'>,
  root: string,
  onSkip?: (path: string) => void,
  missingRootIsEmpty = false,
): AsyncGenerator<LocalFile> {
  const base = nodePath.resolve(root);
  // Each directory with its path below the root: a file's key is that plus its name, where
  // path.join and path.relative per file cost more than the comparison a no-op sync does with it.
  const stack: { dir: string; relative: string }[] = [{ dir: base, relative: '' }];
  const sep = nodePath.sep;
  while (stack.length > 0) {
    const { dir, relative } = stack.pop()!;
    let entries;
    try {
      entries = await ctx.fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      // A download target may not exist yet; a missing upload source is an error (never "delete everything").
      if (dir === base && missingRootIsEmpty && (err as { code?: unknown }).code === 'ENOENT') return;
      throw err;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    const files: LocalFile[] = [];
    const inside = dir.endsWith(sep) ? dir : dir + sep;
    for (const entry of entries) {
      const full = inside + entry.name;
      const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) stack.push({ dir: full, relative: rel });
      else if (entry.isFile()) files.push({ path: full, relative: rel, size: 0, mtimeMs: 0 });
      else onSkip?.(full);
    }
    files.reverse();
    // Stats run STATS_IN_FLIGHT at a time (one at a time left the thread pool idle between them).
    for (let at = 0; at < files.length; at += STATS_IN_FLIGHT) {
      const batch = files.slice(at, at + STATS_IN_FLIGHT);
      const stats = await Promise.all(batch.map((file) => ctx.fs.stat(file.path)));
      for (let i = 0; i < batch.length; i++) {
        const file = batch[i]!;
        file.size = stats[i]!.size;
        file.mtimeMs = stats[i]!.mtimeMs;
        yield file;
      }
    }
  }
}

/** A file that could not be transferred. */
export interface FileFailure {
  path: string;
  Key: string;
  error: unknown;
}

/** Options of `uploadDirectory`. */
export interface UploadDirectoryOptions extends PathFilterOptions {
  /** Local directory. */
  localDir: string;
  Bucket: string;
  /** Key prefix (include the trailing `/`). @default '' */
  Prefix?: string;
  /** Files in flight. @default 4 */
  fileConcurrency?: number;
  /** Headers for every object (`ContentType` is not guessed). */
  objectOptions?: ObjectWriteOptions;
  /** Store each file's mtime as `x-amz-meta-mtime` (what sync compares). @default true */
  storeMtime?: boolean;
  /** List what would be uploaded (in `uploaded`) without uploading. @default false */
  dryRun?: boolean;
  signal?: AbortSignal;
  /** Progress of each file. */
  onProgress?: ProgressListener;
}

/** Report of `uploadDirectory`. */
export interface UploadDirectoryResult {
  uploaded: { path: string; Key: string; size: number }[];
  failed: FileFailure[];
  /** Paths not uploaded: not a regular file (links, sockets...). */
  skipped: { path: string; reason: 'not-a-regular-file' }[];
}

/** Runs `uploadDirectory` for a manager. */
export async function runUploadDirectory(ctx: TransferContext, options: UploadDirectoryOptions): Promise<UploadDirectoryResult> {
  const signal = transferSignal(ctx, options.signal);
  const filter = createPathFilter(options.filters, { localRoot: nodePath.resolve(options.localDir) });
  const prefix = options.Prefix ?? '';
  const result: UploadDirectoryResult = { uploaded: [], failed: [], skipped: [] };
  const files = walkFiles(ctx, options.localDir, (path) => result.skipped.push({ path, reason: 'not-a-regular-file' }));
  await runBounded(options.fileConcurrency ?? 4, signal, async () => {
    for (;;) {
      const next = await files.next();
      if (next.done === true) return undefined;
      const file = next.value;
      if (!filter(file.relative)) continue;
      const Key = prefix + file.relative;
      if (options.dryRun === true) {
        result.uploaded.push({ path: file.path, Key, size: file.size });
        continue;
      }
      return async () => {
        try {
          const Metadata = { ...options.objectOptions?.Metadata, ...(options.storeMtime === false ? {} : { mtime: String(Math.floor(file.mtimeMs)) }) };
          await runUpload(
            ctx,
            { ...options.objectOptions, Bucket: options.Bucket, Key, Body: file.path, Metadata },
            { signal, ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
          );
          result.uploaded.push({ path: file.path, Key, size: file.size });
        } catch (err) {
          if (signal.aborted) throw err;
          result.failed.push({ path: file.path, Key, error: err });
        }
      };
    }
  });
  return result;
}

/** Options of `downloadDirectory`. */
export interface DownloadDirectoryOptions extends PathFilterOptions {
  Bucket: string;
  /** Key prefix to download (stripped from local paths). @default '' */
  Prefix?: string;
  /** Local directory (created if needed). */
  localDir: string;
  /** Files in flight. @default 4 */
  fileConcurrency?: number;
  /** Naming rules for local paths. @default the platform's */
  windowsRules?: boolean;
  /** Set each file's mtime from `x-amz-meta-mtime` (else `LastModified`). @default true */
  restoreMtime?: boolean;
  /** List what would be downloaded (in `downloaded`, with the listed sizes) without downloading. @default false */
  dryRun?: boolean;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

/** Report of `downloadDirectory`. */
export interface DownloadDirectoryResult {
  downloaded: { Key: string; path: string; size: number }[];
  failed: FileFailure[];
  /** Keys with no safe local path (`../x`, absolute, reserved names...). */
  skipped: { Key: string; reason: SkipReason }[];
}

/** The mtime to give a downloaded file: `x-amz-meta-mtime` when valid, else LastModified. */
export function objectMtime(metadata: Record<string, string> | undefined, lastModified: Date | undefined): Date | undefined {
  const stored = metadata?.mtime;
  if (stored !== undefined && /^\d+$/.test(stored)) return new Date(Number(stored));
  return lastModified;
}

/** Runs `downloadDirectory` for a manager. */
export async function runDownloadDirectory(ctx: TransferContext, options: DownloadDirectoryOptions): Promise<DownloadDirectoryResult> {
  const signal = transferSignal(ctx, options.signal);
  const filter = createPathFilter(options.filters);
  const prefix = options.Prefix ?? '';
  const result: DownloadDirectoryResult = { downloaded: [], failed: [], skipped: [] };
  const objects = listObjects(ctx, options.Bucket, prefix, signal);
  const pathOptions: KeyToPathOptions = { prefix, ...(options.windowsRules === undefined ? {} : { windowsRules: options.windowsRules }) };
  await runBounded(options.fileConcurrency ?? 4, signal, async () => {
    for (;;) {
      const next = await objects.next();
      if (next.done === true) return undefined;
      const object = next.value;
      if (!filter(object.Key.slice(prefix.length))) continue;
      const local = keyToLocalPath(options.localDir, object.Key, pathOptions);
      if (!local.ok) {
        // Folder markers (`dir/`) are how consoles show empty folders: nothing to download.
        if (local.reason !== 'directory-marker') result.skipped.push({ Key: object.Key, reason: local.reason });
        continue;
      }
      if (options.dryRun === true) {
        result.downloaded.push({ Key: object.Key, path: local.path, size: object.Size ?? 0 });
        continue;
      }
      return async () => {
        try {
          const out = await runDownload(ctx, { Bucket: options.Bucket, Key: object.Key }, { to: local.path, signal, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
          if (options.restoreMtime !== false) {
            const mtime = objectMtime(out.head.Metadata, out.head.LastModified ?? object.LastModified);
            if (mtime) await ctx.fs.utimes(local.path, mtime, mtime);
          }
          result.downloaded.push({ Key: object.Key, path: local.path, size: out.size });
        } catch (err) {
          if (signal.aborted) throw err;
          result.failed.push({ Key: object.Key, path: local.path, error: err });
        }
      };
    }
  });
  return result;
}
