import { paginateListBuckets, paginateListObjectsV2 } from '@s3kit/s3-core';
import { booleanFlag, COMMON_FLAGS } from '../args.js';
import { createCliClient } from '../client.js';
import { EXIT_OK } from '../context.js';
import type { RunContext } from '../context.js';
import { formatHumanSize, formatListingDate } from '../format.js';
import { parseS3Url } from '../s3-url.js';
import { expectPositionals, runCommand } from './command.js';
import type { CommandDefinition, CommandScope } from './command.js';

const USAGE = `usage: s3kit ls [s3://bucket[/prefix]] [--recursive] [--human-readable] [--summarize] [--json]
  Without a URL, lists your buckets. With one, lists the prefixes (PRE) and objects under it;
  --recursive lists every key below it.`;

async function body(scope: CommandScope): Promise<number> {
  expectPositionals(scope, 0, 1, 's3kit ls [s3://bucket[/prefix]]');
  const client = createCliClient(scope.ctx);
  const signal = scope.ctx.signal;
  const human = booleanFlag(scope.flags, 'human-readable');
  const size = (n: number): string => (human ? formatHumanSize(n) : String(n)).padStart(10);
  try {
    const url = scope.positionals[0];
    if (url === undefined) {
      const buckets: { name: string; created: string | undefined }[] = [];
      for await (const page of paginateListBuckets(client, {}, signal ? { signal } : {})) {
        for (const b of page.Buckets ?? []) {
          buckets.push({ name: b.Name ?? '', created: b.CreationDate?.toISOString() });
          scope.print(`${formatListingDate(b.CreationDate)} ${b.Name ?? ''}`);
        }
      }
      scope.emit({ buckets });
      return EXIT_OK;
    }
    const { bucket, key } = parseS3Url(url);
    const recursive = booleanFlag(scope.flags, 'recursive');
    const input = recursive ? { Bucket: bucket, Prefix: key } : { Bucket: bucket, Prefix: key, Delimiter: '/' };
    const objects: { key: string; size: number; lastModified: string | undefined; etag: string | undefined }[] = [];
    const prefixes: string[] = [];
    let total = 0;
    for await (const page of paginateListObjectsV2(client, input, signal ? { signal } : {})) {
      for (const p of page.CommonPrefixes ?? []) {
        const name = (p.Prefix ?? '').slice(recursive ? 0 : prefixStart(key));
        prefixes.push(p.Prefix ?? '');
        scope.print(`${''.padStart(19)} ${'PRE'.padStart(10)} ${name}`);
      }
      for (const o of page.Contents ?? []) {
        const name = recursive ? (o.Key ?? '') : (o.Key ?? '').slice(prefixStart(key));
        total += o.Size ?? 0;
        objects.push({ key: o.Key ?? '', size: o.Size ?? 0, lastModified: o.LastModified?.toISOString(), etag: o.ETag });
        scope.print(`${formatListingDate(o.LastModified)} ${size(o.Size ?? 0)} ${name}`);
      }
    }
    if (booleanFlag(scope.flags, 'summarize')) {
      scope.print('');
      scope.print(`Total Objects: ${objects.length}`);
      scope.print(`   Total Size: ${human ? formatHumanSize(total) : String(total)}`);
    }
    scope.emit({ bucket, prefix: key, prefixes, objects });
    return EXIT_OK;
  } finally {
    await client.close();
  }
}

/** Listing names are shown relative to the last `/` of the prefix, as the AWS CLI does. */
function prefixStart(prefix: string): number {
  return prefix.lastIndexOf('/') + 1;
}

/** `s3kit ls`: see {@link USAGE}. */
export const lsCommand: CommandDefinition = {
  name: 'ls',
  flags: { ...COMMON_FLAGS, recursive: { type: 'boolean', short: 'r' }, 'human-readable': { type: 'boolean' }, summarize: { type: 'boolean' } },
  usage: USAGE,
  body,
};

/**
 * Runs `s3kit ls` with `argv` (the arguments after `ls`).
 * @example
 * ```ts
 * const code = await run(['s3://photos/2024/'], { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), isTTY: false });
 * ```
 */
export function run(argv: readonly string[], ctx: RunContext): Promise<number> {
  return runCommand(lsCommand, argv, ctx);
}
