import { unlisted } from '@s3kit/s3-core';
import { COMMON_FLAGS } from '../args.js';
import { createCliClient } from '../client.js';
import { EXIT_OK } from '../context.js';
import type { RunContext } from '../context.js';
import { parseS3Url } from '../s3-url.js';
import { UsageError } from '../usage-error.js';
import { expectPositionals, runCommand } from './command.js';
import type { CommandDefinition, CommandScope } from './command.js';

const USAGE = `usage: s3kit mb s3://bucket [--region R]
  Creates a bucket (in --region, or the configured region).`;

async function body(scope: CommandScope): Promise<number> {
  expectPositionals(scope, 1, 1, 's3kit mb s3://bucket');
  const { bucket, key } = parseS3Url(scope.positionals[0]!);
  if (key !== '') throw new UsageError(`mb takes a bucket, not a key (${key})`, `run 's3kit mb s3://${bucket}'`);
  const client = createCliClient(scope.ctx);
  try {
    const { region } = await client.resolvedConfig();
    const input =
      region === undefined || region === 'us-east-1'
        ? { Bucket: bucket }
        : { Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: unlisted(region) } };
    await client.createBucket(input, scope.ctx.signal ? { signal: scope.ctx.signal } : {});
    scope.print(`make_bucket: ${bucket}`);
    scope.emit({ created: bucket });
    return EXIT_OK;
  } finally {
    await client.close();
  }
}

/** `s3kit mb`. */
export const mbCommand: CommandDefinition = { name: 'mb', flags: { ...COMMON_FLAGS }, usage: USAGE, body };

/** Runs `s3kit mb` with `argv` (the arguments after `mb`). */
export function run(argv: readonly string[], ctx: RunContext): Promise<number> {
  return runCommand(mbCommand, argv, ctx);
}
