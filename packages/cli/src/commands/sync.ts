import { COMMON_FLAGS, TRANSFER_FLAGS } from '../args.js';
import { createCliClient } from '../client.js';
import type { RunContext } from '../context.js';
import { parseEndpoint } from '../transfer/actions.js';
import { createCliTransferManager } from '../transfer/settings.js';
import { UsageError } from '../usage-error.js';
import { expectPositionals, runCommand, transferSettings } from './command.js';
import type { CommandDefinition, CommandScope } from './command.js';
import { runSyncCommand, runTransfer, transferExitCode } from './transfer-command.js';

const USAGE = `usage: s3kit sync <source> <target> [--delete] [--dryrun] [--size-only] [--exact-timestamps] [--checksum]
       [--include P] [--exclude P] [--concurrency N] [--part-size SIZE] [--bwlimit RATE] [--json]
  Copies what is missing or out of date from a directory to a prefix, a prefix to a directory, or
  between prefixes: a file is copied when its size differs or the source is newer (--size-only: size
  only; --exact-timestamps: downloads also when the times differ at all; --checksum: content, by
  MD5 or multipart ETags where they allow, else size and time). Uploads store each file's mtime as
  x-amz-meta-mtime, which later downloads restore and compare.
  --delete removes target files the source does not have (filters apply to both sides).`;

async function body(scope: CommandScope): Promise<number> {
  expectPositionals(scope, 2, 2, 's3kit sync <source> <target>');
  const settings = transferSettings(scope);
  const source = parseEndpoint(scope.positionals[0]!, scope.ctx.cwd);
  const target = parseEndpoint(scope.positionals[1]!, scope.ctx.cwd);
  if (source.kind === 'local' && target.kind === 'local') throw new UsageError('one side must be an S3 URL', 'e.g. s3kit sync ./dir s3://bucket/prefix');
  const client = createCliClient(scope.ctx);
  try {
    const manager = createCliTransferManager(client, settings);
    const outcome = await runTransfer(scope, settings, (hooks, dryRun) => runSyncCommand({ manager, client, scope, settings, source, target }, hooks, dryRun));
    if (!scope.json && outcome.done.length + outcome.failed.length === 0) scope.ctx.stderr.write(`sync: nothing to do (${String(outcome.extra?.unchanged)} up to date)\n`);
    return transferExitCode(outcome, scope.ctx.signal);
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
