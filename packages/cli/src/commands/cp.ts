import { booleanFlag, COMMON_FLAGS, TRANSFER_FLAGS } from '../args.js';
import { createCliClient } from '../client.js';
import type { RunContext } from '../context.js';
import type { S3Client } from '@s3kit/s3-core';
import { parseEndpoint, singleAction } from '../transfer/actions.js';
import { executeSingle } from '../transfer/execute.js';
import { createCliTransferManager } from '../transfer/settings.js';
import { UsageError } from '../usage-error.js';
import { expectPositionals, runCommand, transferSettings } from './command.js';
import type { CommandDefinition, CommandScope } from './command.js';
import { isStreamCopy, runStreamCopy } from './stream-copy.js';
import { runRecursive, runTransfer, transferExitCode } from './transfer-command.js';
import type { TransferOutcome } from './transfer-command.js';

const USAGE = `usage: s3kit cp <source> <target> [--recursive] [--include P] [--exclude P] [--dryrun]
       [--concurrency N] [--part-size SIZE] [--bwlimit RATE] [--content-type T] [--metadata k=v,...] [--json]
  Copies a local file to S3, an object to a local file, or an object to another (server-side).
  - as the source uploads stdin; - as the target writes the object to stdout.
  --recursive copies a directory or a prefix; filters apply to paths relative to the source, and
  keys with no safe local path (../x, absolute...) are skipped with a warning.
  Files above --part-size go multipart (uploads) or in parallel ranges (downloads), every part
  checksummed; --resume (single files) keeps a checkpoint beside the file so a re-run continues an
  interrupted transfer.`;

/**
 * Runs a cp (also mv, with `verb` 'move'): one object through the manager, or with --recursive a
 * tree through s3-transfer's directory transfers; prints the outcome.
 * @throws {UsageError} for a bad source or target.
 */
export async function runCopyCommand(scope: CommandScope, client: S3Client, verb?: string): Promise<TransferOutcome> {
  expectPositionals(scope, 2, 2, 's3kit cp <source> <target>');
  const settings = transferSettings(scope);
  const [rawSource, rawTarget] = scope.positionals as [string, string];
  const source = parseEndpoint(rawSource, scope.ctx.cwd);
  const target = parseEndpoint(rawTarget, scope.ctx.cwd);
  if (source.kind === 'local' && target.kind === 'local') throw new UsageError('one side must be an S3 URL', 'e.g. s3kit cp ./file s3://bucket/key');
  const manager = createCliTransferManager(client, settings);
  const options = verb === undefined ? {} : { verb };
  if (booleanFlag(scope.flags, 'recursive')) {
    return runTransfer(scope, settings, (hooks, dryRun) => runRecursive({ manager, client, scope, settings, source, target }, hooks, dryRun), options);
  }
  const action = await singleAction(source, target, rawTarget);
  if (action.kind === 'download' || action.kind === 'copy') {
    const head = await client.headObject({ Bucket: action.source.bucket, Key: action.source.key }, scope.ctx.signal ? { signal: scope.ctx.signal } : {});
    action.size = head.ContentLength ?? 0;
  }
  return runTransfer(
    scope,
    settings,
    async (hooks, dryRun) => {
      if (dryRun) return { done: [action], failed: [], bytes: 0 };
      try {
        await executeSingle(manager, action, settings, (p) => {
          hooks.onProgress(p);
        });
        return { done: [action], failed: [], bytes: action.size };
      } catch (error) {
        return { done: [], failed: [{ action, error }], bytes: hooks.bytes };
      }
    },
    { ...options, ownBarFrom: 0 },
  );
}

async function body(scope: CommandScope): Promise<number> {
  const client = createCliClient(scope.ctx);
  try {
    if (isStreamCopy(scope)) return await runStreamCopy(scope, client);
    const outcome = await runCopyCommand(scope, client);
    return transferExitCode(outcome, scope.ctx.signal);
  } finally {
    await client.close();
  }
}

/** Flags of cp and mv. */
export const CP_FLAGS = { ...COMMON_FLAGS, ...TRANSFER_FLAGS };

/** `s3kit cp`. */
export const cpCommand: CommandDefinition = { name: 'cp', flags: CP_FLAGS, usage: USAGE, body };

/**
 * Runs `s3kit cp` with `argv` (the arguments after `cp`).
 * @example
 * ```ts
 * await run(['./photos', 's3://bucket/photos/', '--recursive', '--exclude', '*.tmp'], ctx);
 * ```
 */
export function run(argv: readonly string[], ctx: RunContext): Promise<number> {
  return runCommand(cpCommand, argv, ctx);
}
