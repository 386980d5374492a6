import { systemClock } from '@s3kit/primitives';
import type { S3Client } from '@s3kit/s3-core';
import { createPathFilter } from '@s3kit/s3-transfer';
import type { BucketSyncAction, ObjectWriteOptions, PathFilter, SyncAction, SyncStrategy, TransferManager, TransferProgress } from '@s3kit/s3-transfer';
import { booleanFlag } from '../args.js';
import { formatBytes, formatRate } from '../format.js';
import type { OverallCounts, OverallProgress, ProgressReporter, ProgressTask } from '../progress.js';
import { EXIT_FAILURES, EXIT_INTERRUPTED, EXIT_OK, EXIT_SKIPPED } from '../context.js';
import { describeError, errorCode } from '../report-error.js';
import type { S3Location } from '../s3-url.js';
import { formatS3Url } from '../s3-url.js';
import type { Endpoint, TransferAction } from '../transfer/actions.js';
import { describeAction } from '../transfer/actions.js';
import { directoryPrefix, listRemoteObjects } from '../transfer/remote-tree.js';
import type { TransferSettings } from '../transfer/settings.js';
import { UsageError } from '../usage-error.js';
import { progressFor } from './command.js';
import type { CommandScope } from './command.js';

/** What a transfer command did (or, with `--dryrun`, would do), as output lines. */
export interface TransferOutcome {
  done: TransferAction[];
  failed: { action: TransferAction; error: unknown }[];
  /** What was left alone on purpose (keys with no safe local path, files that are not regular files). */
  skipped?: SkippedItem[];
  /** Bytes moved. */
  bytes: number;
  /** Extra members of the `--json` document (`unchanged` for sync). */
  extra?: Record<string, unknown>;
}

/** A file or object a transfer command did not copy, and why. */
export interface SkippedItem {
  /** The local path or `s3://` URL. */
  source: string;
  /** Why (`parent-segment`, `not-a-regular-file`...). */
  reason: string;
}

/**
 * The exit code of a transfer command, as the AWS CLI v2's: 130 when interrupted, 1 when any
 * transfer failed, 2 when nothing failed but something was skipped, else 0.
 */
export function transferExitCode(outcome: TransferOutcome, signal: AbortSignal | undefined): number {
  if (signal?.aborted === true) return EXIT_INTERRUPTED;
  if (outcome.failed.length > 0) return EXIT_FAILURES;
  return (outcome.skipped?.length ?? 0) > 0 ? EXIT_SKIPPED : EXIT_OK;
}

/** The progress listener of a command: a bar (or quarter lines) per big file, bytes counted per object. */
export interface ProgressHooks {
  onProgress(p: TransferProgress): void;
  /** Bytes reported so far. */
  readonly bytes: number;
}

/**
 * Feeds s3-transfer's per-object progress to the reporter: objects of at least `ownBarFrom` bytes
 * get their own task (so a tree of small files keeps the screen readable).
 */
export function progressHooks(progress: ProgressReporter, ownBarFrom: number, overall?: OverallProgress): ProgressHooks {
  const seen = new Map<string, { reported: number; task: ProgressTask | undefined; done: boolean }>();
  let bytes = 0;
  const counts: OverallCounts = { filesDone: 0, filesKnown: 0, bytesDone: 0, bytesKnown: 0 };
  return {
    onProgress(p) {
      const id = `${p.Bucket}/${p.Key}`;
      let entry = seen.get(id);
      if (!entry) {
        const total = p.totalBytes ?? 0;
        entry = { reported: 0, task: total >= ownBarFrom ? progress.task(p.Key, total) : undefined, done: false };
        seen.set(id, entry);
        counts.filesKnown++;
        counts.bytesKnown += total;
      }
      const delta = p.loadedBytes - entry.reported;
      if (delta !== 0) {
        entry.reported = p.loadedBytes;
        bytes += delta;
        if (delta > 0) entry.task?.advance(delta);
      }
      if (p.totalBytes !== undefined && p.loadedBytes >= p.totalBytes) {
        entry.task?.done();
        if (!entry.done) {
          entry.done = true;
          counts.filesDone++;
        }
      }
      counts.bytesDone = bytes;
      overall?.update(counts);
    },
    get bytes() {
      return bytes;
    },
  };
}

/** JSON form of an action. */
export function actionJson(action: TransferAction): Record<string, unknown> {
  const where = (v: string | S3Location): string => (typeof v === 'string' ? v : formatS3Url(v));
  return {
    op: action.kind,
    ...('source' in action ? { source: where(action.source) } : {}),
    target: where(action.target),
    size: action.size,
  };
}

/** How a line reads: mv says `move:` where cp says `upload:`/`download:`/`copy:`, as the AWS CLI does. */
function describer(verb: string | undefined): (action: TransferAction) => string {
  return (action) => (verb === undefined || action.kind.startsWith('delete') ? describeAction(action) : describeAction(action).replace(/^\w+:/, `${verb}:`));
}

/**
 * Runs a transfer (`work` gets the progress listener and whether this is a dry run) and prints
 * its outcome the AWS CLI's way: one line per action (`(dryrun) ` first in a dry run), a
 * `failed: ...` line per failure on stderr, a summary, or one JSON document with `--json`.
 */
export async function runTransfer(
  scope: CommandScope,
  settings: TransferSettings,
  work: (hooks: ProgressHooks, dryrun: boolean) => Promise<TransferOutcome>,
  options: { verb?: string; ownBarFrom?: number } = {},
): Promise<TransferOutcome> {
  const describe = describer(options.verb);
  const dryrun = booleanFlag(scope.flags, 'dryrun');
  const clock = systemClock;
  const start = clock.now();
  const progress = progressFor(scope);
  let outcome: TransferOutcome;
  try {
    // A single object has its own bar; a tree gets the overall line too.
    const overall = options.ownBarFrom === undefined ? progress.overall() : undefined;
    outcome = await work(progressHooks(progress, options.ownBarFrom ?? settings.partSize, overall), dryrun);
  } finally {
    progress.stop();
  }
  const skipped = outcome.skipped ?? [];
  if (dryrun) {
    for (const action of outcome.done) scope.print(`(dryrun) ${describe(action)}`);
    scope.emit({ dryrun: true, ...outcome.extra, actions: outcome.done.map(actionJson), ...(skipped.length > 0 ? { skipped } : {}) });
    return outcome;
  }
  const elapsedMs = clock.now() - start;
  for (const action of outcome.done) scope.print(describe(action));
  for (const f of outcome.failed) scope.ctx.stderr.write(`failed: ${describe(f.action)}: ${describeError(f.error)}\n`);
  if (!scope.json && !scope.quiet && (outcome.done.length + outcome.failed.length > 1 || skipped.length > 0)) {
    const skips = skipped.length > 0 ? `, ${skipped.length} skipped` : '';
    scope.ctx.stderr.write(
      `${outcome.done.length} done, ${outcome.failed.length} failed${skips}, ${formatBytes(outcome.bytes)} in ${(elapsedMs / 1000).toFixed(1)} s (${formatRate(outcome.bytes, elapsedMs)})\n`,
    );
  }
  scope.emit({
    ...outcome.extra,
    done: outcome.done.map(actionJson),
    failed: outcome.failed.map((f) => ({ ...actionJson(f.action), code: errorCode(f.error) ?? 'ERR_UNKNOWN', message: describeError(f.error) })),
    skipped,
    bytes: outcome.bytes,
    elapsedMs,
  });
  return outcome;
}

/** `--content-type`/`--metadata` as object headers. */
export function objectOptions(settings: TransferSettings): ObjectWriteOptions {
  return {
    ...(settings.contentType === undefined ? {} : { ContentType: settings.contentType }),
    ...(settings.metadata === undefined ? {} : { Metadata: settings.metadata }),
  };
}

/** Options every s3-transfer directory call of a command shares: filters, files in flight, signal, progress. */
function common(scope: CommandScope, settings: TransferSettings, hooks: ProgressHooks): { filters: readonly PathFilter[]; fileConcurrency: number; onProgress: (p: TransferProgress) => void; signal?: AbortSignal } {
  return {
    filters: scope.filters,
    fileConcurrency: settings.concurrency,
    onProgress: (p) => {
      hooks.onProgress(p);
    },
    ...(settings.signal ? { signal: settings.signal } : {}),
  };
}

/** One cp/mv/sync run: the manager (and client, for listings), the command and both sides. */
export interface TransferRun {
  manager: TransferManager;
  client: S3Client;
  scope: CommandScope;
  settings: TransferSettings;
  source: Endpoint;
  target: Endpoint;
}

/** Warns about each key with no safe local path; returns them as skipped items. */
function warnSkipped(scope: CommandScope, skipped: readonly { Key: string; reason: string }[], bucket: string): SkippedItem[] {
  return skipped.map((s) => {
    const source = formatS3Url({ bucket, key: s.Key });
    scope.ctx.stderr.write(`warning: skipped ${source}: no safe local path (${s.reason})\n`);
    return { source, reason: s.reason };
  });
}

/**
 * A recursive cp/mv through s3-transfer: `uploadDirectory`, `downloadDirectory`, or server-side
 * copies of every listed object; every file or object that passes the filters, to the same
 * relative path under the target.
 * @throws {UsageError} for local-to-local.
 */
export async function runRecursive(run: TransferRun, hooks: ProgressHooks, dryRun: boolean): Promise<TransferOutcome> {
  const { manager, scope, settings, source, target } = run;
  const options = common(scope, settings, hooks);
  if (source.kind === 'local') {
    if (target.kind === 'local') throw new UsageError('one side must be an S3 URL', 'e.g. s3kit cp ./dir s3://bucket/prefix/ --recursive');
    const out = await manager.uploadDirectory({ ...options, localDir: source.path, Bucket: target.bucket, Prefix: directoryPrefix(target.key), objectOptions: objectOptions(settings), dryRun });
    for (const s of out.skipped) scope.ctx.stderr.write(`warning: skipped ${s.path}: not a regular file\n`);
    const upload = (f: { path: string; Key: string; size?: number }): TransferAction => ({ kind: 'upload', source: f.path, target: { bucket: target.bucket, key: f.Key }, size: f.size ?? 0 });
    const skipped = out.skipped.map((s) => ({ source: s.path, reason: s.reason }));
    return { done: out.uploaded.map(upload), failed: out.failed.map((f) => ({ action: upload(f), error: f.error })), skipped, bytes: hooks.bytes };
  }
  const prefix = directoryPrefix(source.key);
  if (target.kind === 'local') {
    const out = await manager.downloadDirectory({ ...options, Bucket: source.bucket, Prefix: prefix, localDir: target.path, dryRun });
    const skipped = warnSkipped(scope, out.skipped, source.bucket);
    const download = (f: { path: string; Key: string; size?: number }): TransferAction => ({ kind: 'download', source: { bucket: source.bucket, key: f.Key }, target: f.path, size: f.size ?? 0 });
    return { done: out.downloaded.map(download), failed: out.failed.map((f) => ({ action: download(f), error: f.error })), skipped, bytes: hooks.bytes };
  }
  return copyPrefix(run, { bucket: source.bucket, key: prefix }, { bucket: target.bucket, key: directoryPrefix(target.key) }, dryRun);
}

/** Server-side copies of every object under a prefix that passes the filters, `concurrency` objects at a time. */
async function copyPrefix({ manager, client, scope, settings }: TransferRun, source: S3Location, target: S3Location, dryRun: boolean): Promise<TransferOutcome> {
  const keep = createPathFilter(scope.filters);
  const objects = (await listRemoteObjects(client, source.bucket, source.key, settings.signal)).filter((o) => o.relative !== '' && !o.key.endsWith('/') && keep(o.relative));
  const actions: TransferAction[] = objects.map((o) => ({ kind: 'copy', source: { bucket: source.bucket, key: o.key }, target: { bucket: target.bucket, key: target.key + o.relative }, size: o.size }));
  const outcome: TransferOutcome = { done: [], failed: [], bytes: 0 };
  if (dryRun) return { ...outcome, done: actions };
  const headers = objectOptions(settings);
  const replace = headers.ContentType !== undefined || headers.Metadata !== undefined;
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let action = actions[next++]; action?.kind === 'copy'; action = actions[next++]) {
      try {
        await manager.copy(
          { source: { Bucket: action.source.bucket, Key: action.source.key }, destination: { Bucket: action.target.bucket, Key: action.target.key, ...headers } },
          { ...(settings.signal ? { signal: settings.signal } : {}), ...(replace ? { metadata: 'replace' as const } : {}) },
        );
        outcome.done.push(action);
        outcome.bytes += action.size;
      } catch (error) {
        if (settings.signal?.aborted === true) throw error;
        outcome.failed.push({ action, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(settings.concurrency, actions.length)) }, lane));
  return outcome;
}

/** `--size-only`, `--checksum` (content: MD5 or multipart ETags) or the default size and time. */
function syncStrategy(scope: CommandScope): SyncStrategy {
  if (booleanFlag(scope.flags, 'checksum')) return 'content';
  return booleanFlag(scope.flags, 'size-only') ? 'size' : 'size-mtime';
}

/**
 * A sync through s3-transfer: `sync` between a directory and a prefix (either way), `bucketSync`
 * between prefixes; `--delete` removes what the source does not have (filters apply to both sides).
 * @throws {UsageError} for local-to-local.
 */
export async function runSyncCommand(run: TransferRun, hooks: ProgressHooks, dryRun: boolean): Promise<TransferOutcome> {
  const { manager, scope, settings, source, target } = run;
  const options = { ...common(scope, settings, hooks), strategy: syncStrategy(scope), delete: booleanFlag(scope.flags, 'delete'), dryRun };
  if (source.kind === 's3' && target.kind === 's3') {
    const to = { bucket: target.bucket, key: directoryPrefix(target.key) };
    const result = await manager.bucketSync({
      ...options,
      source: { Bucket: source.bucket, Prefix: directoryPrefix(source.key) },
      destination: { Bucket: to.bucket, Prefix: to.key },
    });
    const line = (a: BucketSyncAction): TransferAction =>
      a.action === 'copy'
        ? { kind: 'copy', source: { bucket: source.bucket, key: a.sourceKey ?? '' }, target: { bucket: to.bucket, key: a.Key }, size: a.size }
        : { kind: 'delete-s3', target: { bucket: to.bucket, key: a.Key }, size: 0 };
    return syncOutcome(result.plan.actions.map(line), result.done.map(line), result.failed.map((f) => ({ action: line(f.action), error: f.error })), result.plan.unchanged, hooks, dryRun);
  }
  if (source.kind === 'local' && target.kind === 'local') throw new UsageError('one side must be an S3 URL', 'e.g. s3kit sync ./dir s3://bucket/prefix');
  const upload = source.kind === 'local';
  const remote = (upload ? target : source) as S3Location;
  const localDir = upload ? (source as { path: string }).path : (target as { path: string }).path;
  const result = await manager.sync({
    ...options,
    direction: upload ? 'upload' : 'download',
    localDir,
    Bucket: remote.bucket,
    Prefix: directoryPrefix(remote.key),
    exactTimestamps: booleanFlag(scope.flags, 'exact-timestamps'),
    objectOptions: objectOptions(settings),
  });
  const skipped = warnSkipped(scope, result.plan.skipped, remote.bucket);
  const line = (a: SyncAction): TransferAction => {
    const object = { bucket: remote.bucket, key: a.Key };
    if (a.action === 'upload') return { kind: 'upload', source: a.path, target: object, size: a.size };
    if (a.action === 'download') return { kind: 'download', source: object, target: a.path, size: a.size };
    return a.side === 'local' ? { kind: 'delete-local', target: a.path, size: 0 } : { kind: 'delete-s3', target: object, size: 0 };
  };
  return { ...syncOutcome(result.plan.actions.map(line), result.done.map(line), result.failed.map((f) => ({ action: line(f.action), error: f.error })), result.plan.unchanged, hooks, dryRun), skipped };
}

function syncOutcome(
  planned: TransferAction[],
  done: TransferAction[],
  failed: TransferOutcome['failed'],
  unchanged: number,
  hooks: ProgressHooks,
  dryRun: boolean,
): TransferOutcome {
  return { done: dryRun ? planned : done, failed, bytes: hooks.bytes, extra: { unchanged } };
}
