import { createPathFilter, deleteObjects } from '@s3kit/s3-transfer';
import { booleanFlag, COMMON_FLAGS, TRANSFER_FLAGS } from '../args.js';
import { createCliClient } from '../client.js';
import { EXIT_FAILURES, EXIT_OK } from '../context.js';
import type { RunContext } from '../context.js';
import { parseS3Url } from '../s3-url.js';
import { listRemoteObjects } from '../transfer/remote-tree.js';
import { UsageError } from '../usage-error.js';
import { expectPositionals, runCommand } from './command.js';
import type { CommandDefinition, CommandScope } from './command.js';

const USAGE = `usage: s3kit rm s3://bucket/key [--recursive [--include P] [--exclude P]] [--dryrun] [--json]
  Deletes one object, or with --recursive every object under the prefix that passes the filters.`;

async function body(scope: CommandScope): Promise<number> {
  expectPositionals(scope, 1, 1, 's3kit rm s3://bucket/key');
  const { bucket, key } = parseS3Url(scope.positionals[0]!);
  const recursive = booleanFlag(scope.flags, 'recursive');
  const dryrun = booleanFlag(scope.flags, 'dryrun');
  if (!recursive && key === '') throw new UsageError('rm needs a key, or --recursive to delete everything under the URL', `run 's3kit rm s3://${bucket}/ --recursive'`);
  const client = createCliClient(scope.ctx);
  const signal = scope.ctx.signal;
  try {
    let keys: string[];
    if (recursive) {
      const keep = createPathFilter(scope.filters);
      keys = (await listRemoteObjects(client, bucket, key, signal)).filter((o) => keep(o.relative)).map((o) => o.key);
    } else keys = [key];
    if (dryrun) {
      for (const k of keys) scope.print(`(dryrun) delete: s3://${bucket}/${k}`);
      scope.emit({ dryrun: true, deleted: keys, failed: [] });
      return EXIT_OK;
    }
    if (!recursive) {
      await client.deleteObject({ Bucket: bucket, Key: key }, signal ? { signal } : {});
      scope.print(`delete: s3://${bucket}/${key}`);
      scope.emit({ deleted: [key], failed: [] });
      return EXIT_OK;
    }
    // s3-transfer's batch delete: 1000 keys a request, a few requests in flight, refused keys retried when S3 says so.
    const result = await deleteObjects(client, { Bucket: bucket, Keys: keys }, { ...(signal ? { signal } : {}), onDeleted: (deleted) => {
      for (const k of deleted) scope.print(`delete: s3://${bucket}/${k}`);
    } });
    for (const f of result.failed) scope.ctx.stderr.write(`delete failed: s3://${bucket}/${f.Key}: ${f.Code} ${f.Message}\n`);
    scope.emit({ deleted: result.deleted, failed: result.failed.map((f) => ({ key: f.Key, code: f.Code, message: f.Message })) });
    return result.failed.length > 0 ? EXIT_FAILURES : EXIT_OK;
  } finally {
    await client.close();
  }
}

/** `s3kit rm`. */
export const rmCommand: CommandDefinition = {
  name: 'rm',
  flags: { ...COMMON_FLAGS, recursive: TRANSFER_FLAGS.recursive, include: TRANSFER_FLAGS.include, exclude: TRANSFER_FLAGS.exclude, dryrun: TRANSFER_FLAGS.dryrun },
  usage: USAGE,
  body,
};

/** Runs `s3kit rm` with `argv` (the arguments after `rm`). */
export function run(argv: readonly string[], ctx: RunContext): Promise<number> {
  return runCommand(rmCommand, argv, ctx);
}
