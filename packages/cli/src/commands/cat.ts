import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { throwIfAborted } from '@s3kit/primitives';
import { COMMON_FLAGS, stringFlag } from '../args.js';
import { createCliClient } from '../client.js';
import { EXIT_OK } from '../context.js';
import type { RunContext } from '../context.js';
import { UsageError } from '../usage-error.js';
import { expectPositionals, runCommand } from './command.js';
import type { CommandDefinition, CommandScope } from './command.js';
import { objectLocation } from './object-url.js';

const USAGE = `usage: s3kit cat s3://bucket/key [--range RANGE]
  Writes the object's bytes to stdout (one GetObject, streamed). --range takes S3's byte ranges:
  0-99 (the first 100 bytes), 100- (from byte 100), --range=-100 (the last 100), or bytes=0-99.`;

/**
 * Reads `--range` as an HTTP Range header value (`bytes=...`).
 * @throws {UsageError} `ERR_USAGE` for anything but `first-last`, `first-` or `-suffix`.
 */
export function parseRange(text: string): string {
  const spec = text.startsWith('bytes=') ? text.slice(6) : text;
  const m = /^(\d+)-(\d*)$/.exec(spec) ?? /^-(\d+)$/.exec(spec);
  if (!m || (m.length === 3 && m[2] !== '' && Number(m[2]) < Number(m[1]))) {
    throw new UsageError(`--range ${JSON.stringify(text)} is not a byte range`, 'e.g. --range 0-99 (first 100 bytes), --range 100- or --range -100 (last 100)');
  }
  return `bytes=${spec}`;
}

/** Writes every chunk to `out`, waiting for it to drain; `out` is left open. */
export async function writeChunks(chunks: AsyncIterable<Uint8Array>, out: Writable, signal?: AbortSignal): Promise<void> {
  for await (const chunk of chunks) {
    throwIfAborted(signal);
    if (!out.write(chunk)) await once(out, 'drain', signal ? { signal } : {});
  }
}

async function body(scope: CommandScope): Promise<number> {
  expectPositionals(scope, 1, 1, 's3kit cat s3://bucket/key');
  const { bucket, key } = objectLocation('cat', scope.positionals[0]!);
  const rangeText = stringFlag(scope.flags, 'range');
  const range = rangeText === undefined ? undefined : parseRange(rangeText);
  const out = scope.ctx.stdoutBytes;
  if (out === undefined) throw new UsageError('there is no stdout to write object bytes to here', "use 's3kit cp s3://bucket/key FILE'");
  const signal = scope.ctx.signal;
  const client = createCliClient(scope.ctx);
  try {
    const object = await client.getObject({ Bucket: bucket, Key: key, ...(range === undefined ? {} : { Range: range }) }, signal ? { signal } : {});
    await writeChunks(object.Body, out, signal);
    return EXIT_OK;
  } finally {
    await client.close();
  }
}

/** `s3kit cat`: see {@link USAGE}. */
export const catCommand: CommandDefinition = { name: 'cat', flags: { ...COMMON_FLAGS, range: { type: 'string' } }, usage: USAGE, body };

/**
 * Runs `s3kit cat` with `argv` (the arguments after `cat`).
 * @example
 * ```ts
 * await run(['s3://logs/today.txt', '--range', '-1000'], ctx);
 * ```
 */
export function run(argv: readonly string[], ctx: RunContext): Promise<number> {
  return runCommand(catCommand, argv, ctx);
}
