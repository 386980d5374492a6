import { booleanFlag, COMMON_FLAGS, TRANSFER_FLAGS } from '../args.js';
import { connectionFlags, createCliClient } from '../client.js';
import { EXIT_FAILURES, EXIT_OK } from '../context.js';
import type { RunContext } from '../context.js';
import type { TransferAction } from '../transfer/actions.js';
import { parseEndpoint, singleAction } from '../transfer/actions.js';
import { UsageError } from '../usage-error.js';
import { expectPositionals, runCommand, transferSettings } from './command.js';
import type { CommandDefinition, CommandScope } from './command.js';
import { recursiveActions, runActions } from './transfer-command.js';

const USAGE = `usage: s3kit cp <source> <target> [--recursive] [--include P] [--exclude P] [--dryrun]
       [--concurrency N] [--part-size SIZE] [--bwlimit RATE] [--content-type T] [--metadata k=v,...] [--json]
  Copies a local file to S3, an object to a local file, or an object to another (server-side).
  --recursive copies a directory or a prefix; filters apply to paths relative to the source.
  Files above --part-size go multipart (uploads) or in parallel ranges (downloads), every part
  checksummed; --resume keeps a checkpoint beside the file so a re-run continues an interrupted transfer.`;

/** The actions of a cp (also used by mv). */
export async function planCopy(scope: CommandScope, client: Parameters<typeof recursiveActions>[0]): Promise<TransferAction[]> {
  expectPositionals(scope, 2, 2, 's3kit cp <source> <target>');
  const [rawSource, rawTarget] = scope.positionals as [string, string];
  const source = parseEndpoint(rawSource, scope.ctx.cwd);
  const target = parseEndpoint(rawTarget, scope.ctx.cwd);
  if (source.kind === 'local' && target.kind === 'local') throw new UsageError('one side must be an S3 URL', 'e.g. s3kit cp ./file s3://bucket/key');
  if (booleanFlag(scope.flags, 'recursive')) return recursiveActions(client, scope, source, target);
  const action = await singleAction(source, target, rawTarget);
  if (action.kind === 'download' || action.kind === 'copy') {
    const head = await client.headObject({ Bucket: action.source.bucket, Key: action.source.key }, scope.ctx.signal ? { signal: scope.ctx.signal } : {});
    action.size = head.ContentLength ?? 0;
  }
  return [action];
}

async function body(scope: CommandScope): Promise<number> {
  const settings = transferSettings(scope);
  const client = createCliClient(scope.ctx, connectionFlags(scope.flags));
  try {
    const actions = await planCopy(scope, client);
    const result = await runActions(client, scope, actions, settings);
    return result !== undefined && result.failed.length > 0 ? EXIT_FAILURES : EXIT_OK;
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
