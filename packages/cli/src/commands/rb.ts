import { booleanFlag, COMMON_FLAGS } from '../args.js';
import { createCliClient } from '../client.js';
import { EXIT_FAILURES, EXIT_OK } from '../context.js';
import type { RunContext } from '../context.js';
import { parseS3Url } from '../s3-url.js';
import { deleteObjects } from '@s3kit/s3-transfer';
import { listRemoteObjects } from '../transfer/remote-tree.js';
import { UsageError } from '../usage-error.js';
import { expectPositionals, runCommand } from './command.js';
import type { CommandDefinition, CommandScope } from './command.js';

const USAGE = `usage: s3kit rb s3://bucket [--force]
  Deletes an empty bucket; --force deletes its objects first.`;

async function body(scope: CommandScope): Promise<number> {
  expectPositionals(scope, 1, 1, 's3kit rb s3://bucket');
  const { bucket, key } = parseS3Url(scope.positionals[0]!);
  if (key !== '') throw new UsageError(`rb takes a bucket, not a key (${key})`, `run 's3kit rb s3://${bucket}'`);
  const client = createCliClient(scope.ctx);
  const signal = scope.ctx.signal;
  try {
    if (booleanFlag(scope.flags, 'force')) {
      const keys = (await listRemoteObjects(client, bucket, '', signal)).map((o) => o.key);
      const result = await deleteObjects(client, { Bucket: bucket, Keys: keys }, signal ? { signal } : {});
      for (const k of result.deleted) scope.print(`delete: s3://${bucket}/${k}`);
      if (result.failed.length > 0) {
        for (const f of result.failed) scope.ctx.stderr.write(`delete failed: s3://${bucket}/${f.Key}: ${f.Code} ${f.Message}\n`);
        scope.emit({ removed: null, failed: result.failed.map((f) => ({ key: f.Key, code: f.Code, message: f.Message })) });
        return EXIT_FAILURES;
      }
    }
    await client.deleteBucket({ Bucket: bucket }, signal ? { signal } : {});
    scope.print(`remove_bucket: ${bucket}`);
    scope.emit({ removed: bucket });
    return EXIT_OK;
  } finally {
    await client.close();
  }
}

/** `s3kit rb`. */
export const rbCommand: CommandDefinition = { name: 'rb', flags: { ...COMMON_FLAGS, force: { type: 'boolean' } }, usage: USAGE, body };

/** Runs `s3kit rb` with `argv` (the arguments after `rb`). */
export function run(argv: readonly string[], ctx: RunContext): Promise<number> {
  return runCommand(rbCommand, argv, ctx);
}
