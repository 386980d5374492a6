import { join } from 'node:path';
import type { S3Client } from '@s3kit/s3-core';
import { booleanFlag } from '../args.js';
import { createPathFilter } from '../filters.js';
import { formatBytes, formatRate } from '../format.js';
import type { S3Location } from '../s3-url.js';
import { formatS3Url } from '../s3-url.js';
import type { Endpoint, TransferAction } from '../transfer/actions.js';
import { describeAction, joinKey } from '../transfer/actions.js';
import { executeActions } from '../transfer/execute.js';
import type { ExecuteResult } from '../transfer/execute.js';
import { listLocalFiles } from '../transfer/local-tree.js';
import { directoryPrefix, listRemoteObjects } from '../transfer/remote-tree.js';
import type { TransferSettings } from '../transfer/settings.js';
import { UsageError } from '../usage-error.js';
import { progressFor } from './command.js';
import type { CommandScope } from './command.js';

/**
 * The actions of a recursive cp/mv: every file or object under the source that passes the
 * filters, mapped to the same relative path under the target.
 * @throws {UsageError} for local-to-local.
 */
export async function recursiveActions(client: S3Client, scope: CommandScope, source: Endpoint, target: Endpoint): Promise<TransferAction[]> {
  const keep = createPathFilter(scope.filters);
  const signal = scope.ctx.signal;
  if (source.kind === 'local') {
    if (target.kind === 'local') throw new UsageError('one side must be an S3 URL', 'e.g. s3kit cp ./dir s3://bucket/prefix/ --recursive');
    const files = (await listLocalFiles(source.path)).filter((f) => keep(f.relative));
    return files.map((f) => ({ kind: 'upload', source: f.path, target: { bucket: target.bucket, key: joinKey(target.key, f.relative) }, size: f.size }));
  }
  const prefix = directoryPrefix(source.key);
  const objects = (await listRemoteObjects(client, source.bucket, prefix, signal)).filter((o) => o.relative !== '' && keep(o.relative));
  if (target.kind === 'local') {
    return objects.map((o) => ({
      kind: 'download',
      source: { bucket: source.bucket, key: o.key },
      target: join(target.path, ...o.relative.split('/')),
      size: o.size,
      lastModifiedMs: o.lastModifiedMs,
    }));
  }
  return objects.map((o) => ({
    kind: 'copy',
    source: { bucket: source.bucket, key: o.key },
    target: { bucket: target.bucket, key: joinKey(target.key, o.relative) },
    size: o.size,
  }));
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

/**
 * Runs (or with `--dryrun` prints) the actions with progress, prints one line per finished action
 * and a summary; returns 1 when any failed.
 */
export async function runActions(
  client: S3Client,
  scope: CommandScope,
  actions: readonly TransferAction[],
  settings: TransferSettings,
  extra: Record<string, unknown> = {},
  verb?: string,
): Promise<ExecuteResult | undefined> {
  // mv says `move:` where cp says `upload:`/`download:`/`copy:`, as the AWS CLI does.
  const describe = (action: TransferAction): string =>
    verb === undefined || action.kind.startsWith('delete') ? describeAction(action) : describeAction(action).replace(/^\w+:/, `${verb}:`);
  if (booleanFlag(scope.flags, 'dryrun')) {
    for (const action of actions) scope.print(`(dryrun) ${describe(action)}`);
    scope.emit({ dryrun: true, ...extra, actions: actions.map(actionJson) });
    return undefined;
  }
  const progress = progressFor(scope);
  const bars = scope.ctx.isTTY && !scope.json && !booleanFlag(scope.flags, 'no-progress');
  let result: ExecuteResult;
  try {
    result = await executeActions(client, actions, settings, {
      progress,
      label: scope.positionals[0] ?? 'transfer',
      // On a terminal the lines go above the bars; otherwise straight to stdout.
      onDone: (action) => {
        if (bars) progress.log(describe(action));
        else scope.print(describe(action));
      },
    });
  } finally {
    progress.stop();
  }
  for (const f of result.failed) {
    scope.ctx.stderr.write(`failed: ${describe(f.action)}: ${f.message}\n`);
  }
  if (!scope.json && result.done.length + result.failed.length > 1) {
    scope.ctx.stderr.write(
      `${result.done.length} done, ${result.failed.length} failed, ${formatBytes(result.bytes)} in ${(result.elapsedMs / 1000).toFixed(1)} s (${formatRate(result.bytes, result.elapsedMs)})\n`,
    );
  }
  scope.emit({
    ...extra,
    done: result.done.map(actionJson),
    failed: result.failed.map((f) => ({ ...actionJson(f.action), code: f.code, message: f.message })),
    bytes: result.bytes,
    elapsedMs: result.elapsedMs,
  });
  return result;
}
