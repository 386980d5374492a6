import { paginateListObjectsV2 } from '@s3kit/s3-core';
import { booleanFlag, COMMON_FLAGS } from '../args.js';
import { createCliClient } from '../client.js';
import { EXIT_OK } from '../context.js';
import type { RunContext } from '../context.js';
import { formatHumanSize } from '../format.js';
import { formatS3Url, parseS3Url } from '../s3-url.js';
import { expectPositionals, runCommand } from './command.js';
import type { CommandDefinition, CommandScope } from './command.js';

const USAGE = `usage: s3kit du s3://bucket[/prefix] [--human-readable] [--json]
  Adds up the size and count of every object under the prefix (the whole bucket without one),
  in total and by storage class. One ListObjectsV2 page per 1000 objects; nothing is downloaded.`;

/** Objects and bytes of one storage class (or of everything). */
export interface UsageCount {
  objects: number;
  bytes: number;
}

/** What `du` found: the total and a count per storage class. */
export interface DiskUsage extends UsageCount {
  byStorageClass: Record<string, UsageCount>;
}

/** Adds one object of `size` bytes and `storageClass` to `usage`. */
export function addObject(usage: DiskUsage, size: number, storageClass: string): void {
  usage.objects++;
  usage.bytes += size;
  const row = (usage.byStorageClass[storageClass] ??= { objects: 0, bytes: 0 });
  row.objects++;
  row.bytes += size;
}

async function body(scope: CommandScope): Promise<number> {
  expectPositionals(scope, 1, 1, 's3kit du s3://bucket[/prefix]');
  const location = parseS3Url(scope.positionals[0]!);
  const human = booleanFlag(scope.flags, 'human-readable');
  const size = (n: number): string => (human ? formatHumanSize(n) : String(n));
  const signal = scope.ctx.signal;
  const client = createCliClient(scope.ctx);
  const usage: DiskUsage = { objects: 0, bytes: 0, byStorageClass: {} };
  try {
    for await (const page of paginateListObjectsV2(client, { Bucket: location.bucket, Prefix: location.key }, signal ? { signal } : {})) {
      for (const o of page.Contents ?? []) addObject(usage, o.Size ?? 0, o.StorageClass ?? 'STANDARD');
    }
  } finally {
    await client.close();
  }
  const classes = Object.keys(usage.byStorageClass).sort();
  for (const name of classes) {
    const row = usage.byStorageClass[name]!;
    scope.print(`${size(row.bytes).padStart(12)} ${String(row.objects).padStart(9)} objects  ${name}`);
  }
  scope.print(`${size(usage.bytes).padStart(12)} ${String(usage.objects).padStart(9)} objects  ${formatS3Url(location)} (total)`);
  scope.emit({ bucket: location.bucket, prefix: location.key, ...usage });
  return EXIT_OK;
}

/** `s3kit du`: see {@link USAGE}. */
export const duCommand: CommandDefinition = { name: 'du', flags: { ...COMMON_FLAGS, 'human-readable': { type: 'boolean' } }, usage: USAGE, body };

/**
 * Runs `s3kit du` with `argv` (the arguments after `du`).
 * @example
 * ```ts
 * await run(['s3://backups/2024/', '--human-readable'], ctx);
 * ```
 */
export function run(argv: readonly string[], ctx: RunContext): Promise<number> {
  return runCommand(duCommand, argv, ctx);
}
