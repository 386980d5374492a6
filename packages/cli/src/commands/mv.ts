import { rm } from 'node:fs/promises';
import { booleanFlag } from '../args.js';
import { createCliClient } from '../client.js';
import { EXIT_FAILURES } from '../context.js';
import type { RunContext } from '../context.js';
import { formatS3Url } from '../s3-url.js';
import { deleteObjects } from '@s3kit/s3-transfer';
import { UsageError } from '../usage-error.js';
import { runCommand } from './command.js';
import type { CommandDefinition, CommandScope } from './command.js';
import { CP_FLAGS, runCopyCommand } from './cp.js';
import { transferExitCode } from './transfer-command.js';

const USAGE = `usage: s3kit mv <source> <target> [--recursive] [--include P] [--exclude P] [--dryrun] [cp's flags]
  Like cp, then deletes each source that was copied successfully (a failed copy keeps its source).`;

async function body(scope: CommandScope): Promise<number> {
  if (scope.positionals.includes('-')) throw new UsageError('mv cannot stream through - (there is nothing to delete afterwards)', "use 's3kit cp' with -");
  const client = createCliClient(scope.ctx);
  try {
    const outcome = await runCopyCommand(scope, client, 'move');
    if (booleanFlag(scope.flags, 'dryrun')) return transferExitCode(outcome, scope.ctx.signal);
    let failures = 0;
    const s3Sources = new Map<string, string[]>();
    for (const action of outcome.done) {
      if (action.kind === 'upload') await rm(action.source, { force: true });
      else if (action.kind === 'download' || action.kind === 'copy') {
        const keys = s3Sources.get(action.source.bucket) ?? [];
        keys.push(action.source.key);
        s3Sources.set(action.source.bucket, keys);
      }
    }
    for (const [bucket, keys] of s3Sources) {
      const out = await deleteObjects(client, { Bucket: bucket, Keys: keys }, scope.ctx.signal ? { signal: scope.ctx.signal } : {});
      for (const f of out.failed) scope.ctx.stderr.write(`could not delete source ${formatS3Url({ bucket, key: f.Key })}: ${f.Code}\n`);
      failures += out.failed.length;
    }
    return failures > 0 ? EXIT_FAILURES : transferExitCode(outcome, scope.ctx.signal);
  } finally {
    await client.close();
  }
}

/** `s3kit mv`. */
export const mvCommand: CommandDefinition = { name: 'mv', flags: CP_FLAGS, usage: USAGE, body };

/** Runs `s3kit mv` with `argv` (the arguments after `mv`). */
export function run(argv: readonly string[], ctx: RunContext): Promise<number> {
  return runCommand(mvCommand, argv, ctx);
}
