import { presignGetObject } from '@s3kit/s3-core';
import { COMMON_FLAGS, integerFlag } from '../args.js';
import { createCliClient } from '../client.js';
import { EXIT_OK } from '../context.js';
import type { RunContext } from '../context.js';
import { parseS3Url } from '../s3-url.js';
import { UsageError } from '../usage-error.js';
import { expectPositionals, runCommand } from './command.js';
import type { CommandDefinition, CommandScope } from './command.js';

const USAGE = `usage: s3kit presign s3://bucket/key [--expires-in SECONDS]
  Prints a presigned GET URL (default validity 3600 s, at most 604800 = 7 days). Nothing is sent.`;

/** Default of `--expires-in`, as in the AWS CLI. */
export const DEFAULT_EXPIRES_IN = 3600;

async function body(scope: CommandScope): Promise<number> {
  expectPositionals(scope, 1, 1, 's3kit presign s3://bucket/key');
  const { bucket, key } = parseS3Url(scope.positionals[0]!);
  if (key === '') throw new UsageError('presign needs an object key', `run 's3kit presign s3://${bucket}/path/to/key'`);
  const expiresIn = integerFlag(scope.flags, 'expires-in', 604800) ?? DEFAULT_EXPIRES_IN;
  const client = createCliClient(scope.ctx);
  try {
    const { url } = await presignGetObject(client, { Bucket: bucket, Key: key }, { expiresIn });
    scope.print(url);
    scope.emit({ url, expiresIn });
    return EXIT_OK;
  } finally {
    await client.close();
  }
}

/** `s3kit presign`. */
export const presignCommand: CommandDefinition = {
  name: 'presign',
  flags: { ...COMMON_FLAGS, 'expires-in': { type: 'string' } },
  usage: USAGE,
  body,
};

/** Runs `s3kit presign` with `argv` (the arguments after `presign`). */
export function run(argv: readonly string[], ctx: RunContext): Promise<number> {
  return runCommand(presignCommand, argv, ctx);
}
