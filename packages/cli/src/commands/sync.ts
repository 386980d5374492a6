import { join } from 'node:path';
import type { S3Client } from '@s3kit/s3-core';
import { booleanFlag, COMMON_FLAGS, TRANSFER_FLAGS } from '../args.js';
import { connectionFlags, createCliClient } from '../client.js';
import { EXIT_FAILURES, EXIT_OK } from '../context.js';
import type { RunContext } from '../context.js';
import { createPathFilter } from '../filters.js';
import type { Endpoint } from '../transfer/actions.js';
import { parseEndpoint } from '../transfer/actions.js';
import { fileMd5 } from '../transfer/file-md5.js';
import { listLocalFiles } from '../transfer/local-tree.js';
import type { LocalFile } from '../transfer/local-tree.js';
import { directoryPrefix, listRemoteObjects } from '../transfer/remote-tree.js';
import { localEntry, planSync, remoteEntry } from '../transfer/sync-plan.js';
import type { SyncCompare, SyncEntry, SyncPlan, SyncSides } from '../transfer/sync-plan.js';
import { UsageError } from '../usage-error.js';
import { expectPositionals, runCommand, transferSettings } from './command.js';
import type { CommandDefinition, CommandScope } from './command.js';
import { runActions } from './transfer-command.js';

const USAGE = `usage: s3kit sync <source> <target> [--delete] [--dryrun] [--size-only] [--exact-timestamps] [--checksum]
       [--include P] [--exclude P] [--concurrency N] [--part-size SIZE] [--bwlimit RATE] [--json]
  Copies what is missing or out of date from a directory to a prefix, a prefix to a directory, or
  between prefixes: a file is copied when its size differs or the source is newer (--size-only: size
  only; --exact-timestamps: any time difference; --checksum: content, where MD5 ETags allow).
  --delete removes target files the source does not have (filters apply to both sides).`;

async function localSide(root: string, keep: (relative: string) => boolean): Promise<LocalFile[]> {
  try {
    return (await listLocalFiles(root)).filter((f) => keep(f.relative));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** Local entries, with an MD5 for the files whose counterpart has a same-size MD5 ETag (only with --checksum). */
async function localEntries(files: readonly LocalFile[], other: readonly SyncEntry[], checksum: boolean): Promise<SyncEntry[]> {
  const byRelative = new Map(other.map((o) => [o.relative, o]));
  const out: SyncEntry[] = [];
  for (const file of files) {
    const match = byRelative.get(file.relative);
    const needsMd5 = checksum && match?.etag !== undefined && match.size === file.size;
    out.push(localEntry(file, needsMd5 ? await fileMd5(file.path) : undefined));
  }
  return out;
}

/** Lists both sides of a sync and plans it. */
export async function planSyncCommand(client: S3Client, scope: CommandScope, source: Endpoint, target: Endpoint): Promise<SyncPlan> {
  const keep = createPathFilter(scope.filters);
  const signal = scope.ctx.signal;
  const compare: SyncCompare = {
    sizeOnly: booleanFlag(scope.flags, 'size-only'),
    exactTimestamps: booleanFlag(scope.flags, 'exact-timestamps'),
    checksum: booleanFlag(scope.flags, 'checksum'),
  };
  const remote = async (bucket: string, key: string): Promise<{ prefix: string; entries: SyncEntry[] }> => {
    const prefix = directoryPrefix(key);
    const objects = await listRemoteObjects(client, bucket, prefix, signal);
    return { prefix, entries: objects.filter((o) => o.relative !== '' && keep(o.relative)).map(remoteEntry) };
  };
  let sides: SyncSides;
  if (source.kind === 'local') {
    if (target.kind === 'local') throw new UsageError('one side must be an S3 URL', 'e.g. s3kit sync ./dir s3://bucket/prefix');
    const t = await remote(target.bucket, target.key);
    const files = await localSide(source.path, keep);
    sides = { kind: 'upload', root: source.path, files: await localEntries(files, t.entries, compare.checksum === true), target: { bucket: target.bucket, key: t.prefix }, objects: t.entries };
  } else {
    const s = await remote(source.bucket, source.key);
    if (target.kind === 'local') {
      const files = await localSide(target.path, keep);
      sides = { kind: 'download', source: { bucket: source.bucket, key: s.prefix }, objects: s.entries, root: target.path, files: await localEntries(files, s.entries, compare.checksum === true) };
    } else {
      const t = await remote(target.bucket, target.key);
      sides = { kind: 'copy', source: { bucket: source.bucket, key: s.prefix }, objects: s.entries, target: { bucket: target.bucket, key: t.prefix }, targetObjects: t.entries };
    }
  }
  return planSync(sides, compare, booleanFlag(scope.flags, 'delete'), (root, relative) => join(root, ...relative.split('/')));
}

async function body(scope: CommandScope): Promise<number> {
  expectPositionals(scope, 2, 2, 's3kit sync <source> <target>');
  const settings = transferSettings(scope);
  const source = parseEndpoint(scope.positionals[0]!, scope.ctx.cwd);
  const target = parseEndpoint(scope.positionals[1]!, scope.ctx.cwd);
  const client = createCliClient(scope.ctx, connectionFlags(scope.flags));
  try {
    const plan = await planSyncCommand(client, scope, source, target);
    const result = await runActions(client, scope, plan.actions, settings, { unchanged: plan.unchanged });
    if (!scope.json && plan.actions.length === 0) scope.ctx.stderr.write(`sync: nothing to do (${plan.unchanged} up to date)\n`);
    return result !== undefined && result.failed.length > 0 ? EXIT_FAILURES : EXIT_OK;
  } finally {
    await client.close();
  }
}

/** `s3kit sync`. */
export const syncCommand: CommandDefinition = {
  name: 'sync',
  flags: {
    ...COMMON_FLAGS,
    ...TRANSFER_FLAGS,
    delete: { type: 'boolean' },
    'size-only': { type: 'boolean' },
    'exact-timestamps': { type: 'boolean' },
  },
  usage: USAGE,
  body,
};

/**
 * Runs `s3kit sync` with `argv` (the arguments after `sync`).
 * @example
 * ```ts
 * await run(['./site', 's3://bucket/site', '--delete', '--exclude', '*.map'], ctx);
 * ```
 */
export function run(argv: readonly string[], ctx: RunContext): Promise<number> {
  return runCommand(syncCommand, argv, ctx);
}
