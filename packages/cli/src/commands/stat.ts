import type { HeadObjectOutput } from '@s3kit/s3-core';
import { COMMON_FLAGS } from '../args.js';
import { createCliClient } from '../client.js';
import { EXIT_OK } from '../context.js';
import type { RunContext } from '../context.js';
import { formatHumanSize, formatListingDate } from '../format.js';
import { formatS3Url } from '../s3-url.js';
import { expectPositionals, runCommand } from './command.js';
import type { CommandDefinition, CommandScope } from './command.js';
import { objectLocation } from './object-url.js';

const USAGE = `usage: s3kit stat s3://bucket/key [--json]
  Prints what HeadObject says about an object: size, last modified, ETag, content type, storage
  class, version, checksums and user metadata. --json prints HeadObject's output as it is.`;

/** The lines `stat` prints for a HeadObject output: `label: value`, labels right-aligned. */
export function statLines(url: string, head: HeadObjectOutput): string[] {
  const rows: [string, string][] = [['Object', url]];
  const size = head.ContentLength;
  if (size !== undefined) rows.push(['Size', `${size} (${formatHumanSize(size)})`]);
  if (head.LastModified !== undefined) rows.push(['Last modified', `${formatListingDate(head.LastModified)} UTC`]);
  const text: [string, keyof HeadObjectOutput][] = [
    ['ETag', 'ETag'],
    ['Content type', 'ContentType'],
    ['Storage class', 'StorageClass'],
    ['Version', 'VersionId'],
    ['Encryption', 'ServerSideEncryption'],
    ['CRC32', 'ChecksumCRC32'],
    ['CRC32C', 'ChecksumCRC32C'],
    ['CRC64NVME', 'ChecksumCRC64NVME'],
    ['SHA1', 'ChecksumSHA1'],
    ['SHA256', 'ChecksumSHA256'],
  ];
  for (const [label, member] of text) {
    const value = head[member];
    if (typeof value === 'string' && value !== '') rows.push([label, value]);
  }
  // S3 leaves StorageClass out for STANDARD objects.
  if (head.StorageClass === undefined) rows.push(['Storage class', 'STANDARD']);
  const metadata = Object.entries(head.Metadata ?? {});
  if (metadata.length > 0) rows.push(['Metadata', metadata.map(([k, v]) => `${k}=${v}`).join(', ')]);
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padStart(width)}: ${value}`);
}

async function body(scope: CommandScope): Promise<number> {
  expectPositionals(scope, 1, 1, 's3kit stat s3://bucket/key');
  const location = objectLocation('stat', scope.positionals[0]!);
  const signal = scope.ctx.signal;
  const client = createCliClient(scope.ctx);
  try {
    const { $metadata: _response, ...head } = await client.headObject({ Bucket: location.bucket, Key: location.key }, signal ? { signal } : {});
    for (const line of statLines(formatS3Url(location), head)) scope.print(line);
    scope.emit({ Bucket: location.bucket, Key: location.key, ...head });
    return EXIT_OK;
  } finally {
    await client.close();
  }
}

/** `s3kit stat`: see {@link USAGE}. */
export const statCommand: CommandDefinition = { name: 'stat', flags: { ...COMMON_FLAGS }, usage: USAGE, body };

/**
 * Runs `s3kit stat` with `argv` (the arguments after `stat`).
 * @example
 * ```ts
 * await run(['s3://photos/a.jpg', '--json'], ctx);
 * ```
 */
export function run(argv: readonly string[], ctx: RunContext): Promise<number> {
  return runCommand(statCommand, argv, ctx);
}
