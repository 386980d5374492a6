import type { S3Location } from '../s3-url.js';
import type { TransferAction } from './actions.js';
import { joinKey } from './actions.js';
import type { LocalFile } from './local-tree.js';
import type { RemoteObject } from './remote-tree.js';

/** A file or object on either side of a sync, keyed by its path relative to the synced root. */
export interface SyncEntry {
  relative: string;
  size: number;
  /** Last modification (local mtime or S3 LastModified), ms since the epoch. */
  mtimeMs: number;
  /** Content fingerprint when known: S3 ETag (quotes removed) or a local MD5 in hex. */
  etag?: string | undefined;
}

/** How sync decides that an existing target is out of date. */
export interface SyncCompare {
  /** Compare sizes only. @default false */
  sizeOnly?: boolean;
  /** Copy when timestamps differ at all, not only when the source is newer (downloads). @default false */
  exactTimestamps?: boolean;
  /** Compare content fingerprints when both sides have one; fall back to size and time otherwise. @default false */
  checksum?: boolean;
}

/** Why an entry is copied, or that it is not. */
export type SyncReason = 'missing' | 'size' | 'newer' | 'timestamp' | 'checksum' | 'same';

/**
 * Decides whether `source` must be copied over `target`, following the AWS CLI: size differs, or
 * the source is newer (any timestamp difference with `exactTimestamps`); `sizeOnly` ignores times;
 * `checksum` decides on content when both fingerprints are known.
 */
export function compareEntries(source: SyncEntry, target: SyncEntry | undefined, compare: SyncCompare): SyncReason {
  if (target === undefined) return 'missing';
  if (source.size !== target.size) return 'size';
  if (compare.checksum === true && source.etag !== undefined && target.etag !== undefined) {
    return source.etag === target.etag ? 'same' : 'checksum';
  }
  if (compare.sizeOnly === true) return 'same';
  if (compare.exactTimestamps === true) return Math.trunc(source.mtimeMs / 1000) !== Math.trunc(target.mtimeMs / 1000) ? 'timestamp' : 'same';
  // S3 keeps whole seconds: compare in seconds so a freshly uploaded file is not "newer" than its copy.
  return Math.trunc(source.mtimeMs / 1000) > Math.trunc(target.mtimeMs / 1000) ? 'newer' : 'same';
}

/** A multipart ETag (`"...-3"`) is not an MD5 of the content: unusable as a fingerprint. */
export function etagFingerprint(etag: string | undefined): string | undefined {
  if (etag === undefined) return undefined;
  const bare = etag.replace(/"/g, '');
  return /^[0-9a-f]{32}$/i.test(bare) ? bare.toLowerCase() : undefined;
}

/** Converts a local file to a {@link SyncEntry}. */
export function localEntry(file: LocalFile, md5?: string): SyncEntry {
  return { relative: file.relative, size: file.size, mtimeMs: file.mtimeMs, etag: md5 };
}

/** Converts a listed object to a {@link SyncEntry}. */
export function remoteEntry(object: RemoteObject): SyncEntry {
  return { relative: object.relative, size: object.size, mtimeMs: object.lastModifiedMs, etag: etagFingerprint(object.etag) };
}

/** The two sides of a sync, already listed and filtered. */
export type SyncSides =
  | { kind: 'upload'; root: string; files: SyncEntry[]; target: S3Location; objects: SyncEntry[] }
  | { kind: 'download'; source: S3Location; objects: SyncEntry[]; root: string; files: SyncEntry[] }
  | { kind: 'copy'; source: S3Location; objects: SyncEntry[]; target: S3Location; targetObjects: SyncEntry[] };

/** What a sync will do: the actions, and how many entries were already up to date. */
export interface SyncPlan {
  actions: TransferAction[];
  unchanged: number;
}

/**
 * Plans a sync: a copy for every source entry that is missing or out of date on the target, and
 * with `deleteExtra` a delete for every target entry the source does not have.
 */
export function planSync(sides: SyncSides, compare: SyncCompare, deleteExtra: boolean, joinPath: (root: string, relative: string) => string): SyncPlan {
  const [sources, targets] =
    sides.kind === 'upload' ? [sides.files, sides.objects] : sides.kind === 'download' ? [sides.objects, sides.files] : [sides.objects, sides.targetObjects];
  const byRelative = new Map(targets.map((t) => [t.relative, t]));
  const actions: TransferAction[] = [];
  let unchanged = 0;
  for (const source of sources) {
    const reason = compareEntries(source, byRelative.get(source.relative), compare);
    if (reason === 'same') {
      unchanged++;
      continue;
    }
    if (sides.kind === 'upload') {
      actions.push({ kind: 'upload', source: joinPath(sides.root, source.relative), target: { bucket: sides.target.bucket, key: joinKey(sides.target.key, source.relative) }, size: source.size });
    } else if (sides.kind === 'download') {
      actions.push({
        kind: 'download',
        source: { bucket: sides.source.bucket, key: joinKey(sides.source.key, source.relative) },
        target: joinPath(sides.root, source.relative),
        size: source.size,
        lastModifiedMs: source.mtimeMs,
      });
    } else {
      actions.push({
        kind: 'copy',
        source: { bucket: sides.source.bucket, key: joinKey(sides.source.key, source.relative) },
        target: { bucket: sides.target.bucket, key: joinKey(sides.target.key, source.relative) },
        size: source.size,
      });
    }
  }
  if (deleteExtra) {
    const sourceNames = new Set(sources.map((s) => s.relative));
    for (const target of targets) {
      if (sourceNames.has(target.relative)) continue;
      if (sides.kind === 'download') actions.push({ kind: 'delete-local', target: joinPath(sides.root, target.relative), size: target.size });
      else actions.push({ kind: 'delete-s3', target: { bucket: sides.target.bucket, key: joinKey(sides.target.key, target.relative) }, size: target.size });
    }
  }
  return { actions, unchanged };
}
