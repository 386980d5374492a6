import { rm, utimes } from 'node:fs/promises';
import { systemClock } from '@s3kit/primitives';
import type { Clock } from '@s3kit/primitives';
import type { S3Client } from '@s3kit/s3-core';
import type { TransferProgress } from '@s3kit/s3-transfer';
import type { ProgressReporter, ProgressTask } from '../progress.js';
import { describeError, errorCode } from '../report-error.js';
import type { TransferAction } from './actions.js';
import { deleteKeys } from './delete-objects.js';
import { runPool } from './pool.js';
import { checkpointPath, createCliTransferManager } from './settings.js';
import type { TransferSettings } from './settings.js';

/** A failed action, with the S3 code when there is one. */
export interface ActionFailure {
  action: TransferAction;
  code: string;
  message: string;
}

/** What {@link executeActions} did. */
export interface ExecuteResult {
  done: TransferAction[];
  failed: ActionFailure[];
  /** Bytes moved (uploads, downloads, copies). */
  bytes: number;
  elapsedMs: number;
}

/** Options of {@link executeActions}. */
export interface ExecuteOptions {
  progress: ProgressReporter;
  /** Called with each finished action's line (`upload: a to s3://b/a`). */
  onDone?: (action: TransferAction) => void;
  /** Label of the overall progress bar. @default 'transfer' */
  label?: string;
  clock?: Clock;
}

/**
 * Runs cp/mv/sync actions: files `concurrency` at a time (each large file also splits into parts),
 * deletes batched per bucket after the copies. A failing action is recorded and the others go on.
 */
export async function executeActions(
  client: S3Client,
  actions: readonly TransferAction[],
  settings: TransferSettings,
  options: ExecuteOptions,
): Promise<ExecuteResult> {
  const clock = options.clock ?? systemClock;
  const start = clock.now();
  const copies = actions.filter((a) => a.kind === 'upload' || a.kind === 'download' || a.kind === 'copy');
  const deletes = actions.filter((a) => a.kind === 'delete-local' || a.kind === 'delete-s3');
  const total = copies.reduce((n, a) => n + a.size, 0);
  const overall = copies.length > 1 ? options.progress.task(`${options.label ?? 'transfer'} (${copies.length} files)`, total) : undefined;
  const result: ExecuteResult = { done: [], failed: [], bytes: 0, elapsedMs: 0 };
  const fail = (action: TransferAction, err: unknown): void => {
    result.failed.push({ action, code: errorCode(err) ?? 'ERR_UNKNOWN', message: describeError(err) });
  };
  const manager = createCliTransferManager(client, settings);
  const pool = await runPool(
    copies,
    settings.concurrency,
    async (action) => {
      // Single files get their own bar; in a batch only the big ones do, so the screen stays readable.
      const own: ProgressTask | undefined =
        overall === undefined || action.size >= settings.partSize ? options.progress.task(`${action.kind}: ${label(action)}`, action.size) : undefined;
      let reported = 0;
      const onProgress = (p: TransferProgress): void => {
        const delta = p.loadedBytes - reported;
        if (delta <= 0) return;
        reported = p.loadedBytes;
        result.bytes += delta;
        own?.advance(delta);
        overall?.advance(delta);
      };
      const per = { onProgress, ...(settings.signal ? { signal: settings.signal } : {}) };
      const headers = {
        ...(settings.contentType === undefined ? {} : { ContentType: settings.contentType }),
        ...(settings.metadata === undefined ? {} : { Metadata: settings.metadata }),
      };
      try {
        if (action.kind === 'upload') {
          await manager.upload(
            { Bucket: action.target.bucket, Key: action.target.key, Body: action.source, ...headers },
            settings.resume === true ? { ...per, checkpoint: checkpointPath(action.source) } : per,
          );
        } else if (action.kind === 'download') {
          await manager.download(
            { Bucket: action.source.bucket, Key: action.source.key },
            { ...per, to: action.target, ...(settings.resume === true ? { checkpoint: checkpointPath(action.target) } : {}) },
          );
          if (action.lastModifiedMs !== undefined) {
            const when = new Date(action.lastModifiedMs);
            await utimes(action.target, when, when);
          }
        } else {
          await manager.copy(
            { source: { Bucket: action.source.bucket, Key: action.source.key }, destination: { Bucket: action.target.bucket, Key: action.target.key, ...headers } },
            settings.metadata === undefined && settings.contentType === undefined ? per : { ...per, metadata: 'replace' },
          );
          onProgress({ loadedBytes: action.size } as TransferProgress);
        }
      } finally {
        own?.done();
      }
      result.done.push(action);
      options.onDone?.(action);
    },
    { signal: settings.signal },
  );
  overall?.done();
  for (const r of pool) if (!r.ok) fail(r.item, r.error);
  await runDeletes(client, deletes, settings, result, options, fail);
  result.elapsedMs = clock.now() - start;
  return result;
}

function label(action: TransferAction): string {
  if (action.kind === 'upload') return action.source;
  if (action.kind === 'download' || action.kind === 'delete-local') return action.target;
  return action.target.key;
}

async function runDeletes(
  client: S3Client,
  deletes: readonly TransferAction[],
  settings: TransferSettings,
  result: ExecuteResult,
  options: ExecuteOptions,
  fail: (action: TransferAction, err: unknown) => void,
): Promise<void> {
  const byBucket = new Map<string, TransferAction[]>();
  for (const action of deletes) {
    if (action.kind === 'delete-local') {
      try {
        await rm(action.target, { force: true });
        result.done.push(action);
        options.onDone?.(action);
      } catch (err) {
        fail(action, err);
      }
    } else if (action.kind === 'delete-s3') {
      const list = byBucket.get(action.target.bucket) ?? [];
      list.push(action);
      byBucket.set(action.target.bucket, list);
    }
  }
  for (const [bucket, list] of byBucket) {
    const byKey = new Map(list.map((a) => [a.kind === 'delete-s3' ? a.target.key : '', a]));
    try {
      const out = await deleteKeys(client, bucket, [...byKey.keys()], settings.signal);
      for (const key of out.deleted) {
        const action = byKey.get(key);
        if (action) {
          result.done.push(action);
          options.onDone?.(action);
        }
      }
      for (const f of out.failed) {
        const action = byKey.get(f.key);
        if (action) result.failed.push({ action, code: f.code, message: f.message });
      }
    } catch (err) {
      for (const action of list) fail(action, err);
    }
  }
}
